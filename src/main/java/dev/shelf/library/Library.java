package dev.shelf.library;

import dev.shelf.embed.Encoders;
import dev.shelf.index.BuildInfo;
import dev.shelf.index.BuildProgress;
import dev.shelf.index.IndexLayout;
import dev.shelf.ingest.IngestResult;
import dev.shelf.ingest.IngestWarning;
import dev.shelf.ingest.Ingester;
import dev.shelf.pipeline.ListIndexer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The reading lists a server indexes, kept in step with its sources folders: lists are saved into and removed from
 * the first folder ({@link #save}, {@link #delete}), every change (from here or from the folder watcher, through
 * {@link #changed}) asks for one re-index, and {@link #lists} says of each list whether it is indexing, ready or in
 * error. Re-indexes run one at a time, a quiet time after the last change ({@link BuildQueue}); a request that finds
 * the files as they were at the last build builds nothing. The embedding cache makes a re-index embed only the passages
 * of lists that changed. NOTE: thread-safe.
 */
public final class Library implements AutoCloseable {

    /** The largest list accepted, as ingestion's own cap. */
    public static final long MAX_LIST_BYTES = Ingester.MAX_FILE_BYTES;
    /** Names of the temporary files of {@link #save}: a dotfile, so the watcher and ingestion skip it. */
    static final String TEMP_PREFIX = ".shelf-upload-";

    private final List<Path> sources;
    private final IndexLayout layout;
    private final Encoders encoders;
    private final Runnable onBuilt;
    private final Consumer<String> log;
    private final BuildQueue queue;
    private final Object lock = new Object();
    // Guarded by lock: files changed since the last build started, files of the build running, why files failed.
    private final Set<Path> pending = new HashSet<>();
    private final Set<Path> building = new HashSet<>();
    private final Map<Path, String> failures = new HashMap<>();
    private Map<Path, Stamp> built;
    private boolean force;
    private final Map<Path, Format> formats = new ConcurrentHashMap<>();

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
        this.onBuilt = onBuilt;
        this.log = log;
        this.queue = new BuildQueue("shelf-reindex", quietTime, this::build,
                e -> log.accept("error: the re-index failed: " + e));
    }

    /**
     * Builds the index now when there is none (or one of another format), or soon when the lists changed since it was
     * built (while the server was not running); otherwise takes the files as they are for the ones indexed.
     */
    public void start() {
        if (layout.needsBuild(encoders.names())) {
            log.accept("no index in " + layout.root() + " yet: building it from " + sources);
            synchronized (lock) {
                Ingester.listed(sources).forEach(l -> pending.add(key(l.file())));
            }
            queue.requestNow();
            return;
        }
        Map<Path, Stamp> now = stamps();
        List<Path> missing = sources.stream().filter(path -> !Files.exists(path)).toList();
        if (!missing.isEmpty()) {
            // A mistyped --sources must not replace a good index with one that lacks those lists.
            log.accept("warning: " + missing + " not found: serving the index as it is");
            synchronized (lock) {
                built = now;
            }
        } else if (changedSince(servedInfo().orElse(null), now)) {
            log.accept("the lists in " + sources + " changed since the index was built: re-indexing");
            queue.request();
        } else {
            synchronized (lock) {
                built = now;
            }
        }
    }

    /** The folders the lists are read from, the first being where {@link #save} writes. */
    public List<Path> folders() {
        return sources.stream().filter(Files::isDirectory).map(Library::key).toList();
    }

    /** Every list: those of the index being served, then those on disk not in it yet. */
    public List<ListState> lists() {
        Set<Path> busy;
        Set<Path> inBuild;
        Map<Path, String> failed;
        synchronized (lock) {
            busy = new HashSet<>(pending);
            busy.addAll(building);
            inBuild = Set.copyOf(building);
            failed = Map.copyOf(failures);
        }
        boolean indexing = !busy.isEmpty() || !inBuild.isEmpty();
        List<ListState> lists = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (BuildInfo.SourceInfo source : servedInfo().map(BuildInfo::sources).orElse(List.of())) {
            Path file = key(Path.of(source.file()));
            seen.add(file);
            lists.add(state(source.id(), source.name(), source.file(), file, source.resources(), true, busy, failed, indexing));
        }
        for (Ingester.Listed listed : Ingester.listed(sources)) {
            Path file = key(listed.file());
            if (seen.add(file)) {
                lists.add(state(listed.id(), listed.name(), listed.file().toString(), file, 0, false, busy, failed, indexing));
            }
        }
        return lists;
    }

    private ListState state(String id, String name, String shown, Path file, int resources, boolean inIndex,
                            Set<Path> busy, Map<Path, String> failed, boolean indexing) {
        String format = format(file);
        if (busy.contains(file)) {
            return new ListState(id, name, shown, format, resources, ListState.INDEXING, null);
        }
        if (failed.containsKey(file)) {
            return new ListState(id, name, shown, format, resources, ListState.ERROR, failed.get(file));
        }
        if (inIndex) {
            return new ListState(id, name, shown, format, resources, ListState.READY, null);
        }
        return indexing ? new ListState(id, name, shown, format, resources, ListState.INDEXING, null)
                : new ListState(id, name, shown, format, resources, ListState.ERROR,
                "not in the index: it was added while no server watched the folder; save it again or run shelf index");
    }

    /**
     * Saves a list into the first sources folder, atomically (a temporary file moved over the old one, so a reader
     * sees the old list or the new one, never half of one), then asks for a re-index.
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
        boolean replaced = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
        Path temp = Files.createTempFile(folder, TEMP_PREFIX, ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(content);
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        changed(target, true);
        Path key = key(target);
        ListState state = lists().stream().filter(l -> key(Path.of(l.file())).equals(key)).findFirst()
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
        Path file = key(Path.of(list.get().file()));
        if (folders().stream().noneMatch(folder -> file.startsWith(folder) && !file.equals(folder))) {
            return Removal.NOT_IN_A_FOLDER;
        }
        Files.deleteIfExists(file);
        changed(file, true);
        return Removal.REMOVED;
    }

    /** Notes that a file in a sources folder was saved, changed or deleted: a re-index follows after the quiet time. */
    public void changed(Path file) {
        changed(file, false);
    }

    private void changed(Path file, boolean forced) {
        synchronized (lock) {
            pending.add(key(file));
            failures.remove(key(file));
            force |= forced;
        }
        queue.request();
    }

    /** One re-index: ingests every list, builds, and has the new build served. */
    private void build() {
        Set<Path> batch;
        boolean forced;
        Map<Path, Stamp> before;
        synchronized (lock) {
            batch = Set.copyOf(pending);
            pending.clear();
            building.addAll(batch);
            forced = force;
            force = false;
            before = built;
        }
        try {
            Map<Path, Stamp> stamps = stamps();
            // The watcher's echo of a save that was already built, or a change to a file that is no list.
            if (!forced && stamps.equals(before) && !layout.needsBuild(encoders.names())) {
                return;
            }
            ListIndexer.Indexed indexed = new ListIndexer(layout, encoders).index(sources, false,
                    read -> read.skipped().forEach(skipped -> log.accept("skipped: " + skipped)), BuildProgress.NONE);
            IngestResult ingested = indexed.ingested();
            log.accept(indexed.summary().line() + (ingested.warnings().isEmpty() ? ""
                    : "; " + ingested.warnings().size() + " warnings (shelf ingest lists them)"));
            synchronized (lock) {
                failures.clear();
                for (IngestWarning skipped : ingested.skipped()) {
                    failures.put(key(skipped.file()), skipped.message());
                }
                built = stamps;
            }
            onBuilt.run();
        } catch (IOException | RuntimeException e) {
            String reason = e.getMessage() != null ? e.getMessage() : e.toString();
            synchronized (lock) {
                batch.forEach(file -> failures.put(file, "could not be indexed: " + reason));
            }
            log.accept("error: the re-index failed: " + reason);
        } finally {
            synchronized (lock) {
                building.removeAll(batch);
            }
        }
    }

    private Optional<BuildInfo> servedInfo() {
        return layout.current().flatMap(build -> {
            try {
                return Optional.of(BuildInfo.read(build));
            } catch (IOException e) {
                return Optional.empty();
            }
        });
    }

    /** Whether lists were added, removed or saved since the build was made. */
    private boolean changedSince(BuildInfo info, Map<Path, Stamp> now) {
        if (info == null) {
            return true;
        }
        Set<Path> indexed = new HashSet<>();
        info.sources().forEach(s -> indexed.add(key(Path.of(s.file()))));
        Instant indexedAt = Instant.parse(info.indexedAt());
        return !indexed.equals(now.keySet()) || now.values().stream().anyMatch(s -> s.modified().isAfter(indexedAt));
    }

    /** Size and time of every list file: what a build would read. */
    private Map<Path, Stamp> stamps() {
        Map<Path, Stamp> stamps = new HashMap<>();
        for (Ingester.Listed listed : Ingester.listed(sources)) {
            stamp(listed.file()).ifPresent(stamp -> stamps.put(key(listed.file()), stamp));
        }
        return stamps;
    }

    private static Optional<Stamp> stamp(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return Optional.of(new Stamp(attributes.size(), attributes.lastModifiedTime().toInstant()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The format of a list file, read again only when the file changed. The one place the API's {@code format} comes
     * from: once {@code Source} carries its format, the build's own can be shown instead.
     */
    private String format(Path file) {
        Optional<Stamp> stamp = stamp(file);
        if (stamp.isEmpty() || stamp.get().size() > MAX_LIST_BYTES) {
            return null;
        }
        Format known = formats.get(file);
        if (known != null && known.stamp().equals(stamp.get())) {
            return known.format();
        }
        try {
            String format = Ingester.formatOf(file.getFileName().toString(), Files.readAllBytes(file)).orElse(null);
            formats.put(file, new Format(stamp.get(), format));
            return format;
        } catch (IOException e) {
            return null;
        }
    }

    /** Whether no change waits for a build and none runs (tests wait for this). */
    boolean idle() {
        synchronized (lock) {
            return pending.isEmpty() && building.isEmpty();
        }
    }

    private static Path key(Path file) {
        return file.toAbsolutePath().normalize();
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

    private record Stamp(long size, Instant modified) {
    }

    private record Format(Stamp stamp, String format) {
    }
}
