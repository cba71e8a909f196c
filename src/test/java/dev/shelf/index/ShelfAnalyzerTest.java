package dev.shelf.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

/** The exact terms the one analyzer makes of English, accented Latin, full-width letters and Chinese. */
class ShelfAnalyzerTest {

    private static final Analyzer ANALYZER = new ShelfAnalyzer();

    private static List<String> terms(String text) throws IOException {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = ANALYZER.tokenStream(IndexFields.BODY, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        }
        return terms;
    }

    @Test
    void english_is_lower_cased_stemmed_and_stripped_of_stop_words_and_possessives() throws IOException {
        // the, are: stop words; foxes -> fox, running -> run, lazy -> lazi (Porter), dog's -> dog, backs -> back
        assertEquals(List.of("quick", "fox", "run", "over", "lazi", "dog", "back"),
                terms("The Quick Foxes are Running over the lazy dog's backs"));
    }

    @Test
    void the_words_of_a_question_are_stop_words_too() throws IOException {
        // how, do, i, a: stop words; fine-tune is two words.
        assertEquals(List.of("fine", "tune", "model"), terms("How do I fine-tune a model?"));
        assertEquals(List.of(), terms("what is it and how can I get any?"));
    }

    @Test
    void accents_are_folded_to_ascii() throws IOException {
        assertEquals(terms("cafe naive zurich"), terms("Café naïve Zürich"));
        assertEquals(List.of("cafe", "naiv", "zurich"), terms("Café naïve Zürich"));
    }

    @Test
    void chinese_runs_become_overlapping_bigrams_beside_english_words() throws IOException {
        // 模型合併 (model merging, Traditional): 模型, 型合, 合并 (folded to Simplified). A lone ideograph stays a unigram.
        assertEquals(List.of("模型", "型合", "合并"), terms("模型合併"));
        assertEquals(List.of("llm", "模型", "型合", "合并", "guid"), terms("LLM 模型合併 guide"));
        assertEquals(List.of("大", "model"), terms("大 model"));
    }

    @Test
    void full_width_latin_and_half_width_katakana_are_folded_to_their_usual_forms() throws IOException {
        assertEquals(List.of("gguf", "format"), terms("ＧＧＵＦ ｆｏｒｍａｔ"));
        // ｶﾀｶﾅ (half-width) is カタカナ, in bigrams: カタ, タカ, カナ
        assertEquals(List.of("カタ", "タカ", "カナ"), terms("ｶﾀｶﾅ"));
    }

    @Test
    void traditional_and_simplified_chinese_make_the_same_terms() throws IOException {
        assertEquals(List.of("机器", "器学", "学习"), terms("機器學習"));
        assertEquals(terms("机器学习"), terms("機器學習"));
        assertEquals(terms("大型语言模型"), terms("大型語言模型"));
    }
}
