package dev.shelf.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** The {@code --json} option: machine-readable output in the API's shapes instead of text for people. */
final class JsonOutput {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--json", description = "Print JSON (the API's shapes) instead of text.")
    private boolean json;

    boolean enabled() {
        return json;
    }

    /** Writes one value as one line of JSON. */
    static void print(Object value, PrintWriter out) throws JsonProcessingException {
        out.println(JSON.writeValueAsString(value));
        out.flush();
    }
}
