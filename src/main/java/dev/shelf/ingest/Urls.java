package dev.shelf.ingest;

import dev.shelf.text.Sha256;
import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/** Canonical URLs and stable ids, so that one article listed in several places becomes one resource. */
public final class Urls {

    private static final Pattern ABSOLUTE_HTTP = Pattern.compile("(?i)^(https?)://([^/?#\\s]+)([^?#\\s]*)(\\?[^#\\s]*)?(#\\S*)?$");
    private static final Pattern HOST = Pattern.compile("(?i)^([a-z0-9._~%!$&'()*+,;=:@-]+|\\[[0-9a-f:.]+\\](:\\d+)?)$");
    private static final int ID_HEX_DIGITS = 12;

    private Urls() {
    }

    /**
     * The canonical form of an absolute http(s) URL: lower-case scheme and host, no fragment, no {@code utm_*} or
     * {@code usp} query parameters, no trailing slash; everything else kept as written. Empty when the text is not
     * an absolute http(s) URL (relative paths, {@code #anchors}, {@code mailto:}, {@code javascript:}, blanks).
     */
    public static Optional<String> canonicalize(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        var m = ABSOLUTE_HTTP.matcher(raw.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String host = m.group(2).toLowerCase(Locale.ROOT);
        if (!HOST.matcher(host).matches() || host.startsWith(".") || host.contains("..")) {
            return Optional.empty();
        }
        String path = m.group(3);
        String query = m.group(4) == null ? "" : keptQuery(m.group(4).substring(1));
        if (query.isEmpty()) {
            path = stripTrailingSlashes(path);
        }
        StringBuilder url = new StringBuilder(m.group(1).toLowerCase(Locale.ROOT)).append("://").append(host).append(path);
        if (!query.isEmpty()) {
            url.append('?').append(query);
        }
        return Optional.of(url.toString());
    }

    private static String keptQuery(String query) {
        StringJoiner kept = new StringJoiner("&");
        for (String param : query.split("&")) {
            String name = param.contains("=") ? param.substring(0, param.indexOf('=')) : param;
            String lower = name.toLowerCase(Locale.ROOT);
            if (!param.isEmpty() && !lower.startsWith("utm_") && !lower.equals("usp")) {
                kept.add(param);
            }
        }
        return kept.toString();
    }

    private static String stripTrailingSlashes(String path) {
        int end = path.length();
        while (end > 0 && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(0, end);
    }

    /** A short, stable id: the first 12 hex digits of the SHA-256 of the given key. */
    public static String shortHash(String key) {
        return Sha256.hex(key).substring(0, ID_HEX_DIGITS);
    }
}
