package io.ringlog.engine.it;

import io.ringlog.engine.counters.Counter;
import io.ringlog.engine.counters.CountersFile;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code java -jar ringlogd.jar ...} as a real process, as a user runs it: no JVM flags, its own working
 * directory. Reads the "listening on" line for the ports it got.
 */
public final class RinglogdProcess implements AutoCloseable
{
    private static final Pattern LISTENING =
        Pattern.compile("ringlogd listening on(?: tcp://[^ ]+:(\\d+))?(?: udp://[^ ]+:(\\d+))?, journal (.+) \\(");

    public final Process process;
    public final String firstLine;
    public final int tcpPort;
    public final int udpPort;
    public final Path journal;
    public final Path stderr;

    private RinglogdProcess(final Process process, final String firstLine, final Path stderr)
    {
        this.process = process;
        this.firstLine = firstLine;
        this.stderr = stderr;
        final Matcher m = firstLine == null ? null : LISTENING.matcher(firstLine);
        if (m == null || !m.find())
        {
            tcpPort = -1;
            udpPort = -1;
            journal = null;
            return;
        }
        tcpPort = m.group(1) == null ? -1 : Integer.parseInt(m.group(1));
        udpPort = m.group(2) == null ? -1 : Integer.parseInt(m.group(2));
        journal = Path.of(m.group(3));
    }

    public static Path jar()
    {
        final Path jar = Path.of(System.getProperty("ringlogd.jar", "target/ringlogd.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar))
        {
            throw new IllegalStateException(jar + " not built: run `mvn package` (failsafe runs after it)");
        }
        return jar;
    }

    public static String java()
    {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Starts {@code java -jar ringlogd.jar args} in {@code workDir}; waits for its first stdout line. */
    public static RinglogdProcess start(final Path workDir, final String... args) throws IOException
    {
        final List<String> cmd = new ArrayList<>(List.of(java(), "-jar", jar().toString()));
        cmd.addAll(Arrays.asList(args));
        return start(workDir, cmd, null);
    }

    public static RinglogdProcess start(final Path workDir, final List<String> cmd, final Path home) throws IOException
    {
        final Path err = Files.createTempFile(workDir, "ringlogd", ".err");
        final ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile())
            .redirectError(err.toFile());
        if (home != null)
        {
            pb.environment().put("HOME", home.toString());
        }
        final Process p = pb.start();
        final BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        final String line = out.readLine(); // null if it exited
        final Thread drain = new Thread(() ->
        {
            try
            {
                while (out.readLine() != null)
                {
                    // keep the pipe from filling
                }
            }
            catch (final IOException ignore)
            {
                // process gone
            }
        });
        drain.setDaemon(true);
        drain.start();
        return new RinglogdProcess(p, line, err);
    }

    /** A TCP connection to the engine's port on loopback, TCP_NODELAY as a syslog sender would. */
    public Socket connect() throws IOException
    {
        final Socket s = new Socket(InetAddress.getLoopbackAddress(), tcpPort);
        s.setTcpNoDelay(true);
        return s;
    }

    /** One counter, read from the counters file beside the journal (as {@code ringlog stat} reads it). */
    public long counter(final Counter c)
    {
        return CountersFile.read(journal).get(c);
    }

    /**
     * Waits (up to 10 s) until journaled + filtered + dropped reaches {@code n}; returns the final count, so a
     * test asserts it and a shortfall shows how many went missing.
     */
    public long awaitAccounted(final long n) throws InterruptedException
    {
        final long deadline = System.nanoTime() + 10_000_000_000L;
        long accounted = 0;
        while (System.nanoTime() < deadline)
        {
            final long[] v = CountersFile.read(journal).values;
            accounted = v[Counter.JOURNALED.id()] + v[Counter.FILTERED.id()] + Counter.dropped(v);
            if (accounted >= n)
            {
                return accounted;
            }
            Thread.sleep(5);
        }
        return accounted;
    }

    public String stderrText() throws IOException
    {
        return Files.readString(stderr);
    }

    /** SIGTERM and wait; returns the exit code. */
    public int terminate() throws InterruptedException
    {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS))
        {
            process.destroyForcibly();
            throw new IllegalStateException("ringlogd did not stop within 60 s of SIGTERM");
        }
        return process.exitValue();
    }

    /** kill -9 and wait. */
    public void kill() throws InterruptedException
    {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public int waitForExit() throws InterruptedException
    {
        if (!process.waitFor(60, TimeUnit.SECONDS))
        {
            process.destroyForcibly();
            throw new IllegalStateException("ringlogd did not exit");
        }
        return process.exitValue();
    }

    /** Kills the process and anything it started (under unshare the JVM is a child, and outlives its parent). */
    @Override
    public void close()
    {
        process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        if (process.isAlive())
        {
            process.destroyForcibly();
        }
    }

    static File file(final Path p)
    {
        return p.toFile();
    }
}
