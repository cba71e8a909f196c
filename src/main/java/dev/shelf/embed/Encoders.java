package dev.shelf.embed;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The embedding models in use, primary first (a model that embeds every passage): each has its own vector field in
 * the index, its own embedding cache and its own ranked list in the fuser. The primary model's token counts cut
 * passages, and its vectors find related articles. NOTE: thread-safe as its encoders are; closing it closes every
 * encoder once.
 *
 * @param all the encoders, primary first, distinct by name
 */
public record Encoders(List<Encoder> all) implements AutoCloseable {

    public Encoders {
        all = List.copyOf(all);
        if (all.isEmpty()) {
            throw new ModelException("at least one embedding model is needed", null);
        }
        // The primary model's vector of every passage is stored (related articles, the topic map): it must embed all.
        if (!all.get(0).scope().embedsEveryPassage()) {
            throw new ModelException("the first model, " + all.get(0).name() + ", embeds only some texts (scope "
                    + all.get(0).scope().name().toLowerCase(Locale.ROOT)
                    + "); put a model that embeds every passage first in --models", null);
        }
        Set<String> names = new HashSet<>();
        for (Encoder e : all) {
            if (!names.add(e.name())) {
                throw new ModelException("model " + e.name() + " is named twice in --models", null);
            }
        }
    }

    /** One model alone. */
    public static Encoders of(Encoder... encoders) {
        return new Encoders(List.of(encoders));
    }

    public Encoder primary() {
        return all.get(0);
    }

    /**
     * The models asked a query, in order: those whose scope answers it ({@link Scope#answers}). When none does (a
     * Chinese query with no English word, and English models alone), those that embed it, so that a semantic search
     * still has a model to ask.
     */
    public static List<Encoder> askedFor(String query, List<Encoder> models) {
        List<Encoder> answering = models.stream().filter(m -> m.scope().answers(query)).toList();
        return answering.isEmpty() ? models.stream().filter(m -> m.covers(query)).toList() : answering;
    }

    /** The names, primary first. */
    public List<String> names() {
        return all.stream().map(Encoder::name).toList();
    }

    @Override
    public void close() {
        List<RuntimeException> failures = new ArrayList<>();
        for (Encoder e : all) {
            try {
                e.close();
            } catch (RuntimeException ex) {
                failures.add(ex);
            }
        }
        if (!failures.isEmpty()) {
            RuntimeException first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            throw first;
        }
    }
}
