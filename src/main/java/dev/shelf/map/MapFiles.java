package dev.shelf.map;

import dev.shelf.chunk.Chunk;
import dev.shelf.ingest.Resource;
import dev.shelf.ingest.Source;
import dev.shelf.works.Works;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;

/** Writes a build's {@code map.json}: from the previous build when nothing it depends on changed, else anew. */
public final class MapFiles {

    private MapFiles() {
    }

    /**
     * Writes the topic map of the resources into the build folder.
     *
     * @param previous the build served before, whose map is copied when its fingerprint matches; may be null
     * @param chunks every passage of the resources
     * @param vectorOf the vector of the chunk at an index of {@code chunks}
     * @return whether the map was computed (false: copied from {@code previous})
     */
    public static boolean write(Path build, Path previous, List<Resource> resources, List<Source> sources,
                                List<Chunk> chunks, IntFunction<float[]> vectorOf) throws IOException {
        List<MapInput> inputs = inputs(resources, chunks, vectorOf);
        Set<String> excluded = listWords(sources);
        String fingerprint = TopicMapBuilder.fingerprint(inputs, excluded, TopicMapBuilder.SEED);
        Optional<TopicMap> before = previous == null ? Optional.empty() : TopicMap.read(previous);
        if (before.isPresent() && before.get().version() == TopicMap.VERSION && fingerprint.equals(before.get().inputs())) {
            Files.copy(previous.resolve(TopicMap.FILE), build.resolve(TopicMap.FILE), StandardCopyOption.REPLACE_EXISTING);
            return false;
        }
        TopicMapBuilder.build(inputs, excluded, TopicMapBuilder.SEED).write(build);
        return true;
    }

    /**
     * Copies the previous build's map, if it has one, into a build published before its new passages had vectors: the
     * map of the lists as they were, until the complete build draws the new one.
     */
    public static void keepPrevious(Path build, Path previous) throws IOException {
        if (previous != null && Files.isRegularFile(previous.resolve(TopicMap.FILE))) {
            Files.copy(previous.resolve(TopicMap.FILE), build.resolve(TopicMap.FILE), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * One input per work that has passages, its vector the normalized mean of its passages' vectors: a work listed at
     * several addresses ({@link Works}) is one point, at its first copy, in the lists of all its copies.
     */
    public static List<MapInput> inputs(List<Resource> resources, List<Chunk> chunks, IntFunction<float[]> vectorOf) {
        Map<String, List<float[]>> vectors = new HashMap<>();
        for (int i = 0; i < chunks.size(); i++) {
            vectors.computeIfAbsent(chunks.get(i).resourceId(), id -> new ArrayList<>()).add(vectorOf.apply(i));
        }
        Works works = Works.of(resources);
        Map<String, List<String>> workLists = new HashMap<>();
        for (Resource resource : resources) {
            workLists.computeIfAbsent(works.workOf(resource.id()), id -> new ArrayList<>()).addAll(resource.listIds());
        }
        List<MapInput> inputs = new ArrayList<>(resources.size());
        for (Resource resource : resources) {
            List<float[]> own = vectors.get(resource.id());
            if (own != null && works.workOf(resource.id()).equals(resource.id())) {
                inputs.add(new MapInput(resource.id(), resource.title(),
                        resource.description() == null ? "" : resource.description(),
                        workLists.get(resource.id()).stream().distinct().toList(), Vectors.normalizedMean(own)));
            }
        }
        return inputs;
    }

    /** The words of the lists' names: a label saying which list a topic comes from says nothing of its subject. */
    static Set<String> listWords(List<Source> sources) {
        Set<String> words = new HashSet<>();
        for (Source source : sources) {
            for (String word : TopicLabels.words(source.name() + " " + source.id(), Set.of())) {
                words.add(word);
                words.add(word + "s"); // "llm" in a list's name, "llms" in its entries
            }
        }
        return words;
    }
}
