package dev.shelf.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /api/openapi.json}: the OpenAPI 3.1 description of the API, written once in {@code openapi.json} beside
 * the classes and sent as it is. The tests keep it true: every route the app registers is in it, and every answer of
 * every route validates against it.
 */
final class OpenApiRoute {

    /** Where the description lives on the class path. */
    static final String RESOURCE = "/openapi.json";

    private final byte[] document;

    OpenApiRoute() {
        try (InputStream in = OpenApiRoute.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void serve(Context ctx) {
        ctx.contentType("application/json").result(document);
    }
}
