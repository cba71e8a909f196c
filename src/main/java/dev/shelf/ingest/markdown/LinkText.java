package dev.shelf.ingest.markdown;

import dev.shelf.ingest.TextCleaner;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** What a Markdown link's text says beyond its title: trailing facts, or nothing at all about its target. */
final class LinkText {

    /** Facts that course syllabi write at the end of a link text: "(11:42)", "(1hr)", "(23 Sep 2024)". */
    private static final Pattern TRAILING_DURATION = Pattern.compile(
            "\\s*\\(((?:\\d{1,2}:)?\\d{1,2}:\\d{2}|\\d+(?:\\.\\d+)?\\s?(?:hr|hrs|h|min|mins|m))\\)\\s*$");
    private static final Pattern TRAILING_DATE = Pattern.compile(
            "\\s*\\((\\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* \\d{4})\\)\\s*$");
    private static final Set<String> PLACEHOLDERS = Set.of(
            "", "article", "link", "links", "here", "click here", "tweet", "paper", "blog", "blog post", "video",
            "code", "notebook", "github", "colab", "open in colab", "source", "website", "demo", "slides", "pdf",
            "read more", "more", "url");

    private LinkText() {
    }

    /**
     * Splits a link text such as "Optimize Your AI Models (11:42) (28 Sep 2024)" into its title and the trailing
     * facts, which go to metadata as "Duration" and "Date".
     */
    static TitleFacts facts(String linkText) {
        String title = TextCleaner.title(linkText);
        Map<String, String> facts = new LinkedHashMap<>();
        boolean found = true;
        while (found) {
            found = false;
            var date = TRAILING_DATE.matcher(title);
            if (date.find() && date.start() > 0) {
                facts.putIfAbsent("Date", date.group(1));
                title = title.substring(0, date.start());
                found = true;
            }
            var duration = TRAILING_DURATION.matcher(title);
            if (duration.find() && duration.start() > 0) {
                facts.putIfAbsent("Duration", duration.group(1));
                title = title.substring(0, duration.start());
                found = true;
            }
        }
        return new TitleFacts(title.strip(), facts);
    }

    /** A title and the facts taken from its end. */
    record TitleFacts(String title, Map<String, String> facts) {
    }

    /** Whether a link text says nothing about its target ("🔗", "Article", "Link", an "Open In Colab" badge). */
    static boolean isPlaceholder(String linkText) {
        return PLACEHOLDERS.contains(TextCleaner.title(linkText).toLowerCase(Locale.ROOT));
    }
}
