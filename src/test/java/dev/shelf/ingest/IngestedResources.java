package dev.shelf.ingest;

/** Finding one resource of an ingestion by its title, as the format tests check each entry they wrote. */
final class IngestedResources {

    private IngestedResources() {
    }

    /** The resource with exactly this title; a failure listing them all when there is none. */
    static Resource titled(IngestResult result, String title) {
        return result.resources().stream().filter(r -> r.title().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no resource " + title + " in " + result.resources()));
    }
}
