package dev.shelf.map;

import dev.shelf.text.HtmlText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A static picture of a topic map: every resource a dot in its cluster's colour, each cluster's label at its place. */
public final class MapSvg {

    /**
     * Cluster colours, distinct on light and dark backgrounds (Tableau 20's strong half, then its light half); the web
     * UI's map uses the same list.
     */
    public static final List<String> PALETTE = List.of("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
            "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac", "#1f77b4", "#d62728", "#2ca02c", "#9467bd",
            "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#aec7e8", "#ffbb78");
    private static final int MARGIN = 40;
    /** The width of a character of a label, about, at 13 px. */
    private static final double CHAR_WIDTH = 7.5;

    private MapSvg() {
    }

    /** The colour of a cluster. */
    public static String colour(int cluster) {
        return PALETTE.get(Math.floorMod(cluster, PALETTE.size()));
    }

    /** The map as an SVG document {@code size} pixels square. */
    public static String render(TopicMap map, int size) {
        double inner = size - 2.0 * MARGIN;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(size).append("\" height=\"").append(size)
                .append("\" viewBox=\"0 0 ").append(size).append(' ').append(size).append("\" font-family=\"system-ui, sans-serif\">\n")
                .append("<title>Topic map: ").append(map.points().size()).append(" resources in ")
                .append(map.clusters().size()).append(" topics</title>\n")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        double radius = map.points().size() > 5000 ? 1.2 : 3;
        for (TopicMap.Cluster cluster : map.clusters()) {
            svg.append("<g fill=\"").append(colour(cluster.id())).append("\" fill-opacity=\"0.8\">");
            for (TopicMap.Point p : map.points()) {
                if (p.cluster() == cluster.id()) {
                    svg.append("<circle cx=\"").append(fmt(MARGIN + p.x() * inner)).append("\" cy=\"")
                            .append(fmt(MARGIN + p.y() * inner)).append("\" r=\"").append(radius).append("\"/>");
                }
            }
            svg.append("</g>\n");
        }
        svg.append("<g font-size=\"13\" font-weight=\"600\" text-anchor=\"middle\" fill=\"#1d1f23\" stroke=\"#ffffff\" "
                + "stroke-width=\"3\" paint-order=\"stroke\">\n");
        List<double[]> taken = new ArrayList<>();
        for (TopicMap.Cluster cluster : map.clusters()) {
            double width = cluster.label().length() * CHAR_WIDTH;
            double x = Math.max(width / 2 + 4, Math.min(size - width / 2 - 4, MARGIN + cluster.x() * inner)); // not cut
            double y = labelY(taken, x, MARGIN + cluster.y() * inner - 6, width);
            svg.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y)).append("\">")
                    .append(HtmlText.escape(cluster.label())).append("</text>\n");
        }
        return svg.append("</g>\n</svg>\n").toString();
    }

    /**
     * Where a label goes: at its place, or the nearest of a few places above and below it that no label drawn before
     * (a larger topic's) covers; at its place when all are covered, since a picture cannot zoom in to reveal it.
     */
    static double labelY(List<double[]> taken, double x, double y, double width) {
        for (double dy : new double[] {0, -16, 16, -32, 32}) {
            double top = y + dy;
            boolean free = taken.stream().noneMatch(t -> Math.abs(t[0] - x) < (t[2] + width) / 2 && Math.abs(t[1] - top) < 15);
            if (free) {
                taken.add(new double[] {x, top, width});
                return top;
            }
        }
        taken.add(new double[] {x, y, width});
        return y;
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
