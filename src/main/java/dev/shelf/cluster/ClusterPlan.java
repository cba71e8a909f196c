package dev.shelf.cluster;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The nodes of a local cluster and the settings each one starts with: loopback only, its own ports and folders,
 * discovery through every node's transport port and, for the first start, every node eligible as cluster manager.
 * Pure: nothing here touches a file or a socket.
 */
record ClusterPlan(String clusterName, List<NodePlan> nodes) {

    ClusterPlan {
        nodes = List.copyOf(nodes);
    }

    /** Node {@code i} is named {@code node-i} and lives in {@code work/node-i}. */
    static ClusterPlan of(String clusterName, Path work, Ports ports) {
        List<NodePlan> nodes = IntStream.range(0, ports.http().size())
                .mapToObj(i -> new NodePlan("node-" + i, ports.http().get(i), ports.transport().get(i),
                        work.resolve("node-" + i)))
                .toList();
        return new ClusterPlan(clusterName, nodes);
    }

    /** The node's settings, in the order {@code opensearch.yml} lists them; a value is a String or a List of them. */
    Map<String, Object> settings(NodePlan node) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("cluster.name", clusterName);
        settings.put("node.name", node.name());
        // Loopback keeps OpenSearch in development mode: its bootstrap checks (file descriptors, mmap count) only warn.
        settings.put("network.host", "127.0.0.1");
        settings.put("http.port", Integer.toString(node.httpPort()));
        settings.put("transport.port", Integer.toString(node.transportPort()));
        settings.put("path.data", node.data().toString());
        settings.put("path.logs", node.logs().toString());
        settings.put("discovery.seed_hosts", nodes.stream().map(NodePlan::transportAddress).toList());
        // Read only when the cluster forms for the first time; a restart finds its cluster in its data folder.
        settings.put("cluster.initial_cluster_manager_nodes", nodes.stream().map(NodePlan::name).toList());
        // The nodes share one disk: past its watermarks (85% full) replicas would stay unassigned, the cluster yellow.
        settings.put("cluster.routing.allocation.disk.threshold_enabled", "false");
        return settings;
    }

    /** The settings as the node's {@code opensearch.yml}, every value a quoted YAML string. */
    String opensearchYml(NodePlan node) {
        return settings(node).entrySet().stream()
                .map(setting -> setting.getKey() + ": " + yamlValue(setting.getValue()) + "\n")
                .collect(Collectors.joining());
    }

    /**
     * The distribution's {@code jvm.options} with the paths it gives relative to the distribution's folder (the GC log
     * and crash files in {@code logs/}, heap dumps in {@code data}) moved into the node's own folders: the nodes would
     * otherwise share those files, in a folder their user may not write.
     */
    static String jvmOptions(String distributionOptions, NodePlan node) {
        return distributionOptions.replace("=logs/", "=" + node.logs() + "/")
                .replace("-XX:HeapDumpPath=data", "-XX:HeapDumpPath=" + node.data());
    }

    /** The node's main log file, as OpenSearch's log4j2.properties names it. */
    Path mainLog(NodePlan node) {
        return node.logs().resolve(clusterName + ".log");
    }

    private static String yamlValue(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(item -> quoted(item.toString())).collect(Collectors.joining(", ", "[", "]"));
        }
        return quoted(value.toString());
    }

    private static String quoted(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
