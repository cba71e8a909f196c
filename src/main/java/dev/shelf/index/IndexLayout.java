package dev.shelf.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * Where things live under the index folder: complete builds in {@code builds/<name>/}, the name of the one being
 * served in {@code CURRENT} (replaced atomically), the embedding cache in {@code embeddings/}. A build that was
 * killed half way is a folder that {@code CURRENT} never named, and is cleaned up by the next build.
 *
 * The passages of each build are kept by the layout's {@link IndexStore}: in the build's folder (the default,
 * {@link LuceneStore}) or in a search cluster, which then also says which build is served.
 *
 * @param root the index folder (by default {@code index/}, beside {@code index/sources/})
 * @param store where the passages of each build are kept
 */
public record IndexLayout(Path root, IndexStore store) {

    /** A layout whose builds are embedded Lucene indexes in their folders. */
    public IndexLayout(Path root) {
        this(root, new LuceneStore());
    }

    private static final String CURRENT = "CURRENT";

    public Path builds() {
        return root.resolve("builds");
    }

    public Path embeddingCache(String modelId) {
        return root.resolve("embeddings").resolve(modelId + ".bin");
    }

    /** The build being served, if there is one. */
    public Optional<Path> current() {
        return store.current(this);
    }

    /** The build the {@code CURRENT} file names, if it names a folder that exists. */
    Optional<Path> namedCurrent() {
        Path pointer = root.resolve(CURRENT);
        try {
            if (!Files.isRegularFile(pointer)) {
                return Optional.empty();
            }
            String name = Files.readString(pointer, StandardCharsets.UTF_8).strip();
            Path build = builds().resolve(name);
            return name.isEmpty() || !Files.isDirectory(build) ? Optional.empty() : Optional.of(build);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether a build must be made before one can be served: there is none, or the one named was written by a
     * version of Shelf with another field layout ({@link BuildInfo#FORMAT}), which this version would misread.
     */
    public boolean needsBuild() {
        return needsBuild(List.of());
    }

    /** As {@link #needsBuild()}, and also when the build has no vector field of one of the given models. */
    public boolean needsBuild(List<String> models) {
        Optional<Path> build = current();
        if (build.isEmpty()) {
            return true;
        }
        try {
            BuildInfo info = BuildInfo.read(build.get());
            return info.format() != BuildInfo.FORMAT
                    || models.stream().anyMatch(m -> info.dimensionsOf(m).isEmpty());
        } catch (IOException e) {
            // An unreadable build.json: opening would fail the same way; a new build replaces it.
            return true;
        }
    }

    /**
     * Whether the build served was published before its new passages were embedded and no complete build followed (a
     * server stopped or a build failed half way): it serves, and a build should complete it, taking the vectors
     * embedded so far from the caches.
     */
    public boolean servesPartial() {
        try {
            Optional<Path> build = current();
            return build.isPresent() && BuildInfo.read(build.get()).incomplete();
        } catch (IOException | RuntimeException e) {
            return false; // needsBuild says so: an unreadable build is built again anyway
        }
    }

    /** Makes the given complete build the one served. */
    public void switchTo(Path build) throws IOException {
        store.publish(this, build);
    }

    /** Names the given build in {@code CURRENT}, in one atomic rename. */
    public void nameCurrent(Path build) throws IOException {
        Path tmp = root.resolve(CURRENT + ".tmp");
        try {
            Files.writeString(tmp, build.getFileName().toString() + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, root.resolve(CURRENT), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }
}
