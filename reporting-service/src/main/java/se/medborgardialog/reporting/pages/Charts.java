package se.medborgardialog.reporting.pages;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * Charts drawn on the server as inline SVG: no script, coloured by class from the page's stylesheet (so the strict
 * CSP holds), each with a {@code <title>} and {@code <desc>} naming it to screen readers ({@code role="img"},
 * {@code aria-labelledby}), the data itself in a table beside it. Every bar carries {@code data-label} and
 * {@code data-value} and a tooltip {@code <title>}. Every text written here is escaped.
 */
final class Charts {

    /** One series of a column chart: its name in the legend, its CSS class and one value per label. */
    record Series(String name, String cssClass, List<Long> values) {
    }

    private static final int PLOT_HEIGHT = 200;
    private static final int LEFT = 64;
    private static final int TOP = 16;
    private static final int BAR = 14;
    private static final int GAP = 3;
    private static final int GROUP_GAP = 18;

    private Charts() {
    }

    /** Grouped vertical columns: one group per label (a period), one column per series, a scale from zero. */
    static String columns(String id, String title, String description, List<String> labels, List<Series> series) {
        long max = 1;
        for (Series s : series) {
            for (long value : s.values()) {
                max = Math.max(max, value);
            }
        }
        long scale = niceCeiling(max);
        int groupWidth = series.size() * BAR + (series.size() - 1) * GAP + GROUP_GAP;
        int width = Math.max(360, LEFT + labels.size() * groupWidth + 16);
        int axisBottom = TOP + PLOT_HEIGHT;
        int height = axisBottom + 64;
        StringBuilder svg = open(id, title, description, width, height);
        for (int step = 0; step <= 4; step++) {
            long value = scale * step / 4;
            int y = axisBottom - (int) Math.round((double) value / scale * PLOT_HEIGHT);
            svg.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(width - 8)
                    .append("\" y1=\"").append(y).append("\" y2=\"").append(y).append("\"/>");
            svg.append("<text class=\"axis\" x=\"").append(LEFT - 6).append("\" y=\"").append(y + 4)
                    .append("\" text-anchor=\"end\">").append(escape(SwedishNumbers.count(value))).append("</text>");
        }
        for (int i = 0; i < labels.size(); i++) {
            int x0 = LEFT + GROUP_GAP / 2 + i * groupWidth;
            for (int j = 0; j < series.size(); j++) {
                Series s = series.get(j);
                long value = s.values().get(i);
                int h = (int) Math.round((double) value / scale * PLOT_HEIGHT);
                int x = x0 + j * (BAR + GAP);
                bar(svg, s.cssClass(), labels.get(i), Long.toString(value), x, axisBottom - h, BAR, h,
                        labels.get(i) + ": " + SwedishNumbers.count(value) + " " + s.name().toLowerCase(Locale.ROOT));
            }
            int centre = x0 + (groupWidth - GROUP_GAP) / 2;
            svg.append("<text class=\"axis\" x=\"").append(centre).append("\" y=\"").append(axisBottom + 16)
                    .append("\" text-anchor=\"middle\">").append(escape(labels.get(i))).append("</text>");
        }
        int legendX = LEFT;
        for (Series s : series) {
            svg.append("<rect class=\"").append(escape(s.cssClass())).append("\" x=\"").append(legendX)
                    .append("\" y=\"").append(height - 26).append("\" width=\"12\" height=\"12\"/>");
            svg.append("<text class=\"legend\" x=\"").append(legendX + 18).append("\" y=\"").append(height - 15)
                    .append("\">").append(escape(s.name())).append("</text>");
            legendX += 30 + 9 * s.name().length();
        }
        return svg.append("</svg>").toString();
    }

    /**
     * Horizontal bars, one per label, each from zero to its value on a scale up to {@code max}, with the value
     * written after it ({@code text}).
     */
    static String bars(String id, String title, String description, List<String> labels, List<Double> values,
                       double max, String cssClass, DoubleFunction<String> text) {
        int labelWidth = 190;
        int barWidth = 300;
        int row = 28;
        int width = labelWidth + barWidth + 110;
        int height = TOP + Math.max(1, labels.size()) * row + 8;
        StringBuilder svg = open(id, title, description, width, height);
        double scale = max <= 0 ? 1 : max;
        for (int i = 0; i < labels.size(); i++) {
            int y = TOP + i * row;
            double value = values.get(i);
            int w = (int) Math.round(value / scale * barWidth);
            svg.append("<text class=\"axis\" x=\"").append(labelWidth - 8).append("\" y=\"").append(y + 15)
                    .append("\" text-anchor=\"end\">").append(escape(shorten(labels.get(i)))).append("</text>");
            bar(svg, cssClass, labels.get(i), trim(value), labelWidth, y + 2, w, 18,
                    labels.get(i) + ": " + text.apply(value));
            svg.append("<text class=\"value\" x=\"").append(labelWidth + w + 6).append("\" y=\"").append(y + 15)
                    .append("\">").append(escape(text.apply(value))).append("</text>");
        }
        if (labels.isEmpty()) {
            svg.append("<text class=\"axis\" x=\"8\" y=\"").append(TOP + 14).append("\">Inga uppgifter</text>");
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String id, String title, String description, int width, int height) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"").append(escape(id))
                .append("\" role=\"img\" aria-labelledby=\"").append(escape(id)).append("-title ").append(escape(id))
                .append("-desc\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" preserveAspectRatio=\"xMinYMin meet\">");
        svg.append("<title id=\"").append(escape(id)).append("-title\">").append(escape(title)).append("</title>");
        svg.append("<desc id=\"").append(escape(id)).append("-desc\">").append(escape(description)).append("</desc>");
        return svg;
    }

    private static void bar(StringBuilder svg, String cssClass, String label, String value, int x, int y, int width,
                            int height, String tooltip) {
        svg.append("<rect class=\"bar ").append(escape(cssClass)).append("\" data-label=\"").append(escape(label))
                .append("\" data-value=\"").append(escape(value)).append("\" x=\"").append(x).append("\" y=\"")
                .append(y).append("\" width=\"").append(Math.max(0, width)).append("\" height=\"")
                .append(Math.max(0, height)).append("\"><title>").append(escape(tooltip)).append("</title></rect>");
    }

    /** 1, 2 or 5 times a power of ten, at least {@code max} (and at least 4): gridlines at round numbers. */
    static long niceCeiling(long max) {
        long power = 1;
        while (power * 10 < max) {
            power *= 10;
        }
        for (long factor : new long[] {1, 2, 5, 10}) {
            if (factor * power >= max) {
                return Math.max(4, factor * power);
            }
        }
        return Math.max(4, 10 * power);
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.4f", value);
    }

    private static String shorten(String label) {
        return label.length() <= 26 ? label : label.substring(0, 25) + "…";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
