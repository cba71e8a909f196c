package dev.shelf.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
 * Reads reading lists (files, or folders of {@code .md}/{@code .markdown}/{@code .txt} files) into deduplicated
 * resources: one per canonical URL across all lists, each keeping every mention. A file that cannot be read is
 * reported and skipped; an entry that cannot be read costs only that entry. NOTE: instances are thread-safe.
 */
public final class Ingester {

    /** Files larger than this are not reading lists and are skipped. */
    public static final long MAX_FILE_BYTES = SourceReader.DEFAULT_MAX_BYTES;

    private static final Set<String> LIST_EXTENSIONS = Set.of("md", "markdown", "txt", "text");
    private static final Pattern MARKDOWN_SIGNS = Pattern.compile(
            "(?m)^\\s{0,3}(#{1,6}\\s|\\|.*\\||[*+-]\\s+\\[)|\\]\\((https?:|#)");
    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");

    private final SourceReader reader;
    private final MarkdownParser markdown = new MarkdownParser();
    private final OutlineParser outline = new OutlineParser();

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
            read.problems().forEach(p -> warnings.add(new IngestWarning(file, p.line(), p.message())));
            ParsedList parsed;
            try {
                parsed = isMarkdown(file, text) ? markdown.parse(file, text) : outline.parse(file, text);
            } catch (RuntimeException | StackOverflowError e) {
                skipped.add(new IngestWarning(file, 0, "could not be parsed: " + e));
                continue;
            }
            Source source = new Source(uniqueId(file, usedIds), parsed.name() != null ? parsed.name() : readableName(file), file);
            sources.add(source);
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
     * The format of a reading list offered as a file (an upload): {@code markdown} or {@code text}, or empty when it
     * is in no supported format (another extension, binary, not UTF-8, or blank).
     */
    public static Optional<String> formatOf(String fileName, byte[] content) {
        // Kept self-contained: the formats branch replaces this with its own detection at merge.
        int dot = fileName.lastIndexOf('.');
        String ext = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (!LIST_EXTENSIONS.contains(ext) || content.length == 0) {
            return Optional.empty();
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
        if (text.isBlank() || text.indexOf('\u0000') >= 0) {
            return Optional.empty();
        }
        return Optional.of(ext.equals("md") || ext.equals("markdown") || MARKDOWN_SIGNS.matcher(text).find()
                ? "markdown" : "text");
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

    private static boolean isMarkdown(Path file, String text) {
        String ext = extension(file);
        return ext.equals("md") || ext.equals("markdown") || MARKDOWN_SIGNS.matcher(text).find();
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
