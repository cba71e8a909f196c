package dev.shelf.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shelf.chunk.Chunk;
import dev.shelf.chunk.Chunker;
import dev.shelf.embed.Encoder;
import dev.shelf.embed.Encoders;
import dev.shelf.ingest.Resource;
import dev.shelf.ingest.Source;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * Builds the index of a set of resources into a new folder and switches it in only once it is complete, so a failed
 * or killed build leaves the previous index serving. Each model in use gets its own vector field and its own
 * embedding cache ({@link ModelVectors}); vectors of unchanged passages come from the cache;
 * {@code rebuild} ignores the cache and embeds everything again; a {@link BuildStep} of the caller's writes the rest of
 * the build (the topic map). One build at a time writes an index folder (a file lock says so); a failed build leaves
 * nothing behind but a clear error.
 */
public final class IndexBuilder {

    /** Held (an OS file lock, released even when the process is killed) while a build writes the folder. */
    private static final String LOCK_FILE = "build.lock";

    private final IndexLayout layout;
    private final Encoders encoders;
    private final BuildStep step;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * A builder that writes one vector field per model; the primary model's token counts cut the passages.
     *
     * @param step what else each build writes into its folder before it is switched in
     */
    public IndexBuilder(IndexLayout layout, Encoders encoders, BuildStep step) {
        this.layout = layout;
        this.encoders = encoders;
        this.step = step;
    }

    /**
     * Indexes the resources.
     *
     * @throws IOException when the index cannot be written; the previous build, if any, is still the one served
     */
    public BuildSummary build(List<Resource> resources, List<Source> sources, boolean rebuild, BuildProgress progress)
            throws IOException {
        String served = layout.current().map(p -> "the index served before (" + p.getFileName() + ") is unchanged")
                .orElse("there was no index before");
        FileChannel lockFile;
        try {
            Files.createDirectories(layout.builds());
            lockFile = FileChannel.open(layout.root().resolve(LOCK_FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new IOException("cannot write the index folder " + layout.root() + ": " + reason(e) + "; " + served, e);
        }
        try (lockFile; FileLock lock = tryLock(lockFile)) {
            if (lock == null) {
                throw new IOException("another build is writing " + layout.root() + "; wait for it to finish");
            }
            try {
                return buildLocked(resources, sources, rebuild, progress);
            } catch (IOException e) {
                throw new IOException("could not write the index in " + layout.root() + ": " + reason(e) + "; "
                        + served, e);
            }
        }
    }

    /** The build lock, or null when another build (in this process or another) holds it. */
    private static FileLock tryLock(FileChannel lockFile) throws IOException {
        try {
            return lockFile.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    /** What the operating system said, without the Java wrapping ("No space left on device", "Read-only file system"). */
    private static String reason(IOException e) {
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason() + " (" + fs.getFile() + ")";
        }
        if (e instanceof AccessDeniedException denied) {
            return "permission denied (" + denied.getFile() + ")";
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }

    private BuildSummary buildLocked(List<Resource> resources, List<Source> sources, boolean rebuild,
                                     BuildProgress progress) throws IOException {
        long started = System.nanoTime();
        Encoder primary = encoders.primary();
        Chunker chunker = new Chunker(primary::tokenCount, primary.chunkTokens());
        List<Chunk> chunks = new ArrayList<>();
        for (Resource resource : resources) {
            chunks.addAll(chunker.chunk(resource));
        }
        List<ModelVectors> vectors = new ArrayList<>();
        List<BuildSummary.ModelBuild> modelBuilds = new ArrayList<>();
        for (Encoder encoder : encoders.all()) {
            ModelVectors model = ModelVectors.open(encoder, chunks, layout);
            modelBuilds.add(model.embedMissing(rebuild, progress));
            vectors.add(model);
        }

        Path build = layout.builds().resolve("build-" + System.currentTimeMillis() + "-" + ProcessHandle.current().pid());
        Path previous = layout.current().orElse(null);
        try {
            write(build, resources, chunks, vectors);
            step.write(build, previous, resources, sources, chunks, vectors.get(0)::vector);
            List<BuildInfo.ModelInfo> models = vectors.stream().map(ModelVectors::info).toList();
            new BuildInfo(BuildInfo.FORMAT, Instant.now().toString(), primary.name(), primary.dimensions(), models,
                    resources.size(), chunks.size(), sourceInfos(resources, sources)).write(build);
            layout.switchTo(build);
        } catch (IOException | RuntimeException e) {
            // The half-made build is of no use, and on a full disk its space is what the next try needs.
            deleteQuietly(build, e);
            throw e;
        }
        removeOldBuilds(build, previous);
        return new BuildSummary(build, resources.size(), chunks.size(), modelBuilds,
                (System.nanoTime() - started) / 1e9);
    }

    private void write(Path build, List<Resource> resources, List<Chunk> chunks, List<ModelVectors> vectors)
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
                for (ModelVectors model : vectors) {
                    float[] vector = model.vector(i);
                    if (vector != null) {
                        doc.add(new KnnFloatVectorField(IndexFields.vector(model.name()), vector,
                                VectorSimilarityFunction.DOT_PRODUCT));
                    }
                }
                doc.add(new StoredField(IndexFields.VECTOR_BYTES, toBytes(vectors.get(0).vector(i))));
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
        doc.add(new TextField(IndexFields.SECTION, String.join(" ", resource.section()), Field.Store.NO));
        doc.add(new TextField(IndexFields.BODY, chunk.body(), Field.Store.YES));
        doc.add(new TextField(IndexFields.META, meta(resource), Field.Store.NO));
        for (String source : resource.listIds()) {
            doc.add(new StringField(IndexFields.SOURCE, source, Field.Store.NO));
        }
        if (chunk.ordinal() == 0) {
            doc.add(new StoredField(IndexFields.RESOURCE_JSON, json.writeValueAsString(resource)));
        }
        return doc;
    }

    private static List<BuildInfo.SourceInfo> sourceInfos(List<Resource> resources, List<Source> sources) {
        Map<String, Integer> counts = Resource.countByList(resources);
        return sources.stream().map(s -> new BuildInfo.SourceInfo(s.id(), s.name(), s.file().toString(),
                counts.getOrDefault(s.id(), 0))).toList();
    }

    private static String meta(Resource resource) {
        StringBuilder meta = new StringBuilder(String.join(" ", resource.metadata().values()));
        // URL words ("arxiv", "github", "colab") are what a practitioner often remembers of a link.
        resource.links().forEach(link -> meta.append(' ').append(link.replaceAll("[/:.?=&_#%-]+", " ")));
        return meta.toString();
    }

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

    private static void deleteQuietly(Path build, Exception cause) {
        try {
            FileTrees.delete(build);
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    /** Deletes every build but the new one and the one it replaced (a server may still be reading that one). */
    private void removeOldBuilds(Path current, Path previous) throws IOException {
        try (Stream<Path> builds = Files.list(layout.builds())) {
            for (Path old : builds.filter(p -> !p.equals(current) && !p.equals(previous)).toList()) {
                FileTrees.delete(old);
            }
        }
    }
}
