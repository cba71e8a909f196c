package dev.shelf.search;

import dev.shelf.index.ChunkHit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One retriever's resources, best first: the unit that fusion combines. A resource's rank is its position, from 1.
 *
 * @param retriever the retriever's name ({@code lexical}, {@code semantic}), which explain data is keyed by
 * @param entries the ranked resources, each id once
 */
public record Ranking(String retriever, List<RankedResource> entries) {

    public Ranking {
        entries = List.copyOf(entries);
    }

    /**
     * A retriever's passages aggregated to their resources: each resource ranked where its best passage is, with that
     * passage's score and text; at most {@code limit} resources. The passages must come best first.
     */
    public static Ranking ofBestPassages(String retriever, List<ChunkHit> passages, int limit) {
        Map<String, RankedResource> best = new LinkedHashMap<>();
        for (ChunkHit p : passages) {
            if (best.size() == limit) {
                break;
            }
            best.putIfAbsent(p.resourceId(), new RankedResource(p.resourceId(), p.score(), p.ordinal()));
        }
        return new Ranking(retriever, new ArrayList<>(best.values()));
    }

    /**
     * The passage of each resource for its snippet, as an ordinal: from the first ranking that holds the resource (so
     * the words' passage wins over the meaning's when both found it).
     */
    public static Map<String, Integer> passages(List<Ranking> rankings) {
        Map<String, Integer> passages = new HashMap<>();
        for (Ranking ranking : rankings) {
            ranking.entries().forEach(e -> passages.putIfAbsent(e.id(), e.passage()));
        }
        return passages;
    }

    /** The same ranking without the resources {@code keep} refuses; the others move up, keeping their scores. */
    public Ranking filter(Predicate<String> keep) {
        return new Ranking(retriever, entries.stream().filter(e -> keep.test(e.id())).toList());
    }
}
