package io.ringlog.tools;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a standard stream is a terminal, per file descriptor. {@code System.console()} cannot say (on Java 17 it
 * is null as soon as stdin is redirected, and it says nothing of stderr), so on Linux this reads where
 * {@code /proc/self/fd/N} points: a tty or pts device is a terminal; a pipe, file or socket is not. Colour and
 * progress bars go only to terminals, never into a pipe.
 */
public final class Terminal
{
    private Terminal()
    {
    }

    public static boolean isTerminal(final int fd)
    {
        try
        {
            final String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        }
        catch (final Exception e)
        {
            return false;
        }
    }

    /** stdout is a terminal and colour is not switched off by {@code NO_COLOR} or {@code TERM=dumb}. */
    public static boolean colourOnStdout()
    {
        final String noColour = System.getenv("NO_COLOR");
        return (noColour == null || noColour.isEmpty()) && !"dumb".equals(System.getenv("TERM")) && isTerminal(1);
    }
}
