package dev.shelf.ingest;

import static dev.shelf.ingest.IngestedResources.titled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BibTeX as Zotero, JabRef and arXiv write it: macros, LaTeX accents, doi-only, eprint-only and link-less entries. */
class BibtexParserTest {

    static final Path FIXTURE = Path.of("src/test/resources/formats/papers.bib");

    @TempDir
    Path dir;

    @Test
    void an_entry_with_a_url_keeps_its_abstract_and_its_authors_year_expanded_venue_and_keywords_in_metadata() {
        IngestResult result = new Ingester().ingest(List.of(FIXTURE));

        Resource attention = titled(result, "Attention Is All You Need");
        assertEquals("https://proceedings.neurips.cc/paper/2017/hash/3f5ee243547dee91fbd053c1c4a845aa-Abstract.html",
                attention.url());
        assertEquals(Kind.LINK, attention.kind());
        assertEquals("The dominant sequence transduction models are based on complex recurrent networks.",
                attention.description());
        assertEquals(Map.of("Authors", "Vaswani, Ashish, Shazeer, Noam, Parmar, Niki", "Year", "2017",
                "Venue", "Advances in Neural Information Processing Systems", "Keywords", "transformers, attention"),
                attention.metadata());
        assertEquals(4, attention.sources().get(0).line());
        assertEquals("bibtex", result.sources().get(0).format());
        assertEquals(List.of(), result.warnings());
    }

    @Test
    void braces_and_latex_accents_become_plain_unicode_and_a_doi_becomes_the_url() {
        IngestResult result = new Ingester().ingest(List.of(FIXTURE));

        Resource schmidt = titled(result, "Die nächsten Schritte der KI: Über BERT und GPT");
        assertEquals("https://doi.org/10.1000/xyz123", schmidt.url());
        assertEquals("Müller, Jörg, Schmidt, François", schmidt.metadata().get("Authors"));
        assertEquals("Zeitschrift für KI", schmidt.metadata().get("Venue"));
        assertEquals("2020", schmidt.metadata().get("Year"));
        assertEquals(14, schmidt.sources().get(0).line());
    }

    @Test
    void an_arxiv_eprint_becomes_the_abs_url_and_a_note_describes_when_there_is_no_abstract() {
        IngestResult result = new Ingester().ingest(List.of(FIXTURE));

        Resource lora = titled(result, "LoRA: Low-Rank Adaptation of Large Language Models");
        assertEquals("https://arxiv.org/abs/2106.09685", lora.url());
        assertEquals("Version 2", lora.description());
        assertEquals(22, lora.sources().get(0).line());
    }

    @Test
    void an_entry_without_any_link_is_still_a_searchable_resource() {
        IngestResult result = new Ingester().ingest(List.of(FIXTURE));

        Resource bishop = titled(result, "Pattern Recognition and Machine Learning");
        assertEquals(Kind.CONCEPT, bishop.kind());
        assertNull(bishop.url());
        assertEquals(List.of(), bishop.links());
        assertEquals(Map.of("Authors", "Bishop, Christopher M.", "Year", "2006"), bishop.metadata());
        assertEquals(32, bishop.sources().get(0).line());
        assertEquals(4, result.resources().size());
    }

    @Test
    void a_broken_entry_costs_only_itself_with_a_warning_at_its_line() throws IOException {
        Path file = Files.writeString(dir.resolve("broken.bib"), """
                @article{good1, title = {First good}, url = {https://example.org/1}}

                @article{broken, title = {Missing close brace, url = {https://example.org/b}

                @article{good2, title = {Second good}, url = {https://example.org/2}}
                """);

        IngestResult result = new Ingester().ingest(List.of(file));

        assertEquals(List.of("First good", "Second good"), result.resources().stream().map(Resource::title).toList());
        assertEquals(List.of(1, 5), result.resources().stream().map(r -> r.sources().get(0).line()).toList());
        assertTrue(result.skipped().isEmpty(), result.skipped()::toString);
        assertEquals(1, result.warnings().size(), result.warnings()::toString);
        assertEquals(3, result.warnings().get(0).line());
        assertTrue(result.warnings().get(0).message().startsWith("skipped an unreadable BibTeX entry"));
    }

    @Test
    void plain_text_resolves_accents_groups_ties_and_drops_markup_it_cannot_render() {
        assertEquals("nächsten", BibtexParser.plain("n{\\\"a}chsten"));
        assertEquals("Schrödinger’s Café", BibtexParser.plain("Schr{\\\"o}dinger’s Caf{\\'e}"));
        assertEquals("François Hôpital Łódź Dvořák Erdős", BibtexParser.plain(
                "Fran{\\c{c}}ois H\\^{o}pital \\L{}\\'{o}d\\'z Dvo\\v{r}\\'ak Erd\\H{o}s"));
        assertEquals("Jim Pérez-Íñiguez", BibtexParser.plain("Jim~P\\'erez-\\'{I}\\~niguez"));
        assertEquals("GPT-4 Technical Report", BibtexParser.plain("{GPT-4} Technical Report"));
        assertEquals("O(n^2) attention", BibtexParser.plain("$O(n^2)$ attention"));
    }
}
