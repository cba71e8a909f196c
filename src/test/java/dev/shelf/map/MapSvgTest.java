package dev.shelf.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MapSvgTest {

    @Test
    void every_point_is_a_dot_in_its_topic_s_colour_and_labels_are_escaped_text() {
        TopicMap map = new TopicMap(TopicMap.VERSION, "x", List.of(
                new TopicMap.Point("a", "A", List.of("l"), 0, 0, 0),
                new TopicMap.Point("b", "B", List.of("l"), 1, 1, 1),
                new TopicMap.Point("c", "C", List.of("l"), 0.5, 0.5, 1)),
                List.of(new TopicMap.Cluster(0, "rag, <agents>", 1, 0, 0), new TopicMap.Cluster(1, "gguf & bits", 2, 1, 1)));
        String svg = MapSvg.render(map, 400);
        assertEquals(3, svg.split("<circle ").length - 1);
        assertTrue(svg.contains("<g fill=\"" + MapSvg.colour(1) + "\""), svg);
        assertTrue(svg.contains(">rag, &lt;agents&gt;</text>") && svg.contains(">gguf &amp; bits</text>"), svg);
        assertFalse(svg.contains("<agents>"));
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    }

    @Test
    void a_label_that_would_cover_an_earlier_one_moves_up_then_down() {
        List<double[]> taken = new ArrayList<>();
        assertEquals(100, MapSvg.labelY(taken, 200, 100, 80));
        assertEquals(84, MapSvg.labelY(taken, 210, 100, 80));
        assertEquals(116, MapSvg.labelY(taken, 190, 100, 80));
        assertEquals(100, MapSvg.labelY(taken, 400, 100, 80), "far enough across: its own place");
    }
}
