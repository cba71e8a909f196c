package dev.shelf.index;

import java.nio.file.Path;
import java.util.List;

/**
 * What a build did.
 *
 * @param build the build folder now served
 * @param resources resources indexed
 * @param chunks chunks indexed
 * @param models what each embedding model did, primary first
 * @param seconds wall time of the whole build
 */
public record BuildSummary(Path build, int resources, int chunks, List<ModelBuild> models, double seconds) {

    public BuildSummary {
        models = List.copyOf(models);
    }

    /**
     * What one model did in a build.
     *
     * @param model model id
     * @param embedded passages it embedded in this build
     * @param cached passages whose vectors came from its embedding cache
     * @param tokens tokens the model ran over for them (each passage's prefix and special tokens included)
     * @param embedSeconds wall time spent embedding them
     * @param readySeconds wall time spent readying the model before the first passage (its passage session, and in a
     *                     server any wait for the model to finish loading), apart from {@code embedSeconds} so that the
     *                     throughput is the embedding's alone
     */
    public record ModelBuild(String model, int embedded, int cached, long tokens, double embedSeconds,
                             double readySeconds) {

        /** Embedding throughput, or 0 when nothing was embedded. */
        public double tokensPerSecond() {
            return embedSeconds > 0 && embedded > 0 ? tokens / embedSeconds : 0;
        }

        String line() {
            String rate = embedded == 0 ? "" : String.format(" (%,d tokens in %.1f s, %,.0f tokens/s, after %.1f s"
                    + " readying the model)", tokens, embedSeconds, tokensPerSecond(), readySeconds);
            return String.format("%s: %d embedded%s, %d from the embedding cache", model, embedded, rate, cached);
        }
    }

    /** Passages embedded in this build, over all models. */
    public int embedded() {
        return models.stream().mapToInt(ModelBuild::embedded).sum();
    }

    /** Passage vectors that came from the embedding caches, over all models. */
    public int cached() {
        return models.stream().mapToInt(ModelBuild::cached).sum();
    }

    /** Tokens the models ran over, over all models. */
    public long tokens() {
        return models.stream().mapToLong(ModelBuild::tokens).sum();
    }

    /** Time spent embedding, over all models, without readying them. */
    public double embedSeconds() {
        return models.stream().mapToDouble(ModelBuild::embedSeconds).sum();
    }

    /** One line for logs and non-interactive runs. */
    public String line() {
        return String.format("indexed %d resources as %d chunks in %.1f s; %s (%s)", resources, chunks, seconds,
                String.join("; ", models.stream().map(ModelBuild::line).toList()), build);
    }
}
