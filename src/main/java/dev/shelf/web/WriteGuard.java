package dev.shelf.web;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Who may change the lists on a server without accounts: a request that says it comes from Shelf's own page
 * ({@code X-Requested-With: shelf}, a header no cross-site form can send and a cross-site script can only send after a
 * CORS preflight the server never grants) and, when the browser names the page's origin, from the server's own.
 */
final class WriteGuard {

    /** The header, and its value, that Shelf's page sends with every write. */
    static final String HEADER = "X-Requested-With";
    static final String VALUE = "shelf";

    private WriteGuard() {
    }

    /**
     * Why a write is refused, in words for the client; empty when it may go ahead.
     *
     * @param requestedWith the request's {@code X-Requested-With}, null when absent
     * @param origin the request's {@code Origin}, null when absent (not a browser, or a same-origin GET)
     * @param ownOrigins the origins this server is reached at ({@link #ownOrigins})
     */
    static Optional<String> refusal(String requestedWith, String origin, Set<String> ownOrigins) {
        if (requestedWith == null || !requestedWith.strip().equalsIgnoreCase(VALUE)) {
            return Optional.of("Changing the lists needs the header " + HEADER + ": " + VALUE
                    + " (Shelf's page sends it; a form on another site cannot).");
        }
        if (isForeign(origin, ownOrigins)) {
            return Optional.of("Only Shelf's own page may change the lists; this request comes from " + origin + ".");
        }
        return Optional.empty();
    }

    /**
     * Whether a request comes from a page of another origin: it names an origin, and not one of the server's own.
     * A request without one is not a browser's cross-site request.
     */
    static boolean isForeign(String origin, Set<String> ownOrigins) {
        return origin != null && !ownOrigins.contains(origin.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * The origins of a server, as a browser names them in {@code Origin}: {@code http://} and the address the request
     * reached (and the host the server was told to bind, when it is a name), and on loopback also {@code localhost},
     * {@code 127.0.0.1} and {@code [::1]}; each with its port, left out for 80 as browsers do.
     *
     * @param boundHost the {@code --host} the server was started with
     * @param localAddress the IP address the connection reached
     * @param port the port the connection reached
     */
    static Set<String> ownOrigins(String boundHost, String localAddress, int port) {
        Set<String> hosts = new LinkedHashSet<>();
        hosts.add(bracketed(localAddress));
        if (!boundHost.equals("0.0.0.0") && !boundHost.equals("::") && !boundHost.equals("[::]")) {
            hosts.add(bracketed(boundHost));
        }
        if (isLoopback(localAddress) || isLoopback(boundHost)) {
            hosts.add("localhost");
            hosts.add("127.0.0.1");
            hosts.add("[::1]");
        }
        Set<String> origins = new LinkedHashSet<>();
        for (String host : hosts) {
            origins.add(("http://" + host + (port == 80 ? "" : ":" + port)).toLowerCase(Locale.ROOT));
        }
        return origins;
    }

    private static String bracketed(String host) {
        String plain = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        int zone = plain.indexOf('%');
        if (zone >= 0) {
            plain = plain.substring(0, zone); // a link-local zone never appears in an Origin
        }
        if (plain.equals("0:0:0:0:0:0:0:1")) {
            plain = "::1"; // Java's long form of the loopback; a browser writes it short
        }
        return plain.contains(":") ? "[" + plain + "]" : plain;
    }

    private static boolean isLoopback(String host) {
        String plain = bracketed(host);
        return plain.equals("localhost") || plain.startsWith("127.") || plain.equals("[::1]");
    }
}
