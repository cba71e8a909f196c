package dev.shelf.cli;

import dev.shelf.embed.Encoders;
import dev.shelf.index.IndexLayout;
import dev.shelf.map.MapSvg;
import dev.shelf.map.TopicMap;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code shelf map}: the topic map of the index, its topics listed and, with {@code --svg}, drawn into a file. */
@Command(name = "map", mixinStandardHelpOptions = true,
        description = "List the topics of the index's topic map and, with --svg, draw the map as an SVG picture.")
final class MapCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private Workspace workspace;

    @Option(names = "--svg", paramLabel = "FILE", description = "Write the map as an SVG picture to FILE.")
    private Path svg;

    @Option(names = "--size", paramLabel = "PIXELS", defaultValue = "1000",
            description = "Width and height of the picture (default: ${DEFAULT-VALUE}).")
    private int size;

    @Override
    public Integer call() throws Exception {
        if (size < 200 || size > 20_000) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--size must be from 200 to 20000 pixels, got " + size);
        }
        PrintWriter out = spec.commandLine().getOut();
        IndexLayout layout = workspace.layout();
        if (layout.needsBuild()) {
            try (Encoders encoders = workspace.encoders()) {
                workspace.buildIfMissing(encoders, spec.commandLine().getErr());
            }
        }
        Path build = layout.current().orElseThrow(() -> new IOException("no complete index in " + layout.root()));
        TopicMap map = TopicMap.read(build).orElseThrow(() -> new IOException("the index in " + layout.root()
                + " was built before topic maps existed: run `shelf index` to build it again"));
        out.printf("%d resources in %d topics%n", map.points().size(), map.clusters().size());
        for (TopicMap.Cluster cluster : map.clusters()) {
            out.printf("%5d  %s%n", cluster.size(), cluster.label());
        }
        if (svg != null) {
            Files.writeString(svg, MapSvg.render(map, size));
            out.println("wrote " + svg);
        }
        out.flush();
        return 0;
    }
}
