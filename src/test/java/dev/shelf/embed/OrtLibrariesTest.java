package dev.shelf.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrtLibrariesTest {

    @Test
    void platforms_are_named_as_in_onnx_runtimes_jar() {
        assertEquals(Optional.of("linux-x64"), OrtLibraries.platform("Linux", "amd64"));
        assertEquals(Optional.of("linux-aarch64"), OrtLibraries.platform("Linux", "aarch64"));
        assertEquals(Optional.of("osx-aarch64"), OrtLibraries.platform("Mac OS X", "aarch64"));
        assertEquals(Optional.of("win-x64"), OrtLibraries.platform("Windows 11", "amd64"));
        assertEquals(Optional.empty(), OrtLibraries.platform("FreeBSD", "amd64"));
        assertEquals(Optional.empty(), OrtLibraries.platform("Linux", "s390x"));
    }

    @Test
    void this_machines_platform_has_its_folder_in_onnx_runtimes_jar() {
        String platform = OrtLibraries.platform(System.getProperty("os.name"), System.getProperty("os.arch"))
                .orElseThrow();
        for (String library : OrtLibraries.LIBRARIES) {
            assertNotNull(OrtEnvironment.class.getResource(OrtLibraries.JAR_FOLDER + platform + "/"
                    + System.mapLibraryName(library)), library + " for " + platform);
        }
    }

    @Test
    void the_build_unpacks_this_machines_libraries_where_they_are_looked_for_and_whole() {
        String version = OrtEnvironment.class.getPackage().getImplementationVersion();

        Optional<Path> unpacked = OrtLibraries.unpacked(Path.of("target"), version, System.getProperty("os.name"),
                System.getProperty("os.arch"));

        assertTrue(unpacked.isPresent(), "the pom's unpack-onnxruntime-native output and OrtLibraries disagree");
        assertTrue(OrtLibraries.sameSizesAsInTheJar(unpacked.get()));
    }

    @Test
    void a_cut_library_is_not_used(@TempDir Path target) throws IOException {
        String platform = OrtLibraries.platform(System.getProperty("os.name"), System.getProperty("os.arch"))
                .orElseThrow();
        Path folder = Files.createDirectories(target.resolve(platform));
        for (String library : OrtLibraries.LIBRARIES) {
            Files.writeString(folder.resolve(System.mapLibraryName(library)), "cut short");
        }

        assertFalse(OrtLibraries.sameSizesAsInTheJar(folder));
    }

    @Test
    void the_unpacked_folder_is_used_only_when_it_holds_both_libraries_of_this_version(@TempDir Path target)
            throws IOException {
        Path folder = Files.createDirectories(target.resolve("onnxruntime-1.29.0/ai/onnxruntime/native/linux-x64"));
        Files.writeString(folder.resolve(System.mapLibraryName("onnxruntime")), "lib");

        assertEquals(Optional.empty(), OrtLibraries.unpacked(target, "1.29.0", "Linux", "amd64"), "one library only");

        Files.writeString(folder.resolve(System.mapLibraryName("onnxruntime4j_jni")), "jni");

        assertEquals(Optional.of(folder), OrtLibraries.unpacked(target, "1.29.0", "Linux", "amd64"));
        assertEquals(Optional.empty(), OrtLibraries.unpacked(target, "1.30.0", "Linux", "amd64"), "another version");
        assertEquals(Optional.empty(), OrtLibraries.unpacked(target, null, "Linux", "amd64"), "version unknown");
        assertEquals(Optional.empty(), OrtLibraries.unpacked(target, "1.29.0", "Linux", "aarch64"), "another platform");
    }
}
