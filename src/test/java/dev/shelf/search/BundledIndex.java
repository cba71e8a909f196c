package dev.shelf.search;

import dev.shelf.embed.Encoders;
import dev.shelf.embed.SharedEncoder;
import dev.shelf.index.BuildProgress;
import dev.shelf.index.BuildSummary;
import dev.shelf.index.IndexLayout;
import dev.shelf.index.LuceneChunkIndex;
import dev.shelf.pipeline.ListIndexer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The bundled corpus indexed once per test JVM, in a temporary folder, with the real model. */
public final class BundledIndex {

    private static final class Holder {
        static final BundledIndex INSTANCE = new BundledIndex();
    }

    private final Path root;
    private final BuildSummary summary;
    private final LuceneChunkIndex index;
    private final SearchService service;

    private BundledIndex() {
        try {
            root = Files.createTempDirectory("shelf-bundled-index");
            summary = new ListIndexer(new IndexLayout(root), Encoders.of(SharedEncoder.get()))
                    .index(List.of(Path.of("index/sources")), false, ingested -> { }, BuildProgress.NONE).summary();
            index = LuceneChunkIndex.open(new IndexLayout(root).current().orElseThrow());
            service = new SearchService(index, SharedEncoder.get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static BundledIndex get() {
        return Holder.INSTANCE;
    }

    public Path root() {
        return root;
    }

    public BuildSummary summary() {
        return summary;
    }

    public LuceneChunkIndex index() {
        return index;
    }

    public SearchService service() {
        return service;
    }
}
