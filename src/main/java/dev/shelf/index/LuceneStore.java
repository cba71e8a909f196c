package dev.shelf.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shelf.chunk.Chunk;
import dev.shelf.ingest.Resource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The embedded store: each build's passages in a Lucene index inside its own folder, the served one named by the
 * layout's {@code CURRENT} file, one build at a time per folder (an OS file lock, released even when the process is
 * killed).
 */
public final class LuceneStore implements IndexStore {

    private static final String LOCK_FILE = "build.lock";
    private final ObjectMapper json = new ObjectMapper();

    @Override
    public AutoCloseable lock(IndexLayout layout) throws IOException {
        FileChannel channel;
        try {
            Files.createDirectories(layout.builds());
            channel = FileChannel.open(layout.root().resolve(LOCK_FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new IOException("cannot write the index folder " + layout.root() + ": " + FileTrees.reason(e), e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new BuildBusyException("another build is writing " + layout.root() + "; wait for it to finish");
        }
        FileLock held = lock;
        return () -> {
            try (channel; held) {
                // released, then closed
            }
        };
    }

    @Override
    public void write(Path build, List<Resource> resources, List<Chunk> chunks, List<PassageVectors> vectors)
            throws IOException {
        Map<String, Resource> byId = new HashMap<>();
        resources.forEach(r -> byId.put(r.id(), r));
        IndexWriterConfig config = new IndexWriterConfig(new ShelfAnalyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setRAMBufferSizeMB(64);
        try (Directory dir = FSDirectory.open(build);
             IndexWriter writer = new IndexWriter(dir, config)) {
            for (int i = 0; i < chunks.size(); i++) {
                Chunk chunk = chunks.get(i);
                Document doc = document(chunk, byId.get(chunk.resourceId()));
                for (PassageVectors model : vectors) {
                    float[] vector = model.vector(i);
                    if (vector != null) {
                        doc.add(new KnnFloatVectorField(IndexFields.vector(model.model()), vector,
                                VectorSimilarityFunction.DOT_PRODUCT));
                    }
                }
                float[] primary = vectors.get(0).vector(i);
                if (primary != null) {
                    // Not yet in a build published before its passages were embedded: related articles wait for it.
                    doc.add(new StoredField(IndexFields.VECTOR_BYTES, toBytes(primary)));
                }
                writer.addDocument(doc);
            }
            writer.forceMerge(1);
            writer.commit();
        }
    }

    private Document document(Chunk chunk, Resource resource) throws IOException {
        Document doc = new Document();
        doc.add(new StringField(IndexFields.ID, chunk.id(), Field.Store.NO));
        doc.add(new SortedDocValuesField(IndexFields.RESOURCE, new BytesRef(chunk.resourceId())));
        doc.add(new NumericDocValuesField(IndexFields.ORDINAL, chunk.ordinal()));
        doc.add(new TextField(IndexFields.TITLE, resource.title(), Field.Store.NO));
        doc.add(new TextField(IndexFields.SECTION, IndexFields.sectionText(resource), Field.Store.NO));
        doc.add(new TextField(IndexFields.BODY, chunk.body(), Field.Store.YES));
        doc.add(new TextField(IndexFields.META, IndexFields.metaText(resource), Field.Store.NO));
        for (String source : resource.listIds()) {
            doc.add(new StringField(IndexFields.SOURCE, source, Field.Store.NO));
        }
        if (chunk.ordinal() == 0) {
            doc.add(new StoredField(IndexFields.RESOURCE_JSON, json.writeValueAsString(resource)));
        }
        return doc;
    }

    @Override
    public void publish(IndexLayout layout, Path build) throws IOException {
        layout.nameCurrent(build);
    }

    @Override
    public Optional<Path> current(IndexLayout layout) {
        return layout.namedCurrent();
    }

    @Override
    public void discard(Path build) {
        // The passages are files of the build's folder, which the builder deletes.
    }

    @Override
    public void removeOthers(IndexLayout layout, Path current, Path previous) throws IOException {
        try (Stream<Path> builds = Files.list(layout.builds())) {
            for (Path old : builds.filter(p -> !p.equals(current) && !p.equals(previous)).toList()) {
                FileTrees.delete(old);
            }
        }
    }

    @Override
    public ChunkIndex open(Path build) throws IOException {
        return LuceneChunkIndex.open(build);
    }

    @Override
    public String describe(IndexLayout layout) {
        return "in " + layout.root();
    }

    /** A vector as little-endian bytes, the stored form {@link #fromBytes} reads back. */
    static byte[] toBytes(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    static float[] fromBytes(BytesRef bytes) {
        float[] vector = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes.bytes, bytes.offset, bytes.length).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }
}
