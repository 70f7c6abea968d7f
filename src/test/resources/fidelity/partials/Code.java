class Code {
    // tag::body[]
    void run() {
        System.out.println("hi");
    }
    // end::body[]
}
