package dev.shelf.map;

import java.util.PriorityQueue;

/** Picks the best few of many scores without sorting them all. */
final class Nearest {

    private Nearest() {
    }

    /**
     * The indices of the {@code k} highest scores, highest first; ties go to the lower index, so the answer does not
     * depend on anything but the scores.
     */
    static int[] top(double[] scores, int k) {
        int size = Math.min(k, scores.length);
        // The root is the worst kept: the lowest score, and of equal scores the highest index.
        PriorityQueue<Integer> kept = new PriorityQueue<>(size + 1, (a, b) -> scores[a] != scores[b]
                ? Double.compare(scores[a], scores[b]) : Integer.compare(b, a));
        for (int i = 0; i < scores.length; i++) {
            if (kept.size() < size) {
                kept.add(i);
            } else if (size > 0 && (scores[i] > scores[kept.peek()])) {
                kept.poll();
                kept.add(i);
            }
        }
        int[] best = new int[kept.size()];
        for (int r = best.length - 1; r >= 0; r--) {
            best[r] = kept.poll();
        }
        return best;
    }
}
