package dev.shelf.library;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Watches folders and their subfolders (the JDK's WatchService: inotify on Linux) and reports every file saved,
 * changed or deleted in them, except hidden and temporary files (an editor's swap file, a download in progress, the
 * server's own upload before it is moved into place). Subfolders created later are watched too. NOTE: thread-safe.
 */
public final class FolderWatcher implements AutoCloseable {

    private final WatchService service;
    private final Consumer<Path> onChange;
    private final Map<WatchKey, Path> folders = new ConcurrentHashMap<>();
    private final Thread thread;

    private FolderWatcher(WatchService service, Consumer<Path> onChange) {
        this.service = service;
        this.onChange = onChange;
        this.thread = new Thread(this::run, "shelf-folder-watcher");
        this.thread.setDaemon(true);
    }

    /**
     * Starts watching.
     *
     * @param roots the folders to watch, with everything under them
     * @param onChange told of each file (or folder) that appeared, changed or went away; for a burst of changes the
     *                 watcher lost count of, the watched folder itself
     */
    public static FolderWatcher start(List<Path> roots, Consumer<Path> onChange) throws IOException {
        WatchService service = FileSystems.getDefault().newWatchService();
        FolderWatcher watcher = new FolderWatcher(service, onChange);
        try {
            for (Path root : roots) {
                watcher.watchTree(root);
            }
        } catch (IOException | RuntimeException e) {
            service.close();
            throw e;
        }
        watcher.thread.start();
        return watcher;
    }

    /** Whether a file name is one the watcher (and ingestion) passes over: hidden, a backup, or a partial file. */
    public static boolean ignored(String name) {
        return name.startsWith(".") || name.endsWith("~") || (name.startsWith("#") && name.endsWith("#"))
                || name.endsWith(".tmp") || name.endsWith(".swp") || name.endsWith(".part")
                || name.endsWith(".crdownload");
    }

    private void watchTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                if (!dir.equals(root) && ignored(dir.getFileName().toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                folders.put(dir.register(service, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE), dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                // A subfolder that cannot be read cannot hold lists that can; the others are still watched.
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private void run() {
        try {
            while (true) {
                WatchKey key = service.take();
                Path folder = folders.get(key);
                if (folder != null) {
                    handle(key, folder);
                }
                if (!key.reset()) {
                    folders.remove(key);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: the thread ends
        }
    }

    private void handle(WatchKey key, Path folder) {
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == OVERFLOW) {
                onChange.accept(folder);
                continue;
            }
            Path name = (Path) event.context();
            if (ignored(name.toString())) {
                continue;
            }
            Path changed = folder.resolve(name);
            if (event.kind() == ENTRY_CREATE && Files.isDirectory(changed, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    watchTree(changed);
                } catch (IOException e) {
                    // gone again, or unreadable: nothing in it to index
                }
            }
            onChange.accept(changed);
        }
    }

    /** Stops watching. */
    @Override
    public void close() throws IOException {
        service.close();
        thread.interrupt();
    }
}
