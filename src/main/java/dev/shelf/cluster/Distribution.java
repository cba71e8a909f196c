package dev.shelf.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An unpacked OpenSearch server ({@code home}, holding {@code bin/opensearch}) and the k-NN plugin's zip for the same
 * version, as the build leaves them in {@code target/opensearch}: {@code opensearch-3.5.0/} beside
 * {@code opensearch-knn-3.5.0.0.zip}. The server's scripts run on the JDK running Shelf: the distribution bundles none.
 */
public record Distribution(Path home, Path knnPlugin) {

    private static final String SERVER_PREFIX = "opensearch-";
    private static final String PLUGIN_PREFIX = "opensearch-knn-";

    /**
     * Both made absolute: the server's scripts run in its own folder, where a relative path means something else. No
     * plugin (null) starts the server without k-NN.
     */
    public Distribution {
        home = home.toAbsolutePath().normalize();
        knnPlugin = knnPlugin == null ? null : knnPlugin.toAbsolutePath().normalize();
    }

    /**
     * The newest server unpacked in {@code folder} and its k-NN plugin; fails with what to do when either is missing.
     */
    public static Distribution in(Path folder) throws IOException {
        String build = "run `mvn -B -q -DskipTests package` first, which unpacks it there";
        if (!Files.isDirectory(folder)) {
            throw new IOException("no OpenSearch server in " + folder + ": " + build);
        }
        Path home;
        try (Stream<Path> entries = Files.list(folder)) {
            home = entries.filter(entry -> isServer(entry.getFileName().toString()))
                    .filter(entry -> Files.isRegularFile(entry.resolve("bin/opensearch")))
                    .max(Comparator.comparing(entry -> version(entry.getFileName().toString()), Distribution::compare))
                    .orElseThrow(() -> new IOException("no OpenSearch server (opensearch-VERSION/bin/opensearch) in "
                            + folder + ": " + build));
        }
        String version = version(home.getFileName().toString());
        // The plugin's version is the server's with a fourth number (3.5.0 and 3.5.0.0): only a matching one loads.
        Optional<Path> plugin;
        try (Stream<Path> entries = Files.list(folder)) {
            plugin = entries.filter(entry -> {
                String name = entry.getFileName().toString();
                return name.startsWith(PLUGIN_PREFIX + version + ".") && name.endsWith(".zip");
            }).findFirst();
        }
        return new Distribution(home, plugin.orElseThrow(() -> new IOException("no k-NN plugin for OpenSearch " + version
                + " (" + PLUGIN_PREFIX + version + ".N.zip) in " + folder + ": " + build)));
    }

    /**
     * One of the distribution's scripts ({@code bin/opensearch}, {@code bin/opensearch-plugin}) as the process to run,
     * {@code prefix} before it (the switch to another user), in the distribution's folder as its scripts expect, on
     * this JDK, with none of the caller's JVM options.
     */
    ProcessBuilder script(List<String> prefix, String script, String... arguments) {
        List<String> command = Stream.of(prefix.stream(), Stream.of(home.resolve("bin").resolve(script).toString()),
                Stream.of(arguments)).flatMap(part -> part).toList();
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
        Map<String, String> environment = builder.environment();
        for (String inherited : List.of("JAVA_OPTS", "JAVA_TOOL_OPTIONS", "OPENSEARCH_JAVA_OPTS", "OPENSEARCH_PATH_CONF",
                "OPENSEARCH_TMPDIR")) {
            environment.remove(inherited);
        }
        environment.put("OPENSEARCH_HOME", home.toString());
        environment.put("OPENSEARCH_JAVA_HOME", System.getProperty("java.home"));
        return builder;
    }

    private static boolean isServer(String name) {
        return name.startsWith(SERVER_PREFIX) && name.length() > SERVER_PREFIX.length()
                && Character.isDigit(name.charAt(SERVER_PREFIX.length()));
    }

    private static String version(String name) {
        return name.substring(SERVER_PREFIX.length());
    }

    /** Versions compared number by number, so that 3.10.0 is newer than 3.5.0. */
    private static int compare(String a, String b) {
        String[] left = a.split("\\.");
        String[] right = b.split("\\.");
        for (int i = 0; i < Math.min(left.length, right.length); i++) {
            int order = Long.compare(number(left[i]), number(right[i]));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(left.length, right.length);
    }

    private static long number(String part) {
        String digits = part.replaceAll("\\D.*", "");
        return digits.isEmpty() ? 0 : Long.parseLong(digits);
    }
}
