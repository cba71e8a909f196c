package dev.shelf.ingest;

import static dev.shelf.ingest.IngestedResources.titled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV exports: Pocket, Raindrop and any sheet with a title and a URL column. */
class CsvListParserTest {

    static final Path FORMATS = Path.of("src/test/resources/formats");

    @TempDir
    Path dir;

    @Test
    void pocket_export_splits_tags_on_bars_dates_unix_seconds_and_falls_back_to_the_url_for_an_empty_title() {
        IngestResult result = new Ingester().ingest(List.of(FORMATS.resolve("pocket.csv")));

        assertEquals(List.of("Scaling Laws for Neural Language Models", "https://example.org/untitled",
                "LoRA, explained \"simply\""), result.resources().stream().map(Resource::title).toList());
        Resource scaling = result.resources().get(0);
        assertEquals("https://arxiv.org/abs/2001.08361", scaling.url());
        assertEquals(Map.of("Tags", "llm, scaling", "Added", "2023-11-14", "status", "unread"), scaling.metadata());
        assertEquals(2, scaling.sources().get(0).line());
        assertEquals(4, result.resources().get(2).sources().get(0).line());
        assertEquals("csv", result.sources().get(0).format());
        assertEquals(List.of(), result.warnings());
    }

    @Test
    void raindrop_export_with_a_bom_uses_folder_as_section_note_and_excerpt_as_description_and_warns_by_line() {
        IngestResult result = new Ingester().ingest(List.of(FORMATS.resolve("raindrop.csv")));

        assertEquals(1, result.resources().size(), result.resources()::toString);
        Resource qlora = result.resources().get(0);
        assertEquals("QLoRA: Efficient Finetuning", qlora.title());
        assertEquals("https://arxiv.org/abs/2305.14314", qlora.url());
        assertEquals(List.of("Fine-tuning"), qlora.section());
        assertEquals("My note, spanning two lines. Quantized LoRA for 65B models.", qlora.description());
        assertEquals(Map.of("Tags", "qlora, quantization", "Added", "2023-05-23"), qlora.metadata());
        assertEquals(2, qlora.sources().get(0).line());

        assertEquals(2, result.warnings().size(), result.warnings()::toString);
        assertEquals(4, result.warnings().get(0).line(), "the quoted line break moved the next record a line down");
        assertEquals("skipped a row without a URL", result.warnings().get(0).message());
        assertEquals(5, result.warnings().get(1).line());
        assertTrue(result.warnings().get(1).message().contains("\"javascript:void(0)\""));
    }

    @Test
    void any_header_with_title_and_url_columns_in_any_order_and_case_is_a_list_and_other_columns_are_metadata() {
        IngestResult result = new Ingester().ingest(List.of(FORMATS.resolve("sheet.csv")));

        Resource illustrated = titled(result, "The Illustrated Transformer");
        assertEquals("https://jalammar.github.io/illustrated-transformer", illustrated.url());
        assertEquals("A visual walk through.", illustrated.description());
        assertEquals(Map.of("Level", "beginner"), illustrated.metadata());
    }

    @Test
    void tab_separated_lists_read_like_csv() throws IOException {
        Path file = Files.writeString(dir.resolve("links.tsv"), "URL\tTitle\nhttps://example.org/a\tA, with a comma\n");

        IngestResult result = new Ingester().ingest(List.of(file));

        assertEquals(List.of("A, with a comma"), result.resources().stream().map(Resource::title).toList());
    }

    @Test
    void a_csv_without_title_and_url_columns_is_refused_with_one_warning_naming_the_supported_formats()
            throws IOException {
        Path file = Files.writeString(dir.resolve("budget.csv"), "month,amount\njan,12\n");

        IngestResult result = new Ingester().ingest(List.of(file));

        assertEquals(List.of(), result.resources());
        assertEquals(1, result.skipped().size());
        assertEquals(file, result.skipped().get(0).file());
        assertTrue(result.skipped().get(0).message().contains("no supported format"), result.skipped()::toString);
        assertTrue(result.skipped().get(0).message().contains("CSV or TSV with title and URL columns (.csv, .tsv)"));
    }

    @Test
    void an_unclosed_quote_keeps_the_rows_before_it_and_warns() throws IOException {
        Path file = Files.writeString(dir.resolve("broken.csv"),
                "title,url\nGood,https://example.org/good\n\"Broken,https://example.org/broken\n");

        IngestResult result = new Ingester().ingest(List.of(file));

        assertEquals(List.of("Good"), result.resources().stream().map(Resource::title).toList());
        assertEquals(1, result.warnings().size(), result.warnings()::toString);
        assertTrue(result.warnings().get(0).message().startsWith("the rest of the file was skipped"));
    }
}
