package dev.shelf.embed;

import dev.shelf.text.Sha256;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Checks a model file against the SHA-256 its spec records, and remembers a passed check so that a start need not
 * hash the file again: hashing the default models' 115 MB is a large share of a start (the models load side by side,
 * before the JIT has compiled the digest), while a damaged file that still loads would give wrong vectors without a
 * word, so the check itself stays.
 *
 * <p>A passed check is written to a stamp file beside the model ({@value #STAMP_FILE}) with the file's size, its
 * modification time and its change time. Any write to the file, and any copy or unpacking that makes it anew, moves
 * its change time, which no tool can set back (unlike the modification time, which copies and unpackers keep); so a
 * file changed since the check is hashed again, and so is one whose spec records another digest. Where the file
 * system keeps no change time (Windows), or the folder cannot be written, every check hashes. Limit: a
 * file system whose clock ticks coarsely could give a write within the same tick as the check the same change time.
 */
final class ModelFileCheck {

    /** The stamp file's name in a model folder; ignored by git with the rest of the unpacked files. */
    static final String STAMP_FILE = ".verified";

    /** Hashes a file; the SHA-256 of its bytes in production, counted in tests. */
    interface Digest {
        String hexOf(Path file) throws IOException;
    }

    /**
     * What a passed check vouches for: the expected digest and the file as it was then.
     *
     * @param changeNanos the file's change time, which only the file system sets
     */
    record FileState(String digest, long size, long modifiedNanos, long changeNanos) {

        /** The file as it is now, or empty where the file system keeps no change time. */
        static Optional<FileState> of(Path file, String expectedDigest) throws IOException {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            FileTime changed;
            try {
                changed = (FileTime) Files.getAttribute(file, "unix:ctime");
            } catch (UnsupportedOperationException | IllegalArgumentException noUnixView) {
                // Size and modification time alone would vouch for a damaged copy that kept the original's date.
                return Optional.empty();
            }
            return Optional.of(new FileState(expectedDigest.strip().toLowerCase(Locale.ROOT), attributes.size(),
                    attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS), changed.to(TimeUnit.NANOSECONDS)));
        }

        /** The stamp's line for this state. */
        String line() {
            return digest + " " + size + " " + modifiedNanos + " " + changeNanos;
        }
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
     * Checks the file's SHA-256 against the expected one, unless a stamp says it passed and it has not changed since.
     *
     * @throws ModelException naming the file, when its digest is not the expected one or it cannot be read
     */
    void check(Path file, String expected) {
        String want = expected.strip();
        Path stamp = file.resolveSibling(STAMP_FILE);
        String name = file.getFileName().toString();
        try {
            Optional<FileState> state = FileState.of(file, want);
            if (state.isPresent() && state.get().line().equals(stamps(stamp).getProperty(name))) {
                return;
            }
            String actual = digest.hexOf(file);
            if (!actual.equalsIgnoreCase(want)) {
                throw new ModelException("model file " + file + " is damaged (its SHA-256 is " + actual + ", expected "
                        + want + "); run `mvn -B -DskipTests package` to unpack it from Maven Central again", null);
            }
            state.ifPresent(passed -> remember(stamp, name, passed));
        } catch (IOException e) {
            throw new ModelException("cannot read model file " + file + ": " + e.getMessage(), e);
        }
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
     * reader never sees half a stamp. Two processes writing at once may each drop the other's line, which costs only
     * a hash at a later start; a folder that cannot be written keeps no stamp, and every start hashes.
     */
    private static void remember(Path stamp, String name, FileState state) {
        Properties stamps = stamps(stamp);
        stamps.setProperty(name, state.line());
        Path temporary = stamp.resolveSibling(STAMP_FILE + "." + ProcessHandle.current().pid() + "-"
                + Thread.currentThread().threadId() + ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                stamps.store(out, "SHA-256 checks passed by these files as they were; a changed file is hashed again");
            }
            try {
                // Readable by whoever reads the models (a temporary file of the JDK's own would be private).
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException notPosix) {
                // the folder's defaults apply
            }
            Files.move(temporary, stamp, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | SecurityException cannotWrite) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // nothing more to do: the stamp only saves time
            }
        }
    }
}
