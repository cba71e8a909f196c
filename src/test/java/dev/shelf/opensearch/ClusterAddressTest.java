package dev.shelf.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterAddressTest {

    @Test
    void comma_separated_urls_become_nodes_and_trailing_slashes_go() {
        ClusterAddress address = ClusterAddress.parse("http://a:9200/, https://b:9201", "shelf", Map.of());
        assertEquals(List.of(URI.create("http://a:9200"), URI.create("https://b:9201")), address.nodes());
        assertNull(address.user());
        assertEquals("shelf-build-1", address.indexOf("build-1"));
    }

    @Test
    void credentials_come_from_the_environment_and_never_show_in_text() {
        ClusterAddress address = ClusterAddress.parse("http://a:9200", "shelf", Map.of(
                ClusterAddress.USER_VARIABLE, "reader", ClusterAddress.PASSWORD_VARIABLE, "s3cret"));
        assertEquals("reader", address.user());
        assertEquals("s3cret", address.password());
        assertFalse(address.toString().contains("s3cret"), address::toString);
    }

    @Test
    void a_user_without_a_password_is_refused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClusterAddress.parse(
                "http://a:9200", "shelf", Map.of(ClusterAddress.USER_VARIABLE, "reader")));
        assertTrue(e.getMessage().contains(ClusterAddress.PASSWORD_VARIABLE), e::getMessage);
    }

    @Test
    void what_is_not_an_http_url_or_a_valid_index_name_is_refused_saying_so() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ClusterAddress.parse("localhost:9200", "shelf",
                Map.of())).getMessage().contains("is not an http(s) URL"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ClusterAddress.parse("http://u:p@a:9200",
                "shelf", Map.of())).getMessage().contains("not in the URL"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ClusterAddress.parse("", "shelf",
                Map.of())).getMessage().contains("at least one URL"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ClusterAddress.parse("http://a:9200", "Shelf",
                Map.of())).getMessage().contains("not a valid index name"));
    }
}
