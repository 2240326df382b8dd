package io.ringlog.bench.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time and peak memory of another process from Linux {@code /proc}: {@code utime + stime} (all threads, in
 * clock ticks, field 14 and 15 of {@code /proc/PID/stat}) and {@code VmHWM} (peak resident set) of
 * {@code /proc/PID/status}. Tick resolution is 1/CLK_TCK s (10 ms at the usual 100 Hz), fine for runs of seconds.
 */
public final class ProcStats
{
    private static final long TICKS_PER_SECOND = clockTicks();

    private ProcStats()
    {
    }

    /** CPU seconds (user + system, every thread) the process has used so far. */
    public static double cpuSeconds(final long pid) throws IOException
    {
        final String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        // the command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'
        final String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        final long utime = Long.parseLong(f[11]);
        final long stime = Long.parseLong(f[12]);
        return (utime + stime) / (double)TICKS_PER_SECOND;
    }

    /** Peak resident set size in bytes ({@code VmHWM}), or -1 when the kernel does not report it. */
    public static long peakRssBytes(final long pid) throws IOException
    {
        for (final String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")))
        {
            if (line.startsWith("VmHWM:"))
            {
                final String kb = line.substring(6).trim().split("\\s+")[0];
                return Long.parseLong(kb) * 1024L;
            }
        }
        return -1;
    }

    public static long ticksPerSecond()
    {
        return TICKS_PER_SECOND;
    }

    private static long clockTicks()
    {
        try
        {
            final Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            final String out = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor();
            return Long.parseLong(out);
        }
        catch (final IOException | NumberFormatException e)
        {
            return 100;
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
