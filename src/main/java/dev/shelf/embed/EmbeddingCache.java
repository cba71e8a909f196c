package dev.shelf.embed;

import dev.shelf.text.Sha256;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Vectors already computed, keyed by the SHA-256 of the model's vector identity ({@link Encoder#vectorIdentity}: its
 * name, passage prefix, pooling...) and the exact text, persisted in one file so that re-indexing unchanged lists
 * embeds nothing.
 *
 * <p>The file is a small binary log (magic, dimensions, then hash + floats per entry), written to a temporary file and
 * moved into place, so a killed write never leaves a torn cache; an unreadable cache is treated as empty. Hand-written
 * because an embedded key-value store would be a heavy dependency for a few thousand fixed-size records.
 * NOTE: thread-safe.
 */
public final class EmbeddingCache {

    private static final int MAGIC = 0x53484C46; // "SHLF"
    private static final int VERSION = 1;

    private final Path file;
    private final String modelId;
    private final int dimensions;
    private final Map<String, float[]> vectors = new ConcurrentHashMap<>();

    private EmbeddingCache(Path file, String modelId, int dimensions) {
        this.file = file;
        this.modelId = modelId;
        this.dimensions = dimensions;
    }

    /** Opens the cache of one model in the given file, empty when the file is absent or unreadable. */
    public static EmbeddingCache open(Path file, String modelId, int dimensions) {
        EmbeddingCache cache = new EmbeddingCache(file, modelId, dimensions);
        if (Files.isRegularFile(file)) {
            cache.load();
        }
        return cache;
    }

    /** The cache key of a text for this model. */
    public String key(String text) {
        return Sha256.hex(modelId, text);
    }

    /** The cached vector of the key, or null. NOTE: the array is shared; do not modify it. */
    public float[] get(String key) {
        return vectors.get(key);
    }

    public void put(String key, float[] vector) {
        if (vector.length != dimensions) {
            throw new IllegalArgumentException("expected dimension " + dimensions + ", got " + vector.length);
        }
        vectors.put(key, vector);
    }

    public int size() {
        return vectors.size();
    }

    /** Keeps only the given keys (the texts of the current corpus), so the file does not grow forever. */
    public void retainOnly(java.util.Set<String> keys) {
        vectors.keySet().retainAll(keys);
    }

    /** Writes the cache atomically. */
    public void save() throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        HexFormat hex = HexFormat.of();
        try {
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
                out.writeInt(MAGIC);
                out.writeInt(VERSION);
                out.writeInt(dimensions);
                for (Map.Entry<String, float[]> e : vectors.entrySet()) {
                    out.write(hex.parseHex(e.getKey()));
                    for (float f : e.getValue()) {
                        out.writeFloat(f);
                    }
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // A half-written cache (a full disk) must not stay behind taking the space; the old cache is untouched.
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    private void load() {
        HexFormat hex = HexFormat.of();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION || in.readInt() != dimensions) {
                return;
            }
            byte[] hash = new byte[32];
            while (true) {
                try {
                    in.readFully(hash);
                } catch (EOFException end) {
                    return;
                }
                float[] v = new float[dimensions];
                for (int i = 0; i < dimensions; i++) {
                    v[i] = in.readFloat();
                }
                vectors.put(hex.formatHex(hash), v);
            }
        } catch (IOException e) {
            // A damaged cache only costs time: everything is embedded again.
            vectors.clear();
        }
    }
}
