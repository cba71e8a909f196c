package dev.shelf.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * The protocol stream, keeping count of the client's requests not yet answered: a client that sends its last requests
 * and closes its input at once (a script, or a client shutting down) still gets their answers, since the server ends
 * only once they are written. Each message is one line; a line written with the id of an open request and a result or
 * an error answers it. NOTE: thread-safe; writers lock on this stream, as the SDK's transport does on its output.
 */
final class PendingRequests extends FilterOutputStream {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Set<String> open = new HashSet<>();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    PendingRequests(OutputStream protocol) {
        super(protocol);
    }

    /** A request with this id was read from the client. */
    synchronized void requested(JsonNode id) {
        open.add(id.toString());
    }

    @Override
    public synchronized void write(int b) throws IOException {
        out.write(b);
        if (b == '\n') {
            answered(line.toByteArray());
            line.reset();
        } else {
            line.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }

    private void answered(byte[] message) {
        try {
            JsonNode node = JSON.readTree(message);
            if (node != null && node.has("id") && (node.has("result") || node.has("error"))
                    && open.remove(node.get("id").toString())) {
                notifyAll();
            }
        } catch (IOException notJson) {
            // not a message of ours to count
        }
    }

    /** Waits until every request read so far is answered, or the time is up; true when none is left open. */
    synchronized boolean awaitAnswered(Duration limit) throws InterruptedException {
        long until = System.nanoTime() + limit.toNanos();
        while (!open.isEmpty()) {
            long left = until - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
