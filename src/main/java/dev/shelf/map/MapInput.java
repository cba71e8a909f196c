package dev.shelf.map;

import java.util.List;

/**
 * What the topic map knows of one resource.
 *
 * @param id the resource id
 * @param title its title
 * @param description its description (may be empty)
 * @param sources the ids of the lists that mention it (for the UI's list filter)
 * @param vector its unit vector: the normalized mean of its passages' vectors
 */
public record MapInput(String id, String title, String description, List<String> sources, float[] vector) {

    public MapInput {
        sources = List.copyOf(sources);
    }
}
