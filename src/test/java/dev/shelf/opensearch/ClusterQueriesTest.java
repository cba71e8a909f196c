package dev.shelf.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shelf.index.IndexStore;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The requests match the embedded index's queries field for field. */
class ClusterQueriesTest {

    @Test
    void a_lexical_search_is_a_dis_max_per_word_over_the_boosted_fields_with_the_list_filter() {
        JsonNode body = ClusterQueries.lexical(List.of("merg", "model"), Set.of("b", "a"), 50);
        assertEquals(50, body.get("size").asInt());
        JsonNode bool = body.get("query").get("bool");
        assertEquals(2, bool.get("should").size());
        JsonNode disMax = bool.get("should").get(0).get("dis_max");
        assertEquals(0.2, disMax.get("tie_breaker").asDouble(), 1e-6);
        assertEquals(4, disMax.get("queries").size());
        assertTrue(disMax.toString().contains("{\"title\":{\"value\":\"merg\",\"boost\":3.0}}"), disMax::toString);
        assertEquals(1, bool.get("minimum_should_match").asInt());
        assertEquals("[\"a\",\"b\"]", bool.get("filter").get(0).get("terms").get("source").toString());
        assertEquals("[\"resource\",\"ordinal\"]", body.get("docvalue_fields").toString());
    }

    @Test
    void a_semantic_search_is_a_knn_query_on_the_models_field_filtered_inside_the_graph_search() {
        JsonNode knn = ClusterQueries.semantic("m1", new float[] {0.5f, -0.25f}, Set.of("a"), 10).get("query")
                .get("knn").get("vector.m1");
        assertEquals("[0.5,-0.25]", knn.get("vector").toString());
        assertEquals(10, knn.get("k").asInt());
        assertTrue(knn.has("filter"));
        assertFalse(ClusterQueries.semantic("m1", new float[] {1}, Set.of(), 10).get("query").get("knn")
                .get("vector.m1").has("filter"));
    }

    @Test
    void the_mapping_indexes_terms_as_given_and_nests_each_models_vector_field() {
        IndexStore.PassageVectors model = new IndexStore.PassageVectors() {
            public String model() {
                return "m1";
            }

            public int dimensions() {
                return 384;
            }

            public float[] vector(int i) {
                return null;
            }
        };
        JsonNode body = IndexDefinition.of(3, List.of(model));
        assertEquals(3, body.get("settings").get("index").get("number_of_shards").asInt());
        assertEquals("whitespace", body.get("settings").get("index").get("analysis").get("analyzer")
                .get(IndexDefinition.TERMS_ANALYZER).get("tokenizer").asText());
        JsonNode properties = body.get("mappings").get("properties");
        assertEquals(IndexDefinition.TERMS_ANALYZER, properties.get("body").get("analyzer").asText());
        JsonNode vector = properties.get("vector").get("properties").get("m1");
        assertEquals("knn_vector", vector.get("type").asText());
        assertEquals("lucene", vector.get("method").get("engine").asText());
        assertEquals(384, vector.get("dimension").asInt());
    }
}
