package dev.shelf.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The Map view in a real browser (Debian's headless Chromium, as {@link BrowserIT}), over the bundled lists. */
class MapBrowserIT {

    private static TestServer server;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws IOException {
        browser = HeadlessChromium.start(Files.createTempDirectory("shelf-chromium-map"));
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

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private static void openTheMap(String path) {
        browser.get(server.url(path));
        browser.findElement(By.id("tab-map")).click();
        waiting().until(d -> d.findElement(By.id("map-note")).getText().contains("resources in"));
        assertEquals("true", browser.findElement(By.id("tab-map")).getAttribute("aria-selected"));
        assertTrue(!browser.findElement(By.id("results")).isDisplayed(), "the list is hidden behind the map");
    }

    /** The index of the point farthest from any other on screen, so hovering it can pick nothing else. */
    private static int loneliestPoint() {
        return ((Number) js("""
                const n = window.shelfMap.size(), box = document.getElementById('map-canvas').getBoundingClientRect();
                const pts = Array.from({length: n}, (_, i) => window.shelfMap.screenOf(i));
                let best = 0, bestD = -1;
                pts.forEach((p, i) => {
                  let near = Infinity;
                  pts.forEach((q, j) => { if (i !== j) near = Math.min(near, Math.hypot(p.x - q.x, p.y - q.y)); });
                  const inside = p.x > box.left + 20 && p.x < box.right - 20 && p.y > box.top + 20 && p.y < box.bottom - 20;
                  if (inside && near > bestD) { bestD = near; best = i; }
                });
                return best;""")).intValue();
    }

    @SuppressWarnings("unchecked")
    private static String titleOf(int point) throws IOException {
        String body = server.get("/api/map").body();
        Map<String, Object> map = new com.fasterxml.jackson.databind.ObjectMapper().readValue(body, Map.class);
        return (String) ((List<Map<String, Object>>) map.get("points")).get(point).get("title");
    }

    @Test
    void hovering_a_point_shows_its_title_and_clicking_it_opens_its_card_with_related() throws IOException {
        openTheMap("/");
        int point = loneliestPoint();
        String title = titleOf(point);
        WebElement canvas = browser.findElement(By.id("map-canvas"));
        @SuppressWarnings("unchecked")
        Map<String, Number> at = (Map<String, Number>) js("return window.shelfMap.screenOf(arguments[0]);", point);
        Map<String, Number> box = canvasBox();
        int dx = (int) Math.round(at.get("x").doubleValue() - box.get("cx").doubleValue());
        int dy = (int) Math.round(at.get("y").doubleValue() - box.get("cy").doubleValue());
        new Actions(browser).moveToElement(canvas, dx, dy).perform();
        waiting().until(d -> d.findElement(By.id("map-tip")).isDisplayed());
        assertTrue(browser.findElement(By.id("map-tip")).getText().startsWith(title), browser.findElement(By.id("map-tip")).getText());

        new Actions(browser).moveToElement(canvas, dx, dy).click().perform();
        waiting().until(d -> !d.findElements(By.cssSelector("#map-card .result .title")).isEmpty());
        WebElement card = browser.findElement(By.cssSelector("#map-card .result"));
        assertEquals(title, card.findElement(By.cssSelector(".title")).getText());
        card.findElement(By.cssSelector(".related-button")).click();
        waiting().until(d -> !card.findElements(By.cssSelector(".related li")).isEmpty());
        assertTrue(card.findElements(By.cssSelector(".related li a, .related li span")).size() >= 1);
    }

    @Test
    void the_list_filter_dims_the_resources_of_the_other_lists() {
        openTheMap("/");
        int all = ((Number) js("return window.shelfMap.size();")).intValue();
        waiting().until(d -> ((Number) js("return window.shelfMap.brightCount();")).intValue() == all);
        WebElement list = browser.findElements(By.cssSelector("#sources label")).stream()
                .filter(l -> l.getText().startsWith("Week 5")).findFirst().orElseThrow();
        int size = Integer.parseInt(list.findElement(By.cssSelector(".count")).getText());
        list.findElement(By.cssSelector("input")).click();
        waiting().until(d -> ((Number) js("return window.shelfMap.brightCount();")).intValue() == size);
        assertTrue(size > 0 && size < all, size + " of " + all);
    }

    @Test
    void a_search_lights_up_its_results_and_the_keyboard_walks_them() throws IOException {
        openTheMap("/");
        WebElement box = browser.findElement(By.id("q"));
        box.sendKeys("quantization of model weights");
        waiting().until(d -> ((Number) js("return window.shelfMap.brightCount();")).intValue() < 100);
        int results = ((Number) js("return window.shelfMap.brightCount();")).intValue();
        assertTrue(results >= 10, "the search's results light up: " + results);
        assertTrue(results <= 20, "only the search's results light up: " + results);

        WebElement canvas = browser.findElement(By.id("map-canvas"));
        canvas.sendKeys(Keys.ARROW_RIGHT);
        waiting().until(d -> d.findElement(By.id("map-tip")).isDisplayed());
        String tip = browser.findElement(By.id("map-tip")).getText();
        canvas.sendKeys(Keys.ENTER);
        waiting().until(d -> !d.findElements(By.cssSelector("#map-card .result .title")).isEmpty());
        assertTrue(tip.startsWith(browser.findElement(By.cssSelector("#map-card .result .title")).getText()), tip);
        assertTrue(browser.findElement(By.id("map-live")).getText().length() > 3, "the cursor is announced");

        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.createDirectories(Path.of("target/screenshots"));
        Files.copy(shot, Path.of("target/screenshots/map.png"), StandardCopyOption.REPLACE_EXISTING);
        double before = ((Number) js("return window.shelfMap.screenOf(0).x;")).doubleValue();
        browser.findElement(By.id("map-zoom-in")).click();
        waiting().until(d -> ((Number) js("return window.shelfMap.screenOf(0).x;")).doubleValue() != before);
        double bundled = ((Number) js("return window.shelfMap.timeDraw();")).doubleValue();

        // Dark mode: the map's background follows the page's.
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        waiting().until(d -> ((Number) js("const p = document.getElementById('map-canvas').getContext('2d')"
                + ".getImageData(3, 3, 1, 1).data; return p[0] + p[1] + p[2];")).intValue() < 3 * 80);
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), Path.of("target/screenshots/map-dark.png"),
                StandardCopyOption.REPLACE_EXISTING);

        // The same page with 100,000 made-up points in 40 topics, to time one draw (reported, not asserted).
        double large = ((Number) js("""
                const n = 100000, clusters = [];
                for (let c = 0; c < 40; c++) clusters.push({id: c, label: 'topic ' + c, size: 0, x: Math.random(), y: Math.random()});
                const points = [];
                for (let i = 0; i < n; i++) {
                  const c = clusters[i % 40], r = Math.random() * 0.08, a = Math.random() * 6.283;
                  points.push({id: 'p' + i, title: 'point ' + i, sources: ['a'], cluster: c.id,
                    x: Math.min(1, Math.max(0, c.x + r * Math.cos(a))), y: Math.min(1, Math.max(0, c.y + r * Math.sin(a)))});
                }
                window.shelfMap.use({points, clusters});
                window.shelfMap.timeDraw();
                const times = [0, 1, 2, 3, 4].map(() => window.shelfMap.timeDraw()).sort((a, b) => a - b);
                return times[2];""")).doubleValue();
        System.out.printf("map draw: %.1f ms for the bundled lists, %.1f ms (median of 5) for 100,000 points%n",
                bundled, large);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Number> canvasBox() {
        return (Map<String, Number>) js("const b = document.getElementById('map-canvas').getBoundingClientRect();"
                + " return {cx: b.left + b.width / 2, cy: b.top + b.height / 2};");
    }
}
