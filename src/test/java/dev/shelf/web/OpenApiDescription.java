package dev.shelf.web;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The API's OpenAPI description as the tests read it: its operations, and the JSON Schema of each route's answer for a
 * status, with every {@code $ref} resolved inside the document by networknt's validator (OpenAPI 3.1's dialect of
 * JSON Schema 2020-12).
 */
final class OpenApiDescription {

    /** The IRI the document is registered under, so that its {@code #/components/...} references resolve. */
    private static final String BASE = "https://shelf.invalid/openapi.json";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** OpenAPI 3.1's dialect, told that the document's own fields are no schema keywords (else it warns of each). */
    private static final Dialect DIALECT = Dialect.builder(Dialects.getOpenApi31()).keywords(Stream.of("openapi", "info",
            "servers", "paths", "components").map(NonValidationKeyword::new).toList()).build();

    final String text;
    final JsonNode root;
    private final SchemaRegistry schemas;

    OpenApiDescription(String text) {
        this.text = text;
        try {
            this.root = JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.schemas = SchemaRegistry.withDialect(DIALECT, registry -> registry.schemas(Map.of(BASE, text)));
    }

    /** The description served by the app, read from the class path as the app reads it. */
    static OpenApiDescription served() {
        try (InputStream in = OpenApiDescription.class.getResourceAsStream(OpenApiRoute.RESOURCE)) {
            return new OpenApiDescription(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every operation the description names, as {@code "GET /api/search"}. */
    Set<String> operations() {
        Set<String> operations = new TreeSet<>();
        root.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (METHODS.contains(operation.getKey())) {
                operations.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        return operations;
    }

    /**
     * The JSON pointer of the response object that describes a status of an operation: its own entry, else
     * {@code default}, following a {@code $ref} into {@code components/responses}.
     */
    String responsePointer(String method, String path, int status) {
        JsonNode responses = root.path("paths").path(path).path(method.toLowerCase(Locale.ROOT)).path("responses");
        assertTrue(responses.isObject(), method + " " + path + " is not in the description");
        String key = responses.has(Integer.toString(status)) ? Integer.toString(status) : "default";
        JsonNode response = responses.path(key);
        assertTrue(response.isObject(), method + " " + path + " describes neither " + status + " nor a default answer");
        if (response.has("$ref")) {
            return response.get("$ref").asText();
        }
        return "#/paths/" + escape(path) + "/" + method.toLowerCase(Locale.ROOT) + "/responses/" + key;
    }

    /** The pointer of a named response in {@code components/responses}, for answers no route owns (an unknown route). */
    static String componentResponse(String name) {
        return "#/components/responses/" + name;
    }

    /** Whether the response at the pointer has a JSON body. */
    boolean hasJsonBody(String responsePointer) {
        return root.at(plain(responsePointer)).path("content").has("application/json");
    }

    /** The headers the response at the pointer declares. */
    Set<String> headers(String responsePointer) {
        Set<String> names = new TreeSet<>();
        root.at(plain(responsePointer)).path("headers").properties()
                .forEach(header -> names.add(header.getKey()));
        return names;
    }

    /** The validation errors of a body against the JSON schema of the response at the pointer; empty when it conforms. */
    List<Error> errors(String responsePointer, String body) {
        assertTrue(hasJsonBody(responsePointer), responsePointer + " describes no JSON body");
        Schema schema = schemas.getSchema(SchemaLocation.of(BASE + responsePointer + "/content/application~1json/schema"));
        return schema.validate(body, InputFormat.JSON);
    }

    /** Fails, saying where and why, unless the body conforms to the response at the pointer. */
    void assertConforms(String responsePointer, String body) {
        List<Error> errors = errors(responsePointer, body);
        if (!errors.isEmpty()) {
            fail("the answer does not match " + responsePointer + ": " + errors + "\nbody: "
                    + (body.length() > 2000 ? body.substring(0, 2000) + "..." : body));
        }
    }

    /** A fragment pointer as Jackson takes it: without the '#' and with the braces of path templates plain. */
    private static String plain(String responsePointer) {
        return responsePointer.substring(1).replace("%7B", "{").replace("%7D", "}");
    }

    private static String escape(String path) {
        return path.replace("~", "~0").replace("/", "~1").replace("{", "%7B").replace("}", "%7D");
    }
}
