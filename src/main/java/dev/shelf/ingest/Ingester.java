package dev.shelf.ingest;

import dev.shelf.ingest.markdown.MarkdownParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads reading lists (files, or folders of them: Markdown, plain-text outlines, bookmark HTML, CSV, OPML, BibTeX;
 * see {@link ListFormat}) into deduplicated resources: one per canonical URL across all lists, each keeping every
 * mention. A file that cannot be read, or is in no supported format, is reported and skipped; an entry that cannot
 * be read costs only that entry. NOTE: instances are thread-safe.
 */
public final class Ingester {

    /** Files larger than this are not reading lists and are skipped. */
    public static final long MAX_FILE_BYTES = SourceReader.DEFAULT_MAX_BYTES;

    private static final Set<String> LIST_EXTENSIONS = ListFormat.allExtensions();
    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");

    private final SourceReader reader;
    private final MarkdownParser markdown = new MarkdownParser();
    private final OutlineParser outline = new OutlineParser();
    private final BookmarksParser bookmarks = new BookmarksParser();
    private final CsvListParser csv = new CsvListParser();
    private final OpmlParser opml = new OpmlParser();
    private final BibtexParser bibtex = new BibtexParser();

    public Ingester() {
        this(MAX_FILE_BYTES);
    }

    /** An ingester with another size cap (tests use a small one). */
    public Ingester(long maxFileBytes) {
        this.reader = new SourceReader(maxFileBytes);
    }

    /** Ingests the given files and folders; never throws for bad content, which is reported in the result. */
    public IngestResult ingest(List<Path> paths) {
        List<IngestWarning> warnings = new ArrayList<>();
        List<IngestWarning> skipped = new ArrayList<>();
        List<Source> sources = new ArrayList<>();
        Set<String> usedIds = new HashSet<>();
        Map<String, ResourceBuilder> merged = new LinkedHashMap<>();
        for (Path file : listFiles(paths, skipped)) {
            SourceReader.Outcome outcome = reader.read(file);
            if (outcome instanceof SourceReader.Rejected rejected) {
                skipped.add(new IngestWarning(file, 0, rejected.reason()));
                continue;
            }
            SourceReader.Text read = (SourceReader.Text) outcome;
            String text = read.text();
            Optional<ListFormat> format = FormatDetector.detect(file.getFileName().toString(), text);
            if (format.isEmpty()) {
                skipped.add(new IngestWarning(file, 0, "is in no supported format; Shelf reads " + ListFormat.supported()));
                continue;
            }
            ParsedList parsed;
            try {
                parsed = parse(format.get(), file, text);
            } catch (UnreadableListException e) {
                skipped.add(new IngestWarning(file, 0, e.getMessage()));
                continue;
            } catch (RuntimeException | StackOverflowError e) {
                skipped.add(new IngestWarning(file, 0, "could not be parsed: " + e));
                continue;
            }
            Source source = new Source(uniqueId(file, usedIds), parsed.name() != null ? parsed.name() : readableName(file),
                    file, format.get().label());
            sources.add(source);
            read.problems().forEach(p -> warnings.add(new IngestWarning(file, p.line(), p.message())));
            warnings.addAll(parsed.warnings());
            for (Entry entry : parsed.entries()) {
                String id = entry.url() != null
                        ? Urls.shortHash(entry.url())
                        : Urls.shortHash(source.id() + "\u0000" + String.join("\u0000", entry.section()) + "\u0000" + entry.title());
                merged.computeIfAbsent(id, key -> new ResourceBuilder(key, entry))
                        .add(entry, new Mention(source.id(), source.name(), entry.section(), entry.line()));
            }
        }
        List<Resource> resources = merged.values().stream().map(ResourceBuilder::build).toList();
        return new IngestResult(resources, sources, warnings, skipped);
    }

    /**
     * A file that {@link #ingest} would read, with the id and name it would give it before reading it (a list's own
     * title, read from its content, may replace the name).
     *
     * @param file the file
     * @param id the list id
     * @param name the readable name from the file name
     */
    public record Listed(Path file, String id, String name) {
    }

    /** The files {@link #ingest} reads from these files and folders, in its order, each with its id and name. */
    public static List<Listed> listed(List<Path> paths) {
        Set<String> used = new HashSet<>();
        return listFiles(paths, new ArrayList<>()).stream()
                .map(file -> new Listed(file, uniqueId(file, used), readableName(file))).toList();
    }

    private static List<Path> listFiles(List<Path> paths, List<IngestWarning> skipped) {
        Set<Path> files = new LinkedHashSet<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile)
                            .filter(f -> !f.getFileName().toString().startsWith("."))
                            .filter(f -> LIST_EXTENSIONS.contains(extension(f)))
                            .sorted()
                            .forEach(files::add);
                } catch (IOException e) {
                    skipped.add(new IngestWarning(path, 0, "folder cannot be read: " + e));
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                skipped.add(new IngestWarning(path, 0, "no such file or folder"));
            }
        }
        return List.copyOf(files);
    }

    /**
     * The format of a list's content ({@link ListFormat#label()}: markdown, text, bookmarks, csv, opml, bibtex), or
     * empty when it is in none Shelf reads (nor is text: empty, binary or undecodable content).
     *
     * @param fileName the file's name; its extension decides only where the content does not
     * @param content the file's bytes
     */
    public static Optional<String> formatOf(String fileName, byte[] content) {
        if (!(new SourceReader(Long.MAX_VALUE).read(content) instanceof SourceReader.Text read)) {
            return Optional.empty();
        }
        return FormatDetector.detect(fileName, read.text()).map(ListFormat::label);
    }

    private ParsedList parse(ListFormat format, Path file, String text) {
        return switch (format) {
            case MARKDOWN -> markdown.parse(file, text);
            case TEXT -> outline.parse(file, text);
            case BOOKMARKS -> bookmarks.parse(file, text);
            case CSV -> csv.parse(file, text);
            case OPML -> opml.parse(file, text);
            case BIBTEX -> bibtex.parse(file, text);
        };
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? name : name.substring(0, dot);
    }

    private static String uniqueId(Path file, Set<String> used) {
        String base = NOT_SLUG.matcher(stem(file).toLowerCase(Locale.ROOT)).replaceAll("-").replaceAll("^-|-$", "");
        if (base.isEmpty()) {
            base = "list";
        }
        String id = base;
        for (int n = 2; !used.add(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    private static String readableName(Path file) {
        return stem(file).replace('_', ' ').replace('-', ' ').strip();
    }

    /** Merges the entries of one resource as they come. */
    private static final class ResourceBuilder {
        private final String id;
        private final String title;
        private final String url;
        private final Kind kind;
        private final List<String> section;
        private final Set<String> links = new LinkedHashSet<>();
        private final Set<String> descriptions = new LinkedHashSet<>();
        private int descriptionChars;
        // A set: the same link written many times on one line is one mention.
        private final Set<Mention> mentions = new LinkedHashSet<>();
        private final Map<String, String> metadata = new LinkedHashMap<>();

        ResourceBuilder(String id, Entry first) {
            this.id = id;
            this.title = first.title();
            this.url = first.url();
            this.kind = first.kind();
            this.section = first.section();
        }

        ResourceBuilder add(Entry entry, Mention mention) {
            links.addAll(entry.links());
            if (!entry.description().isEmpty() && descriptionChars < EntryCollector.MAX_DESCRIPTION_CHARS
                    && descriptions.add(entry.description())) {
                descriptionChars += entry.description().length();
            }
            entry.metadata().forEach(metadata::putIfAbsent);
            mentions.add(mention);
            return this;
        }

        Resource build() {
            List<String> allLinks = new ArrayList<>();
            if (url != null) {
                allLinks.add(url);
            }
            links.stream().filter(l -> !l.equals(url)).forEach(allLinks::add);
            return new Resource(id, title, url, allLinks, String.join("\n", descriptions), kind, section,
                    List.copyOf(mentions), metadata);
        }
    }
}
