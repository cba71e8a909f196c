package dev.shelf.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shelf.chunk.Chunk;
import dev.shelf.chunk.Chunker;
import dev.shelf.embed.EmbeddingCache;
import dev.shelf.embed.SharedEncoder;
import dev.shelf.eval.DevSet;
import dev.shelf.eval.Judgments;
import dev.shelf.index.IndexLayout;
import dev.shelf.ingest.IngestResult;
import dev.shelf.ingest.Ingester;
import dev.shelf.ingest.Resource;
import dev.shelf.search.BundledIndex;
import dev.shelf.search.SearchMode;
import dev.shelf.search.SearchRequest;
import dev.shelf.search.SearchResult;
import dev.shelf.works.Works;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The topic map of the bundled lists as the index build writes it, with the real model: how well the layout keeps
 * neighbourhoods, whether the topics are sane and their labels clean, and whether a topical question's results sit
 * together on the map.
 */
class MapIT {

    private static TopicMap map;
    private static List<MapInput> inputs;
    private static IngestResult ingested;

    @BeforeAll
    static void readTheMapOfTheBundledIndex() {
        BundledIndex bundled = BundledIndex.get();
        map = TopicMap.read(bundled.index().folder().orElseThrow()).orElseThrow();
        ingested = new Ingester().ingest(List.of(Path.of("index/sources")));
        // The vectors the build used: the same passages, from the build's embedding cache.
        Chunker chunker = new Chunker(SharedEncoder.get()::tokenCount, SharedEncoder.get().chunkTokens());
        List<Chunk> chunks = new ArrayList<>();
        for (Resource resource : ingested.resources()) {
            chunks.addAll(chunker.chunk(resource));
        }
        String model = SharedEncoder.get().name();
        EmbeddingCache cache = EmbeddingCache.open(new IndexLayout(bundled.root()).embeddingCache(model),
                SharedEncoder.get().vectorIdentity(),
                SharedEncoder.get().dimensions());
        inputs = MapFiles.inputs(ingested.resources(), chunks, i -> cache.get(cache.key(chunks.get(i).text())));
    }

    @Test
    void the_build_wrote_the_map_of_every_work_once_and_computing_it_again_gives_the_same_map() {
        // One point per work: a work listed at several addresses is one point (dev.shelf.works).
        int copies = Works.of(ingested.resources()).groups().stream().mapToInt(g -> g.ids().size() - 1).sum();
        assertTrue(copies > 0, "the bundled lists hold copies of one work");
        assertEquals(ingested.resources().size() - copies, map.points().size());
        TopicMap again = TopicMapBuilder.build(inputs, MapFiles.listWords(ingested.sources()), TopicMapBuilder.SEED);
        assertEquals(map, again, "deterministic");
    }

    @Test
    void the_layout_keeps_neighbourhoods_trustworthiness_at_10_is_at_least_0_85() {
        double[][] original = new double[inputs.size()][];
        double[][] layout = new double[inputs.size()][];
        for (int i = 0; i < inputs.size(); i++) {
            float[] v = inputs.get(i).vector();
            original[i] = new double[v.length];
            for (int d = 0; d < v.length; d++) {
                original[i][d] = v[d];
            }
            TopicMap.Point p = map.points().get(i);
            assertEquals(inputs.get(i).id(), p.id());
            layout[i] = new double[] {p.x(), p.y()};
        }
        double t = Trustworthiness.of(original, layout, 10);
        System.out.printf("topic map of the bundled lists: trustworthiness T(10) = %.4f, %d topics%n", t,
                map.clusters().size());
        map.clusters().forEach(c -> System.out.printf("  %4d  %s%n", c.size(), c.label()));
        assertTrue(t >= 0.85, "T(10) = " + t);
    }

    @Test
    void topics_are_as_many_as_the_rule_says_none_holds_a_fifth_and_labels_are_distinct_and_clean() {
        int n = map.points().size();
        assertEquals(Clusters.count(n), map.clusters().size());
        Set<String> labels = new HashSet<>();
        Set<String> words = new HashSet<>();
        Set<String> listWords = MapFiles.listWords(ingested.sources());
        for (TopicMap.Cluster cluster : map.clusters()) {
            assertTrue(cluster.size() < n / 5, "no topic holds a fifth of the corpus: " + cluster);
            assertTrue(labels.add(cluster.label()), "distinct: " + map.clusters());
            String[] own = cluster.label().split(",? ");
            assertTrue(own.length >= 2 && own.length <= 3, "two or three words: " + cluster.label());
            for (String word : own) {
                assertTrue(word.matches("[a-z][a-z0-9]+"), "a plain word, no link part: " + cluster.label());
                assertTrue(!StopWords.contains(word) && !listWords.contains(word), "no stop word or list name: " + word);
                assertTrue(words.add(word), "no word in two labels: " + word + " in " + map.clusters());
            }
        }
    }

    @Test
    void the_top_results_of_a_topical_dev_question_fall_mostly_in_one_or_two_topics() throws IOException {
        // The shared dev set when it is beside the checkout (the newest), else the copy kept with the tests.
        Path eval = Files.isDirectory(Path.of(DevSet.DIR)) ? Path.of(DevSet.DIR) : Path.of("src/test/resources/eval");
        Assumptions.assumeTrue(Files.isRegularFile(eval.resolve(DevSet.QUERIES_FILE)), "no dev set");
        Judgments judgments = Judgments.load(eval.resolve(DevSet.QUERIES_FILE), eval.resolve(DevSet.QRELS_FILE));
        Map<String, Integer> clusterOf = new HashMap<>();
        map.points().forEach(p -> clusterOf.put(p.id(), p.cluster()));
        double sum = 0;
        int queries = 0;
        int mostly = 0;
        for (var query : judgments.queries().entrySet()) {
            if (Set.of("chinese", "related").contains(judgments.kinds().get(query.getKey()))) {
                continue; // not topical: a Chinese query's words, a "more like" query's single target
            }
            List<SearchResult> top = BundledIndex.get().service().search(new SearchRequest(query.getValue(),
                    SearchMode.HYBRID, 10, Set.of(), false)).results();
            Map<Integer, Integer> perCluster = new HashMap<>();
            top.forEach(r -> perCluster.merge(clusterOf.get(r.id()), 1, Integer::sum));
            int twoBiggest = perCluster.values().stream().sorted((a, b) -> b - a).limit(2).mapToInt(Integer::intValue).sum();
            double share = (double) twoBiggest / top.size();
            System.out.printf("  %s %.1f of the top 10 in its two biggest topics: %s%n", query.getKey(), share * 10,
                    query.getValue());
            sum += share;
            queries++;
            mostly += share >= 0.6 ? 1 : 0;
        }
        System.out.printf("topical dev questions: on average %.2f of the top 10 in two topics; %d of %d mostly%n",
                sum / queries, mostly, queries);
        assertTrue(sum / queries >= 0.6, "mean share " + sum / queries);
        assertTrue(mostly * 3 >= queries * 2, mostly + " of " + queries);
    }
}
