package dev.shelf.embed;

import ai.onnxruntime.OrtEnvironment;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Points ONNX Runtime at the native libraries the build unpacked beside the app's code
 * ({@code target/onnxruntime-<version>/ai/onnxruntime/native/<platform>/}). Left to itself, ONNX Runtime inflates its
 * 28 MB library from the jar into a temporary folder at every start, a visible share of a server's start. Where no
 * whole unpacked copy is found (another layout, another platform, a version the build did not unpack, a file whose
 * size is not its jar entry's), or the user set {@value #PATH_PROPERTY}, ONNX Runtime finds its library itself. The property
 * is ONNX Runtime's documented way in, and JVM-wide: it is set once, before ONNX Runtime loads.
 */
final class OrtLibraries {

    /** ONNX Runtime's own property: the folder it loads both its libraries from. */
    static final String PATH_PROPERTY = "onnxruntime.native.path";
    /** The libraries ONNX Runtime 1.29 loads from that folder on a CPU (checked with javap on its loader). */
    static final List<String> LIBRARIES = List.of("onnxruntime", "onnxruntime4j_jni");
    /** Where ONNX Runtime's jar keeps them, one folder per platform; the build unpacks the same path. */
    static final String JAR_FOLDER = "/ai/onnxruntime/native/";

    private OrtLibraries() {
    }

    /** Sets {@value #PATH_PROPERTY} to the unpacked libraries when they are there and it is not set already. */
    static void preferUnpacked() {
        if (System.getProperty(PATH_PROPERTY) != null) {
            return;
        }
        String version = OrtEnvironment.class.getPackage().getImplementationVersion();
        codeFolder().flatMap(folder -> unpacked(folder, version, System.getProperty("os.name"),
                        System.getProperty("os.arch")))
                .filter(OrtLibraries::sameSizesAsInTheJar)
                .ifPresent(folder -> System.setProperty(PATH_PROPERTY, folder.toString()));
    }

    /**
     * Whether both unpacked libraries have the sizes of the jar's entries: a truncated copy would fail ONNX Runtime's
     * one-time loading for the whole process, where extracting from the jar (whose checksum Maven checks) works.
     */
    static boolean sameSizesAsInTheJar(Path folder) {
        Optional<Path> jar = codeLocation(OrtEnvironment.class).filter(Files::isRegularFile);
        if (jar.isEmpty()) {
            return false;
        }
        try (JarFile entries = new JarFile(jar.get().toFile())) {
            for (String library : LIBRARIES) {
                String name = System.mapLibraryName(library);
                JarEntry entry = entries.getJarEntry(JAR_FOLDER.substring(1) + folder.getFileName() + "/" + name);
                if (entry == null || entry.getSize() != Files.size(folder.resolve(name))) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The folder of the unpacked libraries for this ONNX Runtime version and platform, if both libraries are in it.
     *
     * @param codeFolder the folder holding the app's jar or classes ({@code target})
     * @param version ONNX Runtime's version (its jar's Implementation-Version), null when unknown
     */
    static Optional<Path> unpacked(Path codeFolder, String version, String osName, String osArch) {
        Optional<String> platform = platform(osName, osArch);
        if (version == null || platform.isEmpty()) {
            return Optional.empty();
        }
        Path folder = codeFolder.resolve("onnxruntime-" + version).resolve(JAR_FOLDER.substring(1))
                .resolve(platform.get());
        boolean both = LIBRARIES.stream()
                .allMatch(library -> Files.isRegularFile(folder.resolve(System.mapLibraryName(library))));
        return both ? Optional.of(folder) : Optional.empty();
    }

    /** ONNX Runtime's name for a platform's folder in its jar ({@code linux-x64}, {@code osx-aarch64}, ...). */
    static Optional<String> platform(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String system = os.startsWith("linux") ? "linux"
                : os.startsWith("mac") ? "osx"
                : os.startsWith("windows") ? "win"
                : null;
        String arch = switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "x64";
            case "aarch64", "arm64" -> "aarch64";
            default -> null;
        };
        return system == null || arch == null ? Optional.empty() : Optional.of(system + "-" + arch);
    }

    private static Optional<Path> codeFolder() {
        return codeLocation(OrtLibraries.class).map(Path::getParent);
    }

    /** The jar or classes folder a class was loaded from, when it is a local file. */
    private static Optional<Path> codeLocation(Class<?> type) {
        try {
            CodeSource source = type.getProtectionDomain().getCodeSource();
            return source == null ? Optional.empty() : Optional.of(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | SecurityException | IllegalArgumentException | FileSystemNotFoundException e) {
            return Optional.empty();
        }
    }
}
