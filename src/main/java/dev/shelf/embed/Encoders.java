package dev.shelf.embed;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The embedding models in use, primary first: each has its own vector field in the index, its own embedding cache and
 * its own ranked list in the fuser. The primary model's token counts cut passages, and its vectors find related
 * articles. NOTE: thread-safe as its encoders are; closing it closes every encoder once.
 *
 * @param all the encoders, primary first, distinct by name
 */
public record Encoders(List<Encoder> all) implements AutoCloseable {

    public Encoders {
        all = List.copyOf(all);
        if (all.isEmpty()) {
            throw new IllegalArgumentException("at least one embedding model is needed");
        }
        Set<String> names = new HashSet<>();
        for (Encoder e : all) {
            if (!names.add(e.name())) {
                throw new IllegalArgumentException("model " + e.name() + " is named twice");
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
