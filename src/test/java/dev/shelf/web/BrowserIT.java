package dev.shelf.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The UI in a real browser: Debian's headless Chromium driven through its chromedriver (both installed by .ci/run;
 * nothing is downloaded). Outside CI the tests are skipped when the browser is not installed.
 */
class BrowserIT {

    private static TestServer server;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws IOException {
        browser = HeadlessChromium.start(Files.createTempDirectory("shelf-chromium"));
        server = TestServer.bundled();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    private static WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    private static List<WebElement> results() {
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#results .result")));
        return browser.findElements(By.cssSelector("#results .result"));
    }

    @Test
    void typing_a_question_shows_results_as_you_type_and_puts_the_query_in_the_url() throws IOException {
        browser.get(server.url("/"));
        WebElement box = browser.findElement(By.id("q"));
        assertEquals(box, browser.switchTo().activeElement(), "the search box is focused on load");
        box.sendKeys("how do I merge models");
        List<WebElement> results = results();
        waiting().until(d -> d.findElement(By.cssSelector("#results .result .title")).getText().toLowerCase().contains("merg"));
        assertTrue(results.size() >= 5);
        assertTrue(browser.getCurrentUrl().contains("q=how+do+I+merge+models"), browser.getCurrentUrl());
        assertFalse(browser.findElement(By.id("status")).getText().isBlank());
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.createDirectories(Path.of("target/screenshots"));
        Files.copy(shot, Path.of("target/screenshots/search.png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void an_article_listed_at_three_addresses_is_one_result_with_also_at_its_other_two() {
        browser.get(server.url("/?q=how+do+I+merge+models"));
        List<WebElement> results = results();
        List<WebElement> mergekit = results.stream()
                .filter(r -> r.findElement(By.cssSelector(".title")).getText().toLowerCase()
                        .matches("merge (llms|large language models) with mergekit.*"))
                .toList();
        assertEquals(1, mergekit.size(), "one card for the article, not one per copy");
        WebElement copies = mergekit.get(0).findElement(By.cssSelector(".copies"));
        assertTrue(copies.isDisplayed());
        String text = copies.getText();
        assertTrue(text.startsWith("Also at "), text);
        List<String> domains = copies.findElements(By.cssSelector("a.copy")).stream().map(WebElement::getText).toList();
        assertEquals(2, domains.size(), text);
        assertTrue(domains.contains("towardsdatascience.com") || domains.contains("huggingface.co"), text);
        assertTrue(text.contains("(LLM Course zh TW)") || text.contains("(Borch's AI Reading List)"), text);
        for (WebElement link : copies.findElements(By.cssSelector("a.copy"))) {
            assertTrue(link.getAttribute("href").startsWith("https://"), link.getAttribute("href"));
        }
        assertTrue(results.stream().filter(r -> r != mergekit.get(0))
                .allMatch(r -> !r.findElement(By.cssSelector(".copies")).isDisplayed()
                        || !r.findElement(By.cssSelector(".copies")).getText().isBlank()), "no empty Also at line");
    }

    @Test
    void a_bookmarked_query_loads_its_results_and_related_opens_inline() {
        browser.get(server.url("/?q=abliteration"));
        WebElement first = results().get(0);
        assertTrue(first.getText().contains("abliteration"), first.getText());
        first.findElement(By.cssSelector(".related-button")).click();
        waiting().until(d -> !first.findElements(By.cssSelector(".related li a")).isEmpty());
        assertEquals("true", first.findElement(By.cssSelector(".related-button")).getAttribute("aria-expanded"));
        assertTrue(first.findElements(By.cssSelector(".related li")).size() >= 3);
    }

    @Test
    void switching_mode_searches_again_and_why_this_result_shows_the_explain_data() {
        browser.get(server.url("/?q=stop+a+chatbot+from+declining+requests"));
        results();
        browser.findElement(By.cssSelector("input[name=mode][value=semantic]")).click();
        waiting().until(d -> d.getCurrentUrl().contains("mode=semantic"));
        browser.findElement(By.id("explain")).click();
        waiting().until(d -> d.findElement(By.cssSelector("#results .result .why")).isDisplayed());
        String why = browser.findElement(By.cssSelector("#results .result .why")).getText();
        // Semantic mode fuses the model's list alone, with all the weight; the keyword list takes no part.
        assertTrue(why.contains("bge-small-en-v15-q (cosine)") && why.contains("weight 1.00"), why);
        assertFalse(why.contains("keyword (BM25)"), why);
        List<WebElement> results = results();
        assertTrue(results.stream().anyMatch(r -> r.getText().contains("abliteration")), "the paraphrase finds its target");
    }

    @Test
    void more_like_x_says_whose_neighbours_it_shows_and_names_x_in_why_this_result() {
        browser.get(server.url("/?q=something+like+Ollama&explain=true"));
        results();
        waiting().until(d -> d.findElement(By.id("status")).getText().contains("like “Ollama”"));
        String why = browser.findElement(By.cssSelector("#results .result .why")).getText();
        assertTrue(why.contains("like “Ollama”: keyword (BM25)"), why);
        assertTrue(why.contains("like “Ollama”: bge-small-en-v15-q (cosine)"), why);
        assertTrue(results().stream().noneMatch(r -> r.findElement(By.cssSelector(".title")).getText().equals("Ollama")),
                "X itself is left out");
    }

    @Test
    void keyboard_slash_focuses_the_box_and_arrows_walk_the_results() {
        browser.get(server.url("/?q=vector+database"));
        results();
        browser.findElement(By.tagName("body")).click();
        browser.findElement(By.tagName("body")).sendKeys("/");
        assertEquals("q", browser.switchTo().activeElement().getAttribute("id"));
        browser.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
        browser.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
        WebElement active = browser.switchTo().activeElement();
        assertTrue(active.getAttribute("class").contains("result") && active.getAttribute("class").contains("selected"));
        assertEquals(browser.findElements(By.cssSelector("#results .result")).get(1), active);
    }

    @Test
    void hostile_titles_and_urls_from_a_list_render_as_inert_text(@TempDir Path dir) {
        String list = """
                # Hostile list

                * [\\<script>window.pwned = 1\\</script> Scripted prompt injection](https://example.org/script)
                * [\\<img src=x onerror="window.pwned = 2"> Image prompt injection](https://example.org/image)
                * [Click for prompt injection](javascript:window.pwned=3)

                | Concept | Description |
                | --- | --- |
                | \\<b onmouseover="window.pwned=4">Bold prompt injection\\</b> | A description with \\<script>window.pwned = 5\\</script> prompt injection inside. |
                """;
        try (TestServer hostile = TestServer.ofList(dir, list)) {
            browser.get(hostile.url("/?q=prompt+injection&mode=lexical"));
            List<WebElement> results = results();
            String text = browser.findElement(By.id("results")).getText();
            assertTrue(text.contains("<script>window.pwned = 1</script> Scripted prompt injection"), text);
            assertTrue(text.contains("<img src=x onerror=\"window.pwned = 2\"> Image prompt injection"), text);
            assertTrue(results.size() >= 3);
            assertNull(((JavascriptExecutor) browser).executeScript("return window.pwned;"), "no corpus text ran as script");
            assertTrue(browser.findElements(By.cssSelector("#results img, #results script, #results b")).isEmpty());
            for (WebElement link : browser.findElements(By.cssSelector("#results a"))) {
                assertTrue(link.getAttribute("href").startsWith("http"), link.getAttribute("href"));
            }
        }
    }
}
