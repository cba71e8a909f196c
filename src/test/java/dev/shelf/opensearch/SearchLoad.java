package dev.shelf.opensearch;

import dev.shelf.search.SearchMode;
import dev.shelf.search.SearchRequest;
import dev.shelf.search.SearchResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/** Clients that search without pause until stopped, counting searches and keeping every failure. */
final class SearchLoad implements AutoCloseable {

    static final List<String> QUESTIONS = List.of("how do I merge models", "fine-tune a 7B model on one GPU",
            "quantization to 4 bits", "retrieval augmented generation", "what is RLHF", "mixture of experts",
            "大模型 微调", "evaluate an LLM", "LoRA adapters", "speculative decoding");

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong searches = new AtomicLong();
    private final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    private final List<Thread> clients = new ArrayList<>();

    /** Starts {@code count} clients, each asking the questions in turn through {@code search}. */
    SearchLoad(int count, Function<SearchRequest, SearchResponse> search) {
        for (int c = 0; c < count; c++) {
            int offset = c;
            Thread client = new Thread(() -> {
                int i = offset;
                while (running.get()) {
                    String question = QUESTIONS.get(i++ % QUESTIONS.size());
                    try {
                        SearchResponse response = search.apply(SearchRequest.of(question, SearchMode.HYBRID, 10));
                        if (response.results().isEmpty()) {
                            throw new AssertionError("no result for " + question);
                        }
                        searches.incrementAndGet();
                    } catch (RuntimeException | AssertionError e) {
                        failures.add(e);
                    }
                }
            }, "search-load-" + c);
            client.setDaemon(true);
            client.start();
            clients.add(client);
        }
    }

    long searches() {
        return searches.get();
    }

    List<Throwable> failures() {
        return List.copyOf(failures);
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread client : clients) {
            client.join(60_000);
        }
    }
}
