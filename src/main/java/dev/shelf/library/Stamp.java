package dev.shelf.library;

import dev.shelf.index.BuildInfo;
import dev.shelf.ingest.Ingester;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The size and time of a list file: what tells a build that read it from the file as it is now.
 *
 * @param size the file's length in bytes
 * @param modified when the file was last written
 */
record Stamp(long size, Instant modified) {

    /** The file's stamp; empty when the file cannot be read (gone, or no file). */
    static Optional<Stamp> of(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return Optional.of(new Stamp(attributes.size(), attributes.lastModifiedTime().toInstant()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The stamp of every list file a build of {@code sources} would read, by {@link ListStates#key}. */
    static Map<Path, Stamp> ofLists(List<Path> sources) {
        Map<Path, Stamp> stamps = new HashMap<>();
        for (Ingester.Listed listed : Ingester.listed(sources)) {
            of(listed.file()).ifPresent(stamp -> stamps.put(ListStates.key(listed.file()), stamp));
        }
        return stamps;
    }

    /** Whether lists were added, removed or written since the build was made (always, when there is no build). */
    static boolean changedSince(Optional<BuildInfo> build, Map<Path, Stamp> now) {
        return changedSince(build, now, Set.of());
    }

    /**
     * As {@link #changedSince(Optional, Map)}, but files in {@code matching} were written after the build to match it
     * (a shared store's lists, taken from the build), so their time says nothing.
     */
    static boolean changedSince(Optional<BuildInfo> build, Map<Path, Stamp> now, Set<Path> matching) {
        if (build.isEmpty()) {
            return true;
        }
        Set<Path> indexed = new HashSet<>();
        build.get().sources().forEach(s -> indexed.add(ListStates.key(Path.of(s.file()))));
        Instant indexedAt = Instant.parse(build.get().indexedAt());
        return !indexed.equals(now.keySet()) || now.entrySet().stream()
                .anyMatch(e -> !matching.contains(e.getKey()) && e.getValue().modified().isAfter(indexedAt));
    }
}
