package dev.shelf.chunk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shelf.ingest.Kind;
import dev.shelf.ingest.Mention;
import dev.shelf.ingest.Resource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;

/** Chunks of hand-made resources, with one token per word so that every budget can be counted on the page. */
class ChunkerTest {

    /** One token per whitespace-separated word. */
    private static final ToIntFunction<String> WORDS = text -> text.isBlank() ? 0 : text.strip().split("\\s+").length;

    private static Resource resource(String title, List<String> section, String description, Map<String, String> metadata) {
        return new Resource("r1", title, "https://example.org/r1", List.of("https://example.org/r1"), description,
                Kind.LINK, section, List.of(new Mention("list", "List", section, 1)), metadata);
    }

    @Test
    void a_resource_that_fits_the_budget_is_one_chunk_led_by_its_header() {
        Resource lora = resource("LoRA", List.of("Papers", "Fine-tuning"), "Train small low-rank adapters.", Map.of());
        assertEquals(List.of(new Chunk("r1#0", "r1", 0, "LoRA — Papers › Fine-tuning", "Train small low-rank adapters.")),
                new Chunker(WORDS, 64).chunk(lora));
        assertEquals("LoRA — Papers › Fine-tuning\nTrain small low-rank adapters.",
                new Chunker(WORDS, 64).chunk(lora).get(0).text());
    }

    @Test
    void the_header_is_the_title_alone_when_there_is_no_section() {
        Resource gguf = resource("GGUF", List.of(), "A file format.", Map.of());
        assertEquals("GGUF", Chunker.header(gguf));
        // No body at all: the text is the header alone.
        assertEquals("GGUF", new Chunker(WORDS, 64).chunk(resource("GGUF", List.of(), "", Map.of())).get(0).text());
    }

    @Test
    void metadata_lines_follow_the_description_in_column_order() {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("Authors", "Hu et al.");
        metadata.put("Year", "2021");
        assertEquals("Low-rank adapters.\nAuthors: Hu et al.\nYear: 2021",
                new Chunker(WORDS, 64).chunk(resource("LoRA", List.of(), "Low-rank adapters.", metadata)).get(0).body());
        // Without a description the first metadata line opens the body.
        assertEquals("Authors: Hu et al.\nYear: 2021",
                new Chunker(WORDS, 64).chunk(resource("LoRA", List.of(), "", metadata)).get(0).body());
    }

    @Test
    void long_prose_is_split_on_sentences_with_one_sentence_of_overlap() {
        String s1 = "Adapters train few weights.";
        String s2 = "The base stays frozen.";
        String s3 = "Ranks are usually small.";
        String s4 = "Merging them is cheap.";
        String s5 = "Serving needs no change.";
        Resource lora = resource("LoRA", List.of(), String.join(" ", s1, s2, s3, s4, s5), Map.of());
        // Budget 16 - 2 special tokens - 1 for the header "LoRA\n" = room for 13 words. Each sentence is 4 words:
        // 3 fit (12), a 4th would make 16. The next chunk starts again at the last sentence of the one before.
        List<Chunk> chunks = new Chunker(WORDS, 16).chunk(lora);
        assertEquals(List.of(String.join(" ", s1, s2, s3), String.join(" ", s3, s4, s5)),
                chunks.stream().map(Chunk::body).toList());
        assertEquals(List.of("r1#0", "r1#1"), chunks.stream().map(Chunk::id).toList());
        assertEquals(List.of(0, 1), chunks.stream().map(Chunk::ordinal).toList());
        assertEquals(List.of("LoRA", "LoRA"), chunks.stream().map(Chunk::header).toList());
    }

    @Test
    void a_sentence_longer_than_the_room_is_cut_between_words() {
        // 20 words in one sentence; room 13 (as above): 13 words, then the other 7. Pieces of one sentence do not
        // overlap, since the overlap is a whole unit and each chunk holds one.
        List<String> words = List.of("w01", "w02", "w03", "w04", "w05", "w06", "w07", "w08", "w09", "w10",
                "w11", "w12", "w13", "w14", "w15", "w16", "w17", "w18", "w19", "w20.");
        Resource oneSentence = resource("LoRA", List.of(), String.join(" ", words), Map.of());
        assertEquals(List.of(String.join(" ", words.subList(0, 13)), String.join(" ", words.subList(13, 20))),
                new Chunker(WORDS, 16).chunk(oneSentence).stream().map(Chunk::body).toList());
    }

    @Test
    void a_budget_under_16_tokens_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> new Chunker(WORDS, 15));
    }
}
