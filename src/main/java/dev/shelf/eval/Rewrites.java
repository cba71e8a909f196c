package dev.shelf.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Judged queries as an assistant would send them to Shelf: per query id, a few keywords for the lexical list and a
 * short hypothetical answer for the models, written from the question alone. Read from JSON lines
 * {@code {"id", "keywords", "answer"}}.
 *
 * @param byId each query id's rewrite, in file order
 */
public record Rewrites(Map<String, Rewrite> byId) {

    /**
     * One question rewritten.
     *
     * @param keywords a few terms, as an article's title or description would use them; may be empty
     * @param answer one to three sentences such as the ideal article would hold; may be empty
     */
    public record Rewrite(String keywords, String answer) {
    }

    public Rewrites {
        byId = Map.copyOf(byId);
    }

    /** The rewrite of a query, if the file has one. */
    public Optional<Rewrite> of(String queryId) {
        return Optional.ofNullable(byId.get(queryId));
    }

    /**
     * Reads a rewrites file; a line that is not such an object, a repeated id, or a line with neither keywords nor an
     * answer is an error naming the file and the line.
     */
    public static Rewrites load(Path file) throws IOException {
        return parse(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    static Rewrites parse(String name, List<String> lines) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, Rewrite> byId = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String where = name + ":" + (i + 1) + ": ";
            JsonNode node;
            try {
                node = json.readTree(line);
            } catch (JsonProcessingException e) {
                throw new IOException(where + "not a JSON object: " + e.getOriginalMessage(), e);
            }
            String id = node.path("id").asText("");
            if (!node.isObject() || id.isBlank()) {
                throw new IOException(where + "expected {\"id\", \"keywords\", \"answer\"}");
            }
            Rewrite rewrite = new Rewrite(node.path("keywords").asText("").strip(), node.path("answer").asText("").strip());
            if (rewrite.keywords().isEmpty() && rewrite.answer().isEmpty()) {
                throw new IOException(where + "query " + id + " has neither keywords nor an answer");
            }
            if (byId.putIfAbsent(id, rewrite) != null) {
                throw new IOException(where + "query " + id + " is rewritten twice");
            }
        }
        return new Rewrites(byId);
    }
}
