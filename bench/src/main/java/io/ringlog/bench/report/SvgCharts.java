package io.ringlog.bench.report;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

import java.util.List;
import java.util.Locale;

/**
 * The report's pictures, written as SVG text directly: no charting library to keep, and the files diff and render on
 * GitHub as they are.
 *
 * <ul>
 * <li>{@link #percentiles}: latency by percentile, one line per system, in the shape of HdrHistogram's plotter: the
 * x axis is {@code log10(1 / (1 - percentile))}, so 90%, 99%, 99.9%... are evenly spaced and the tail gets the room
 * it deserves; the y axis is logarithmic too, because the systems differ by orders of magnitude in the tail. The
 * line ends at the maximum, drawn at the last x tick.</li>
 * <li>{@link #bars}: one horizontal bar per system (throughput).</li>
 * </ul>
 */
public final class SvgCharts
{
    /** One line of the percentile chart: its label and its histogram of nanoseconds. */
    public record Curve(String label, Histogram nanos)
    {
    }

    /** One bar: its label, its value and the text printed at its end. */
    public record Bar(String label, double value, String text)
    {
    }

    private static final String[] COLOURS = {"#d62728", "#1f77b4", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"};
    private static final int WIDTH = 820;
    private static final int HEIGHT = 460;
    private static final int LEFT = 80;
    private static final int RIGHT = 30;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;
    /** The x axis ends at 99.999%: log10(1 / 1e-5). */
    private static final double X_MAX = 5;

    private SvgCharts()
    {
    }

    /** Latency by percentile for each curve, in microseconds on a log axis. */
    public static String percentiles(final String title, final List<Curve> curves)
    {
        double minUs = Double.MAX_VALUE;
        double maxUs = 1;
        for (final Curve c : curves)
        {
            if (c.nanos().getTotalCount() > 0)
            {
                minUs = Math.min(minUs, Math.max(1, c.nanos().getMinValue() / 1e3));
                maxUs = Math.max(maxUs, c.nanos().getMaxValue() / 1e3);
            }
        }
        final int loDecade = minUs == Double.MAX_VALUE ? 0 : (int)Math.floor(Math.log10(minUs));
        final int hiDecade = Math.max(loDecade + 1, (int)Math.ceil(Math.log10(maxUs)));
        final StringBuilder svg = header(title);
        final double plotW = WIDTH - LEFT - RIGHT;
        final double plotH = HEIGHT - TOP - BOTTOM;
        // y grid: decades in µs
        for (int d = loDecade; d <= hiDecade; d++)
        {
            final double y = TOP + plotH - (d - loDecade) * plotH / (hiDecade - loDecade);
            line(svg, LEFT, y, LEFT + plotW, y, "#ddd");
            text(svg, LEFT - 8, y + 4, "end", decadeLabel(d));
        }
        // x grid: 0%, 90%, 99%, ... 99.999%
        final String[] xLabels = {"0%", "90%", "99%", "99.9%", "99.99%", "99.999%"};
        for (int i = 0; i <= X_MAX; i++)
        {
            final double x = LEFT + i * plotW / X_MAX;
            line(svg, x, TOP, x, TOP + plotH, "#ddd");
            text(svg, x, TOP + plotH + 18, "middle", xLabels[i]);
        }
        text(svg, LEFT + plotW / 2, HEIGHT - 14, "middle", "percentile (the max is drawn at the right edge)");
        svg.append(String.format(Locale.ROOT, "<text x=\"18\" y=\"%.1f\" text-anchor=\"middle\" " +
            "transform=\"rotate(-90 18 %.1f)\">latency (log scale)</text>%n", TOP + plotH / 2, TOP + plotH / 2));
        int colour = 0;
        for (final Curve c : curves)
        {
            final String stroke = COLOURS[colour++ % COLOURS.length];
            if (c.nanos().getTotalCount() == 0)
            {
                continue;
            }
            final StringBuilder points = new StringBuilder();
            for (final HistogramIterationValue v : c.nanos().percentiles(5))
            {
                final double p = v.getPercentileLevelIteratedTo() / 100.0;
                final double xv = p >= 1 ? X_MAX : Math.min(X_MAX, Math.log10(1 / (1 - p)));
                point(points, xv, v.getValueIteratedTo() / 1e3, loDecade, hiDecade, plotW, plotH);
                if (p >= 1)
                {
                    break;
                }
            }
            point(points, X_MAX, c.nanos().getMaxValue() / 1e3, loDecade, hiDecade, plotW, plotH);
            svg.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(stroke)
                .append("\" points=\"").append(points.toString().trim()).append("\"/>\n");
        }
        legend(svg, curves);
        return svg.append("</svg>\n").toString();
    }

    /** Horizontal bars, longest = full width; each bar's text is printed after it. */
    public static String bars(final String title, final List<Bar> bars)
    {
        final int barH = 34;
        final int height = TOP + bars.size() * (barH + 14) + 20;
        final StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" " +
            "font-family=\"sans-serif\" font-size=\"13\">%n", WIDTH, height));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        text(svg, WIDTH / 2.0, 26, "middle", title);
        double max = 0;
        for (final Bar b : bars)
        {
            max = Math.max(max, b.value());
        }
        final int left = 120;
        final double width = WIDTH - left - 190;
        for (int i = 0; i < bars.size(); i++)
        {
            final Bar b = bars.get(i);
            final double y = TOP + i * (barH + 14);
            final double w = max <= 0 ? 0 : b.value() / max * width;
            text(svg, left - 8, y + barH / 2.0 + 4, "end", b.label());
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" " +
                "fill=\"%s\"/>%n", left, y, w, barH, COLOURS[i % COLOURS.length]));
            text(svg, left + w + 8, y + barH / 2.0 + 4, "start", b.text());
        }
        return svg.append("</svg>\n").toString();
    }

    private static StringBuilder header(final String title)
    {
        final StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" " +
            "font-family=\"sans-serif\" font-size=\"13\">%n", WIDTH, HEIGHT));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        text(svg, WIDTH / 2.0, 26, "middle", title);
        return svg;
    }

    private static void legend(final StringBuilder svg, final List<Curve> curves)
    {
        double y = TOP + 14;
        int colour = 0;
        for (final Curve c : curves)
        {
            final String stroke = COLOURS[colour++ % COLOURS.length];
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"26\" height=\"3\" fill=\"%s\"/>%n",
                LEFT + 14, y - 5.5, stroke));
            text(svg, LEFT + 46, y, "start", c.label());
            y += 18;
        }
    }

    private static void point(final StringBuilder points, final double xv, final double us, final int loDecade,
        final int hiDecade, final double plotW, final double plotH)
    {
        final double x = LEFT + xv / X_MAX * plotW;
        final double yv = (Math.log10(Math.max(us, Math.pow(10, loDecade))) - loDecade) / (hiDecade - loDecade);
        points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, TOP + plotH - yv * plotH));
    }

    private static String decadeLabel(final int decade)
    {
        if (decade < 3)
        {
            return (long)Math.pow(10, decade) + " µs";
        }
        if (decade < 6)
        {
            return (long)Math.pow(10, decade - 3) + " ms";
        }
        return (long)Math.pow(10, decade - 6) + " s";
    }

    private static void line(final StringBuilder svg, final double x1, final double y1, final double x2,
        final double y2, final String stroke)
    {
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>%n",
            x1, y1, x2, y2, stroke));
    }

    private static void text(final StringBuilder svg, final double x, final double y, final String anchor,
        final String s)
    {
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>%n", x, y,
            anchor, escape(s)));
    }

    static String escape(final String s)
    {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
