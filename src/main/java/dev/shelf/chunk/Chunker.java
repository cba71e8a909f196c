package dev.shelf.chunk;

import dev.shelf.ingest.Resource;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Cuts a resource into chunks: one when it fits the token budget, else passages split on sentence boundaries with
 * one sentence of overlap, each led by the header "title — section › path". NOTE: thread-safe if the token counter is.
 */
public final class Chunker {

    /** Tokens the model adds around every input ([CLS] and [SEP]). */
    private static final int SPECIAL_TOKENS = 2;
    private static final String HEADER_SEPARATOR = " — ";
    private static final String PATH_SEPARATOR = " › ";

    private final ToIntFunction<String> tokens;
    private final int budget;

    /**
     * @param tokens counts the tokens of a text without special tokens (the model's tokenizer)
     * @param budget the most tokens of one chunk's text, special tokens included
     */
    public Chunker(ToIntFunction<String> tokens, int budget) {
        if (budget < 16) {
            throw new IllegalArgumentException("expected a chunk budget of at least 16 tokens, got " + budget);
        }
        this.tokens = tokens;
        this.budget = budget;
    }

    public List<Chunk> chunk(Resource resource) {
        String header = header(resource);
        String body = body(resource);
        int room = budget - SPECIAL_TOKENS - tokens.applyAsInt(header + "\n");
        List<String> passages = room <= 0 || tokens.applyAsInt(body) <= room ? List.of(body) : split(body, Math.max(room, 8));
        List<Chunk> chunks = new ArrayList<>(passages.size());
        for (int i = 0; i < passages.size(); i++) {
            chunks.add(new Chunk(resource.id() + "#" + i, resource.id(), i, header, passages.get(i)));
        }
        return chunks;
    }

    /** "title — section › path". */
    public static String header(Resource resource) {
        return resource.section().isEmpty()
                ? resource.title()
                : resource.title() + HEADER_SEPARATOR + String.join(PATH_SEPARATOR, resource.section());
    }

    private static String body(Resource resource) {
        StringBuilder body = new StringBuilder(resource.description());
        for (Map.Entry<String, String> e : resource.metadata().entrySet()) {
            body.append(body.isEmpty() ? "" : "\n").append(e.getKey()).append(": ").append(e.getValue());
        }
        return body.toString();
    }

    private List<String> split(String body, int room) {
        List<String> units = new ArrayList<>();
        for (String sentence : sentences(body)) {
            if (tokens.applyAsInt(sentence) <= room) {
                units.add(sentence);
            } else {
                units.addAll(byWords(sentence, room));
            }
        }
        List<String> passages = new ArrayList<>();
        int start = 0;
        while (start < units.size()) {
            int end = start;
            int used = 0;
            while (end < units.size()) {
                int cost = tokens.applyAsInt(units.get(end));
                if (end > start && used + cost > room) {
                    break;
                }
                used += cost;
                end++;
            }
            passages.add(String.join(" ", units.subList(start, end)));
            if (end >= units.size()) {
                break;
            }
            // One sentence of overlap keeps a thought that spans the cut findable from both sides.
            start = end - 1 > start ? end - 1 : end;
        }
        return passages;
    }

    private static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        BreakIterator it = BreakIterator.getSentenceInstance(Locale.ROOT);
        it.setText(text);
        int start = it.first();
        for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            String s = text.substring(start, end).strip();
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    private List<String> byWords(String sentence, int room) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (String word : sentence.split("\\s+")) {
            String candidate = part.isEmpty() ? word : part + " " + word;
            if (!part.isEmpty() && tokens.applyAsInt(candidate) > room) {
                parts.add(part.toString());
                part.setLength(0);
                part.append(word);
            } else {
                part.setLength(0);
                part.append(candidate);
            }
        }
        if (!part.isEmpty()) {
            parts.add(part.toString());
        }
        return parts;
    }
}
