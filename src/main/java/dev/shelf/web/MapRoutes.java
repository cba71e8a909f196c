package dev.shelf.web;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shelf.map.TopicMap;
import dev.shelf.search.ServiceLease;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code GET /api/map}: the topic map of the build being served ({@code map.json} in its folder), with an ETag from
 * the map's fingerprint so a browser asks again for nothing ({@code If-None-Match} answers 304). The answer of the
 * last build asked about is kept in memory: a large map is read and written once, not on every request.
 */
final class MapRoutes {

    private final ServiceProvider services;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicReference<Answer> last = new AtomicReference<>();

    MapRoutes(ServiceProvider services) {
        this.services = services;
    }

    void map(Context ctx) {
        Answer answer;
        try (ServiceLease lease = services.lease().orElseThrow(() -> new ApiException(
                HttpStatus.SERVICE_UNAVAILABLE.getCode(), "index_building",
                "The index is being built for the first time; try again in a few seconds.").retryAfter(5))) {
            Path folder = lease.service().folder().orElseThrow(MapRoutes::noMap);
            boolean partial = lease.service().info().incomplete();
            answer = answer(folder, partial);
        }
        ctx.header("ETag", answer.etag());
        ctx.header("Cache-Control", "no-cache");
        String asked = ctx.header("If-None-Match");
        if (asked != null && Arrays.stream(asked.split(",")).map(String::strip).anyMatch(answer.etag()::equals)) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        ctx.contentType("application/json").result(answer.body());
    }

    private Answer answer(Path folder, boolean partial) {
        Answer known = last.get();
        if (known != null && known.folder().equals(folder)) {
            return known;
        }
        TopicMap map = TopicMap.read(folder).orElseThrow(partial ? MapRoutes::notYet : MapRoutes::noMap);
        try {
            Answer fresh = new Answer(folder, "\"" + map.inputs() + "\"",
                    json.writeValueAsBytes(new MapResponse(map.points(), map.clusters())));
            last.set(fresh);
            return fresh;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ApiException noMap() {
        return new ApiException(404, "no_map", "The index being served was built before topic maps existed; run "
                + "`shelf index` to build one.");
    }

    /** A build served by words before its passages were embedded, with no earlier map to show meanwhile. */
    private static ApiException notYet() {
        return new ApiException(404, "no_map", "The topic map is drawn once the new passages are embedded; the index "
                + "is searchable by words meanwhile. Try again when the lists are ready.");
    }

    /** One build's answer, ready to send. */
    private record Answer(Path folder, String etag, byte[] body) {
    }

    /** The answer's shape: points and clusters (the file's version and fingerprint stay on the server). */
    @JsonPropertyOrder({"points", "clusters"})
    record MapResponse(List<TopicMap.Point> points, List<TopicMap.Cluster> clusters) {
    }
}
