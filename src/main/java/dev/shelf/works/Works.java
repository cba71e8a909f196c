package dev.shelf.works;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.shelf.ingest.Kind;
import dev.shelf.ingest.Resource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The resources that are one work at different addresses (a blog post and its mirrors, a paper's abstract and its PDF,
 * a notebook on Colab and on GitHub), found once per build so that a search only looks them up. Two links are one work
 * when their addresses are one copy's ({@link WorkAddress}: an arXiv id, a known mirror pattern), or when they are of
 * one form that a title names ({@link WorkAddress.Form#sameByTitle}) and their titles have one key ({@link WorkTitle});
 * one work is what such pairs join. Concepts and prose sections are never grouped: they are a list's own words, not an
 * address. A resource in no group is a work of its own. NOTE: immutable.
 */
public final class Works {

    /** The file of a build folder that keeps them. */
    public static final String FILE = "works.json";
    /** No resource shares its work with another. */
    public static final Works NONE = new Works(List.of());

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final List<Group> groups;
    private final Map<String, Group> byId = new HashMap<>();

    /**
     * One work listed at several addresses.
     *
     * @param ids its resources, in the order they were read (two or more)
     * @param evidence what joined them: each address key or title key two of them share
     */
    public record Group(@JsonProperty("ids") List<String> ids, @JsonProperty("evidence") List<String> evidence) {
        public Group {
            ids = List.copyOf(ids);
            evidence = List.copyOf(evidence);
        }
    }

    @JsonCreator
    public Works(@JsonProperty("groups") List<Group> groups) {
        this.groups = List.copyOf(groups);
        for (Group group : this.groups) {
            group.ids().forEach(id -> byId.put(id, group));
        }
    }

    @JsonProperty("groups")
    public List<Group> groups() {
        return groups;
    }

    /** The resource's group, with itself first; just itself when it is a work of its own. */
    public List<String> members(String id) {
        Group group = byId.get(id);
        if (group == null) {
            return List.of(id);
        }
        List<String> members = new ArrayList<>(group.ids().size());
        members.add(id);
        group.ids().stream().filter(other -> !other.equals(id)).forEach(members::add);
        return members;
    }

    /** Whether the resource shares its work with another. */
    public boolean hasCopies(String id) {
        return byId.containsKey(id);
    }

    /** The work's name: the id of its first resource (the same for every copy), or the resource's own id. */
    public String workOf(String id) {
        Group group = byId.get(id);
        return group == null ? id : group.ids().get(0);
    }

    /** Groups the resources into works. */
    public static Works of(List<Resource> resources) {
        Map<String, List<Integer>> byKey = new LinkedHashMap<>();
        for (int i = 0; i < resources.size(); i++) {
            Resource r = resources.get(i);
            if (r.kind() != Kind.LINK || r.url() == null) {
                continue;
            }
            int index = i;
            WorkAddress.of(r.url()).ifPresent(address -> {
                byKey.computeIfAbsent("address " + address.key(), k -> new ArrayList<>()).add(index);
                if (address.form().sameByTitle()) {
                    WorkTitle.key(r.title()).ifPresent(title -> byKey.computeIfAbsent(
                            "title " + address.form().name().toLowerCase(java.util.Locale.ROOT) + " \"" + title + "\"",
                            k -> new ArrayList<>()).add(index));
                }
            });
        }
        int[] parent = new int[resources.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        Map<Integer, Set<String>> evidence = new HashMap<>();
        byKey.forEach((key, members) -> {
            for (int member : members.subList(1, members.size())) {
                parent[root(parent, member)] = root(parent, members.get(0));
            }
            if (members.size() > 1) {
                evidence.computeIfAbsent(members.get(0), k -> new LinkedHashSet<>()).add(key);
            }
        });
        Map<Integer, List<String>> ids = new LinkedHashMap<>();
        Map<Integer, Set<String>> reasons = new HashMap<>();
        for (int i = 0; i < resources.size(); i++) {
            int root = root(parent, i);
            ids.computeIfAbsent(root, k -> new ArrayList<>()).add(resources.get(i).id());
            reasons.computeIfAbsent(root, k -> new LinkedHashSet<>()).addAll(evidence.getOrDefault(i, Set.of()));
        }
        List<Group> groups = new ArrayList<>();
        ids.forEach((root, members) -> {
            List<String> distinct = members.stream().distinct().toList();
            if (distinct.size() > 1) {
                groups.add(new Group(distinct, List.copyOf(reasons.get(root))));
            }
        });
        return new Works(groups);
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** Writes them into a build folder. */
    public void write(Path build) throws IOException {
        Files.writeString(build.resolve(FILE), JSON.writeValueAsString(this));
    }

    /** The works of a build folder; {@link #NONE} for a build that has no file of them. */
    public static Works read(Path build) throws IOException {
        Path file = build.resolve(FILE);
        return Files.isRegularFile(file) ? JSON.readValue(file.toFile(), Works.class) : NONE;
    }
}
