package dev.docsite.external;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Which hosts are the checking machine's own network: loopback, link-local (cloud metadata at
 * 169.254.169.254), private ranges (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7) and the
 * unspecified address. A redirect from a public host into one of them is not followed.
 */
final class PrivateAddresses {
    private PrivateAddresses() {}

    /** True when {@code from} is on a public host and {@code to} is on a private one. A link written to a private host is the writer's choice. */
    static boolean intoPrivate(URI from, URI to) {
        return !isPrivateHost(from.getHost()) && isPrivateHost(to.getHost());
    }

    /** A host is private when any address it resolves to is (a name that cannot be resolved is not: the request fails anyway). */
    static boolean isPrivateHost(String host) {
        if (host == null || host.isEmpty()) return false;
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost") || h.toLowerCase().endsWith(".localhost")) return true;
        try {
            for (InetAddress a : InetAddress.getAllByName(h)) if (isPrivate(a)) return true;
        } catch (UnknownHostException e) {
            return false;
        }
        return false;
    }

    static boolean isPrivate(InetAddress a) {
        if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isAnyLocalAddress() || a.isMulticastAddress()) return true;
        byte[] b = a.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xff, second = b[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second < 128) || (first == 192 && second == 0 && (b[2] & 0xff) == 0);
        }
        if (a instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) return true;   // unique local fc00::/7
            // IPv4-mapped (::ffff:a.b.c.d): judge the IPv4 address
            boolean mapped = true;
            for (int i = 0; i < 10; i++) if (b[i] != 0) mapped = false;
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return isPrivate(InetAddress.getByAddress(new byte[]{b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }
}
