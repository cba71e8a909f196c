package dev.shelf.index;

import dev.shelf.ingest.Resource;
import dev.shelf.works.Works;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What the search layer needs of an index, and nothing more: passage retrieval by words and by vector, resources by
 * id, and highlighting. Results are ranked best first with ties broken by resource id then ordinal.
 * NOTE: implementations are thread-safe and hold files open until closed.
 */
public interface ChunkIndex extends AutoCloseable {

    /** The best {@code n} passages for the words of {@code text} (BM25); empty when the text has no searchable word. */
    List<ChunkHit> lexical(String text, Set<String> sources, int n);

    /**
     * The {@code n} passages nearest to the normalized vector in the named model's field; {@code sources} empty means
     * all lists. Empty when the build has no field of that model.
     */
    List<ChunkHit> semantic(String model, float[] vector, Set<String> sources, int n);

    /** Passages sharing the most distinctive words of the resource's text (more-like-this), the resource's own included. */
    List<ChunkHit> moreLikeThis(String resourceId, int n);

    /** The text of a resource's passage, empty when there is no such passage. */
    Optional<String> passage(String resourceId, int ordinal);

    /**
     * The texts of one passage of each of several resources, by resource id (a passage that is not there is left out):
     * what a page of results shows, read at once where the store can (one request to a cluster, not ten).
     *
     * @param ordinals the passage's ordinal by resource id
     */
    default Map<String, String> passages(Map<String, Integer> ordinals) {
        Map<String, String> texts = new HashMap<>();
        ordinals.forEach((id, ordinal) -> passage(id, ordinal).ifPresent(text -> texts.put(id, text)));
        return texts;
    }

    /** The primary model's vector of the resource's first passage. */
    Optional<float[]> vector(String resourceId);

    Optional<Resource> resource(String id);

    Collection<Resource> resources();

    /**
     * A highlighter for one query: given a passage, the passage as HTML-escaped text with the words of {@code query}
     * wrapped in {@code <mark>}, cut to the best fragments; empty when no word of the query occurs in it. Made once per
     * search so that the query is analyzed once, not once per result. NOTE: not thread-safe; use it in one thread.
     */
    Function<String, Optional<String>> highlighter(String query);

    BuildInfo info();

    /** The build folder it reads, where files beside the index live (e.g. the topic map); empty when not on disk. */
    default Optional<Path> folder() {
        return Optional.empty();
    }

    /**
     * Which resources of the build are one work ({@code works.json} of its folder, written by the build): read on each
     * call, so a caller keeps what it got. {@link Works#NONE} for an index with no folder.
     *
     * @throws UncheckedIOException when the folder's file cannot be read
     */
    default Works works() {
        return folder().map(build -> {
            try {
                return Works.read(build);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the works of " + build + ": " + e.getMessage(), e);
            }
        }).orElse(Works.NONE);
    }

    @Override
    void close();

    /** Opens a complete build folder as an index: how a server opens each new build without naming the backend. */
    @FunctionalInterface
    interface Opener {
        ChunkIndex open(Path build) throws IOException;
    }
}
