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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The resources that are one work at different addresses (a blog post and its mirrors, a paper's abstract and its PDF,
 * a notebook on Colab and on GitHub), found once per build so that a search only looks them up. Two links are one work
 * when their addresses are one copy's ({@link WorkAddress}: an arXiv id, a known mirror pattern), or when they are of
 * one form that a title names ({@link WorkAddress.Form#sameByTitle}) and their titles have one key ({@link WorkTitle}),
 * unless something tells the two works apart: two ids in one scheme ({@link WorkAddress#identity}: two arXiv ids, two
 * GitHub repositories, two Colab notebooks) or two authors. One work is what such joins make; a join by title is
 * checked against every resource of both works, so no chain of titles joins what an id keeps apart. Concepts and prose sections are never grouped: they are a list's own words, not an
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

    /** Whether no two resources of the build are one work. */
    public boolean noCopies() {
        return groups.isEmpty();
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
        int n = resources.size();
        WorkAddress[] addresses = new WorkAddress[n];
        Map<String, List<Integer>> byAddress = new LinkedHashMap<>();
        Map<String, List<Integer>> byTitle = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            Resource r = resources.get(i);
            if (r.kind() != Kind.LINK || r.url() == null) {
                continue;
            }
            int index = i;
            WorkAddress.of(r.url()).ifPresent(address -> {
                addresses[index] = address;
                byAddress.computeIfAbsent("address " + address.key(), k -> new ArrayList<>()).add(index);
                if (address.form().sameByTitle()) {
                    WorkTitle.key(r.title()).ifPresent(title -> byTitle.computeIfAbsent("title "
                            + address.form().name().toLowerCase(Locale.ROOT) + " \"" + title + "\"",
                            k -> new ArrayList<>()).add(index));
                }
            });
        }
        Grouping grouping = new Grouping(resources, addresses);
        // One address is one copy: nothing vetoes it. A title only joins works that nothing tells apart.
        byAddress.forEach((key, members) -> grouping.join(key, members, false));
        byTitle.forEach((key, members) -> grouping.join(key, members, true));
        return new Works(grouping.groups());
    }

    /** Union-find over resource indexes, with the evidence of each join and the vetoes of a join by title. */
    private static final class Grouping {
        private final List<Resource> resources;
        private final WorkAddress[] addresses;
        private final int[] parent;
        private final Map<Integer, List<Integer>> members = new HashMap<>();
        private final Map<Integer, Set<String>> evidence = new HashMap<>();

        Grouping(List<Resource> resources, WorkAddress[] addresses) {
            this.resources = resources;
            this.addresses = addresses;
            this.parent = new int[resources.size()];
            for (int i = 0; i < parent.length; i++) {
                parent[i] = i;
                members.put(i, new ArrayList<>(List.of(i)));
            }
        }

        void join(String key, List<Integer> indexes, boolean vetoable) {
            for (int other : indexes.subList(1, indexes.size())) {
                int a = root(parent, indexes.get(0));
                int b = root(parent, other);
                if (a == b || vetoable && apart(members.get(a), members.get(b))) {
                    continue;
                }
                parent[b] = a;
                members.get(a).addAll(members.remove(b));
                Set<String> joined = evidence.computeIfAbsent(a, k -> new LinkedHashSet<>());
                joined.addAll(evidence.getOrDefault(b, Set.of()));
                evidence.remove(b);
                joined.add(key);
            }
        }

        /** Whether any two resources of the two groups are told apart: two ids in one scheme, or two authors. */
        private boolean apart(List<Integer> one, List<Integer> other) {
            for (int x : one) {
                for (int y : other) {
                    if (differ(addresses[x].identity(), addresses[y].identity())
                            || twoAuthors(WorkTitle.author(resources.get(x).title()),
                            WorkTitle.author(resources.get(y).title()))) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** Two ids in one scheme that are not one id. */
        private static boolean differ(Optional<WorkAddress.Identity> a, Optional<WorkAddress.Identity> b) {
            return a.isPresent() && b.isPresent() && a.get().scheme().equals(b.get().scheme())
                    && !a.get().value().equals(b.get().value());
        }

        /** Two authors named, and not one. */
        private static boolean twoAuthors(Optional<String> a, Optional<String> b) {
            return a.isPresent() && b.isPresent() && !a.equals(b);
        }

        /** The groups of two or more, each in the order its resources were read. */
        List<Group> groups() {
            List<Group> groups = new ArrayList<>();
            for (int i = 0; i < parent.length; i++) {
                if (parent[i] != i || members.get(i).size() < 2) {
                    continue;
                }
                List<String> ids = members.get(i).stream().sorted().map(k -> resources.get(k).id()).distinct()
                        .toList();
                if (ids.size() > 1) {
                    groups.add(new Group(ids, List.copyOf(evidence.getOrDefault(i, Set.of()))));
                }
            }
            return groups;
        }
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
