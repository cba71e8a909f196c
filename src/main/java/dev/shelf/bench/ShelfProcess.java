package dev.shelf.bench;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Starts {@code shelf} commands in a separate JVM with this JVM's code. The class path is always short — the app's
 * own jar, or a manifest-only jar listing the current class path — because ONNX Runtime 1.29 crashes (SIGSEGV) at
 * start-up when {@code java.class.path} is several thousand characters long, as a Maven repository class path is.
 */
public final class ShelfProcess {

    private ShelfProcess() {
    }

    /** A process builder for {@code shelf args...}; {@code scratch} holds the manifest jar when one is needed. */
    public static ProcessBuilder of(Path scratch, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("--enable-native-access=ALL-UNNAMED");
        // As the run command does: Lucene's SIMD vector code needs the incubator module.
        command.add("--add-modules");
        command.add("jdk.incubator.vector");
        Path ownJar = ownJar();
        if (ownJar != null) {
            // As the run command does: classes come from an archive that the first start after a build writes.
            Path archive = ownJar.resolveSibling("shelf.jsa");
            dropStaleArchive(archive, ownJar);
            command.add("-XX:+AutoCreateSharedArchive");
            command.add("-XX:SharedArchiveFile=" + archive);
            command.add("-Xlog:cds*=off");
            command.add("-jar");
            command.add(ownJar.toString());
        } else {
            command.add("-cp");
            command.add(classPathJar(scratch).toString());
            command.add("dev.shelf.cli.Main");
        }
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    /**
     * Deletes a class-data archive not newer than the jar and every jar in the {@code lib} folder beside it (which the
     * jar's manifest class path names; the JVM checks those too). Seen on Temurin 25: the JVM refuses an archive
     * dumped from another build of the jar ("shared class paths mismatch ... The top archive failed to load") and,
     * having refused it, writes no new one at exit, so a stale archive would leave every later start without one. Only
     * newer jars are seen: a library swapped for one with an older date is not. The pom's package phase does the same
     * for the run command.
     */
    static void dropStaleArchive(Path archive, Path jar) throws IOException {
        if (!Files.isRegularFile(archive)) {
            return;
        }
        FileTime newest = Files.getLastModifiedTime(jar);
        Path lib = jar.resolveSibling("lib");
        if (Files.isDirectory(lib)) {
            try (DirectoryStream<Path> libraries = Files.newDirectoryStream(lib, "*.jar")) {
                for (Path library : libraries) {
                    FileTime modified = Files.getLastModifiedTime(library);
                    newest = modified.compareTo(newest) > 0 ? modified : newest;
                }
            }
        }
        if (Files.getLastModifiedTime(archive).compareTo(newest) <= 0) {
            Files.delete(archive);
        }
    }

    private static Path ownJar() {
        try {
            Path location = Path.of(ShelfProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(location) && location.toString().endsWith(".jar") ? location : null;
        } catch (URISyntaxException | SecurityException e) {
            return null;
        }
    }

    private static Path classPathJar(Path dir) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        StringBuilder classPath = new StringBuilder();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                classPath.append(Path.of(entry).toAbsolutePath().toUri()).append(' ');
            }
        }
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath.toString().strip());
        Files.createDirectories(dir);
        Path jar = Files.createTempFile(dir, "shelf-classpath", ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.flush();
        }
        return jar;
    }
}
