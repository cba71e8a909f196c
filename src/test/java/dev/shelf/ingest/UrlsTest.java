package dev.shelf.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class UrlsTest {

    @Test
    void canonical_urls_lowercase_scheme_and_host_and_drop_fragment_trailing_slash_and_tracking() {
        assertEquals(Optional.of("https://huggingface.co/Blog/Peft"), Urls.canonicalize("HTTPS://HuggingFace.CO/Blog/Peft/"));
        assertEquals(Optional.of("https://realpython.com"), Urls.canonicalize("https://realpython.com/"));
        assertEquals(Optional.of("https://colab.research.google.com/drive/1abc"),
                Urls.canonicalize("https://colab.research.google.com/drive/1abc?usp=sharing"));
        assertEquals(Optional.of("https://x.org/a?id=3&b=c"), Urls.canonicalize("https://x.org/a?utm_source=t&id=3&UTM_medium=m&b=c#top"));
        assertEquals(Optional.of("https://www.youtube.com/watch?v=6efwN_US-zk&t=126s"),
                Urls.canonicalize("https://www.youtube.com/watch?v=6efwN_US-zk&t=126s"));
    }

    @Test
    void anything_but_an_absolute_http_url_is_rejected() {
        for (String bad : new String[] {"#foundations", "docs/img.png", "javascript:alert(1)", "mailto:a@b.c",
                "https://", "http:// spaced.com", "ftp://x.org", "", "https://a..b/x"}) {
            assertTrue(Urls.canonicalize(bad).isEmpty(), bad);
        }
    }

    @Test
    void short_hash_is_twelve_hex_digits_and_deterministic() {
        assertEquals(12, Urls.shortHash("x").length());
        assertEquals(Urls.shortHash("https://a.org"), Urls.shortHash("https://a.org"));
    }
}
