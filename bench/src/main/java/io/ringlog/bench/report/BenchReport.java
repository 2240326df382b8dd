package io.ringlog.bench.report;

import io.ringlog.bench.ingest.ThroughputResult;
import io.ringlog.bench.latency.LatencyResult;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns one full bench run into {@code report.md} plus its SVG charts: throughput per system, latency percentiles
 * per fixed rate for every system on one chart, the engine's own service time, CPU and memory, and a table of the
 * issue's targets, each marked met or missed with the measured figure. Nothing is tuned or filtered here: every run
 * is reported, a failed one with its error.
 */
public final class BenchReport
{
    /** The rig's floor at 100k msg/s (p99 of a trivial receiver, issue 5 and LIBRARIES.md §7). */
    public static final long RIG_FLOOR_P99_NANOS = 450_000;

    /**
     * The latency runs at one load: a title ("100,000 msg/s"), a file-name slug (a fixed rate's slug is the rate),
     * one result per system, and each result's label in tables and charts (null: the system's name).
     */
    public record Section(String title, String slug, List<LatencyResult> results, List<String> labels)
    {
        public Section(final String title, final String slug, final List<LatencyResult> results)
        {
            this(title, slug, results, null);
        }

        String label(final int i)
        {
            return labels == null ? results.get(i).system : labels.get(i);
        }
    }

    private final String header;
    private final List<ThroughputResult> throughput;
    private final List<Section> sections;
    private final LatencyResult gcRun;

    /**
     * @param header     Markdown put first: when, where, the command, what shared the cores
     * @param throughput every as-fast-as-possible run, all systems, in the order run
     * @param sections   the fixed-rate latency runs
     * @param gcRun      the long ringlog run whose GC count is reported, or null
     */
    public BenchReport(final String header, final List<ThroughputResult> throughput, final List<Section> sections,
        final LatencyResult gcRun)
    {
        this.header = header;
        this.throughput = List.copyOf(throughput);
        this.sections = List.copyOf(sections);
        this.gcRun = gcRun;
    }

    /** Writes {@code report.md}, {@code throughput.svg} and one {@code latency-SLUG.svg} per section into dir. */
    public Path write(final Path dir) throws IOException
    {
        Files.createDirectories(dir);
        final Map<String, Double> rates = medians();
        final List<SvgCharts.Bar> bars = new ArrayList<>();
        for (final Map.Entry<String, Double> e : rates.entrySet())
        {
            bars.add(new SvgCharts.Bar(e.getKey(), e.getValue(), String.format(Locale.ROOT, "%.2fM msg/s",
                e.getValue() / 1e6)));
        }
        Files.writeString(dir.resolve("throughput.svg"), SvgCharts.bars(
            "Sustained ingest, one TCP connection, 200 B messages (median)", bars), StandardCharsets.UTF_8);
        for (final Section s : sections)
        {
            final List<SvgCharts.Curve> curves = new ArrayList<>();
            for (int i = 0; i < s.results().size(); i++)
            {
                final LatencyResult r = s.results().get(i);
                curves.add(new SvgCharts.Curve(String.format(Locale.ROOT, "%s @ %,d msg/s", s.label(i), r.rate),
                    r.histogram));
            }
            Files.writeString(dir.resolve("latency-" + s.slug() + ".svg"), SvgCharts.percentiles(
                "Scheduled send -> visible in the store, " + s.title(), curves), StandardCharsets.UTF_8);
        }
        final Path report = dir.resolve("report.md");
        Files.writeString(report, markdown(rates), StandardCharsets.UTF_8);
        return report;
    }

    String markdown(final Map<String, Double> rates)
    {
        final StringBuilder md = new StringBuilder(header).append('\n');
        md.append("## Targets\n\n").append(targets(rates)).append('\n');
        md.append("## Throughput\n\n![throughput](throughput.svg)\n\n");
        md.append("| system | runs (msg/s) | median msg/s | lost | CPU s / 1M msgs | peak RSS |\n");
        md.append("|---|---|---|---|---|---|\n");
        for (final Map.Entry<String, Double> e : rates.entrySet())
        {
            final StringBuilder runs = new StringBuilder();
            long lost = 0;
            final List<Double> cpu = new ArrayList<>();
            long rss = 0;
            for (final ThroughputResult t : throughput)
            {
                if (t.system.equals(e.getKey()))
                {
                    runs.append(runs.length() == 0 ? "" : " / ").append(t.ok() ? String.format(Locale.ROOT, "%,.0f",
                        t.msgsPerSec) : "failed: " + t.error);
                    lost += Math.max(0, t.lost);
                    cpu.add(t.cpuSecondsPerMillion);
                    rss = Math.max(rss, t.peakRssBytes);
                }
            }
            md.append(String.format(Locale.ROOT, "| %s | %s | **%,.0f** | %,d | %.2f | %d MB |%n", e.getKey(), runs,
                e.getValue(), lost, median(cpu), rss >> 20));
        }
        md.append('\n');
        for (final Section s : sections)
        {
            md.append("## Latency at ").append(s.title()).append("\n\n");
            md.append("![latency ").append(s.slug()).append("](latency-").append(s.slug()).append(".svg)\n\n");
            md.append("| system | rate | p50 | p90 | p99 | p99.9 | p99.99 | max | sent / missing / dup | " +
                "CPU s / 1M msgs | peak RSS | GCs |\n");
            md.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
            for (int i = 0; i < s.results().size(); i++)
            {
                final LatencyResult r = s.results().get(i);
                final Histogram h = r.histogram;
                md.append(String.format(Locale.ROOT, "| %s | %,d | %s | %s | %s | %s | %s | %s | %,d / %,d / %,d | " +
                    "%.2f | %d MB | %s |%n", s.label(i), r.rate, t(h, 50), t(h, 90), t(h, 99), t(h, 99.9),
                    t(h, 99.99), fmt(h.getMaxValue()), r.sent, r.missing, r.duplicates, cpuPerMillion(r),
                    r.peakRssBytes >> 20, r.gcCount < 0 ? "n/a" : Long.toString(r.gcCount)));
            }
            for (int i = 0; i < s.results().size(); i++)
            {
                final LatencyResult r = s.results().get(i);
                if (r.serviceTime != null && r.serviceTime.getTotalCount() > 0)
                {
                    final Histogram h = r.serviceTime;
                    md.append(String.format(Locale.ROOT, "| *%s engine service time* (receipt -> journaled) | " +
                        "%,d | %s | %s | %s | %s | %s | %s | %,d samples | | | |%n", s.label(i), r.rate, t(h, 50), t(h, 90),
                        t(h, 99), t(h, 99.9), t(h, 99.99), fmt(h.getMaxValue()), h.getTotalCount()));
                }
                if (r.error != null)
                {
                    md.append("\n**").append(r.system).append(" run failed:** ").append(r.error).append('\n');
                }
            }
            md.append('\n');
        }
        if (gcRun != null)
        {
            md.append("## Garbage collection\n\n").append(String.format(Locale.ROOT, "ringlog at %,d msg/s for %d s " +
                "after the warm-up, without the service-time interval log: **%s GCs** in the engine JVM during those " +
                "seconds (read from its hsperfdata); " +
                "%,d sent, %,d missing.%n%n", gcRun.rate, gcRun.seconds, gcRun.gcCount < 0 ? "unknown" :
                Long.toString(gcRun.gcCount), gcRun.sent, gcRun.missing));
        }
        return md.toString();
    }

    private String targets(final Map<String, Double> rates)
    {
        final StringBuilder md = new StringBuilder("| target | measured | |\n|---|---|---|\n");
        final double ringlog = rates.getOrDefault("ringlog", Double.NaN);
        double bestPeer = 0;
        String bestPeerName = null;
        for (final Map.Entry<String, Double> e : rates.entrySet())
        {
            if (!"ringlog".equals(e.getKey()) && e.getValue() > bestPeer)
            {
                bestPeer = e.getValue();
                bestPeerName = e.getKey();
            }
        }
        row(md, "throughput >= 1M msg/s journaled, zero loss over TCP", String.format(Locale.ROOT, "%,.0f msg/s",
            ringlog), ringlog >= 1e6 && lostNone("ringlog"));
        if (bestPeerName != null)
        {
            row(md, "throughput >= 3x the best peer", String.format(Locale.ROOT, "%.2fx %s (%,.0f msg/s)",
                ringlog / bestPeer, bestPeerName, bestPeer), ringlog >= 3 * bestPeer);
        }
        final Section s300 = section(300_000);
        if (s300 != null)
        {
            final LatencyResult r = result(s300, "ringlog");
            final LatencyResult p = bestPeer(s300, 99);
            if (r != null && p != null)
            {
                final long ours = r.histogram.getValueAtPercentile(99);
                final long theirs = p.histogram.getValueAtPercentile(99);
                row(md, "300k msg/s: p99 <= 1/10 of the best peer's", "ringlog " + fmt(ours) + ", " + p.system + " " +
                    fmt(theirs), r.ok() && ours * 10 <= theirs);
            }
        }
        final Section s100 = section(100_000);
        if (s100 != null)
        {
            final LatencyResult r = result(s100, "ringlog");
            final LatencyResult p = bestPeer(s100, 99.99);
            if (r != null && p != null)
            {
                final long ours = r.histogram.getValueAtPercentile(99.99);
                final long theirs = p.histogram.getValueAtPercentile(99.99);
                row(md, "100k msg/s: p99.99 below the best peer's", "ringlog " + fmt(ours) + ", " + p.system + " " +
                    fmt(theirs), r.ok() && ours < theirs);
            }
            if (r != null)
            {
                final long p99 = r.histogram.getValueAtPercentile(99);
                row(md, "100k msg/s: p99 at the rig's floor (~" + fmt(RIG_FLOOR_P99_NANOS) + ")", "ringlog " +
                    fmt(p99), r.ok() && p99 <= RIG_FLOOR_P99_NANOS * 11 / 10);
                if (r.serviceTime != null && r.serviceTime.getTotalCount() > 0)
                {
                    final long st99 = r.serviceTime.getValueAtPercentile(99);
                    final long st9999 = r.serviceTime.getValueAtPercentile(99.99);
                    row(md, "100k msg/s: engine service time p99 <= 100 µs", fmt(st99), st99 <= 100_000);
                    row(md, "100k msg/s: engine service time p99.99 <= 2 ms", fmt(st9999), st9999 <= 2_000_000);
                }
            }
        }
        if (gcRun != null && gcRun.gcCount >= 0)
        {
            row(md, "no GC in the engine during a " + gcRun.seconds + " s run", gcRun.gcCount + " GCs",
                gcRun.gcCount == 0);
        }
        return md.toString();
    }

    private static void row(final StringBuilder md, final String target, final String measured, final boolean met)
    {
        md.append("| ").append(target).append(" | ").append(measured).append(" | ").append(met ? "met" :
            "**missed**").append(" |\n");
    }

    private boolean lostNone(final String system)
    {
        boolean any = false;
        for (final ThroughputResult t : throughput)
        {
            if (t.system.equals(system))
            {
                any = true;
                if (!t.ok())
                {
                    return false;
                }
            }
        }
        return any;
    }

    private Section section(final int rate)
    {
        for (final Section s : sections)
        {
            if (s.slug().equals(Integer.toString(rate)))
            {
                return s;
            }
        }
        return null;
    }

    private static LatencyResult result(final Section s, final String system)
    {
        for (final LatencyResult r : s.results())
        {
            if (r.system.equals(system))
            {
                return r;
            }
        }
        return null;
    }

    /** The peer with the lowest value at {@code percentile} (runs that lost messages are not candidates). */
    private static LatencyResult bestPeer(final Section s, final double percentile)
    {
        LatencyResult best = null;
        for (final LatencyResult r : s.results())
        {
            if (!"ringlog".equals(r.system) && r.ok() && (best == null ||
                r.histogram.getValueAtPercentile(percentile) < best.histogram.getValueAtPercentile(percentile)))
            {
                best = r;
            }
        }
        return best;
    }

    /** Median msg/s of each system's clean runs (NaN when none was clean), in the order systems first ran. */
    Map<String, Double> medians()
    {
        final Map<String, Double> out = new LinkedHashMap<>();
        for (final ThroughputResult t : throughput)
        {
            out.computeIfAbsent(t.system, system -> medianRate(throughput, system));
        }
        return out;
    }

    /** Median msg/s of {@code system}'s clean runs; NaN when none was clean. */
    public static double medianRate(final List<ThroughputResult> runs, final String system)
    {
        final List<Double> l = new ArrayList<>();
        for (final ThroughputResult t : runs)
        {
            if (t.system.equals(system) && t.ok())
            {
                l.add(t.msgsPerSec);
            }
        }
        return median(l);
    }

    static double median(final List<Double> values)
    {
        if (values.isEmpty())
        {
            return Double.NaN;
        }
        final double[] a = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }

    private static double cpuPerMillion(final LatencyResult r)
    {
        final double measured = (double)r.rate * r.seconds;
        return measured == 0 ? 0 : r.cpuSeconds * 1e6 / measured;
    }

    private static String t(final Histogram h, final double percentile)
    {
        return fmt(h.getValueAtPercentile(percentile));
    }

    /** Nanoseconds as µs below 1 ms, else ms. */
    static String fmt(final long nanos)
    {
        return nanos < 1_000_000 ? String.format(Locale.ROOT, "%.0f µs", nanos / 1e3) :
            String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
    }
}
