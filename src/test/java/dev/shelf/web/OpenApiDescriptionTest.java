package dev.shelf.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.shelf.embed.Encoders;
import dev.shelf.embed.HashingEncoder;
import dev.shelf.index.IndexLayout;
import dev.shelf.library.Library;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI description served at {@code /api/openapi.json} is valid OpenAPI 3.1, its schemas are valid JSON Schema,
 * and it names exactly the routes the app registers (read from the app, with and without writable lists).
 */
class OpenApiDescriptionTest {

    private static final Set<HandlerType> HTTP_METHODS = Set.of(HandlerType.GET, HandlerType.PUT, HandlerType.POST,
            HandlerType.DELETE, HandlerType.PATCH, HandlerType.HEAD, HandlerType.OPTIONS);
    private final OpenApiDescription description = OpenApiDescription.served();

    private static SwaggerParseResult parse(String text) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return new OpenAPIV3Parser().readContents(text, null, options);
    }

    @Test
    void the_description_parses_as_openapi_3_1_without_a_message() {
        SwaggerParseResult result = parse(description.text);

        assertTrue(result.getMessages() == null || result.getMessages().isEmpty(), () -> String.join("\n", result.getMessages()));
        assertEquals(SpecVersion.V31, result.getOpenAPI().getSpecVersion());
        assertEquals("3.1.0", result.getOpenAPI().getOpenapi());
    }

    @Test
    void the_parser_reports_a_broken_description() {
        String broken = description.text.replaceFirst("\"in\": \"query\"", "\"in\": \"body\"")
                .replaceFirst("\"operationId\": \"health\",", "\"operationId\": \"health\", \"callbacks\": 7,");

        SwaggerParseResult result = parse(broken);

        assertEquals(List.of("attribute paths.'/api/search'(get).parameters.[q].in is not of type `[query|header|path|cookie]`",
                "attribute paths.'/api/health'(get).callbacks is not of type `object`"), result.getMessages());
    }

    @Test
    void every_schema_in_the_description_is_valid_json_schema_2020_12() {
        Schema metaSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));
        List<JsonNode> schemas = new ArrayList<>();
        description.root.path("components").path("schemas").forEach(schemas::add);
        collectSchemaFields(description.root, schemas::add);
        assertTrue(schemas.size() > 30, "found " + schemas.size() + " schemas");

        for (JsonNode schema : schemas) {
            List<Error> errors = metaSchema.validate(schema.toString(), InputFormat.JSON);
            assertTrue(errors.isEmpty(), schema + " -> " + errors);
        }
        assertFalse(metaSchema.validate("{\"type\": \"strng\"}", InputFormat.JSON).isEmpty(), "the meta-schema checks");
    }

    @Test
    void the_description_names_exactly_the_routes_the_app_registers(@TempDir Path dir) {
        Set<String> registered = new TreeSet<>();
        try (Library library = new Library(List.of(dir), new IndexLayout(dir.resolve("index")),
                Encoders.of(new HashingEncoder(64, 64)), Duration.ofSeconds(1), () -> { }, line -> { })) {
            registered.addAll(routes(WebApp.create(ServiceProvider.none(), SearchLimiter.running(1), Path.of("web"),
                    new SourceRoutes(library, "127.0.0.1"))));
        }
        Set<String> readOnly = routes(WebApp.create(ServiceProvider.none(), Path.of("web")));

        assertTrue(registered.containsAll(readOnly), "a read-only server has a route a writable one lacks: " + readOnly);
        assertTrue(registered.contains("GET /api/openapi.json") && registered.contains("PUT /api/sources/{name}"), registered::toString);
        assertEquals(registered, description.operations());
    }

    @Test
    void an_answer_that_breaks_the_shape_is_rejected_through_the_references() {
        String search = description.responsePointer("GET", "/api/search", 200);
        String error = description.responsePointer("GET", "/api/search", 400);
        String result = "{\"id\": \"a\", \"title\": \"A\", \"url\": null, \"links\": [], \"description\": \"\", \"snippet\": \"\","
                + " \"kind\": \"concept\", \"section\": [], \"sources\": [{\"id\": \"l\", \"name\": \"L\", \"section\": [],"
                + " \"line\": 3}], \"metadata\": {}, \"copies\": [{\"id\": \"b\", \"url\": \"https://example.org/b\","
                + " \"title\": \"B\", \"sources\": []}], \"score\": 0.5, \"lexical\": {\"rank\": 1, \"score\": 2.0},"
                + " \"semantic\": null, \"lists\": [{\"list\": \"lexical\", \"weight\": 1.0, \"rank\": null, \"score\": null}]}";
        String answer = "{\"query\": \"q\", \"mode\": \"hybrid\", \"k\": 10, \"total\": 1, \"tookMs\": 1.5, \"results\": ["
                + result + "], \"facets\": {\"l\": 1}}";

        assertEquals(List.of(), description.errors(search, answer));
        assertEquals(List.of(), description.errors(error, "{\"error\": \"bad_parameter\", \"message\": \"k is 0\"}"));
        assertFalse(description.errors(search, answer.replace("\"kind\": \"concept\"", "\"kind\": \"book\"")).isEmpty());
        assertFalse(description.errors(search, answer.replace("\"line\": 3", "\"line\": \"3\"")).isEmpty());
        assertFalse(description.errors(search, answer.replace(", \"facets\": {\"l\": 1}", "")).isEmpty());
        assertFalse(description.errors(search, answer.replace("\"title\": \"B\", ", "")).isEmpty());
        String related = description.responsePointer("GET", "/api/resources/{id}/related", 200);
        assertEquals(List.of(), description.errors(related, "{\"id\": \"a\", \"results\": [" + result + "]}"));
        assertFalse(description.errors(related, "{\"id\": \"a\", \"results\": [1]}").isEmpty());
        assertFalse(description.errors(error, "{\"error\": \"oops\", \"message\": \"k is 0\"}").isEmpty());
        assertFalse(description.errors(error, "{\"error\": \"bad_parameter\", \"message\": \"k\", \"trace\": \"at\"}").isEmpty());
    }

    /** Every "METHOD /path" of the app's own router, as the description spells it. */
    private static Set<String> routes(Javalin app) {
        Set<String> routes = new TreeSet<>();
        app.unsafe.internalRouter.allHttpHandlers().stream().map(parsed -> parsed.endpoint)
                .filter(endpoint -> HTTP_METHODS.contains(endpoint.method))
                .forEach(endpoint -> routes.add(endpoint.method.name().toUpperCase(Locale.ROOT) + " " + endpoint.path));
        return routes;
    }

    /** Every value of a "schema" field (parameters, headers, bodies), wherever it is. */
    private static void collectSchemaFields(JsonNode node, Consumer<JsonNode> sink) {
        node.properties().forEach(field -> {
            if (field.getKey().equals("schema") && field.getValue().isObject()) {
                sink.accept(field.getValue());
            }
            collectSchemaFields(field.getValue(), sink);
        });
        if (node.isArray()) {
            node.forEach(element -> collectSchemaFields(element, sink));
        }
    }
}
