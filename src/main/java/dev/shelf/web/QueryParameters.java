package dev.shelf.web;

import dev.shelf.search.SearchMode;
import dev.shelf.search.SearchRequest;
import dev.shelf.text.Texts;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The query parameters of an API request read into values, each bad one an {@link ApiException} (400) that says what
 * was wrong: the search request of {@code GET /api/search}, and {@code k} of the routes that take it.
 */
final class QueryParameters {

    /** The longest question, keywords or answer accepted, in characters. */
    static final int MAX_TEXT_CHARS = 500;
    /** How much of a bad parameter value an error message quotes. */
    static final int QUOTED_CHARS = 60;

    private final Function<String, List<String>> values;

    /** @param values every value a parameter is given, by its name; empty when absent */
    QueryParameters(Function<String, List<String>> values) {
        this.values = values;
    }

    /**
     * The search request: {@code q} (the question), {@code keywords} and {@code answer} (typed sub-searches), at least
     * one of them not blank; {@code k}, {@code mode}, {@code source} (ids among {@code known}), {@code explain},
     * {@code profile} and {@code copies}.
     */
    SearchRequest searchRequest(Set<String> known) {
        String q = text("q");
        String keywords = text("keywords");
        String answer = text("answer");
        if (q.isBlank() && keywords.isBlank() && answer.isBlank()) {
            throw new ApiException(400, "missing_parameter", "Parameter q (the question) is required, e.g. "
                    + "/api/search?q=merge+models, unless keywords or answer is given.");
        }
        int k = k();
        String modeText = single("mode");
        SearchMode mode = modeText == null ? SearchMode.HYBRID : SearchMode.parse(modeText).orElseThrow(() ->
                new ApiException(400, "bad_parameter", "Parameter mode must be hybrid, lexical or semantic, got \""
                        + abbreviate(modeText) + "\"."));
        flag("explain");
        boolean profile = flag("profile");
        Set<String> sources = new LinkedHashSet<>();
        for (String source : values.apply("source")) {
            for (String id : source.split(",")) {
                if (!id.isBlank() && !known.contains(id.strip())) {
                    throw new ApiException(400, "bad_parameter", "Unknown source \"" + abbreviate(id.strip())
                            + "\"; valid sources are: " + String.join(", ", known) + ".");
                }
                if (!id.isBlank()) {
                    sources.add(id.strip());
                }
            }
        }
        return new SearchRequest(q, keywords, answer, mode, k, sources, profile, separateCopies());
    }

    /** {@code k}: a whole number from 1 to {@value SearchRequest#MAX_K}, {@value SearchRequest#DEFAULT_K} when absent. */
    int k() {
        String text = single("k");
        if (text == null) {
            return SearchRequest.DEFAULT_K;
        }
        try {
            int k = Integer.parseInt(text.strip());
            if (k >= 1 && k <= SearchRequest.MAX_K) {
                return k;
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw new ApiException(400, "bad_parameter", "Parameter k must be a whole number from 1 to "
                + SearchRequest.MAX_K + ", got \"" + abbreviate(text) + "\".");
    }

    /** A text parameter of at most {@value #MAX_TEXT_CHARS} characters; empty when absent. */
    private String text(String name) {
        String value = single(name);
        if (value != null && value.length() > MAX_TEXT_CHARS) {
            throw new ApiException(400, "bad_parameter", "Parameter " + name + " is " + value.length()
                    + " characters long; at most " + MAX_TEXT_CHARS + " are accepted.");
        }
        return value == null ? "" : value;
    }

    /** {@code copies}: {@code grouped} (each work once, the default) or {@code separate} (each copy a result). */
    private boolean separateCopies() {
        String copies = single("copies");
        if (copies == null || copies.equals("grouped")) {
            return false;
        }
        if (copies.equals("separate")) {
            return true;
        }
        throw new ApiException(400, "bad_parameter", "Parameter copies must be grouped or separate, got \""
                + abbreviate(copies) + "\".");
    }

    /** A true/false parameter, false when absent. */
    private boolean flag(String name) {
        String value = single(name);
        if (value != null && !value.equals("true") && !value.equals("false")) {
            throw new ApiException(400, "bad_parameter", "Parameter " + name + " must be true or false.");
        }
        return "true".equals(value);
    }

    /** The value of a parameter that may be given once; repeating it is an error rather than a guess. */
    private String single(String name) {
        List<String> given = values.apply(name);
        if (given.size() > 1) {
            throw new ApiException(400, "bad_parameter", "Parameter " + name + " is given " + given.size()
                    + " times; give it once.");
        }
        return given.isEmpty() ? null : given.get(0);
    }

    private static String abbreviate(String text) {
        return Texts.abbreviate(text, QUOTED_CHARS);
    }
}
