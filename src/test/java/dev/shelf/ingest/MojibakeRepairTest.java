package dev.shelf.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MojibakeRepairTest {

    private final MojibakeRepair repair = new MojibakeRepair();

    @Test
    void utf8_read_as_mac_roman_is_turned_back() {
        assertEquals("noob’s — 🤗 ⬇️ 🔗", repair.repair("noob‚Äôs ‚Äî \uF8FFü§ó ‚¨áÔ∏è \uF8FFüîó"));
    }

    @Test
    void correct_text_is_left_alone() {
        String correct = "Café – 微調您的第一個 Llama 2 模型 🧐 naïve © ®";
        assertEquals(correct, repair.repair(correct));
    }
}
