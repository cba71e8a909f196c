package dev.shelf.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the cluster's refusals say to the user: the pure decisions behind {@link ClusterClient}. */
class ClusterClientTest {

    private static final ClusterAddress ANONYMOUS = ClusterAddress.parse("http://os:9200", "shelf", Map.of());
    private static final ClusterAddress READER = ClusterAddress.parse("http://os:9200", "shelf", Map.of(
            ClusterAddress.USER_VARIABLE, "reader", ClusterAddress.PASSWORD_VARIABLE, "wrong"));

    @Test
    void a_401_says_which_user_was_refused_and_which_variables_to_set() {
        String message = ClusterClient.failure(READER, 401, ClusterClient.object(), "GET", "/").getMessage();
        assertTrue(message.contains("(reader)") && message.contains("HTTP 401")
                && message.contains("SHELF_OPENSEARCH_PASSWORD"), message);
        assertTrue(ClusterClient.failure(ANONYMOUS, 401, ClusterClient.object(), "GET", "/").getMessage()
                .contains("without a user name and password"));
    }

    @Test
    void another_refusal_gives_the_clusters_own_reason() {
        String message = ClusterClient.failure(ANONYMOUS, 400, ClusterClient.tree("""
                {"error": {"root_cause": [{"type": "mapper_parsing_exception", "reason": "failed to parse field"}],
                 "reason": "outer"}, "status": 400}"""), "PUT", "/shelf-build-1").getMessage();
        assertEquals("OpenSearch at http://os:9200 answered HTTP 400 to PUT /shelf-build-1: failed to parse field",
                message);
    }

    @Test
    void the_nodes_without_the_knn_plugin_are_named() {
        var plugins = ClusterClient.tree("""
                [{"name": "n1", "component": "opensearch-knn"}, {"name": "n1", "component": "analysis-icu"},
                 {"name": "n3", "component": "opensearch-knn"}]""");
        var nodes = ClusterClient.tree("[{\"name\": \"n1\"}, {\"name\": \"n2\"}, {\"name\": \"n3\"}]");
        assertEquals(Set.of("n2"), ClusterClient.nodesWithoutKnn(plugins, nodes));
        assertEquals(Set.of("n1", "n2", "n3"), ClusterClient.nodesWithoutKnn(ClusterClient.tree("[]"), nodes));
    }

    @Test
    void versions_from_2_4_on_are_supported() {
        assertTrue(ClusterClient.supported("2.4.0") && ClusterClient.supported("2.19.1")
                && ClusterClient.supported("3.5.0"));
        assertTrue(!ClusterClient.supported("2.3.0") && !ClusterClient.supported("1.3.20")
                && !ClusterClient.supported("x"));
    }
}
