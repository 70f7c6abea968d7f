package dev.docsite.rules;

/** How bad a finding is; ordered from worst to mildest, so {@code compareTo} orders by severity. */
public enum Severity {
    ERROR, WARNING, NOTE;

    public String label() { return name().toLowerCase(); }
}
