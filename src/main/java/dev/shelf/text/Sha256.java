package dev.shelf.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests as lower-case hex: ids, embedding-cache keys and model file checks. */
public final class Sha256 {

    private Sha256() {
    }

    /** A fresh digest; every JDK has SHA-256, so its absence is a broken runtime, not an input error. */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /**
     * The digest of the UTF-8 bytes of the given parts with a zero byte between each two, so that ("ab", "c") and
     * ("a", "bc") differ. One part is digested as it is.
     */
    public static String hex(String... parts) {
        MessageDigest sha = digest();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                sha.update((byte) 0);
            }
            sha.update(parts[i].getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The digest of a file's bytes, read in blocks. */
    public static String hexOf(Path file) throws IOException {
        MessageDigest sha = digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
