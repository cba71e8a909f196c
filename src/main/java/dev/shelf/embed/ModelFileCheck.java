package dev.shelf.embed;

import dev.shelf.text.Sha256;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Checks a model file against the SHA-256 its spec records, and remembers a passed check so that a start need not
 * hash the file again. Hashing the default models' 115 MB took 0.4-1.0 s of each start on two cores (the models load
 * side by side, before the JIT has compiled the digest); a damaged file that still loads would give wrong vectors
 * without a word, so the check itself stays.
 *
 * <p>A passed check is written to a stamp file beside the model ({@value #STAMP_FILE}) with the file's size, its
 * modification time and its change time. Any write to the file moves its change time, which no tool can set back, so
 * a file written since the check (or unpacked again) is hashed again; so is one whose spec records another digest.
 * Where the folder cannot be written, every check hashes, as before.
 */
final class ModelFileCheck {

    /** The stamp file's name in a model folder; ignored by git with the rest of the unpacked files. */
    static final String STAMP_FILE = ".verified";

    /** Hashes a file; the SHA-256 of its bytes in production, counted in tests. */
    interface Digest {
        String hexOf(Path file) throws IOException;
    }

    private final Digest digest;

    ModelFileCheck(Digest digest) {
        this.digest = digest;
    }

    /** The production check, hashing with SHA-256. */
    static ModelFileCheck sha256() {
        return new ModelFileCheck(Sha256::hexOf);
    }

    /**
     * @throws ModelException naming the file, when its digest is not the expected one or it cannot be read
     */
    void check(Path file, String expected) {
        String want = expected.strip();
        Path stamp = file.resolveSibling(STAMP_FILE);
        try {
            String state = state(file, want);
            if (state.equals(stamps(stamp).getProperty(file.getFileName().toString()))) {
                return;
            }
            String actual = digest.hexOf(file);
            if (!actual.equalsIgnoreCase(want)) {
                throw new ModelException("model file " + file + " is damaged (its SHA-256 is " + actual + ", expected "
                        + want + "); run `mvn -B -DskipTests package` to unpack it from Maven Central again", null);
            }
            remember(stamp, file.getFileName().toString(), state);
        } catch (IOException e) {
            throw new ModelException("cannot read model file " + file + ": " + e.getMessage(), e);
        }
    }

    /** What a passed check vouches for: the expected digest and the file as it was then. */
    static String state(Path file, String expected) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return String.join(" ", expected.toLowerCase(Locale.ROOT), Long.toString(attributes.size()),
                nanos(attributes.lastModifiedTime()), changeTime(file));
    }

    private static String changeTime(Path file) throws IOException {
        try {
            return nanos((FileTime) Files.getAttribute(file, "unix:ctime"));
        } catch (UnsupportedOperationException | IllegalArgumentException noUnixView) {
            // Not a POSIX file system: size and modification time alone.
            return "-";
        }
    }

    private static String nanos(FileTime time) {
        return Long.toString(time.to(TimeUnit.NANOSECONDS));
    }

    private static Properties stamps(Path stamp) {
        Properties stamps = new Properties();
        if (Files.isRegularFile(stamp)) {
            try (Reader in = Files.newBufferedReader(stamp, StandardCharsets.UTF_8)) {
                stamps.load(in);
            } catch (IOException | IllegalArgumentException unreadable) {
                // An unreadable stamp vouches for nothing: the file is hashed.
                stamps.clear();
            }
        }
        return stamps;
    }

    /**
     * Adds the file's state to the stamp, written whole to a temporary file and moved over the old one, so that a
     * reader never sees half a stamp. A folder that cannot be written keeps no stamp: the next start hashes again.
     */
    private static void remember(Path stamp, String name, String state) {
        Properties stamps = stamps(stamp);
        stamps.setProperty(name, state);
        Path temporary = null;
        try {
            temporary = Files.createTempFile(stamp.getParent(), STAMP_FILE, ".tmp");
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                stamps.store(out, "SHA-256 checks passed by these files as they were; a changed file is hashed again");
            }
            try {
                Files.move(temporary, stamp, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, stamp, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | SecurityException readOnly) {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // nothing more to do: the stamp is an optimisation
                }
            }
        }
    }
}
