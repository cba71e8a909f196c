package dev.shelf.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shelf.ingest.Kind;
import dev.shelf.ingest.Mention;
import dev.shelf.ingest.Resource;
import dev.shelf.ingest.Source;
import dev.shelf.text.Texts;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A BEIR-format collection ({@code corpus.jsonl}, {@code queries.jsonl}, {@code qrels/test.tsv}): each document
 * becomes one resource (title + text) whose id is the document id, and the judgments key on those ids.
 *
 * @param source the collection as a reading list
 * @param resources one per document
 * @param judgments the queries that have judgments, with their graded document ids
 */
public record BeirCollection(Source source, List<Resource> resources, Judgments judgments) {

    /** The title of a document without one: the opening of its text, this long at most. */
    private static final int UNTITLED_CHARS = 80;

    public static BeirCollection load(Path dir) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Source source = new Source("beir-" + dir.getFileName(), "BEIR " + dir.getFileName(), dir.resolve("corpus.jsonl"), "beir");
        List<Resource> resources = new ArrayList<>();
        int line = 0;
        try (BufferedReader reader = Files.newBufferedReader(dir.resolve("corpus.jsonl"), StandardCharsets.UTF_8)) {
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                JsonNode doc = json.readTree(text);
                String id = required(doc, "_id", dir.resolve("corpus.jsonl"), line);
                String title = doc.path("title").asText("").strip();
                String body = doc.path("text").asText("").strip();
                Mention mention = new Mention(source.id(), source.name(), List.of(), line);
                resources.add(new Resource(id, title.isEmpty() ? Texts.abbreviate(body, UNTITLED_CHARS) : title, null, List.of(), body,
                        Kind.SECTION, List.of(), List.of(mention), Map.of()));
            }
        }
        Map<String, Map<String, Integer>> grades = new LinkedHashMap<>();
        line = 0;
        for (String text : Files.readAllLines(dir.resolve("qrels").resolve("test.tsv"), StandardCharsets.UTF_8)) {
            line++;
            String[] cols = text.split("\t");
            if (text.isBlank() || (line == 1 && !cols[cols.length - 1].strip().matches("-?\\d+"))) {
                continue; // the header row
            }
            if (cols.length < 3) {
                throw new IOException(dir.resolve("qrels/test.tsv") + ":" + line + ": expected query-id<TAB>corpus-id<TAB>score");
            }
            grades.computeIfAbsent(cols[0].strip(), q -> new LinkedHashMap<>())
                    .put(Judgments.ID_PREFIX + cols[1].strip(), Integer.parseInt(cols[cols.length - 1].strip()));
        }
        Map<String, String> queries = new LinkedHashMap<>();
        line = 0;
        for (String text : Files.readAllLines(dir.resolve("queries.jsonl"), StandardCharsets.UTF_8)) {
            line++;
            if (text.isBlank()) {
                continue;
            }
            JsonNode q = json.readTree(text);
            String id = required(q, "_id", dir.resolve("queries.jsonl"), line);
            if (grades.containsKey(id)) {
                queries.put(id, q.path("text").asText(""));
            }
        }
        return new BeirCollection(source, resources, new Judgments(queries, grades));
    }

    private static String required(JsonNode node, String field, Path file, int line) throws IOException {
        if (!node.hasNonNull(field)) {
            throw new IOException(file + ":" + line + ": missing \"" + field + "\"");
        }
        return node.get(field).asText();
    }
}
