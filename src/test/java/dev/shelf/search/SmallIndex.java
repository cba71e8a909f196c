package dev.shelf.search;

import dev.shelf.embed.Encoder;
import dev.shelf.embed.Encoders;
import dev.shelf.index.BuildProgress;
import dev.shelf.index.IndexLayout;
import dev.shelf.index.LuceneChunkIndex;
import dev.shelf.ingest.Kind;
import dev.shelf.ingest.Mention;
import dev.shelf.ingest.Resource;
import dev.shelf.ingest.Source;
import dev.shelf.pipeline.ListIndexer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A few hand-written link entries indexed with fake models: the fixture of the search service's unit tests. */
final class SmallIndex {

    private SmallIndex() {
    }

    /** A link entry of one list, at https://example.org/ID, under no heading. */
    static Resource link(String id, String title, String description, Source list) {
        String url = "https://example.org/" + id;
        return new Resource(id, title, url, List.of(url), description, Kind.LINK, List.of(),
                List.of(new Mention(list.id(), list.name(), List.of(), 1)), Map.of());
    }

    /** The resources indexed in {@code dir} with the given models, opened; the caller closes it. */
    static LuceneChunkIndex build(Path dir, List<Resource> resources, List<Source> lists, Encoder... models)
            throws IOException {
        IndexLayout layout = new IndexLayout(dir);
        new ListIndexer(layout, new Encoders(List.of(models))).index(resources, lists, false, BuildProgress.NONE);
        return LuceneChunkIndex.open(layout.current().orElseThrow());
    }
}
