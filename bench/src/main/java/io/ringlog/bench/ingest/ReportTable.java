package io.ringlog.bench.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders runs as a Markdown table, one row per system and configuration, medians over the runs. */
public final class ReportTable
{
    private ReportTable()
    {
    }

    /** Rows in the order configurations first ran; medians over the runs that completed. */
    public static String table(final List<RunResult> results)
    {
        final Map<String, List<RunResult>> groups = group(results);
        final StringBuilder sb = new StringBuilder();
        sb.append("| system | config | msgs/s per run | median msgs/s | CPU s per 1M msgs (median) | " +
            "peak RSS MB (max) | idle CPU, cores (median) | loss (all runs) | exit codes |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|\n");
        for (final List<RunResult> runs : groups.values())
        {
            final RunResult first = runs.get(0);
            final StringBuilder perRun = new StringBuilder();
            final StringBuilder exits = new StringBuilder();
            long loss = 0;
            long rss = -1;
            for (final RunResult r : runs)
            {
                perRun.append(perRun.length() == 0 ? "" : " / ").append(r.error() == null ? fmt(r.msgsPerSec()) : "FAIL");
                exits.append(exits.length() == 0 ? "" : ",").append(r.exitCode());
                loss += r.loss();
                rss = Math.max(rss, r.peakRssBytes());
            }
            sb.append("| ").append(first.system())
                .append(" | ").append(first.config())
                .append(" | ").append(perRun)
                .append(" | ").append(fmt(medianRate(runs)))
                .append(" | ").append(String.format(Locale.ROOT, "%.2f", median(runs, Metric.CPU_PER_MILLION)))
                .append(" | ").append(rss < 0 ? "-" : String.format(Locale.ROOT, "%.0f", rss / 1048576.0))
                .append(" | ").append(idle(runs))
                .append(" | ").append(loss)
                .append(" | ").append(exits)
                .append(" |\n");
        }
        return sb.toString();
    }

    /** "ringlog (config) / best peer = x.xx" for the first ringlog configuration, or null without a peer. */
    public static String ratio(final List<RunResult> results)
    {
        List<RunResult> ringlog = null;
        List<RunResult> best = null;
        for (final List<RunResult> runs : group(results).values())
        {
            if ("ringlog".equals(runs.get(0).system()))
            {
                ringlog = ringlog == null ? runs : ringlog;
            }
            else if (best == null || medianRate(runs) > medianRate(best))
            {
                best = runs;
            }
        }
        if (ringlog == null || best == null)
        {
            return null;
        }
        return String.format(Locale.ROOT, "median throughput ringlog (%s) / best peer, %s = %s / %s = **%.2f**",
            ringlog.get(0).config(), best.get(0).system(), fmt(medianRate(ringlog)), fmt(medianRate(best)),
            medianRate(ringlog) / medianRate(best));
    }

    /** One line per run with the store's own accounting, for the report's detail section. */
    public static String details(final List<RunResult> results)
    {
        final StringBuilder sb = new StringBuilder();
        for (final RunResult r : results)
        {
            sb.append("- ").append(r.system()).append(" (").append(r.config()).append(") run ").append(r.run())
                .append(": expected ").append(r.expected()).append(", ")
                .append(r.verification() == null ? "no verification" : r.verification().detail())
                .append(String.format(Locale.ROOT, ", timed CPU %.2f s", r.cpuSeconds()))
                .append(r.error() == null ? "" : ", ERROR: " + r.error()).append('\n');
        }
        return sb.toString();
    }

    private static Map<String, List<RunResult>> group(final List<RunResult> results)
    {
        final Map<String, List<RunResult>> groups = new LinkedHashMap<>();
        for (final RunResult r : results)
        {
            groups.computeIfAbsent(r.system() + "|" + r.config(), k -> new ArrayList<>()).add(r);
        }
        return groups;
    }

    private enum Metric
    {
        RATE, CPU_PER_MILLION, IDLE
    }

    static double medianRate(final List<RunResult> runs)
    {
        return median(runs, Metric.RATE);
    }

    private static String idle(final List<RunResult> runs)
    {
        final double m = median(runs, Metric.IDLE);
        return Double.isNaN(m) ? "-" : String.format(Locale.ROOT, "%.3f", m);
    }

    private static double median(final List<RunResult> runs, final Metric metric)
    {
        final double[] v = new double[runs.size()];
        int n = 0;
        for (final RunResult r : runs)
        {
            final double x = metric == Metric.RATE ? r.msgsPerSec() :
                metric == Metric.CPU_PER_MILLION ? r.cpuSecondsPerMillion() : r.idleCores();
            if (r.error() == null && !Double.isNaN(x))
            {
                v[n++] = x;
            }
        }
        if (n == 0)
        {
            return Double.NaN;
        }
        final double[] s = Arrays.copyOf(v, n);
        Arrays.sort(s);
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    static String fmt(final double msgsPerSec)
    {
        return Double.isNaN(msgsPerSec) ? "-" : String.format(Locale.ROOT, "%,.0f", msgsPerSec);
    }
}
