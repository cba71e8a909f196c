package dev.shelf.map;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * The topic map of a build, kept in its folder as {@code map.json} beside {@code build.json}: every resource as a
 * point of the 2-D layout with its cluster, and every cluster with its label, size and the place of its label.
 * Coordinates span [0, 1] on the longer axis, the layout's proportions kept.
 *
 * @param version the way the map was computed ({@link #VERSION}); a map of another version is computed again
 * @param inputs a fingerprint of what it was computed from, so an unchanged corpus reuses the previous build's map
 * @param points one per resource
 * @param clusters largest first; a point's {@code cluster} is the index in this list
 */
@JsonPropertyOrder({"version", "inputs", "points", "clusters"})
public record TopicMap(int version, String inputs, List<Point> points, List<Cluster> clusters) {

    /** The file name inside a build folder. */
    public static final String FILE = "map.json";
    /** Bumped whenever the layout, clustering or labelling changes, so older maps are not reused. */
    public static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public TopicMap {
        points = List.copyOf(points);
        clusters = List.copyOf(clusters);
    }

    /** The map in a build folder; empty when the build has none (built before maps existed) or it is unreadable. */
    public static Optional<TopicMap> read(Path build) {
        Path file = build.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), TopicMap.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Writes the map into a build folder. */
    public void write(Path build) throws IOException {
        Path tmp = build.resolve(FILE + ".tmp");
        JSON.writeValue(tmp.toFile(), this);
        Files.move(tmp, build.resolve(FILE), StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * One resource on the map.
     *
     * @param id resource id
     * @param title its title, shown on hover
     * @param sources the ids of the lists that mention it
     * @param x place across, 0 to 1
     * @param y place down, 0 to 1
     * @param cluster index of its cluster in {@link #clusters}
     */
    @JsonPropertyOrder({"id", "x", "y", "cluster", "title", "sources"})
    public record Point(String id, String title, List<String> sources, double x, double y, int cluster) {
        public Point {
            sources = List.copyOf(sources);
        }
    }

    /**
     * One topic.
     *
     * @param id its index in {@link #clusters}
     * @param label two or three words that set it apart
     * @param size how many resources it holds
     * @param x where its label goes, across
     * @param y where its label goes, down
     */
    @JsonPropertyOrder({"id", "label", "size", "x", "y"})
    public record Cluster(int id, String label, int size, double x, double y) {
    }
}
