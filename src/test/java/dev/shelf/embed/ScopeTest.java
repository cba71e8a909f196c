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
}
