package dev.shelf.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Lists panel in a real browser (Debian's headless Chromium, as {@link BrowserIT}): a list added with the file
 * picker becomes searchable and its remove button takes it away; and a page of another origin cannot change the lists.
 */
class ListsBrowserIT {

    @TempDir
    static Path dir;
    private static ListsServer server;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws IOException {
        browser = HeadlessChromium.start(Files.createDirectories(dir.resolve("profile")));
        server = new ListsServer(Files.createDirectories(dir.resolve("server")));
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    private static WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    private static List<String> folder() throws IOException {
        try (Stream<Path> files = Files.list(server.lists)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void a_list_added_with_the_file_picker_is_searchable_and_its_remove_button_takes_it_away() throws IOException {
        Path file = Files.writeString(dir.resolve("kakapo-reading.md"), """
                # Kakapo reading

                * [Everything about kakapo](https://example.org/kakapo) a guide to the kakapo parrot.
                * [Kakapo breeding](https://example.org/kakapo/breeding) notes on kakapo breeding seasons.
                """);
        browser.get(server.url("/"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#sources li")));
        browser.findElement(By.id("list-file")).sendKeys(file.toString());
        waiting().until(d -> d.findElement(By.id("lists-status")).getText().contains("kakapo-reading.md")
                || d.findElement(By.id("lists-status")).getText().contains("being indexed"));
        // The panel is drawn again on every refresh and search: elements are looked up afresh, never kept.
        String added = waiting().ignoring(StaleElementReferenceException.class).until(d -> d.findElements(
                By.cssSelector("#sources li")).stream().map(WebElement::getText)
                .filter(text -> text.contains("Kakapo reading") && text.contains("ready")).findFirst().orElse(null));
        assertTrue(added.contains("2"), added);
        assertTrue(Files.exists(server.lists.resolve("kakapo-reading.md")));

        browser.findElement(By.id("q")).sendKeys("kakapo breeding");
        waiting().ignoring(StaleElementReferenceException.class).until(d -> d.findElement(By.id("results")).getText()
                .contains("Kakapo breeding"));

        waiting().ignoring(StaleElementReferenceException.class).until(d -> {
            d.findElement(By.cssSelector(".remove-list[data-id='kakapo-reading']")).click();
            return true;
        });
        waiting().until(ExpectedConditions.alertIsPresent()).accept();
        waiting().ignoring(StaleElementReferenceException.class).until(d -> !d.findElement(By.id("sources")).getText()
                .contains("Kakapo"));
        waiting().ignoring(StaleElementReferenceException.class).until(d -> !d.findElement(By.id("results")).getText()
                .contains("Kakapo breeding"));
        assertTrue(!Files.exists(server.lists.resolve("kakapo-reading.md")));
    }

    @Test
    void a_page_of_another_origin_cannot_add_or_remove_a_list() throws Exception {
        HttpServer other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        other.createContext("/", exchange -> {
            byte[] page = "<!doctype html><title>another site</title><p>hello".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        other.start();
        try {
            List<String> before = folder();
            browser.get("http://127.0.0.1:" + other.getAddress().getPort() + "/");
            String script = """
                    const done = arguments[arguments.length - 1];
                    const target = arguments[0];
                    const tries = [
                      fetch(target + "/api/sources/evil.md", { method: "PUT", body: "# Evil\\n\\n* [x](https://x.example)",
                        headers: { "X-Requested-With": "shelf" } }),
                      fetch(target + "/api/sources/evil.md", { method: "PUT", body: "# Evil" }),
                      fetch(target + "/api/sources/week-5-models-and-fine-tuning", { method: "DELETE",
                        headers: { "X-Requested-With": "shelf" } }),
                    ];
                    Promise.allSettled(tries).then((outcomes) => done(outcomes.map((o) =>
                      o.status === "fulfilled" ? "answered " + o.value.status : "refused")));
                    """;
            Object outcomes = ((JavascriptExecutor) browser).executeAsyncScript(script, server.url(""));
            assertEquals(List.of("refused", "refused", "refused"), outcomes, "the browser let another origin write");
            Thread.sleep(1500); // a write that got through would be in the folder at once, and indexing after a second
            assertEquals(before, folder());
            server.awaitIdle();
            assertEquals(List.of(ListsServer.SEED_LIST), server.json("/api/sources").findValuesAsText("file").stream()
                    .map(f -> Path.of(f).getFileName().toString()).toList());
        } finally {
            other.stop(0);
        }
    }
}
