package dev.shelf.works;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkTitleTest {

    @Test
    void an_author_suffix_a_site_suffix_and_the_spelled_out_llm_are_one_title() {
        Optional<String> key = WorkTitle.key("Merge LLMs with mergekit");
        assertEquals(Optional.of("merge llm with mergekit"), key);
        assertEquals(key, WorkTitle.key("Merge Large Language Models with mergekit, by Maxime Labonne"));
        assertEquals(key, WorkTitle.key("Merge LLMs with mergekit | Towards Data Science"));
        assertEquals(WorkTitle.key("4-bit LLM Quantization with GPTQ"), WorkTitle.key("4 bit LLM Quantization with GPTQ"));
    }

    @Test
    void different_numbers_or_words_are_different_titles() {
        assertNotEquals(WorkTitle.key("Fine-tune Llama 2 with QLoRA"), WorkTitle.key("Fine-tune Llama 3 with QLoRA"));
        assertNotEquals(WorkTitle.key("Multi-Query Attention explained"), WorkTitle.key("Grouped-Query Attention explained"));
    }

    @Test
    void a_title_that_could_name_many_works_has_no_key() {
        for (String generic : new String[] {"Paper", "Code", "Introduction", "Part 1", "Lecture 3: Introduction",
                "Introduction to quantization", "Fine-tuning Large Language Models", "DeepSpeed", "Slides (PDF)",
                "Colab notebook", "LLM Course, by Maxime Labonne", "Tokenization", "Mixture of Experts",
                "Prompt Engineering", "Attention Is All You Need"}) {
            assertTrue(WorkTitle.key(generic).isEmpty(), generic);
        }
    }

    @Test
    void an_author_suffix_names_the_author() {
        assertEquals(Optional.of("maxime labonne"), WorkTitle.author("Merge LLMs with mergekit, by Maxime Labonne"));
        assertEquals(Optional.empty(), WorkTitle.author("Merge LLMs with mergekit"));
        assertEquals(Optional.empty(), WorkTitle.author("Learning by doing"));
    }

    @Test
    void a_suffix_that_would_leave_one_word_is_kept_as_part_of_the_title() {
        assertEquals(Optional.of("learning by doing transformer"), WorkTitle.key("Learning by doing transformers"));
    }

    @Test
    void four_chinese_characters_are_specific_enough() {
        assertTrue(WorkTitle.key("模型合併教學").isPresent());
        assertTrue(WorkTitle.key("簡介").isEmpty());
    }
}
