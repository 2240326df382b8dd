package io.ringlog.tools;

import java.io.PrintStream;

/**
 * A progress bar on stderr for long runs ({@code forward}, {@code verify}, {@code stats}): drawn only when stderr
 * is a terminal, at most five times a second, and erased at the end, so nothing of it reaches a pipe or a log file.
 * {@link #NONE} draws nothing. Single-threaded.
 */
public class Progress
{
    /** Draws nothing. */
    public static final Progress NONE = new Progress(null, "");

    private static final long REDRAW_NANOS = 200_000_000L;
    private static final int WIDTH = 30;

    private final PrintStream err;
    private final String label;
    private long total;
    private long startNanos;
    private long lastDrawNanos;
    private boolean drawn;

    Progress(final PrintStream err, final String label)
    {
        this.err = err;
        this.label = label;
    }

    /** A bar on {@code err} when stderr is a terminal, else {@link #NONE}. */
    public static Progress onTerminal(final PrintStream err, final String label)
    {
        return Terminal.isTerminal(2) ? new Progress(err, label) : NONE;
    }

    public void start(final long totalRecords)
    {
        total = totalRecords;
        startNanos = System.nanoTime();
        lastDrawNanos = startNanos;
    }

    public void update(final long done)
    {
        if (err == null)
        {
            return;
        }
        final long now = System.nanoTime();
        if (now - lastDrawNanos < REDRAW_NANOS)
        {
            return;
        }
        lastDrawNanos = now;
        final double fraction = total <= 0 ? 0 : Math.min(1.0, done / (double)total);
        final int filled = (int)(fraction * WIDTH);
        final double seconds = Math.max(1e-9, (now - startNanos) / 1e9);
        err.print("\r" + label + " [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " +
            (int)(fraction * 100) + "% " + done + "/" + total + " records, " + (long)(done / seconds) + "/s ");
        err.flush();
        drawn = true;
    }

    public void finish()
    {
        if (err != null && drawn)
        {
            err.print("\r\u001b[2K");
            err.flush();
            drawn = false;
        }
    }
}
