package dev.shelf.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one ingestion produced.
 *
 * @param resources deduplicated resources, in the order they were first seen
 * @param sources the reading lists that were read (skipped files are not among them)
 * @param warnings entries skipped inside readable lists, by file and line
 * @param skipped files that could not be read at all, with the reason
 */
public record IngestResult(List<Resource> resources, List<Source> sources, List<IngestWarning> warnings,
                           List<IngestWarning> skipped) {

    public IngestResult {
        resources = List.copyOf(resources);
        sources = List.copyOf(sources);
        warnings = List.copyOf(warnings);
        skipped = List.copyOf(skipped);
    }

    /** For each source id, how many resources it mentions, by kind (a resource listed twice in one list counts once). */
    public Map<String, Map<Kind, Integer>> countsBySource() {
        Map<String, Map<Kind, Integer>> counts = new LinkedHashMap<>();
        for (Source source : sources) {
            Map<Kind, Integer> byKind = new LinkedHashMap<>();
            for (Kind kind : Kind.values()) {
                byKind.put(kind, 0);
            }
            counts.put(source.id(), byKind);
        }
        for (Resource resource : resources) {
            resource.listIds().forEach(id -> counts.get(id).merge(resource.kind(), 1, Integer::sum));
        }
        return counts;
    }
}
