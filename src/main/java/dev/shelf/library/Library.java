package dev.shelf.library;

import dev.shelf.embed.Encoders;
import dev.shelf.index.BuildInfo;
import dev.shelf.index.IndexLayout;
import dev.shelf.ingest.Ingester;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.function.Consumer;

/**
 * The reading lists a server indexes, kept in step with its sources folders: lists are saved into and removed from
 * the first folder ({@link #save}, {@link #delete}), every change (from here or from the folder watcher, through
 * {@link #changed}) asks for one re-index, and {@link #lists} says of each list whether it is indexing, ready or in
 * error. Re-indexes ({@link Reindex}) run one at a time, a quiet time after the last change ({@link BuildQueue}). The
 * embedding cache makes a re-index embed only the passages of lists that changed. NOTE: thread-safe.
 */
public final class Library implements AutoCloseable {

    /** The largest list accepted, as ingestion's own cap. */
    public static final long MAX_LIST_BYTES = Ingester.MAX_FILE_BYTES;

    private final List<Path> sources;
    private final IndexLayout layout;
    private final Encoders encoders;
    private final Consumer<String> log;
    private final ListStates states = new ListStates();
    private final BuildQueue queue;
    /** With a store other servers share, what keeps the first folder in step with their builds; else null. */
    private final ListSync sync;
    /** Held by a save, a removal and a merge of another server's lists, so that no merge overwrites a fresh save. */
    private final Object folderWrites = new Object();

    /**
     * @param sources the lists' files and folders, as every command takes them
     * @param layout the index folder
     * @param encoders the models that embed new passages
     * @param quietTime how long after a change a re-index starts; later changes within it join the same build
     * @param onBuilt run after each new build is complete (the server swaps it in)
     * @param log where to say what each re-index did, or why it failed
     */
    public Library(List<Path> sources, IndexLayout layout, Encoders encoders, Duration quietTime, Runnable onBuilt,
                   Consumer<String> log) {
        this.sources = List.copyOf(sources);
        this.layout = layout;
        this.encoders = encoders;
        this.log = log;
        this.sync = layout.store().shared() ? folders().stream().findFirst()
                .map(folder -> new ListSync(folder, layout.root().resolve("lists-base"))).orElse(null) : null;
        this.queue = new BuildQueue("shelf-reindex", quietTime,
                new Reindex(this.sources, layout, encoders, states, () -> {
                    onBuilt.run();
                    // The lists of this server's own build are the ancestor of the next merge.
                    layout.current().ifPresent(this::adopt);
                }, log, this::takeServedLists),
                e -> log.accept("error: the re-index failed: " + e));
    }

    /**
     * Clears what saves cut short left in the folders; then builds the index now when there is none (or one of another
     * format), or soon when the lists changed since it was built (while the server was not running); otherwise takes
     * the files as they are for the ones indexed.
     */
    public void start() {
        clearLeftovers();
        Set<Path> taken;
        try {
            taken = layout.current().map(this::adopt).orElse(Set.of());
        } catch (RuntimeException e) {
            log.accept("warning: could not read the build served (" + e.getMessage() + ")");
            taken = Set.of();
        }
        if (layout.needsBuild(encoders.names())) {
            log.accept("no index in " + layout.root() + " yet: building it from " + sources);
            states.changed(Ingester.listed(sources).stream().map(Ingester.Listed::file).toList(), false);
            queue.requestNow();
            return;
        }
        Map<Path, Stamp> now = Stamp.ofLists(sources);
        List<Path> missing = sources.stream().filter(path -> !Files.exists(path)).toList();
        if (missing.isEmpty() && layout.servesPartial()) {
            log.accept("the index served lacks the vectors of some passages (its embedding was cut short):"
                    + " embedding them now, from the embedding caches' last save");
            states.changed(Ingester.listed(sources).stream().map(Ingester.Listed::file).toList(), true);
            queue.requestNow();
            return;
        }
        if (!missing.isEmpty()) {
            // A mistyped --sources must not replace a good index with one that lacks those lists.
            log.accept("warning: " + missing + " not found: serving the index as it is");
            states.builtFrom(now);
        } else if (Stamp.changedSince(servedInfo(), now, taken)) {
            log.accept("the lists in " + sources + " changed since the index was built: re-indexing");
            queue.request();
        } else {
            states.builtFrom(now);
        }
    }

    private void clearLeftovers() {
        for (Path folder : folders()) {
            try {
                ListSaver.clearLeftovers(folder).forEach(file -> log.accept("removed an unfinished save: " + file));
            } catch (IOException e) {
                log.accept("warning: could not clear unfinished saves in " + folder + ": " + e.getMessage());
            }
        }
    }

    /** The folders the lists are read from, the first being where {@link #save} writes. */
    public List<Path> folders() {
        return sources.stream().filter(Files::isDirectory).map(ListStates::key).toList();
    }

    /** Every list: those of the index being served, then those on disk not in it yet. */
    public List<ListState> lists() {
        return states.lists(servedInfo(), sources);
    }

    /**
     * Saves a list into the first sources folder, atomically ({@link ListSaver}: a reader sees the old list or the new
     * one, never half of one), then asks for a re-index.
     *
     * @param fileName a name {@link ListFileName#problem} accepts
     * @throws IllegalStateException when no sources folder is given (only files)
     * @throws IOException when the file cannot be written; nothing is left of it then
     */
    public Saved save(String fileName, byte[] content) throws IOException {
        ListFileName.problem(fileName).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        Path folder = folders().stream().findFirst().orElseThrow(() -> new IllegalStateException(
                "no sources folder to save lists into: serve was given only files; give it a folder with --sources"));
        Path target = folder.resolve(fileName);
        if (!folder.equals(target.getParent())) {
            throw new IllegalArgumentException("The file name must name a file in the sources folder.");
        }
        boolean replaced;
        synchronized (folderWrites) {
            replaced = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
            ListSaver.write(folder, target, content);
            changed(target, true);
        }
        Path key = ListStates.key(target);
        ListState state = lists().stream().filter(l -> ListStates.key(Path.of(l.file())).equals(key)).findFirst()
                .orElseThrow(() -> new IllegalStateException(target + " was saved but is not read as a list"));
        return new Saved(state, replaced);
    }

    /**
     * Removes a list's file from its sources folder and asks for a re-index that drops its resources.
     *
     * @return what happened: removed, no such list, or a list given as a file rather than in a folder (kept)
     */
    public Removal delete(String id) throws IOException {
        Optional<ListState> list = lists().stream().filter(l -> l.id().equals(id)).findFirst();
        if (list.isEmpty()) {
            return Removal.UNKNOWN;
        }
        Path file = ListStates.key(Path.of(list.get().file()));
        if (folders().stream().noneMatch(folder -> file.startsWith(folder) && !file.equals(folder))) {
            return Removal.NOT_IN_A_FOLDER;
        }
        synchronized (folderWrites) {
            Files.deleteIfExists(file);
            changed(file, true);
        }
        return Removal.REMOVED;
    }

    /** Notes that a file in a sources folder was saved, changed or deleted: a re-index follows after the quiet time. */
    public void changed(Path file) {
        changed(file, false);
    }

    private void changed(Path file, boolean forced) {
        states.changed(List.of(file), forced);
        queue.request();
    }

    private Optional<BuildInfo> servedInfo() {
        return layout.current().flatMap(build -> {
            try {
                return Optional.of(localPaths(BuildInfo.read(build)));
            } catch (IOException e) {
                return Optional.empty();
            }
        });
    }

    /**
     * A shared store's build names its lists by the paths of the server that built it; a list outside this server's
     * folders is here the file of the same name in its first folder, where {@link #adopt} put it.
     */
    private BuildInfo localPaths(BuildInfo info) {
        if (sync == null) {
            return info;
        }
        List<Path> folders = folders();
        Path folder = folders.get(0);
        List<BuildInfo.SourceInfo> sources = info.sources().stream().map(s -> {
            Path file = ListStates.key(Path.of(s.file()));
            return folders.stream().anyMatch(file::startsWith) || file.getFileName() == null ? s
                    : new BuildInfo.SourceInfo(s.id(), s.name(), folder.resolve(file.getFileName()).toString(),
                    s.resources());
        }).toList();
        return new BuildInfo(info.format(), info.indexedAt(), info.model(), info.dimensions(), info.models(),
                info.resources(), info.chunks(), sources, info.partial());
    }

    /**
     * Takes the lists of a build another server published into the shared store: its additions, changes and removals
     * of lists this server had not changed since (see {@link ListSync}), without building again for them. Nothing when
     * the store is this machine's alone.
     *
     * @return the files of the folder it wrote or removed
     */
    public Set<Path> adopt(Path build) {
        if (sync == null) {
            return Set.of();
        }
        try {
            Map<Path, ListSync.Action> done;
            synchronized (folderWrites) {
                done = sync.merge(build);
            }
            if (!done.isEmpty()) {
                Map<Path, Stamp> written = new HashMap<>();
                done.forEach((file, action) -> {
                    if (action == ListSync.Action.TAKE) {
                        Stamp.of(file).ifPresent(stamp -> written.put(file, stamp));
                    }
                });
                states.adopted(written, done.keySet().stream().filter(f -> done.get(f) == ListSync.Action.REMOVE)
                        .toList());
                log.accept("took " + done.size() + " list change(s) of build " + build.getFileName() + ": " + done);
            }
            return done.keySet().stream().map(ListStates::key).collect(Collectors.toSet());
        } catch (IOException | UncheckedIOException e) {
            log.accept("warning: could not take the lists of build " + build.getFileName() + ": " + e.getMessage());
            return Set.of();
        }
    }

    /** Before a build reads the lists, under the build lock: the lists of the build served now, merged in. */
    private Map<Path, ListSync.Action> takeServedLists() throws IOException {
        if (sync == null) {
            return Map.of();
        }
        Optional<Path> served = layout.current();
        synchronized (folderWrites) {
            return served.isPresent() ? sync.merge(served.get()) : Map.of();
        }
    }

    /** Whether no change waits for a build and none runs (tests wait for this). */
    boolean idle() {
        return states.idle();
    }

    /** Stops re-indexing, waiting for a build in flight to finish. */
    @Override
    public void close() {
        queue.close();
    }

    /**
     * What {@link #save} did.
     *
     * @param list the saved list, indexing
     * @param replaced whether a list of that name was replaced
     */
    public record Saved(ListState list, boolean replaced) {
    }

    /** What {@link #delete} did. */
    public enum Removal {
        /** The file is deleted; a re-index drops its resources. */
        REMOVED,
        /** No list has that id. */
        UNKNOWN,
        /** The list was given to the server as a file, not found in a folder: it is not the server's to delete. */
        NOT_IN_A_FOLDER
    }
}
