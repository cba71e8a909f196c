package dev.shelf.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code shelf serve} child process, read up to the line that gives its address; what it prints later is kept as
 * well, in {@code output}, until it is stopped.
 */
record ServingProcess(Process process, List<String> output, int port) {

    private static final Pattern SERVING = Pattern.compile("Shelf is serving http://(.+):(\\d+)/");

    /** Starts the command (stderr merged into stdout) and returns once it serves; fails if it stops first. */
    static ServingProcess start(ProcessBuilder command) throws IOException {
        Process process = command.redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            lines.add(line);
            Matcher serving = SERVING.matcher(line);
            if (serving.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        out.lines().forEach(lines::add);
                    } catch (UncheckedIOException closed) {
                        // the process was stopped and its output closed under the reader
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return new ServingProcess(process, lines, Integer.parseInt(serving.group(2)));
            }
        }
        throw new AssertionError("serve stopped without serving: " + lines);
    }

    /** Stops it with SIGTERM, which it must obey, and returns all it printed. */
    List<String> stop() throws InterruptedException {
        process.destroy();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "serve stops on SIGTERM");
        Thread.sleep(200); // the last lines reach the drain
        synchronized (output) {
            return List.copyOf(output);
        }
    }
}
