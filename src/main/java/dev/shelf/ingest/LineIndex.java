package dev.shelf.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The 1-based line of a character offset in a text, for parsers whose library reports offsets rather than lines
 * (Commons CSV records, StAX locations, jbibtex not at all).
 */
final class LineIndex {

    private final int[] starts;

    LineIndex(String text) {
        List<Integer> found = new ArrayList<>();
        found.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                found.add(i + 1);
            }
        }
        starts = found.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The line holding the character at the offset (by binary search over the offsets where lines start). */
    int lineOf(long offset) {
        int at = Arrays.binarySearch(starts, (int) Math.min(offset, Integer.MAX_VALUE));
        return at >= 0 ? at + 1 : -at - 1;
    }
}
