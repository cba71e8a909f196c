package dev.shelf.index;

import java.nio.file.Path;

/**
 * What a build did.
 *
 * @param build the build folder now served
 * @param resources resources indexed
 * @param chunks chunks indexed
 * @param embedded chunks embedded by the model in this build
 * @param cached chunks whose vectors came from the embedding cache
 * @param tokens tokens of the embedded chunks
 * @param seconds wall time of the whole build
 * @param embedSeconds wall time spent embedding
 */
public record BuildSummary(Path build, int resources, int chunks, int embedded, int cached, long tokens, double seconds,
                           double embedSeconds) {

    /** One line for logs and non-interactive runs. */
    public String line() {
        String rate = embedded == 0 ? "" : String.format(" (%,d tokens at %,.0f tokens/s)", tokens, tokensPerSecond());
        return String.format("indexed %d resources as %d chunks in %.1f s: %d embedded%s, %d from the embedding cache (%s)",
                resources, chunks, seconds, embedded, rate, cached, build);
    }

    /** Embedding throughput of this build, or 0 when nothing was embedded. */
    public double tokensPerSecond() {
        return embedSeconds > 0 ? tokens / embedSeconds : 0;
    }
}
