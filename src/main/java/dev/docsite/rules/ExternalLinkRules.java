package dev.docsite.rules;

import java.util.List;

/** Rules of `check --external`: links to other sites, asked once per URL per run. */
public final class ExternalLinkRules {
    private ExternalLinkRules() {}

    public static final Rule STATUS = Rule.error("link/external-status",
            "Every external link answers with a success status (2xx, after redirects).",
            "A link that answers 404 or 500 is dead for readers.",
            "Update or remove the link. If the site refuses automated requests, add its URL pattern to links.ignore in site.yaml.");
    public static final Rule TIMEOUT = Rule.error("link/external-timeout",
            "Every external link answers within links.timeout_ms (with retries).",
            "A link that does not answer is probably dead, or the host is down.",
            "Check the URL in a browser; raise links.timeout_ms for slow hosts, or ignore the URL pattern.");
    public static final Rule UNREACHABLE = Rule.error("link/external-unreachable",
            "Every external link's host can be reached (DNS, connection, TLS).",
            "A host that does not resolve or refuses connections is gone for readers too.",
            "Correct the host name, or remove the link.");
    public static final Rule REDIRECT = Rule.error("link/external-redirect",
            "External redirects end within links.max_redirects, without loops or invalid locations.",
            "Browsers give up on redirect loops; readers see an error.",
            "Link to the final URL directly.");
    public static final Rule ANCHOR = Rule.error("link/external-anchor",
            "The #fragment of an external link exists on the page it names.",
            "A link to a missing anchor lands at the top of a long page.",
            "Update the fragment to the target page's current id.");
    public static final Rule ANCHOR_UNVERIFIED = Rule.warning("link/external-anchor-unverified",
            "The #fragment of an external link can be verified in the page's HTML.",
            "Pages that build their ids with JavaScript cannot be verified without a browser.",
            "Check the link by hand; ignore the URL pattern if it is known to be right.");
    public static final Rule RATE_LIMITED = Rule.warning("link/external-rate-limited",
            "External hosts answer without refusing for too many requests (429).",
            "A rate-limited link was not verified in this run.",
            "Lower links.per_host or links.concurrency, or run the external check less often.");
    public static final Rule MOVED = Rule.note("link/external-moved",
            "External links point at a page's current address, not at one that moved permanently (301/308).",
            "Permanent redirects are slower for readers and may be dropped by the site later.",
            "Replace the link with the address the message names.");
    public static final Rule INVALID = Rule.error("link/external-invalid",
            "Every external link is a valid absolute URL.",
            "A malformed URL cannot be followed by any browser.",
            "Correct the URL (spaces must be written %20; the scheme must be http or https).");

    public static final Rule UNCHECKED = Rule.warning("link/external-unchecked",
            "Every external URL is checked within the run's deadline (links: deadline_seconds in site.yaml, 120 s by default).",
            "A check that waits on slow or dead hosts without limit holds CI up; the URLs it could not reach in time are named instead of silently skipped.",
            "Run the check again (successes are cached, so the next run starts where this one stopped), raise deadline_seconds, or add an ignore pattern for a host that is always slow.");
    public static final Rule PRIVATE_REDIRECT = Rule.error("link/external-private-redirect",
            "A link to a public host does not redirect into a loopback, link-local or private address.",
            "Following such a redirect would let untrusted content make the CI machine request its own network (server-side request forgery: cloud metadata at 169.254.169.254, services on localhost).",
            "Link to the final address directly; a project whose links legitimately redirect into a private network sets links: allow_private_redirects: true in site.yaml.");

    public static final List<Rule> ALL = List.of(STATUS, TIMEOUT, UNREACHABLE, REDIRECT, ANCHOR, ANCHOR_UNVERIFIED, RATE_LIMITED, MOVED, INVALID,
            UNCHECKED, PRIVATE_REDIRECT);
}
