package dev.shelf.library;

import dev.shelf.index.BuildInfo;
import dev.shelf.ingest.IngestWarning;
import dev.shelf.ingest.Ingester;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where each list file stands between the folder and the index: changed and waiting for a build, in the build
 * running, failed (and why), and the stamps of the files the last build read. NOTE: thread-safe.
 */
final class ListStates {

    private final Object lock = new Object();
    // Guarded by lock: files changed since the last build started, files of the build running, why files failed.
    private final Set<Path> pending = new HashSet<>();
    private final Set<Path> building = new HashSet<>();
    private final Map<Path, String> failures = new HashMap<>();
    private Map<Path, Stamp> built;
    private boolean force;
    private EmbeddingProgress progress;
    private final ListFormats formats = new ListFormats();

    /** The one form of a list file's path that states, stamps and saves compare. */
    static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }

    /** Notes files that wait for a build; {@code forced}: that build runs even if no stamp changed. */
    void changed(Collection<Path> files, boolean forced) {
        synchronized (lock) {
            for (Path file : files) {
                pending.add(key(file));
                failures.remove(key(file));
            }
            force |= forced;
        }
    }

    /** Takes the index being served as built from the files with these stamps. */
    void builtFrom(Map<Path, Stamp> stamps) {
        synchronized (lock) {
            built = stamps;
        }
    }

    /**
     * Notes files of the folder that were made to match a build served already (another server's, in a shared store):
     * they need no build of their own, and the folder watcher's echo of them builds nothing.
     *
     * @param written the stamps of the files written
     * @param removed the files removed
     */
    void adopted(Map<Path, Stamp> written, Collection<Path> removed) {
        synchronized (lock) {
            Map<Path, Stamp> next = built == null ? new HashMap<>() : new HashMap<>(built);
            written.forEach((file, stamp) -> next.put(key(file), stamp));
            removed.forEach(file -> next.remove(key(file)));
            built = next;
        }
    }

    /** Moves the waiting files into the build that starts now, whose progress the lists of its batch show. */
    Batch startBuild(EmbeddingProgress buildProgress) {
        synchronized (lock) {
            progress = buildProgress;
            Batch batch = new Batch(Set.copyOf(pending), force, built);
            pending.clear();
            building.addAll(batch.files());
            force = false;
            return batch;
        }
    }

    /** The build made from files with these stamps succeeded; the skipped files are in error for their reason. */
    void succeeded(Map<Path, Stamp> stamps, List<IngestWarning> skipped) {
        synchronized (lock) {
            failures.clear();
            for (IngestWarning file : skipped) {
                failures.put(key(file.file()), file.message());
            }
            built = stamps;
        }
    }

    /** The build failed: every file of its batch is in error for that reason. */
    void failed(Batch batch, String reason) {
        synchronized (lock) {
            batch.files().forEach(file -> failures.put(file, "could not be indexed: " + reason));
        }
    }

    /** The build of the batch is over, however it went. */
    void finished(Batch batch) {
        synchronized (lock) {
            building.removeAll(batch.files());
            progress = null;
        }
    }

    /** Whether no change waits for a build and none runs. */
    boolean idle() {
        synchronized (lock) {
            return pending.isEmpty() && building.isEmpty();
        }
    }

    /** Every list: those of the build being served, then those on disk not in it yet. */
    List<ListState> lists(Optional<BuildInfo> served, List<Path> sources) {
        Set<Path> busy;
        Map<Path, String> failed;
        Set<Path> inBuild;
        EmbeddingProgress.Snapshot figures;
        synchronized (lock) {
            busy = new HashSet<>(pending);
            busy.addAll(building);
            failed = Map.copyOf(failures);
            inBuild = Set.copyOf(building);
            figures = progress == null ? null : progress.snapshot();
        }
        List<ListState> lists = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (BuildInfo.SourceInfo source : served.map(BuildInfo::sources).orElse(List.of())) {
            Path file = key(Path.of(source.file()));
            seen.add(file);
            lists.add(withProgress(state(source.id(), source.name(), source.file(), file, source.resources(), true, busy,
                    failed), inBuild.contains(file) ? figures : null));
        }
        for (Ingester.Listed listed : Ingester.listed(sources)) {
            Path file = key(listed.file());
            if (seen.add(file)) {
                lists.add(withProgress(state(listed.id(), listed.name(), listed.file().toString(), file, 0, false, busy,
                        failed), inBuild.contains(file) ? figures : null));
            }
        }
        return lists;
    }

    /** The state with the build's figures, for a list whose change is in the build running. */
    private static ListState withProgress(ListState state, EmbeddingProgress.Snapshot figures) {
        if (figures == null || !state.state().equals(ListState.INDEXING)) {
            return state;
        }
        return new ListState(state.id(), state.name(), state.file(), state.format(), state.resources(), state.state(),
                null, figures);
    }

    private ListState state(String id, String name, String shown, Path file, int resources, boolean inIndex,
                            Set<Path> busy, Map<Path, String> failed) {
        String format = formats.of(file);
        if (busy.contains(file)) {
            return new ListState(id, name, shown, format, resources, ListState.INDEXING, null);
        }
        if (failed.containsKey(file)) {
            return new ListState(id, name, shown, format, resources, ListState.ERROR, failed.get(file));
        }
        if (inIndex) {
            return new ListState(id, name, shown, format, resources, ListState.READY, null);
        }
        // A file no build has seen yet is on its way into one while any build is due.
        return !busy.isEmpty() ? new ListState(id, name, shown, format, resources, ListState.INDEXING, null)
                : new ListState(id, name, shown, format, resources, ListState.ERROR,
                "not in the index: it was added while no server watched the folder; save it again or run shelf index");
    }

    /**
     * The files of one build.
     *
     * @param files the files changed since the build before
     * @param forced whether to build even when no stamp changed (a save or removal through the library)
     * @param before the stamps of the files the build before read; null when none is known
     */
    record Batch(Set<Path> files, boolean forced, Map<Path, Stamp> before) {
    }
}
