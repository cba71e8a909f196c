package dev.shelf.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The folder Shelf was started from by its launcher ({@code bin/shelf} in the distribution, {@code target/shelf} in
 * the repository), which passes it as {@value #PROPERTY}: every option whose default is a relative path (the models,
 * the bundled lists, the index beside them, the web page) then resolves that default against it, so the launcher works
 * from any current folder. Without the property ({@code java -jar target/shelf.jar}) the defaults stay relative to the
 * current folder. A path typed on the command line is always relative to the current folder.
 */
final class ShelfHome implements CommandLine.IDefaultValueProvider {

    /** The system property the launcher sets to the folder holding {@code models/}, {@code index/} and {@code web/}. */
    static final String PROPERTY = "shelf.home";

    private final Path home;

    ShelfHome(Path home) {
        this.home = home;
    }

    /** The home the launcher named, if it named one. */
    static Optional<ShelfHome> fromSystemProperty() {
        String home = System.getProperty(PROPERTY);
        return home == null || home.isBlank() ? Optional.empty() : Optional.of(new ShelfHome(Path.of(home)));
    }

    /**
     * The annotated default resolved against the home, for an option of paths whose default is relative; null (the
     * annotated default as it is) for anything else. A list's default is split as its values are ({@code --models}'
     * comma), each part resolved on its own.
     */
    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option) || option.defaultValue() == null || !holdsPaths(option)) {
            return null;
        }
        String split = option.splitRegex();
        List<String> parts = split.isEmpty() ? List.of(option.defaultValue())
                : Arrays.asList(option.defaultValue().split(split));
        // Joined again by the split pattern itself: a literal (",") for every option of paths Shelf has.
        return parts.stream().map(this::resolve).collect(Collectors.joining(split));
    }

    private String resolve(String path) {
        Path given = Path.of(path);
        return given.isAbsolute() ? path : home.resolve(given).toString();
    }

    private static boolean holdsPaths(OptionSpec option) {
        Class<?>[] elements = option.auxiliaryTypes();
        return option.type() == Path.class
                || (option.isMultiValue() && elements.length == 1 && elements[0] == Path.class);
    }
}
