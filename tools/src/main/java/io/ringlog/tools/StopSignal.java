package io.ringlog.tools;

import sun.misc.Signal;

/**
 * Ctrl-C (SIGINT) and SIGTERM as a request to stop, for the commands that run until told to ({@code tail -f},
 * {@code forward}): the handler only sets a flag that the read loop polls, so the command flushes its output or
 * writes its checkpoint and exits 0 rather than dying with 130 or 143 half-way through a line.
 */
public final class StopSignal
{
    private static volatile boolean requested;
    private static boolean installed;

    private StopSignal()
    {
    }

    /** Installs the handlers (once per JVM) and clears any earlier request. */
    public static synchronized void install()
    {
        requested = false;
        if (!installed)
        {
            try
            {
                Signal.handle(new Signal("INT"), s -> requested = true);
                Signal.handle(new Signal("TERM"), s -> requested = true);
            }
            catch (final IllegalArgumentException e)
            {
                // the JVM reserves a signal (-Xrs): the default behaviour stays, and that is all
            }
            installed = true;
        }
    }

    /** True once a stop was requested since {@link #install()}. */
    public static boolean requested()
    {
        return requested;
    }

    /** Requests a stop as a signal would: for tests that run a follower in-process. */
    public static void request()
    {
        requested = true;
    }
}
