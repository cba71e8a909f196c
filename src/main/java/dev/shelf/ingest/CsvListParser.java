package dev.shelf.ingest;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * Reads a CSV (or tab-separated) list whose header names a title and a URL column, in any order and case: Pocket's
 * export ({@code title,url,time_added,tags,status}), Raindrop's ({@code id,title,note,excerpt,url,folder,tags,created,...})
 * and hand-made sheets ({@code Name,Link,...}). Parsing is Apache Commons CSV's: quoted fields with commas, doubled
 * quotes and line breaks. NOTE: instances are stateless and thread-safe.
 */
final class CsvListParser {

    private static final Set<String> TITLE = Set.of("title", "name", "bookmark", "headline");
    private static final Set<String> URL = Set.of("url", "link", "href", "uri", "address", "website");
    private static final Set<String> DESCRIPTION = Set.of("description", "note", "notes", "excerpt", "summary",
            "abstract", "comment", "comments");
    private static final Set<String> SECTION = Set.of("folder", "collection", "category", "section");
    private static final Set<String> TAGS = Set.of("tags", "tag", "keywords", "labels");
    private static final Set<String> ADDED = Set.of("timeadded", "created", "createdat", "added", "dateadded");
    /** Columns of the usual exports that say nothing a reader searches for. */
    private static final Set<String> IGNORED = Set.of("id", "cover", "favorite", "highlights", "important");
    private static final Pattern NOT_ALNUM = Pattern.compile("[^a-z0-9]");
    private static final Pattern ISO_DATE = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})([T ].*)?$");
    private static final Pattern TERMINATED = Pattern.compile("[.!?:;…]\\s*$");
    private static final Pattern DIGITS = Pattern.compile("^\\d{9,16}$");
    /** Unix times above this are milliseconds, not seconds (seconds reach it in the year 5138). */
    private static final long MILLIS_FROM = 100_000_000_000L;

    /** Whether a first line is the header of a list: a title column and a URL column. */
    static boolean hasListHeader(String firstLine) {
        return !firstLine.isEmpty() && (columns(header(firstLine, ',')).isPresent()
                || firstLine.indexOf('\t') >= 0 && columns(header(firstLine, '\t')).isPresent());
    }

    ParsedList parse(Path file, String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        int end = body.indexOf('\n');
        String firstLine = (end < 0 ? body : body.substring(0, end)).strip();
        char delimiter = columns(header(firstLine, ',')).isPresent() ? ',' : '\t';
        EntryCollector out = new EntryCollector(file);
        LineIndex lines = new LineIndex(body);
        CSVFormat format = format(delimiter).builder().setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(body)).setFormat(format).get()) {
            Columns columns = columns(parser.getHeaderNames())
                    .orElseThrow(() -> new UnreadableListException("the CSV header names no title and URL columns", null));
            var records = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException e) {
                    // Commons CSV cannot resynchronise after a broken quote: the rows before it are kept.
                    out.warn((int) parser.getCurrentLineNumber(), "the rest of the file was skipped: " + e.getCause().getMessage());
                    break;
                }
                row(record, columns, parser.getHeaderNames(), lines.lineOf(record.getCharacterPosition()), out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.result(null);
    }

    private static void row(CSVRecord record, Columns columns, List<String> header, int line, EntryCollector out) {
        String rawUrl = value(record, columns.url());
        if (rawUrl.isEmpty()) {
            out.warn(line, "skipped a row without a URL");
            return;
        }
        Optional<String> url = out.canonical(rawUrl, line);
        if (url.isEmpty()) {
            if (!rawUrl.contains(":") || rawUrl.startsWith("mailto:")) {
                out.warn(line, "skipped a row whose URL is not an absolute http(s) URL: \"" + rawUrl + "\"");
            }
            return;
        }
        String title = value(record, columns.title());
        String description = sentences(columns.description().stream().map(c -> value(record, c))
                .filter(v -> !v.isEmpty()).distinct().toList());
        List<String> section = columns.section() < 0 || value(record, columns.section()).isEmpty()
                ? List.of() : List.of(value(record, columns.section()));
        Map<String, String> metadata = new LinkedHashMap<>();
        if (columns.tags() >= 0 && !tags(value(record, columns.tags())).isEmpty()) {
            metadata.put("Tags", tags(value(record, columns.tags())));
        }
        if (columns.added() >= 0 && !value(record, columns.added()).isEmpty()) {
            metadata.put("Added", date(value(record, columns.added())));
        }
        for (int c : columns.others()) {
            if (!value(record, c).isEmpty()) {
                metadata.putIfAbsent(header.get(c).strip(), value(record, c));
            }
        }
        out.link(title.isEmpty() ? url.get() : title, List.of(url.get()), description, section, line, metadata);
    }

    /** Joins a note and an excerpt as sentences: descriptions are one line, so a line break would run them together. */
    private static String sentences(List<String> parts) {
        StringBuilder text = new StringBuilder();
        for (String part : parts) {
            if (!text.isEmpty()) {
                text.append(TERMINATED.matcher(text).find() ? " " : ". ");
            }
            text.append(part);
        }
        return text.toString();
    }

    /** Pocket separates tags with {@code |}, Raindrop and most sheets with commas. */
    static String tags(String raw) {
        String separator = raw.contains("|") ? "\\|" : ",";
        return Arrays.stream(raw.split(separator)).map(String::strip).filter(t -> !t.isEmpty())
                .collect(Collectors.joining(", "));
    }

    /** A unix time (seconds or milliseconds) or an ISO timestamp as an ISO date; anything else as written. */
    static String date(String raw) {
        if (DIGITS.matcher(raw).matches()) {
            long value = Long.parseLong(raw);
            Instant instant = value >= MILLIS_FROM ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
            return instant.atZone(ZoneOffset.UTC).toLocalDate().toString();
        }
        var iso = ISO_DATE.matcher(raw);
        return iso.matches() ? iso.group(1) : raw;
    }

    private static String value(CSVRecord record, int column) {
        return column >= 0 && column < record.size() ? record.get(column).strip() : "";
    }

    /** The columns a list uses, by position; -1 when absent. */
    private record Columns(int title, int url, List<Integer> description, int section, int tags, int added,
                           List<Integer> others) {
    }

    private static Optional<Columns> columns(List<String> header) {
        int title = -1;
        int url = -1;
        int section = -1;
        int tags = -1;
        int added = -1;
        List<Integer> description = new ArrayList<>();
        List<Integer> others = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = NOT_ALNUM.matcher(header.get(i).toLowerCase(Locale.ROOT)).replaceAll("");
            if (TITLE.contains(name) && title < 0) {
                title = i;
            } else if (URL.contains(name) && url < 0) {
                url = i;
            } else if (DESCRIPTION.contains(name)) {
                description.add(i);
            } else if (SECTION.contains(name) && section < 0) {
                section = i;
            } else if (TAGS.contains(name) && tags < 0) {
                tags = i;
            } else if (ADDED.contains(name) && added < 0) {
                added = i;
            } else if (!name.isEmpty() && !IGNORED.contains(name)) {
                others.add(i);
            }
        }
        return title < 0 || url < 0 ? Optional.empty()
                : Optional.of(new Columns(title, url, List.copyOf(description), section, tags, added, List.copyOf(others)));
    }

    private static List<String> header(String firstLine, char delimiter) {
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(firstLine)).setFormat(format(delimiter)).get()) {
            List<CSVRecord> records = parser.getRecords();
            return records.isEmpty() ? List.of() : records.get(0).toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    private static CSVFormat format(char delimiter) {
        return CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true)
                .setAllowMissingColumnNames(true).setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL).get();
    }
}
