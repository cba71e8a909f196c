package dev.shelf.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * How long the topic map takes for a large made-up corpus: run by hand (not a test, so no timing is asserted),
 * {@code java -cp target/classes:target/test-classes:target/lib/* dev.shelf.map.MapScale 100000}. The vectors are
 * 384-d unit vectors in 200 blobs, the titles three words of the blob's own vocabulary.
 */
public final class MapScale {

    private MapScale() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int blobs = 200;
        float[][] vectors = Synthetic.blobs(blobs, (n + blobs - 1) / blobs, 384, 0.07, 11);
        SplittableRandom random = new SplittableRandom(5);
        List<MapInput> inputs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int blob = i / ((n + blobs - 1) / blobs);
            String title = "w" + blob + "x" + random.nextInt(4) + " w" + blob + "y" + random.nextInt(4) + " common";
            inputs.add(new MapInput("r" + i, title, "about w" + blob + "z", List.of("list"), vectors[i]));
        }
        for (int round = 1; round <= 2; round++) {
            long start = System.nanoTime();
            TopicMap map = TopicMapBuilder.build(inputs, Set.of(), TopicMapBuilder.SEED);
            System.out.printf("round %d: %d resources, %d topics in %.2f s%n", round, map.points().size(),
                    map.clusters().size(), (System.nanoTime() - start) / 1e9);
        }
    }
}
