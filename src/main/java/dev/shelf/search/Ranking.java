package dev.shelf.search;

import dev.shelf.index.ChunkHit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Predicate;

/**
 * One retriever's resources, best first: the unit that fusion combines. A resource's rank is its position, from 1.
 *
 * @param retriever the retriever's name ({@code lexical}, {@code semantic}), which explain data is keyed by
 * @param entries the ranked resources, each id once
 */
public record Ranking(String retriever, List<Ranking.Entry> entries) {

    /**
     * One resource in the ranking.
     *
     * @param id the resource id
     * @param score the retriever's score (BM25, or cosine similarity)
     * @param passage the ordinal of the passage that earned it (its best), whose text becomes the snippet
     */
    public record Entry(String id, double score, int passage) {
    }

    public Ranking {
        entries = List.copyOf(entries);
    }

    /**
     * A retriever's passages aggregated to their resources: each resource ranked where its best passage is, with that
     * passage's score and text; at most {@code limit} resources. The passages must come best first.
     */
    public static Ranking ofBestPassages(String retriever, List<ChunkHit> passages, int limit) {
        Map<String, Entry> best = LinkedHashMap.newLinkedHashMap(Math.min(limit, passages.size()));
        for (ChunkHit p : passages) {
            if (best.size() == limit) {
                break;
            }
            best.putIfAbsent(p.resourceId(), new Entry(p.resourceId(), p.score(), p.ordinal()));
        }
        return new Ranking(retriever, new ArrayList<>(best.values()));
    }

    /**
     * The passage of a fused resource for its snippet, as an ordinal: from the first ranking that holds it (so the
     * words' passage wins over the meaning's when both found it), looked up by the rank fusion recorded; empty for a
     * resource none of them found.
     */
    public static OptionalInt passage(List<Ranking> rankings, Fused resource) {
        for (Ranking ranking : rankings) {
            RankScore rank = resource.rank(ranking.retriever());
            if (rank != null && rank.rank() <= ranking.entries().size()) {
                Entry entry = ranking.entries().get(rank.rank() - 1);
                if (entry.id().equals(resource.id())) {
                    return OptionalInt.of(entry.passage());
                }
            }
        }
        return OptionalInt.empty();
    }

    /** The same ranking without the resources {@code keep} refuses; the others move up, keeping their scores. */
    public Ranking filter(Predicate<String> keep) {
        return new Ranking(retriever, entries.stream().filter(e -> keep.test(e.id())).toList());
    }
}
