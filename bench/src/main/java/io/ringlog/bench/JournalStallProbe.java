package io.ringlog.bench;

import io.ringlog.engine.journal.Journal;
import io.ringlog.engine.journal.JournalPrefetcher;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.HdrHistogram.Histogram;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Finds out where a journal append stalls: one thread appends 200 B records at a fixed rate through a Chronicle
 * appender exactly as the engine's writer does, timing each append; a sampler thread looks, every 100 µs, at whether
 * an append has been running for more than {@code --stall-us}, and if so reads the appending thread's kernel state
 * ({@code /proc/self/task/TID/stat} state, {@code wchan}, {@code syscall}, its minor/major fault counts). The
 * distinct kernel wait channels seen during stalls say what the thread waited for (page cache, block allocation,
 * the ext4 journal, writeback, or nothing: running or runnable, i.e. the CPU).
 *
 * <pre>
 * java -jar bench/target/ringlog-bench.jar probe --dir /var/tmp/probe --seconds 10
 * </pre>
 */
@Command(name = "JournalStallProbe", mixinStandardHelpOptions = true, sortOptions = false)
public final class JournalStallProbe implements Callable<Integer>
{
    @Option(names = "--dir", required = true, description = "Journal directory (created fresh).")
    Path dir;

    @Option(names = "--rate", description = "Appends per second (default ${DEFAULT-VALUE}).")
    int rate = 100_000;

    @Option(names = "--seconds", description = "Seconds (default ${DEFAULT-VALUE}).")
    int seconds = 10;

    @Option(names = "--block-size", description = "Chronicle blockSize in bytes (default ${DEFAULT-VALUE}).")
    long blockSize = 16L << 20;

    @Option(names = "--roll-cycle", description = "Roll cycle (default ${DEFAULT-VALUE}).")
    String rollCycle = "FAST_HOURLY";

    @Option(names = "--stall-us", description = "An append longer than this is a stall (default ${DEFAULT-VALUE}).")
    long stallMicros = 1000;

    @Option(names = "--prefetch-mb", description = "Run the engine's JournalPrefetcher this far ahead of the writer " +
        "(0 = off, default ${DEFAULT-VALUE}).")
    int prefetchMb = 0;

    private volatile long appendStartNanos;
    private long writePosition;
    private volatile int appenderTid;
    private volatile boolean done;

    public static void main(final String[] args)
    {
        System.exit(new CommandLine(new JournalStallProbe()).execute(args));
    }

    @Override
    public Integer call() throws Exception
    {
        Files.createDirectories(dir);
        final Histogram h = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        final List<String> stalls = new ArrayList<>();
        final Map<String, Integer> waits = new TreeMap<>();
        final Thread sampler = new Thread(() -> sample(waits), "stall-sampler");
        sampler.setDaemon(true);
        final byte[] payload = new byte[200];
        final long interval = 1_000_000_000L / rate;
        final long total = (long)rate * seconds;
        try (SingleChronicleQueue q = Journal.openForWrite(dir, Journal.rollCycle(rollCycle), blockSize);
            ExcerptAppender appender = q.createAppender())
        {
            appenderTid = tid();
            sampler.start();
            final JournalPrefetcher prefetcher = new JournalPrefetcher(q, (long)prefetchMb << 20).start();
            final long start = System.nanoTime() + 100_000_000L;
            for (long i = 0; i < total; i++)
            {
                final long scheduled = start + i * interval;
                while (System.nanoTime() < scheduled)
                {
                    LockSupport.parkNanos(scheduled - System.nanoTime());
                }
                final long t0 = System.nanoTime();
                appendStartNanos = t0;
                try (DocumentContext dc = appender.writingDocument())
                {
                    final Bytes<?> b = dc.wire().bytes();
                    b.writeLong(i);
                    b.write(payload);
                    writePosition = b.writePosition();
                }
                if (prefetcher.enabled())
                {
                    prefetcher.writerAt(appender.cycle(), writePosition);
                }
                final long t1 = System.nanoTime();
                appendStartNanos = 0;
                h.recordValue(Math.min(t1 - t0, h.getHighestTrackableValue()));
                if (t1 - t0 > stallMicros * 1000)
                {
                    stalls.add(String.format("  at %6.3f s (record %,d, %.1f MB written): %.2f ms", (t0 - start) / 1e9,
                        i, i * 212 / 1e6, (t1 - t0) / 1e6));
                }
            }
            prefetcher.close();
        }
        done = true;
        sampler.join(1000);
        System.out.printf("%,d appends at %,d/s, blockSize %,d, %s, prefetch %d MiB, journal %s%n", total, rate,
            blockSize, rollCycle, prefetchMb, dir);
        System.out.printf("append p50 %.1f µs, p99 %.1f µs, p99.9 %.1f µs, p99.99 %.1f µs, max %.2f ms%n",
            h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(99) / 1e3, h.getValueAtPercentile(99.9) / 1e3,
            h.getValueAtPercentile(99.99) / 1e3, h.getMaxValue() / 1e6);
        System.out.printf("%d stalls > %d µs:%n", stalls.size(), stallMicros);
        stalls.forEach(System.out::println);
        System.out.println("kernel state of the appending thread during stalls (samples every 100 µs):");
        waits.forEach((k, v) -> System.out.printf("  %6d  %s%n", v, k));
        return 0;
    }

    private void sample(final Map<String, Integer> waits)
    {
        while (!done)
        {
            LockSupport.parkNanos(100_000);
            final long since = appendStartNanos;
            if (since != 0 && System.nanoTime() - since > stallMicros * 1000)
            {
                final String where = state(appenderTid);
                synchronized (waits)
                {
                    waits.merge(where, 1, Integer::sum);
                }
            }
        }
    }

    private static String state(final int tid)
    {
        try
        {
            final Path task = Path.of("/proc/self/task/" + tid);
            final String stat = Files.readString(task.resolve("stat"));
            final String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            final String wchan = Files.readString(task.resolve("wchan")).trim();
            String syscall = Files.readString(task.resolve("syscall")).trim();
            syscall = syscall.isEmpty() ? "?" : syscall.split(" ")[0];
            return "state " + f[0] + ", wchan " + (wchan.isEmpty() || "0".equals(wchan) ? "-" : wchan) +
                ", syscall " + syscall;
        }
        catch (final IOException | RuntimeException e)
        {
            return "unreadable: " + e;
        }
    }

    /** The calling thread's kernel thread id, from /proc/thread-self. */
    private static int tid() throws IOException
    {
        return Integer.parseInt(Path.of("/proc/thread-self").toRealPath().getFileName().toString());
    }
}
