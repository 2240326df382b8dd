package io.ringlog.bench.tail;

import io.ringlog.bench.ingest.CountersView;
import io.ringlog.engine.counters.Counter;
import org.HdrHistogram.Histogram;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How soon {@code ringlog tail -f} shows a record: a real engine and a real {@code tail -f -o raw} process; the
 * rig sends one message at a time at a low fixed rate (open loop: each send is scheduled, not waited for) and
 * records, per message, the time from its scheduled send to its line on tail's stdout, split at the moment the
 * engine's {@code journaled} counter shows it (the writer publishes that counter at the end of each batch): send
 * to journaled is the engine's part, journaled to line the tail's.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.ringlog.bench.tail.TailLatencyBench --rate 200 --seconds 10
 * </pre>
 */
@Command(name = "TailLatencyBench", mixinStandardHelpOptions = true)
public final class TailLatencyBench implements Callable<Integer>
{
    private static final Pattern LISTENING = Pattern.compile("tcp://[^ ]+:(\\d+)");

    @Option(names = "--rate", description = "Messages per second (default ${DEFAULT-VALUE}).")
    int rate = 200;

    @Option(names = "--seconds", description = "Timed seconds, after 2 s of warm-up (default ${DEFAULT-VALUE}).")
    int seconds = 10;

    @Option(names = "--engine-jar")
    Path engineJar = Path.of("engine/target/ringlogd.jar");

    @Option(names = "--tools-jar")
    Path toolsJar = Path.of("tools/target/ringlog.jar");

    private static double at(final Histogram h, final double percentile)
    {
        return (percentile == 100.0 ? h.getMaxValue() : h.getValueAtPercentile(percentile)) / 1000.0;
    }

    public static void main(final String[] args)
    {
        System.exit(new CommandLine(new TailLatencyBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception
    {
        final Path dir = Files.createTempDirectory("tail-latency");
        final Path journal = dir.resolve("journal");
        final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        final Process engine = new ProcessBuilder(java, "-jar", engineJar.toString(), "--tcp-port", "0",
            "--udp-port", "-1", "--journal", journal.toString()).redirectError(dir.resolve("engine.err").toFile())
            .start();
        Process tail = null;
        try
        {
            final String first = new BufferedReader(new InputStreamReader(engine.getInputStream(),
                StandardCharsets.UTF_8)).readLine();
            final Matcher m = first == null ? null : LISTENING.matcher(first);
            if (m == null || !m.find())
            {
                System.err.println("engine did not start: " + Files.readString(dir.resolve("engine.err")));
                return 1;
            }
            final int port = Integer.parseInt(m.group(1));
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port))
            {
                s.getOutputStream().write("<14>1 - h app - - - create the journal\n".getBytes(StandardCharsets.US_ASCII));
            }
            Thread.sleep(500);
            tail = new ProcessBuilder(java, "-jar", toolsJar.toString(), "tail", "-f", "-n", "0", "-o", "raw",
                "--journal", journal.toString()).redirectError(dir.resolve("tail.err").toFile()).start();
            final BufferedReader lines =
                new BufferedReader(new InputStreamReader(tail.getInputStream(), StandardCharsets.US_ASCII));
            Thread.sleep(1500); // the tail's JVM start and journal open are not what is measured
            final Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
            final Histogram engineHistogram = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
            final Histogram tailHistogram = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
            final CountersView counters = CountersView.open(journal);
            long journaled = counters.get(Counter.JOURNALED);
            final int warmup = 2 * rate;
            final int total = warmup + seconds * rate;
            final long interval = 1_000_000_000L / rate;
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port))
            {
                s.setTcpNoDelay(true);
                final OutputStream out = s.getOutputStream();
                final long start = System.nanoTime() + 10_000_000L;
                for (int i = 0; i < total; i++)
                {
                    final long scheduled = start + i * interval;
                    while (System.nanoTime() < scheduled)
                    {
                        LockSupport.parkNanos(Math.max(1, (scheduled - System.nanoTime()) / 2));
                    }
                    out.write(("<14>1 - h app - - - seq=" + i + " t=" + scheduled + "\n")
                        .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    final long spinUntil = System.nanoTime() + 1_000_000_000L;
                    while (counters.get(Counter.JOURNALED) == journaled && System.nanoTime() < spinUntil)
                    {
                        LockSupport.parkNanos(5_000); // not a spin: on 2 cores it would starve the engine
                    }
                    final long journaledAt = System.nanoTime();
                    journaled++;
                    final String line = lines.readLine(); // one message in flight: the next is sent after
                    final long seen = System.nanoTime();
                    if (line == null || !line.contains("seq=" + i + " "))
                    {
                        System.err.println("unexpected tail output at seq " + i + ": " + line);
                        return 1;
                    }
                    if (i >= warmup)
                    {
                        histogram.recordValue(seen - scheduled);
                        engineHistogram.recordValue(journaledAt - scheduled);
                        tailHistogram.recordValue(Math.max(0, seen - journaledAt));
                    }
                }
            }
            System.out.printf("tail -f latency, send -> line on tail's stdout, %d msg/s, %d messages " +
                    "(after %d warm-up), engine + tail on the same 2 cores:%n", rate, histogram.getTotalCount(),
                warmup);
            System.out.printf("  %-6s %12s %22s %22s%n", "", "send->line", "send->journaled", "journaled->line");
            for (final double p : List.of(50.0, 90.0, 99.0, 99.9, 100.0))
            {
                System.out.printf("  %-6s %9.1f µs %19.1f µs %19.1f µs%n", p == 100.0 ? "max" : "p" + p,
                    at(histogram, p), at(engineHistogram, p), at(tailHistogram, p));
            }
            counters.close();
            return 0;
        }
        finally
        {
            if (tail != null)
            {
                tail.destroy();
                tail.waitFor(10, TimeUnit.SECONDS);
            }
            engine.destroy();
            engine.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
