package dev.shelf.map;

import dev.shelf.text.Sha256;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Computes a {@link TopicMap} from resources and their vectors: k-means++ topics, a UMAP layout and c-TF-IDF labels.
 * Up to {@link #SAMPLE} resources everything is exact. Above that the clustering and the layout run on a fixed random
 * sample of {@link #SAMPLE} (UMAP's exact neighbours cost n²), every resource joins its nearest centroid, and each
 * resource outside the sample is placed at the similarity-weighted mean of its three nearest sampled resources of the
 * same cluster, nudged a little so that equal places do not stack. Deterministic for a seed.
 */
public final class TopicMapBuilder {

    /** The most resources laid out and clustered exactly. */
    public static final int SAMPLE = 3000;
    /** The seed every build uses, so an unchanged corpus gets the same map. */
    public static final long SEED = 42;
    private static final int PLACING_NEIGHBOURS = 3;
    /** How sharply the nearest sampled resource dominates a placement (weights exp(SHARPNESS * (sim - best))). */
    private static final double SHARPNESS = 30;
    private static final double NUDGE = 0.004;

    private TopicMapBuilder() {
    }

    /**
     * The topic map of the inputs.
     *
     * @param excluded words no label may use (besides stop words), e.g. the words of the lists' names
     */
    public static TopicMap build(List<MapInput> inputs, Set<String> excluded, long seed) {
        String fingerprint = fingerprint(inputs, excluded, seed);
        int n = inputs.size();
        if (n == 0) {
            return new TopicMap(TopicMap.VERSION, fingerprint, List.of(), List.of());
        }
        float[][] vectors = inputs.stream().map(MapInput::vector).toArray(float[][]::new);
        int[] sample = sample(n, seed);
        float[][] sampled = Arrays.stream(sample).mapToObj(i -> vectors[i]).toArray(float[][]::new);

        int[] cluster = bySize(Clusters.assign(vectors, Clusters.centroids(sampled, Clusters.count(n), seed)));
        double[][] sampleLayout = Umap.layout(sampled, seed);
        double[][] xy = place(vectors, cluster, sample, sampleLayout, seed);
        fit(xy);

        int clusters = Arrays.stream(cluster).max().orElse(-1) + 1;
        int[] sizes = new int[clusters];
        List<Map<String, Integer>> counts = new ArrayList<>();
        for (int c = 0; c < clusters; c++) {
            counts.add(new HashMap<>());
        }
        for (int i = 0; i < n; i++) {
            sizes[cluster[i]]++;
            MapInput input = inputs.get(i);
            for (String word : TopicLabels.words(input.title() + "\n" + input.description(), excluded)) {
                counts.get(cluster[i]).merge(word, 1, Integer::sum);
            }
        }
        List<String> labels = TopicLabels.labels(counts, sizes);
        List<TopicMap.Cluster> topics = new ArrayList<>();
        for (int c = 0; c < clusters; c++) {
            double[] centre = labelPlace(xy, cluster, c);
            topics.add(new TopicMap.Cluster(c, labels.get(c), sizes[c], round(centre[0]), round(centre[1])));
        }
        List<TopicMap.Point> points = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            MapInput input = inputs.get(i);
            points.add(new TopicMap.Point(input.id(), input.title(), input.sources(), round(xy[i][0]), round(xy[i][1]),
                    cluster[i]));
        }
        return new TopicMap(TopicMap.VERSION, fingerprint, points, topics);
    }

    /** A hash of everything the map is computed from, and of how ({@link TopicMap#VERSION}). */
    public static String fingerprint(List<MapInput> inputs, Set<String> excluded, long seed) {
        MessageDigest digest = Sha256.digest();
        digest.update(("v" + TopicMap.VERSION + "/" + seed + "/" + new TreeSet<>(excluded))
                .getBytes(StandardCharsets.UTF_8));
        for (MapInput input : inputs) {
            digest.update((input.id() + "\0" + input.title() + "\0" + input.description() + "\0" + input.sources() + "\0")
                    .getBytes(StandardCharsets.UTF_8));
            ByteBuffer bytes = ByteBuffer.allocate(input.vector().length * Float.BYTES);
            bytes.asFloatBuffer().put(input.vector());
            digest.update(bytes.array());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The indices laid out exactly, ascending: all of them, or a seeded random {@link #SAMPLE} of them. */
    static int[] sample(int n, long seed) {
        if (n <= SAMPLE) {
            return IntStream.range(0, n).toArray();
        }
        int[] all = IntStream.range(0, n).toArray();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < SAMPLE; i++) {
            int j = i + random.nextInt(n - i);
            int swap = all[i];
            all[i] = all[j];
            all[j] = swap;
        }
        int[] chosen = Arrays.copyOf(all, SAMPLE);
        Arrays.sort(chosen);
        return chosen;
    }

    /** Cluster numbers renumbered largest first (ties by the old number), empty clusters dropped. */
    static int[] bySize(int[] cluster) {
        int k = Arrays.stream(cluster).max().orElse(-1) + 1;
        int[] sizes = new int[k];
        for (int c : cluster) {
            sizes[c]++;
        }
        Integer[] order = IntStream.range(0, k).boxed().toArray(Integer[]::new);
        Arrays.sort(order, (a, b) -> sizes[a] != sizes[b] ? Integer.compare(sizes[b], sizes[a]) : Integer.compare(a, b));
        int[] renumber = new int[k];
        for (int rank = 0; rank < k; rank++) {
            renumber[order[rank]] = rank;
        }
        return Arrays.stream(cluster).map(c -> renumber[c]).toArray();
    }

    /** Every resource's place: the sample's own, the rest near their nearest sampled neighbours of the same cluster. */
    private static double[][] place(float[][] vectors, int[] cluster, int[] sample, double[][] sampleLayout, long seed) {
        int n = vectors.length;
        double[][] xy = new double[n][];
        Map<Integer, List<Integer>> sampledByCluster = new HashMap<>();
        Set<Integer> inSample = new HashSet<>();
        for (int s = 0; s < sample.length; s++) {
            xy[sample[s]] = sampleLayout[s];
            inSample.add(sample[s]);
            sampledByCluster.computeIfAbsent(cluster[sample[s]], c -> new ArrayList<>()).add(s);
        }
        if (inSample.size() == n) {
            return xy;
        }
        List<Integer> everyone = IntStream.range(0, sample.length).boxed().toList();
        double extent = Arrays.stream(sampleLayout).mapToDouble(p -> Math.max(Math.abs(p[0]), Math.abs(p[1]))).max().orElse(1);
        IntStream.range(0, n).parallel().filter(i -> !inSample.contains(i)).forEach(i -> {
            List<Integer> candidates = sampledByCluster.getOrDefault(cluster[i], everyone);
            double[] sims = new double[candidates.size()];
            for (int c = 0; c < sims.length; c++) {
                sims[c] = Vectors.dot(vectors[i], vectors[sample[candidates.get(c)]]);
            }
            int[] best = Nearest.top(sims, PLACING_NEIGHBOURS);
            double x = 0;
            double y = 0;
            double total = 0;
            for (int b : best) {
                double w = StrictMath.exp(SHARPNESS * (sims[b] - sims[best[0]]));
                x += w * sampleLayout[candidates.get(b)][0];
                y += w * sampleLayout[candidates.get(b)][1];
                total += w;
            }
            // A nudge from the resource's own index: the same every build, different for each resource.
            SplittableRandom own = new SplittableRandom(seed ^ (i * 0x9E3779B97F4A7C15L));
            xy[i] = new double[] {x / total + (own.nextDouble() - 0.5) * NUDGE * extent,
                    y / total + (own.nextDouble() - 0.5) * NUDGE * extent};
        });
        return xy;
    }

    /** Scales and moves the layout into [0, 1], proportions kept, centred on the shorter axis. */
    static void fit(double[][] xy) {
        double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (double[] p : xy) {
            minX = Math.min(minX, p[0]);
            maxX = Math.max(maxX, p[0]);
            minY = Math.min(minY, p[1]);
            maxY = Math.max(maxY, p[1]);
        }
        double span = Math.max(Math.max(maxX - minX, maxY - minY), 1e-12);
        double padX = (1 - (maxX - minX) / span) / 2;
        double padY = (1 - (maxY - minY) / span) / 2;
        for (double[] p : xy) {
            p[0] = (p[0] - minX) / span + padX;
            p[1] = (p[1] - minY) / span + padY;
        }
    }

    /** Where a cluster's label goes: its member nearest to the members' coordinate-wise median (on a member, never between islands). */
    private static double[] labelPlace(double[][] xy, int[] cluster, int c) {
        double[] xs = IntStream.range(0, xy.length).filter(i -> cluster[i] == c).mapToDouble(i -> xy[i][0]).sorted().toArray();
        double[] ys = IntStream.range(0, xy.length).filter(i -> cluster[i] == c).mapToDouble(i -> xy[i][1]).sorted().toArray();
        double mx = xs[xs.length / 2];
        double my = ys[ys.length / 2];
        double[] best = null;
        double bestDist = Double.POSITIVE_INFINITY;
        for (int i = 0; i < xy.length; i++) {
            if (cluster[i] == c) {
                double d = (xy[i][0] - mx) * (xy[i][0] - mx) + (xy[i][1] - my) * (xy[i][1] - my);
                if (d < bestDist) {
                    bestDist = d;
                    best = xy[i];
                }
            }
        }
        return best;
    }

    private static double round(double value) {
        return Math.round(value * 100_000) / 100_000.0;
    }
}
