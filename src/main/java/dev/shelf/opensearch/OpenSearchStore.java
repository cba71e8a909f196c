package dev.shelf.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shelf.chunk.Chunk;
import dev.shelf.index.BuildInfo;
import dev.shelf.index.ChunkIndex;
import dev.shelf.index.FileTrees;
import dev.shelf.index.IndexLayout;
import dev.shelf.index.IndexStore;
import dev.shelf.index.LuceneStore;
import dev.shelf.ingest.Resource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Keeps each build's passages in an index of its own in an OpenSearch cluster ({@code <alias>-<build>}, shards and
 * replicas over the nodes) and serves the build the alias names: a build is published by moving the alias in one
 * atomic request, so searches during a build are answered by the previous one, and a failed or killed build leaves
 * the alias where it was; its index is removed by the next build. The build's files (build.json, the topic map) go
 * into its index too, and a process that sees the alias move copies them into its own index folder, so several
 * Shelf servers on several machines serve one cluster. NOTE: thread-safe.
 */
public final class OpenSearchStore implements IndexStore, AutoCloseable {

    /** Three primaries, each with one copy on another node: a node may fail and every passage is still there. */
    public static final int SHARDS = 3;
    private static final int BULK_BYTES = 4 << 20;
    private static final Duration LOCK_WAIT = Duration.ofMinutes(30);
    private static final String FILE_ID = "file:";
    /**
     * Marks a build folder as this store's (built here or copied from the cluster), so that pruning never touches the
     * embedded index's builds in the same index folder.
     */
    private static final String MARKER = ".opensearch-build";
    /** The name of a build folder, and of its index after the alias and a dash. */
    private static final Pattern BUILD_NAME = Pattern.compile("build-\\d+-\\d+");

    private final ClusterClient client;
    private final ClusterAddress address;
    private final Consumer<String> log;
    private final ChunkDocuments documents = new ChunkDocuments();
    private final LuceneStore local = new LuceneStore();
    /** The cluster's build lock while this process holds it (one build at a time per process: the folder's lock). */
    private volatile ClusterLock held;

    /**
     * @param log told of waits (another server's build holds the lock) and of builds copied from the cluster
     */
    public OpenSearchStore(ClusterClient client, Consumer<String> log) {
        this.client = client;
        this.address = client.address();
        this.log = log;
    }

    /** The client of the cluster, for checks and requests beside the store's own. */
    public ClusterClient client() {
        return client;
    }

    @Override
    public AutoCloseable lock(IndexLayout layout) throws IOException {
        client.checkUsable();
        AutoCloseable folder = local.lock(layout);
        try {
            String lockIndex = address.alias() + "-lock";
            if (client.get("/" + lockIndex).isEmpty()) {
                ObjectNode settings = ClusterClient.object();
                settings.putObject("settings").putObject("index").put("number_of_shards", 1)
                        .put("auto_expand_replicas", IndexDefinition.REPLICAS);
                try {
                    client.send("PUT", "/" + lockIndex, settings);
                } catch (ClusterException e) {
                    // Two builders may create it at once: the loser's "already exists" is no failure.
                    if (!e.getMessage().contains("already exists")) {
                        throw e;
                    }
                }
            }
            ClusterLock cluster = ClusterLock.acquire(client, lockIndex, log, LOCK_WAIT);
            held = cluster;
            return () -> {
                held = null;
                try (AutoCloseable f = folder; ClusterLock c = cluster) {
                    // the cluster's lock released first, then the folder's
                }
            };
        } catch (IOException | RuntimeException e) {
            try {
                folder.close();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    @Override
    public void write(Path build, List<Resource> resources, List<Chunk> chunks, List<PassageVectors> vectors)
            throws IOException {
        String index = indexOf(build);
        Files.writeString(build.resolve(MARKER), index + "\n");
        client.send("PUT", "/" + index, IndexDefinition.of(SHARDS, vectors));
        Map<String, Resource> byId = new HashMap<>();
        resources.forEach(r -> byId.put(r.id(), r));
        ByteArrayOutputStream bulk = new ByteArrayOutputStream();
        for (int i = 0; i < chunks.size(); i++) {
            Chunk chunk = chunks.get(i);
            ChunkDocuments.appendIndexAction(bulk, chunk.id(),
                    documents.document(chunk, byId.get(chunk.resourceId()), vectors, i));
            if (bulk.size() >= BULK_BYTES) {
                send(index, bulk);
            }
        }
        send(index, bulk);
    }

    private void send(String index, ByteArrayOutputStream bulk) throws ClusterException {
        if (bulk.size() == 0) {
            return;
        }
        JsonNode answer = client.bulk("/" + index + "/_bulk", bulk.toByteArray());
        bulk.reset();
        if (answer.path("errors").asBoolean()) {
            for (JsonNode item : answer.path("items")) {
                JsonNode error = item.path("index").path("error");
                if (!error.isMissingNode()) {
                    throw new ClusterException("OpenSearch refused a passage of the build (" + item.path("index")
                            .path("_id").asText() + "): " + error.path("reason").asText(error.toString()));
                }
            }
        }
    }

    @Override
    public void publish(IndexLayout layout, Path build) throws IOException {
        String index = indexOf(build);
        ByteArrayOutputStream bulk = new ByteArrayOutputStream();
        // The build's own files (build.json, the topic map) and the copies of its lists, one level down.
        try (Stream<Path> files = Files.walk(build, 2)) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
                String name = build.relativize(file).toString().replace('\\', '/');
                ObjectNode doc = ClusterClient.object();
                doc.put(IndexDefinition.FILE_NAME, name);
                doc.put(IndexDefinition.FILE_CONTENT, Base64.getEncoder().encodeToString(Files.readAllBytes(file)));
                ChunkDocuments.appendIndexAction(bulk, FILE_ID + name, doc);
            }
        }
        send(index, bulk);
        ObjectNode settings = ClusterClient.object();
        settings.putObject("index").put("refresh_interval", "1s");
        client.send("PUT", "/" + index + "/_settings", settings);
        client.send("POST", "/" + index + "/_refresh", null);
        // Every primary in place before the alias names it; replicas follow (a yellow cluster still answers).
        client.send("GET", "/_cluster/health/" + index + "?wait_for_status=yellow&timeout=60s", null);
        ClusterLock lock = held;
        if (lock != null) {
            lock.confirm();
        }
        ObjectNode actions = ClusterClient.object();
        var list = actions.putArray("actions");
        Optional<String> served = servedIndex();
        served.filter(s -> !s.equals(index)).ifPresent(s ->
                list.addObject().putObject("remove").put("index", s).put("alias", address.alias()));
        list.addObject().putObject("add").put("index", index).put("alias", address.alias());
        client.send("POST", "/_aliases", actions);
    }

    /** The index the alias names, if any. */
    Optional<String> servedIndex() throws ClusterException {
        Optional<JsonNode> aliases = client.get("/_alias/" + address.alias());
        return aliases.flatMap(a -> a.properties().stream().map(Map.Entry::getKey).findFirst());
    }

    /**
     * The build the alias names, its files copied from the cluster into the layout's {@code builds/} when this process
     * has not seen it before.
     *
     * @throws UncheckedIOException around a {@link ClusterException} when the cluster cannot say: "none" would start a
     *                              build from nothing
     */
    @Override
    public Optional<Path> current(IndexLayout layout) {
        try {
            Optional<String> served = servedIndex();
            if (served.isEmpty()) {
                return Optional.empty();
            }
            String name = served.get().substring(Math.min(served.get().length(), address.alias().length() + 1));
            if (!served.get().startsWith(address.alias() + "-") || !BUILD_NAME.matcher(name).matches()) {
                throw new ClusterException("the alias " + address.alias() + " names " + served.get()
                        + ", which is no build of Shelf's; point --opensearch-index at another name");
            }
            Path folder = layout.builds().resolve(name);
            if (!Files.isRegularFile(folder.resolve(BuildInfo.FILE))) {
                copyFiles(served.get(), folder);
            }
            return Optional.of(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e instanceof ClusterException ? e
                    : new ClusterException("cannot copy the build served from the cluster: " + e.getMessage(), e));
        }
    }

    /** Copies a build's files from its cluster index into a folder, whole or not at all. */
    private synchronized void copyFiles(String index, Path folder) throws IOException {
        if (Files.isRegularFile(folder.resolve(BuildInfo.FILE))) {
            return; // another thread of this process copied it meanwhile
        }
        ObjectNode query = ClusterClient.object();
        query.put("size", 10_000);
        query.putObject("query").putObject("exists").put("field", IndexDefinition.FILE_NAME);
        JsonNode hits = client.send("POST", "/" + index + "/_search", query).path("hits").path("hits");
        Files.createDirectories(folder.getParent());
        Path temporary = Files.createTempDirectory(folder.getParent(), "." + folder.getFileName() + "-");
        try {
            for (JsonNode hit : hits) {
                JsonNode source = hit.path("_source");
                Path file = temporary.resolve(source.path(IndexDefinition.FILE_NAME).asText()).normalize();
                if (!file.startsWith(temporary)) {
                    throw new ClusterException("the build " + index + " names a file outside its folder: " + file);
                }
                Files.createDirectories(file.getParent());
                Files.write(file, Base64.getDecoder().decode(source.path(IndexDefinition.FILE_CONTENT).asText()));
            }
            Files.writeString(temporary.resolve(MARKER), index + "\n");
            FileTrees.delete(folder); // what a copy cut short left
            Files.move(temporary, folder, StandardCopyOption.ATOMIC_MOVE);
            log.accept("copied build " + folder.getFileName() + " from the cluster");
            pruneCopies(folder);
        } finally {
            FileTrees.delete(temporary);
        }
    }

    /**
     * Removes the copies of builds older than the newest two (a server that never builds would otherwise keep one per
     * build the cluster ever served); the one before the newest may still be served for a moment.
     */
    private static void pruneCopies(Path newest) throws IOException {
        try (Stream<Path> builds = Files.list(newest.getParent())) {
            List<Path> older = builds.filter(p -> BUILD_NAME.matcher(p.getFileName().toString()).matches())
                    .filter(p -> Files.exists(p.resolve(MARKER)))
                    .filter(p -> !p.equals(newest)).sorted(Comparator.comparing(OpenSearchStore::builtAt).reversed())
                    .toList();
            for (Path old : older.subList(Math.min(1, older.size()), older.size())) {
                FileTrees.delete(old);
            }
        }
    }

    /** A build folder's time, from its name ({@code build-<millis>-<pid>}). */
    private static long builtAt(Path build) {
        return Long.parseLong(build.getFileName().toString().split("-")[1]);
    }

    /** The cluster's indexes of this alias's builds: {@code <alias>-build-<millis>-<pid>}, no other alias's. */
    private List<String> buildIndexes() throws ClusterException {
        JsonNode indices = client.send("GET", "/_cat/indices/" + address.alias() + "-build-*?format=json&h=index", null);
        List<String> names = new ArrayList<>();
        String prefix = address.alias() + "-";
        for (JsonNode row : indices) {
            String index = row.path("index").asText();
            if (index.startsWith(prefix) && BUILD_NAME.matcher(index.substring(prefix.length())).matches()) {
                names.add(index);
            }
        }
        return names;
    }

    @Override
    public void discard(Path build) throws IOException {
        client.sendUnlessMissing("DELETE", "/" + indexOf(build), null);
    }

    @Override
    public void removeOthers(IndexLayout layout, Path current, Path previous) throws IOException {
        try (Stream<Path> builds = Files.list(layout.builds())) {
            for (Path old : builds.filter(p -> Files.exists(p.resolve(MARKER)))
                    .filter(p -> !p.equals(current) && !p.equals(previous)).toList()) {
                FileTrees.delete(old);
            }
        }
        List<String> keep = new ArrayList<>();
        keep.add(indexOf(current));
        if (previous != null) {
            keep.add(indexOf(previous));
        }
        for (String index : buildIndexes()) {
            if (!keep.contains(index)) {
                client.sendUnlessMissing("DELETE", "/" + index, null);
            }
        }
    }

    /** Deletes every build of the alias from the cluster, the served one included (a benchmark's scratch alias). */
    public void removeAll() throws IOException {
        for (String index : buildIndexes()) {
            client.sendUnlessMissing("DELETE", "/" + index, null);
        }
        client.sendUnlessMissing("DELETE", "/" + address.alias() + "-lock", null);
    }

    @Override
    public ChunkIndex open(Path build) throws IOException {
        return OpenSearchChunkIndex.open(client, indexOf(build), build);
    }

    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public String describe(IndexLayout layout) {
        return "in the OpenSearch index " + address.alias() + " at " + address.where();
    }

    private String indexOf(Path build) {
        return address.indexOf(build.getFileName().toString());
    }

    @Override
    public void close() {
        client.close();
    }
}
