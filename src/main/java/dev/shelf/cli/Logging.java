package dev.shelf.cli;

import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine.Option;

/**
 * How much the libraries under Shelf say. By default only warnings reach the terminal (slf4j-simple's settings are in
 * {@code simplelogger.properties}; Lucene logs through java.util.logging and announces its vector support at INFO);
 * {@code --verbose} brings back their INFO lines: Jetty's and Javalin's start-up, DJL's GPU probe, Lucene's SIMD.
 * A picocli mixin: the option takes effect while the command line is parsed, before any library logs.
 */
final class Logging {

    /** Held so that the logger's level is not lost: java.util.logging keeps loggers only weakly. */
    private static final Logger LUCENE = Logger.getLogger("org.apache.lucene");

    @Option(names = "--verbose", description = "Also print the libraries' INFO lines (server start-up, GPU probe, SIMD).")
    void verbose(boolean verbose) {
        if (verbose) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
            System.setProperty("org.slf4j.simpleLogger.log.ai.djl.util.cuda", "warn");
            LUCENE.setLevel(Level.INFO);
        }
    }

    /** The default: Lucene's INFO notices off, as slf4j's are by its properties file. */
    static void quiet() {
        if (!"info".equals(System.getProperty("org.slf4j.simpleLogger.defaultLogLevel"))) {
            LUCENE.setLevel(Level.WARNING);
        }
    }
}
