package dev.shelf.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The HTTP and transport port of each node, on 127.0.0.1: either fixed, counting up from a first HTTP port with the
 * transport ports {@value #TRANSPORT_OFFSET} above (OpenSearch's own 9200 and 9300), or free ones the system hands out.
 */
record Ports(List<Integer> http, List<Integer> transport) {

    /** The distance from a node's HTTP port to its transport port when the ports are fixed. */
    static final int TRANSPORT_OFFSET = 100;

    Ports {
        http = List.copyOf(http);
        transport = List.copyOf(transport);
        if (http.size() != transport.size()) {
            throw new IllegalArgumentException("one HTTP and one transport port a node: " + http + ", " + transport);
        }
    }

    /** Node {@code i} gets HTTP port {@code firstHttp + i} and transport port {@code firstHttp + 100 + i}. */
    static Ports fixed(int firstHttp, int nodes) {
        int last = firstHttp + TRANSPORT_OFFSET + nodes - 1;
        if (firstHttp < 1 || last > 65_535) {
            throw new IllegalArgumentException("ports " + firstHttp + " to " + last + " are not all valid ports");
        }
        return new Ports(IntStream.range(0, nodes).mapToObj(i -> firstHttp + i).toList(),
                IntStream.range(0, nodes).mapToObj(i -> firstHttp + TRANSPORT_OFFSET + i).toList());
    }

    /**
     * Two free ports a node. Every probe socket stays open until all are taken, so the system cannot hand out the same
     * port twice; a port can still be taken by someone else before the node binds it, which a local cluster accepts.
     */
    static Ports free(int nodes) throws IOException {
        List<ServerSocket> probes = new ArrayList<>();
        try {
            for (int i = 0; i < 2 * nodes; i++) {
                ServerSocket probe = new ServerSocket();
                probes.add(probe);
                probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            }
            List<Integer> ports = probes.stream().map(ServerSocket::getLocalPort).toList();
            return new Ports(ports.subList(0, nodes), ports.subList(nodes, 2 * nodes));
        } finally {
            for (ServerSocket probe : probes) {
                probe.close();
            }
        }
    }

    /** Fails, naming the port, when one of them is already bound on 127.0.0.1 (another cluster, a dev node). */
    void requireFree() throws IOException {
        for (int port : all()) {
            try (ServerSocket probe = new ServerSocket()) {
                probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            } catch (IOException e) {
                throw new IOException("port " + port + " on 127.0.0.1 is in use: stop what holds it, or choose other"
                        + " ports", e);
            }
        }
    }

    List<Integer> all() {
        List<Integer> all = new ArrayList<>(http);
        all.addAll(transport);
        return all;
    }
}
