package dev.shelf.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which writes the guard lets through: the header, then the origin, on hand-written cases. */
class WriteGuardTest {

    private static final Set<String> LOCAL = WriteGuard.ownOrigins("127.0.0.1", "127.0.0.1", 7070);

    @Test
    void a_loopback_server_is_reached_at_its_address_localhost_and_ipv6_loopback() {
        assertEquals(Set.of("http://127.0.0.1:7070", "http://localhost:7070", "http://[::1]:7070"), LOCAL);
        assertEquals(Set.of("http://127.0.0.1:7070", "http://localhost:7070", "http://[::1]:7070"),
                WriteGuard.ownOrigins("localhost", "127.0.0.1", 7070));
        assertEquals(Set.of("http://[::1]:7070", "http://localhost:7070", "http://127.0.0.1:7070"),
                WriteGuard.ownOrigins("::1", "0:0:0:0:0:0:0:1", 7070));
    }

    @Test
    void a_server_on_every_address_is_reached_at_the_address_the_connection_came_to() {
        assertEquals(Set.of("http://192.168.1.20:8080"), WriteGuard.ownOrigins("0.0.0.0", "192.168.1.20", 8080));
        assertEquals(Set.of("http://192.168.1.20", "http://shelf.lan"), WriteGuard.ownOrigins("shelf.lan", "192.168.1.20", 80));
    }

    @Test
    void the_page_with_the_header_and_its_own_origin_may_write() {
        assertEquals(Optional.empty(), WriteGuard.refusal("shelf", "http://127.0.0.1:7070", LOCAL));
        assertEquals(Optional.empty(), WriteGuard.refusal("shelf", "http://localhost:7070", LOCAL));
        assertEquals(Optional.empty(), WriteGuard.refusal("Shelf", "HTTP://LOCALHOST:7070", LOCAL));
    }

    @Test
    void a_client_that_is_not_a_browser_sends_no_origin_and_needs_only_the_header() {
        assertEquals(Optional.empty(), WriteGuard.refusal("shelf", null, LOCAL));
    }

    @Test
    void without_the_header_every_write_is_refused_whatever_the_origin() {
        assertTrue(WriteGuard.refusal(null, null, LOCAL).orElseThrow().contains("X-Requested-With"));
        assertTrue(WriteGuard.refusal(null, "http://127.0.0.1:7070", LOCAL).isPresent());
        assertTrue(WriteGuard.refusal("XMLHttpRequest", "http://127.0.0.1:7070", LOCAL).isPresent());
        assertTrue(WriteGuard.refusal("", null, LOCAL).isPresent());
    }

    @Test
    void another_origin_is_refused_even_with_the_header() {
        assertTrue(WriteGuard.refusal("shelf", "http://evil.example", LOCAL).orElseThrow().contains("evil.example"));
        assertTrue(WriteGuard.refusal("shelf", "http://127.0.0.1:7071", LOCAL).isPresent(), "another port");
        assertTrue(WriteGuard.refusal("shelf", "https://127.0.0.1:7070", LOCAL).isPresent(), "another scheme");
        assertTrue(WriteGuard.refusal("shelf", "null", LOCAL).isPresent(), "a sandboxed or file: page");
        assertTrue(WriteGuard.refusal("shelf", "http://127.0.0.1:7070.evil.example", LOCAL).isPresent());
        // DNS rebinding: a name that resolves to loopback is still another origin.
        assertTrue(WriteGuard.refusal("shelf", "http://rebind.example:7070", LOCAL).isPresent());
    }

    @Test
    void a_request_is_foreign_when_it_names_an_origin_that_is_not_the_servers_own() {
        assertTrue(WriteGuard.isForeign("http://evil.example:7070", LOCAL), "DNS rebinding keeps the port");
        assertTrue(WriteGuard.isForeign("http://127.0.0.1:8080", LOCAL), "another port is another origin");
        assertFalse(WriteGuard.isForeign("HTTP://LOCALHOST:7070 ", LOCAL));
        assertFalse(WriteGuard.isForeign(null, LOCAL), "no origin: not a browser's cross-site request");
    }
}
