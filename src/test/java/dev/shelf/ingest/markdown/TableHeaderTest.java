package dev.shelf.ingest.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.junit.jupiter.api.Test;

/** Column names and the description column of a table header. */
class TableHeaderTest {

    @Test
    void the_description_column_is_the_first_after_the_first_whose_header_reads_like_a_description() {
        assertEquals(2, TableHeader.of(List.of("Description", "Title", "Notes", "Summary")).descriptionColumn());
        assertEquals(1, TableHeader.of(List.of("Notebook", "說明", "Colab")).descriptionColumn());
        assertEquals(-1, TableHeader.of(List.of("Title", "Article", "Colab")).descriptionColumn());
    }

    @Test
    void header_cells_are_cleaned_like_headings() {
        TableHeader header = TableHeader.of(MarkdownFixture.first("""
                | **Title** 📚 | 1. Details: |
                | --- | --- |
                """, TableBlock.class));
        assertEquals(new TableHeader(List.of("Title", "Details"), 1), header);
    }

    @Test
    void a_column_without_a_header_is_named_by_its_position() {
        TableHeader header = TableHeader.of(List.of("Name", ""));
        assertEquals("Name", header.name(0));
        assertEquals("column 2", header.name(1));
        assertEquals("column 5", header.name(4));
    }
}
