package dev.shelf.ingest;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One thing a user may want to open or read, merged over every list that mentions it.
 *
 * @param id stable short hash of the canonical URL, or of source + section path + title when there is no URL
 * @param title non-blank display title
 * @param url canonical absolute http(s) URL, or null for concepts and prose sections
 * @param links every canonical URL the entry carries, primary first
 * @param description the entry's text (distinct descriptions of several mentions, one per line)
 * @param kind link, concept or section
 * @param section heading path of the first mention
 * @param sources every mention, in ingestion order
 * @param metadata extra table columns (e.g. Authors, Date, Category), in column order
 */
@JsonPropertyOrder({"id", "title", "url", "links", "description", "kind", "section", "sources", "metadata"})
public record Resource(
        String id,
        String title,
        String url,
        List<String> links,
        String description,
        Kind kind,
        List<String> section,
        List<Mention> sources,
        Map<String, String> metadata) {

    public Resource {
        links = List.copyOf(links);
        section = List.copyOf(section);
        sources = List.copyOf(sources);
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** The ids of the lists that mention it, each once, in mention order. */
    public List<String> listIds() {
        return sources.stream().map(Mention::id).distinct().toList();
    }

    /** For each list id, how many of the given resources it mentions (a resource listed twice in one list counts once). */
    public static Map<String, Integer> countByList(Iterable<Resource> resources) {
        List<List<String>> lists = new ArrayList<>();
        resources.forEach(r -> lists.add(r.listIds()));
        return countLists(lists);
    }

    /**
     * For each list id, how many of the given id lists hold it: the count of {@link #countByList} from each resource's
     * {@link #listIds}, for a caller that keeps them worked out already.
     */
    public static Map<String, Integer> countLists(Iterable<List<String>> listIdsOfEach) {
        Map<String, Integer> counts = new TreeMap<>();
        for (List<String> listIds : listIdsOfEach) {
            listIds.forEach(id -> counts.merge(id, 1, Integer::sum));
        }
        return counts;
    }
}
