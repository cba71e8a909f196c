package dev.shelf.cli;

import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine.Option;

/**
 * How much the libraries under Shelf say. By default only warnings reach the terminal (slf4j-simple's settings are in
 * {@code simplelogger.properties}; Lucene logs through java.util.logging and announces its vector support at INFO, or
 * at WARNING when the JVM lacks the vector module), and not even Lucene's vector notice: Shelf says it in its own
 * words ({@link #speedHint}). {@code --verbose} brings back their lines: Jetty's and Javalin's start-up, DJL's GPU
 * probe, Lucene's SIMD. A picocli mixin: the option takes effect while the command line is parsed, before any library
 * logs.
 */
final class Logging {

    /** Held so that the logger's level is not lost: java.util.logging keeps loggers only weakly. */
    private static final Logger LUCENE = Logger.getLogger("org.apache.lucene");
    /** Lucene's notice of which vector code it runs, a WARNING when the vector module is missing. */
    private static final Logger LUCENE_VECTORS = Logger.getLogger("org.apache.lucene.internal.vectorization");
    /** The JDK module Lucene's SIMD vector code needs; the launcher adds it. */
    private static final String VECTOR_MODULE = "jdk.incubator.vector";

    @Option(names = "--verbose", description = "Also print the libraries' INFO lines (server start-up, GPU probe, SIMD).")
    void verbose(boolean verbose) {
        if (verbose) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
            System.setProperty("org.slf4j.simpleLogger.log.ai.djl.util.cuda", "warn");
            System.setProperty("org.slf4j.simpleLogger.log.io.javalin.Javalin", "info");
            LUCENE.setLevel(Level.INFO);
            LUCENE_VECTORS.setLevel(Level.INFO);
        }
    }

    /** The default: Lucene's INFO notices off, as slf4j's are by its properties file. */
    static void quiet() {
        if (!"info".equals(System.getProperty("org.slf4j.simpleLogger.defaultLogLevel"))) {
            LUCENE.setLevel(Level.WARNING);
            LUCENE_VECTORS.setLevel(Level.SEVERE);
        }
    }

    /** Shelf's own line saying how to search faster, when this JVM runs without the vector module. */
    static Optional<String> speedHint() {
        return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent() ? Optional.empty()
                : Optional.of("tip: searches run faster when started by the launcher (target/shelf, or bin/shelf in the"
                + " distribution), or with java --add-modules " + VECTOR_MODULE + " (Lucene's SIMD vectors)");
    }
}
