package dev.shelf.search;

import java.util.List;
import java.util.Random;

/**
 * Generated hostile queries, repeatable from a seed: random UTF-16 units (lone surrogates, controls, RTL marks), random
 * code points, Lucene syntax fragments, words of the bundled lists and blanks. Shared by the search-core fuzz test and
 * the HTTP fuzz test.
 */
public final class HostileQueries {

    public static final long SEED = 20261122L;

    private static final List<String> FRAGMENTS = List.of("\"", "(", ")", "title:", "body:", "~", "~2", "^", "^3", "*",
            "?", "\\", "AND", "OR", "NOT", "&&", "||", "-", "+", "[", "]", "{", "}", "/", ":", "!", "TO", "\u202e",
            "\u200f", "\u0000", "\ud800", "\udfff", "模型", "ГГУФ", "😀", "%", "%%", "%zz", "'", ";", "<script>", "gguf",
            "lora");

    private HostileQueries() {
    }

    /** One query of 1 to 8 parts. */
    public static String next(Random random) {
        StringBuilder q = new StringBuilder();
        int parts = 1 + random.nextInt(8);
        for (int i = 0; i < parts; i++) {
            switch (random.nextInt(4)) {
                case 0 -> q.append(FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
                case 1 -> q.append((char) random.nextInt(0x10000));
                case 2 -> q.appendCodePoint(random.nextInt(Character.MAX_CODE_POINT + 1));
                default -> q.append(' ');
            }
        }
        return q.toString();
    }

    /** The first code points of a query in hex, for a failure message that survives any terminal. */
    public static String describe(String query) {
        return query.length() + " chars " + query.codePoints().limit(40).mapToObj(Integer::toHexString).toList();
    }
}
