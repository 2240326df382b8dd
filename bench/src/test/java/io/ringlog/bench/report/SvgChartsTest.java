package io.ringlog.bench.report;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SvgChartsTest
{
    private static Document parse(final String svg) throws Exception
    {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
            .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static double[][] points(final Element polyline)
    {
        final String[] pairs = polyline.getAttribute("points").trim().split(" ");
        final double[][] out = new double[pairs.length][];
        for (int i = 0; i < pairs.length; i++)
        {
            final String[] xy = pairs[i].split(",");
            out[i] = new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])};
        }
        return out;
    }

    @Test
    void percentileCurvesRiseToTheMaxAtTheRightEdgeAndTheSlowerSystemIsHigher() throws Exception
    {
        final Histogram fast = new Histogram(3);
        final Histogram slow = new Histogram(3);
        for (int i = 1; i <= 100_000; i++)
        {
            fast.recordValue(100_000 + i);           // 100-200 µs
            slow.recordValue(1_000_000 + 10L * i);   // 1-2 ms
        }
        slow.recordValue(50_000_000);                // one 50 ms stall
        final String svg = SvgCharts.percentiles("a <title> & more", List.of(
            new SvgCharts.Curve("fast", fast), new SvgCharts.Curve("slow", slow), new SvgCharts.Curve("empty",
                new Histogram(3))));
        final Document doc = parse(svg); // well-formed, title escaped
        final NodeList lines = doc.getElementsByTagName("polyline");
        assertEquals(2, lines.getLength(), "one line per non-empty curve");
        final double[][] f = points((Element)lines.item(0));
        final double[][] s = points((Element)lines.item(1));
        for (final double[][] curve : new double[][][] {f, s})
        {
            for (int i = 1; i < curve.length; i++)
            {
                assertTrue(curve[i][0] >= curve[i - 1][0], "x never goes back");
                assertTrue(curve[i][1] <= curve[i - 1][1] + 0.01, "latency never falls with the percentile (y up)");
            }
        }
        assertEquals(f[f.length - 1][0], s[s.length - 1][0], 0.01, "both end at the right edge");
        assertTrue(s[s.length - 1][1] < f[f.length - 1][1], "the 50 ms max is drawn above the fast max");
        assertTrue(s[0][1] < f[0][1], "the slow median is above the fast one");
        assertTrue(svg.contains("a &lt;title&gt; &amp; more"));
        assertTrue(svg.contains(">100 µs<") && svg.contains(">100 ms<"), "decade labels from 100 µs to 100 ms");
    }

    @Test
    void barsAreProportional() throws Exception
    {
        final String svg = SvgCharts.bars("throughput", List.of(new SvgCharts.Bar("ringlog", 1_500_000, "1.50M/s"),
            new SvgCharts.Bar("rsyslog", 500_000, "0.50M/s")));
        final NodeList rects = parse(svg).getElementsByTagName("rect");
        assertEquals(3, rects.getLength(), "background + 2 bars");
        final double a = Double.parseDouble(((Element)rects.item(1)).getAttribute("width"));
        final double b = Double.parseDouble(((Element)rects.item(2)).getAttribute("width"));
        assertEquals(3.0, a / b, 0.01);
    }
}
