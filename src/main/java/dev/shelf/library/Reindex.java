package dev.shelf.library;

import dev.shelf.embed.Encoders;
import dev.shelf.index.IndexBuilder;
import dev.shelf.index.IndexLayout;
import dev.shelf.pipeline.ListIndexer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One re-index of a library's lists, as its {@link BuildQueue} runs it: the files changed since the last build go
 * into this one, the lists are ingested and built, and the new build is served; a request that finds the files as
 * they were at the last build builds nothing. Each list's state follows in {@link ListStates}.
 */
final class Reindex implements Runnable {

    private final List<Path> sources;
    private final IndexLayout layout;
    private final Encoders encoders;
    private final ListStates states;
    private final Runnable onBuilt;
    private final Consumer<String> log;
    private final IndexBuilder.LockedWork<Map<Path, ListSync.Action>> takeServedLists;

    /**
     * @param takeServedLists run under the build lock before the lists are read: brings them up to date with a
     *                        shared store's build (nothing for a store of this machine's alone)
     */
    Reindex(List<Path> sources, IndexLayout layout, Encoders encoders, ListStates states, Runnable onBuilt,
            Consumer<String> log, IndexBuilder.LockedWork<Map<Path, ListSync.Action>> takeServedLists) {
        this.sources = sources;
        this.layout = layout;
        this.encoders = encoders;
        this.states = states;
        this.onBuilt = onBuilt;
        this.log = log;
        this.takeServedLists = takeServedLists;
    }

    @Override
    public void run() {
        EmbeddingProgress progress = new EmbeddingProgress(System::nanoTime);
        ListStates.Batch batch = states.startBuild(progress);
        try {
            Map<Path, Stamp> stamps = Stamp.ofLists(sources);
            // The watcher's echo of a save that was already built, or a change to a file that is no list.
            if (!batch.forced() && stamps.equals(batch.before()) && !layout.needsBuild(encoders.names())
                    && !layout.servesPartial()) {
                return;
            }
            AtomicReference<Map<Path, Stamp>> read = new AtomicReference<>(stamps);
            // A big import is searchable by words as soon as it is read; its vectors follow.
            IndexBuilder.WordsFirst wordsFirst = (summary, partial) -> {
                log.accept("searchable by words: " + summary.build().getFileName() + " (" + partial.embedded() + " of "
                        + partial.of() + " passage vectors; embedding the rest)");
                onBuilt.run();
                // Only once the server searches the words build may the lists say so.
                progress.searchableByWords();
            };
            ListIndexer.Indexed indexed = new ListIndexer(layout, encoders, wordsFirst).index(sources, false,
                    ingested -> ingested.skipped().forEach(skipped -> log.accept("skipped: " + skipped)),
                    progress, () -> {
                        Map<Path, ListSync.Action> taken = takeServedLists.run();
                        if (!taken.isEmpty()) {
                            log.accept("took " + taken.size() + " list change(s) of the build served: " + taken);
                            read.set(Stamp.ofLists(sources));
                        }
                        return taken;
                    });
            int warnings = indexed.ingested().warnings().size();
            log.accept(indexed.summary().line()
                    + (warnings == 0 ? "" : "; " + warnings + " warnings (shelf ingest lists them)"));
            states.succeeded(read.get(), indexed.ingested().skipped());
            onBuilt.run();
        } catch (IOException | RuntimeException e) {
            String reason = e.getMessage() != null ? e.getMessage() : e.toString();
            if (progress.snapshot().searchableByWords()) {
                reason = "searchable by words only, its embedding failed (the next change or start resumes it): "
                        + reason;
            }
            states.failed(batch, reason);
            log.accept("error: the re-index failed: " + reason);
        } finally {
            states.finished(batch);
        }
    }
}
