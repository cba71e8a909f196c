package dev.shelf.web;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.shelf.ingest.Ingester;
import dev.shelf.ingest.ListFormat;
import dev.shelf.library.Library;
import dev.shelf.library.ListFileName;
import dev.shelf.library.ListState;
import dev.shelf.text.Texts;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routes that list, add and remove reading lists ({@code /api/sources}): reads answer anyone, writes only Shelf's
 * own page ({@link WriteGuard}), checked before the body is read, so a refused write changes nothing. Each write is
 * checked in full (guard, name, size, format) before anything is written.
 */
public final class SourceRoutes {

    /** A list's path under the API. */
    private static final String ONE = "/api/sources/{name}";
    private static final Logger LOG = LoggerFactory.getLogger(SourceRoutes.class);

    private final Library library;
    private final String boundHost;

    /**
     * @param library the lists and their folder
     * @param boundHost the address the server binds ({@code --host}): part of the origins a write may come from
     */
    public SourceRoutes(Library library, String boundHost) {
        this.library = library;
        this.boundHost = boundHost;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/sources", ctx -> ctx.json(library.lists()));
        routes.put(ONE, this::put);
        routes.delete(ONE, this::delete);
    }

    private void guard(Context ctx) {
        WriteGuard.refusal(ctx.header(WriteGuard.HEADER), ctx.header("Origin"),
                WriteGuard.ownOrigins(boundHost, ctx.req().getLocalAddr(), ctx.req().getLocalPort()))
                .ifPresent(reason -> {
                    throw new ApiException(403, "forbidden", reason);
                });
    }

    private void put(Context ctx) throws IOException {
        guard(ctx);
        String name = ctx.pathParam("name");
        ListFileName.problem(name).ifPresent(problem -> {
            throw new ApiException(400, "bad_file_name", problem);
        });
        byte[] content = body(ctx);
        String format = Ingester.formatOf(name, content).orElseThrow(() -> new ApiException(415, "unsupported_format",
                "\"" + name + "\" is not a reading list Shelf can read. Shelf reads " + ListFormat.supported()
                        + "; in UTF-8, or UTF-16 with a byte-order mark."));
        Library.Saved saved;
        try {
            saved = library.save(name, content);
        } catch (IllegalStateException e) {
            throw new ApiException(409, "no_folder", e.getMessage());
        }
        LOG.debug("saved {} ({}, {} bytes)", name, format, content.length);
        ListState list = saved.list();
        ctx.status(saved.replaced() ? 200 : 201).json(new Saved(list.id(), list.name(), list.file(), list.state()));
    }

    /** The body, read up to the cap: the server-wide cap on request bodies is far lower, and is not used here. */
    private static byte[] body(Context ctx) throws IOException {
        long declared = ctx.req().getContentLengthLong();
        if (declared > Library.MAX_LIST_BYTES) {
            throw tooLarge();
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(declared > 0 ? (int) declared : 8192);
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (body.size() + (long) n > Library.MAX_LIST_BYTES) {
                    throw tooLarge();
                }
                body.write(buffer, 0, n);
            }
        }
        return body.toByteArray();
    }

    private static ApiException tooLarge() {
        return new ApiException(413, "too_large", "A reading list may be at most " + Library.MAX_LIST_BYTES / (1024 * 1024)
                + " MB.");
    }

    private void delete(Context ctx) throws IOException {
        guard(ctx);
        String id = ctx.pathParam("name");
        switch (library.delete(id)) {
            case REMOVED -> ctx.status(204);
            case UNKNOWN -> throw new ApiException(404, "not_found", "No list with id \"" + Texts.abbreviate(id, 60) + "\".");
            case NOT_IN_A_FOLDER -> throw new ApiException(409, "not_in_folder", "The list \"" + id + "\" was given to"
                    + " the server as a file, not in a sources folder; remove it from --sources instead.");
        }
    }

    /** The answer of a save. */
    @JsonPropertyOrder({"id", "name", "file", "state"})
    record Saved(String id, String name, String file, String state) {
    }
}
