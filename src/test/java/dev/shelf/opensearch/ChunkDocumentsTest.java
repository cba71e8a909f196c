package dev.shelf.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The cluster indexes the terms Shelf's analyzer makes, so it needs no analysis of its own. */
class ChunkDocumentsTest {

    private final ChunkDocuments documents = new ChunkDocuments();

    @Test
    void english_is_stemmed_and_stop_words_dropped() {
        assertEquals("merg model mergekit", documents.terms("How do I merge the models with mergekit?"));
    }

    @Test
    void traditional_and_simplified_chinese_give_the_same_bigrams() {
        assertEquals(documents.terms("机器学习"), documents.terms("機器學習"));
        assertEquals("机器 器学 学习", documents.terms("機器學習"));
    }
}
