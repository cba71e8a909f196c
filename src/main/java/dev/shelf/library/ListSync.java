package dev.shelf.library;

import dev.shelf.index.FileTrees;
import dev.shelf.ingest.Ingester;
import dev.shelf.pipeline.ListIndexer;
import dev.shelf.text.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Keeps a server's lists folder in step with the lists of the builds other servers publish to a shared store (a
 * cluster): each build carries copies of the lists it read ({@code lists/} in its folder), and a three-way merge per
 * file name takes another server's additions, changes and removals while keeping this server's own unbuilt ones. The
 * common ancestor is the lists of the build this server last merged with, kept in {@code lists-base/} beside the
 * index; a server that has none yet (it joins the cluster) adds what it lacks and removes nothing. A file changed on both
 * sides keeps this server's version: it is the newer edit, and its build comes next. NOTE: thread-safe.
 */
final class ListSync {

    private final Path folder;
    private final Path base;

    /**
     * @param folder the lists folder saves go into
     * @param base where the common ancestor is kept
     */
    ListSync(Path folder, Path base) {
        this.folder = folder;
        this.base = base;
    }

    /** What to do with a file of the lists folder. */
    enum Action {
        /** Write the build's version. */
        TAKE,
        /** Remove it: another server removed it, and this one had not changed it. */
        REMOVE
    }

    /**
     * The merge, as a pure decision over each side's content hashes by file name: a side that left a file as the
     * ancestor had it yields to the other side; where both changed it, this server's side stays.
     *
     * @return the files to change in the lists folder; a file not named stays as it is
     */
    static Map<String, Action> plan(Map<String, String> ancestor, Map<String, String> ours,
                                    Map<String, String> theirs) {
        Map<String, Action> plan = new TreeMap<>();
        TreeSet<String> names = new TreeSet<>(ancestor.keySet());
        names.addAll(ours.keySet());
        names.addAll(theirs.keySet());
        for (String name : names) {
            String a = ancestor.get(name);
            String o = ours.get(name);
            String t = theirs.get(name);
            if (Objects.equals(o, a) && !Objects.equals(t, o)) {
                plan.put(name, t == null ? Action.REMOVE : Action.TAKE);
            }
        }
        return plan;
    }

    /**
     * Merges the lists of a build into the folder and makes them the new ancestor.
     *
     * @return the files of the folder written or removed
     */
    synchronized Map<Path, Action> merge(Path build) throws IOException {
        Path theirs = build.resolve(ListIndexer.BUILD_LISTS);
        if (!Files.isDirectory(theirs)) {
            return Map.of();
        }
        Map<String, String> ours = hashes(folder);
        // A server that never merged adds what it lacks and removes nothing: no list of its own is lost.
        Map<String, String> ancestor = hashes(base);
        Map<Path, Action> done = new TreeMap<>();
        plan(ancestor, ours, hashes(theirs)).forEach((name, action) -> {
            Path file = folder.resolve(name);
            try {
                if (!Objects.equals(hashOf(file), ours.get(name))) {
                    return; // written since the plan (a save, an edit in the folder): the newer edit stays
                }
                if (action == Action.TAKE) {
                    Files.createDirectories(folder);
                    Path temporary = Files.createTempFile(folder, ".shelf-sync-", ".tmp");
                    Files.copy(theirs.resolve(name), temporary, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } else {
                    Files.deleteIfExists(file);
                }
                done.put(file, action);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        replaceBase(theirs);
        return done;
    }

    /** The new ancestor in place of the old, the old one set aside first so that a crash leaves one of the two. */
    private void replaceBase(Path theirs) throws IOException {
        Path next = base.resolveSibling(base.getFileName() + ".next");
        Path old = base.resolveSibling(base.getFileName() + ".old");
        FileTrees.delete(next);
        Files.createDirectories(next);
        try (Stream<Path> files = Files.list(theirs)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, next.resolve(file.getFileName()));
            }
        }
        FileTrees.delete(old);
        if (Files.isDirectory(base)) {
            Files.move(base, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(next, base, StandardCopyOption.ATOMIC_MOVE);
        FileTrees.delete(old);
    }

    /** The content hash of a file, null when there is none. */
    private static String hashOf(Path file) throws IOException {
        return Files.isRegularFile(file) ? Sha256.hexOf(file) : null;
    }

    /** The content hash of each list file directly in a folder, by name; none when there is no folder. */
    private Map<String, String> hashes(Path dir) throws IOException {
        Map<String, String> hashes = new HashMap<>();
        if (!Files.isDirectory(dir) && dir.equals(base)) {
            Path old = base.resolveSibling(base.getFileName() + ".old");
            dir = Files.isDirectory(old) ? old : dir; // a crash between the two moves of replaceBase
        }
        if (!Files.isDirectory(dir)) {
            return hashes;
        }
        for (Ingester.Listed listed : Ingester.listed(List.of(dir))) {
            Path file = listed.file();
            if (file.getParent() != null && file.getParent().equals(dir)) {
                hashes.put(file.getFileName().toString(), Sha256.hexOf(file));
            }
        }
        return hashes;
    }
}
