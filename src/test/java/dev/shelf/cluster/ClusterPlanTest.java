package dev.shelf.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What a local cluster's configuration becomes before any process starts: each node's ports, folders and settings,
 * its JVM options, and the command that runs it as another user.
 */
class ClusterPlanTest {

    private static final Path WORK = Path.of("/srv/cluster");
    private static final ClusterPlan THREE = ClusterPlan.of("shelf-local", WORK, Ports.fixed(9200, 3));

    @Test
    void fixed_ports_count_up_from_the_first_with_transport_ports_a_hundred_above() {
        Ports ports = Ports.fixed(9200, 3);
        assertEquals(List.of(9200, 9201, 9202), ports.http());
        assertEquals(List.of(9300, 9301, 9302), ports.transport());
    }

    @Test
    void fixed_ports_past_the_last_port_are_refused() {
        assertThrows(IllegalArgumentException.class, () -> Ports.fixed(65_435, 3));
        assertThrows(IllegalArgumentException.class, () -> Ports.fixed(-1, 3));
    }

    @Test
    void each_node_has_its_name_ports_and_folder() {
        NodePlan second = THREE.nodes().get(1);
        assertEquals("node-1", second.name());
        assertEquals(URI.create("http://127.0.0.1:9201"), second.url());
        assertEquals("127.0.0.1:9301", second.transportAddress());
        assertEquals(WORK.resolve("node-1/config"), second.config());
        assertEquals(WORK.resolve("node-1/logs/shelf-local.log"), THREE.mainLog(second));
    }

    @Test
    void every_node_discovers_the_others_through_all_transport_ports_and_may_be_elected_first() {
        for (NodePlan node : THREE.nodes()) {
            Map<String, Object> settings = THREE.settings(node);
            assertEquals(List.of("127.0.0.1:9300", "127.0.0.1:9301", "127.0.0.1:9302"),
                    settings.get("discovery.seed_hosts"));
            assertEquals(List.of("node-0", "node-1", "node-2"), settings.get("cluster.initial_cluster_manager_nodes"));
        }
    }

    @Test
    void a_node_listens_on_loopback_only_with_its_own_ports_and_folders() {
        Map<String, Object> settings = THREE.settings(THREE.nodes().get(2));
        assertEquals("shelf-local", settings.get("cluster.name"));
        assertEquals("node-2", settings.get("node.name"));
        assertEquals("127.0.0.1", settings.get("network.host"));
        assertEquals("9202", settings.get("http.port"));
        assertEquals("9302", settings.get("transport.port"));
        assertEquals(WORK.resolve("node-2/data").toString(), settings.get("path.data"));
        assertEquals(WORK.resolve("node-2/logs").toString(), settings.get("path.logs"));
    }

    @Test
    void the_settings_are_written_as_quoted_yaml_lists_in_brackets() {
        String yml = THREE.opensearchYml(THREE.nodes().get(0));
        assertTrue(yml.startsWith("cluster.name: \"shelf-local\"\nnode.name: \"node-0\"\n"), yml);
        assertTrue(yml.contains("discovery.seed_hosts: [\"127.0.0.1:9300\", \"127.0.0.1:9301\", \"127.0.0.1:9302\"]\n"),
                yml);
        assertTrue(yml.contains("http.port: \"9200\"\n"), yml);
    }

    @Test
    void the_jvm_options_write_gc_logs_crash_files_and_heap_dumps_into_the_nodes_folders() {
        NodePlan node = THREE.nodes().get(0);
        String options = """
                -XX:HeapDumpPath=data
                -XX:ErrorFile=logs/hs_err_pid%p.log
                9-:-Xlog:gc*,gc+age=trace,safepoint:file=logs/gc.log:utctime,pid,tags:filecount=32,filesize=64m
                21-:-javaagent:agent/opensearch-agent.jar
                """;
        assertEquals("""
                -XX:HeapDumpPath=/srv/cluster/node-0/data
                -XX:ErrorFile=/srv/cluster/node-0/logs/hs_err_pid%p.log
                9-:-Xlog:gc*,gc+age=trace,safepoint:file=/srv/cluster/node-0/logs/gc.log:utctime,pid,tags:filecount=32,filesize=64m
                21-:-javaagent:agent/opensearch-agent.jar
                """, ClusterPlan.jvmOptions(options, node));
    }

    @Test
    void as_root_a_node_runs_through_setpriv_as_nobody_and_otherwise_as_it_is() {
        RunAs nobody = new RunAs(Optional.of(new RunAs.Account("nobody", "nogroup")));
        assertEquals(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--init-groups"), nobody.prefix());
        assertEquals(List.of(), RunAs.currentUser().prefix());
    }

    @Test
    void a_configuration_out_of_range_is_refused_before_anything_starts() {
        LocalCluster.Config config = LocalCluster.Config.of(new Distribution(Path.of("/opt/os"), Path.of("/opt/k.zip")),
                WORK);
        assertEquals(3, config.nodes());
        assertEquals(384, config.heapMb());
        assertEquals(0, config.firstHttpPort());
        assertThrows(IllegalArgumentException.class, () -> config.withNodes(0));
        assertThrows(IllegalArgumentException.class, () -> config.withHeapMb(64));
        assertThrows(IllegalArgumentException.class, () -> config.withClusterName("my cluster"));
        assertThrows(IllegalArgumentException.class, () -> config.withFirstHttpPort(65_500));
        IllegalArgumentException spaced = assertThrows(IllegalArgumentException.class,
                () -> LocalCluster.Config.of(new Distribution(Path.of("/opt/os"), Path.of("/opt/k.zip")),
                        Path.of("/srv/my cluster")));
        assertTrue(spaced.getMessage().contains("white space"), spaced::getMessage);
    }
}
