package dev.shelf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shelf.bench.ShelfProcess;
import dev.shelf.search.BundledIndex;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code shelf serve} process binds loopback only unless told otherwise, and says loudly when told otherwise
 * that the API has no authentication.
 */
class ServeExposureIT {

    @TempDir
    Path scratch;

    private ServingProcess serve(String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("serve", "--port", "0", "--index",
                BundledIndex.get().root().toString()));
        args.addAll(List.of(extra));
        return ServingProcess.start(ShelfProcess.of(scratch, args.toArray(String[]::new)));
    }

    @Test
    void by_default_the_server_binds_loopback_only_and_warns_of_nothing() throws Exception {
        ServingProcess served = serve();
        try {
            assertTrue(served.output().stream().noneMatch(l -> l.contains("no authentication")), served.output()::toString);
            try (Socket loopback = new Socket()) {
                loopback.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), served.port()), 2000);
            }
            Optional<InetAddress> external = nonLoopbackAddress();
            if (external.isPresent()) {
                assertThrows(ConnectException.class, () -> {
                    try (Socket outside = new Socket()) {
                        outside.connect(new InetSocketAddress(external.get(), served.port()), 2000);
                    }
                }, "not reachable on " + external.get());
            }
        } finally {
            served.stop();
        }
    }

    @Test
    void any_other_host_is_served_with_a_warning_that_the_api_has_no_authentication() throws Exception {
        ServingProcess served = serve("--host", "0.0.0.0");
        try {
            String warning = served.output().stream().filter(l -> l.startsWith("warning: serving on 0.0.0.0"))
                    .findFirst().orElse(null);
            assertNotNull(warning, served.output()::toString);
            assertTrue(warning.contains("no authentication"), warning);
        } finally {
            served.stop();
        }
    }

    @Test
    void a_port_already_in_use_is_one_error_line_and_exit_status_1() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Process serve = ShelfProcess.of(scratch, "serve", "--port", Integer.toString(taken.getLocalPort()),
                    "--index", BundledIndex.get().root().toString()).redirectErrorStream(true).start();
            String output = new String(serve.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(serve.waitFor(60, TimeUnit.SECONDS), "serve gives up on a taken port");
            assertEquals(1, serve.exitValue(), output);
            List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
            assertEquals(List.of("error: port " + taken.getLocalPort() + " on 127.0.0.1 is in use: stop what holds it,"
                    + " or give --port another (--port 0 takes a free one)"), lines.subList(lines.size() - 1,
                    lines.size()), output);
            assertTrue(lines.stream().noneMatch(l -> l.startsWith("\tat ") || l.contains("Exception")), output);
        }
    }

    @Test
    void loopback_names_are_recognised_as_loopback() {
        for (String host : List.of("127.0.0.1", "localhost", "::1", "[::1]", "127.1.2.3")) {
            assertTrue(ServeCommand.isLoopback(host), host);
        }
        for (String host : List.of("0.0.0.0", "::", "192.168.1.10", "example.org")) {
            assertFalse(ServeCommand.isLoopback(host), host);
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address) {
                        return Optional.of(address);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
