package dev.shelf.embed;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScopeTest {

    @Test
    void two_han_characters_make_a_text_chinese_in_either_script() {
        assertTrue(Scope.hasChinese("微调"));
        assertTrue(Scope.hasChinese("機器學習 for beginners"));
        assertTrue(Scope.CHINESE.covers("GGUF 格式"));
    }

    @Test
    void one_han_character_or_kana_alone_is_not_chinese() {
        assertFalse(Scope.hasChinese("Tokyo 東 station"));
        assertFalse(Scope.hasChinese("カタカナ"));
        assertFalse(Scope.CHINESE.covers("how do I quantize a model"));
    }

    @Test
    void a_model_for_all_text_covers_everything() {
        assertTrue(Scope.ALL.covers("anything at all"));
        assertTrue(Scope.ALL.covers(""));
    }

    @Test
    void an_english_model_embeds_every_text_but_is_not_asked_a_chinese_query_without_an_english_word() {
        assertTrue(Scope.ENGLISH.covers("有沒有把模型畫成圖的例子"));
        assertTrue(Scope.ENGLISH.answers("how do I quantize a model"));
        assertTrue(Scope.ENGLISH.answers("EXL2 跟 GPTQ 量化格式差在哪"));
        assertTrue(Scope.ENGLISH.answers("ＧＰＴ 是什么"));
        assertFalse(Scope.ENGLISH.answers("有没有教程教我把开源大模型量化成 4 位"));
        assertFalse(Scope.ENGLISH.answers("有沒有把模型的損失景觀畫成 3D 圖的例子"));
        assertTrue(Scope.ENGLISH.answers("4"));
    }

    @Test
    void a_lone_latin_letter_is_a_label_not_an_english_word() {
        assertFalse(Scope.ENGLISH.answers("A 股量化交易有哪些资料"));
        assertFalse(Scope.ENGLISH.answers("a b 模型怎么微调"));
        assertTrue(Scope.ENGLISH.answers("AI 模型怎么微调"));
    }

    @Test
    void each_scope_answers_the_queries_it_reads() {
        assertTrue(Scope.ALL.answers("如何微调模型"));
        assertTrue(Scope.CHINESE.answers("如何微调模型"));
        assertFalse(Scope.CHINESE.answers("how to fine-tune"));
    }
}
