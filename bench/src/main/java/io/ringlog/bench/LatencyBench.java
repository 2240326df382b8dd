package io.ringlog.bench;

import io.ringlog.engine.journal.JournalReader;
import io.ringlog.engine.journal.JournalRecord;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * End-to-end latency of a real engine, measured the way Gil Tene asks: open-loop load at a fixed rate, every
 * message stamped with its <em>scheduled</em> send time, so a stall delays the messages scheduled during it and
 * shows in the percentiles instead of slowing the sender (no coordinated omission). A Chronicle tailer in this
 * process follows the journal and records, per message, the time it became visible there minus its scheduled
 * send time, into HdrHistogram: an interval log ({@code .hlog}, one per second) and the final distribution
 * ({@code .hgrm}), percentiles up to the max. It also counts missing and duplicated sequence numbers, so every run
 * is a loss check too.
 *
 * <pre>
 * java -jar bench/target/ringlog-bench.jar --rate 100000 --seconds 10 --warmup-seconds 2
 * </pre>
 * The sender, the engine and the tailer share the machine's cores.
 */
@Command(name = "LatencyBench", mixinStandardHelpOptions = true, sortOptions = false)
public final class LatencyBench implements Callable<Integer>
{
    private static final Pattern LISTENING = Pattern.compile("tcp://[^ ]+:(\\d+)");
    private static final long FOLLOW_PARK_NANOS = 10_000;

    @Option(names = "--rate", description = "Messages per second (default ${DEFAULT-VALUE}).")
    int rate = 100_000;

    @Option(names = "--seconds", description = "Measured seconds (default ${DEFAULT-VALUE}).")
    int seconds = 10;

    @Option(names = "--warmup-seconds", description = "Sent first and not recorded (default ${DEFAULT-VALUE}).")
    int warmupSeconds = 2;

    @Option(names = "--engine-jar", description = "Default: engine/target/ringlogd.jar.")
    Path engineJar = Path.of("engine/target/ringlogd.jar");

    @Option(names = "--engine-arg", description = "Extra ringlogd arguments (repeatable).")
    List<String> engineArgs = new ArrayList<>();

    @Option(names = "--work-dir", description = "Where the journal goes (default: a new dir in java.io.tmpdir).")
    Path workDir;

    @Option(names = "--out", description = "File prefix for .hlog and .hgrm (default: none written).")
    Path out;

    public static void main(final String[] args)
    {
        System.exit(new CommandLine(new LatencyBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception
    {
        final Path dir = workDir == null ? Files.createTempDirectory("latency") :
            Files.createTempDirectory(Files.createDirectories(workDir), "latency");
        final Path journal = dir.resolve("journal");
        final List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
            .toString(), "-jar", engineJar.toString(), "--tcp-port", "0", "--udp-port", "-1", "--journal",
            journal.toString()));
        cmd.addAll(engineArgs);
        final Process engine = new ProcessBuilder(cmd).redirectError(dir.resolve("engine.err").toFile()).start();
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
            return run(Integer.parseInt(m.group(1)), journal);
        }
        finally
        {
            engine.destroy();
            engine.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private int run(final int port, final Path journal) throws Exception
    {
        final int warmup = warmupSeconds * rate;
        final int total = warmup + seconds * rate;
        final long interval = 1_000_000_000L / rate;
        final ScheduledMessages messages = new ScheduledMessages();
        final long start = System.nanoTime() + 200_000_000L;
        final Follower follower = new Follower(journal, total, warmup, messages);
        final Thread followerThread = new Thread(follower, "latency-follower");
        final long[] sendResult = new long[2];
        final Thread sender = new Thread(() -> sendResult[0] = send(port, messages, start, interval, total, sendResult),
            "latency-sender");
        // the journal exists once the engine has journaled one message: send a marker first
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port))
        {
            s.getOutputStream().write("<14>1 - h bench - - - start\n".getBytes(StandardCharsets.US_ASCII));
        }
        Thread.sleep(100);
        followerThread.start();
        sender.start();
        sender.join();
        followerThread.join(TimeUnit.SECONDS.toMillis(seconds + warmupSeconds + 30));
        follower.stop = true;
        followerThread.join(5_000);

        final Histogram h = follower.total;
        System.out.printf("ringlog end-to-end latency (scheduled send -> visible in the journal), %,d msg/s open loop, " +
                "one TCP connection, %d s measured after %d s warm-up; sender, engine and tailer share the cores%n",
            rate, seconds, warmupSeconds);
        System.out.printf("  sent %,d, journaled %,d, missing %,d, duplicated %,d; the sender ran %d µs late at most%n",
            total, follower.seen.cardinality(), total - follower.seen.cardinality(), follower.duplicates,
            sendResult[1] / 1000);
        for (final double p : new double[] {50, 90, 99, 99.9, 99.99})
        {
            System.out.printf("  p%-6s %10.1f µs%n", p, h.getValueAtPercentile(p) / 1000.0);
        }
        System.out.printf("  max     %10.1f µs%n", h.getMaxValue() / 1000.0);
        if (out != null)
        {
            try (PrintStream hgrm = new PrintStream(out + ".hgrm", StandardCharsets.UTF_8))
            {
                h.outputPercentileDistribution(hgrm, 5, 1000.0);
            }
            Files.write(Path.of(out + ".hlog"), follower.hlog.toByteArray());
            System.out.println("  written: " + out + ".hgrm (µs), " + out + ".hlog");
        }
        return total == follower.seen.cardinality() && follower.duplicates == 0 ? 0 : 2;
    }

    /** Sends {@code total} messages, each at or after its scheduled time; returns how many were sent. */
    private static long send(final int port, final ScheduledMessages messages, final long start, final long interval,
        final int total, final long[] result)
    {
        final byte[] batch = new byte[64 * 1024];
        long maxLateness = 0;
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port))
        {
            s.setTcpNoDelay(true);
            final java.io.OutputStream out = s.getOutputStream();
            int next = 0;
            while (next < total)
            {
                final long scheduled = start + next * interval;
                long now = System.nanoTime();
                if (now < scheduled)
                {
                    LockSupport.parkNanos(scheduled - now);
                    continue;
                }
                maxLateness = Math.max(maxLateness, now - scheduled);
                int length = 0;
                // everything whose time has come goes in one write: a late sender catches up, it never waits
                while (next < total && start + next * interval <= now && length + ScheduledMessages.FRAME <= batch.length)
                {
                    length += messages.write(batch, length, next, start + next * interval);
                    next++;
                }
                out.write(batch, 0, length);
            }
        }
        catch (final Exception e)
        {
            System.err.println("sender: " + e);
        }
        result[1] = maxLateness;
        return total;
    }

    /** Follows the journal and records each message's visibility time minus its scheduled send time. */
    private static final class Follower implements Runnable
    {
        final Histogram total = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        final BitSet seen;
        final java.io.ByteArrayOutputStream hlog = new java.io.ByteArrayOutputStream();
        private final Path journal;
        private final int count;
        private final int warmup;
        private final ScheduledMessages messages;
        private final Histogram interval = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        long duplicates;
        volatile boolean stop;

        Follower(final Path journal, final int count, final int warmup, final ScheduledMessages messages)
        {
            this.journal = journal;
            this.count = count;
            this.warmup = warmup;
            this.messages = messages;
            this.seen = new BitSet(count);
        }

        @Override
        public void run()
        {
            final HistogramLogWriter log = new HistogramLogWriter(new PrintStream(hlog, true, StandardCharsets.UTF_8));
            final long startMs = System.currentTimeMillis();
            log.outputLogFormatVersion();
            log.outputStartTime(startMs);
            log.setBaseTime(startMs);
            log.outputLegend();
            long intervalStartMs = startMs;
            try (JournalReader reader = new JournalReader(journal))
            {
                reader.toStart();
                while (!stop && seen.cardinality() < count)
                {
                    final JournalRecord r = reader.next();
                    final long now = System.nanoTime();
                    if (r == null)
                    {
                        LockSupport.parkNanos(FOLLOW_PARK_NANOS);
                    }
                    else
                    {
                        final int seq = messages.sequence(r);
                        if (seq >= 0)
                        {
                            if (seen.get(seq))
                            {
                                duplicates++;
                            }
                            seen.set(seq);
                            if (seq >= warmup)
                            {
                                final long latency = Math.max(0, now - messages.scheduled(r));
                                interval.recordValue(latency);
                                total.recordValue(latency);
                            }
                        }
                    }
                    final long nowMs = System.currentTimeMillis();
                    if (nowMs - intervalStartMs >= 1000)
                    {
                        interval.setStartTimeStamp(intervalStartMs);
                        interval.setEndTimeStamp(nowMs);
                        log.outputIntervalHistogram(interval);
                        interval.reset();
                        intervalStartMs = nowMs;
                    }
                }
            }
            interval.setStartTimeStamp(intervalStartMs);
            interval.setEndTimeStamp(System.currentTimeMillis());
            log.outputIntervalHistogram(interval);
        }
    }

    /** The fixed layout of the messages, so both stamps are written and read at known offsets, without parsing. */
    static final class ScheduledMessages
    {
        private static final String HEAD = "<165>1 2026-11-25T04:36:48.123456Z bench.example.com loadgen 4242 ID47 " +
            "[meta seq=\"";
        private static final String MID = "\" t=\"";
        private static final String TAIL = "\"] An application event log entry, padded to about two hundred bytes.";
        static final int SEQ_DIGITS = 10;
        static final int TIME_DIGITS = 19;
        static final int SEQ_OFFSET = HEAD.length();
        static final int TIME_OFFSET = SEQ_OFFSET + SEQ_DIGITS + MID.length();
        static final int LENGTH = TIME_OFFSET + TIME_DIGITS + TAIL.length();
        static final byte[] PREFIX = (LENGTH + " ").getBytes(StandardCharsets.US_ASCII);
        static final int FRAME = PREFIX.length + LENGTH;
        private final byte[] template = new byte[FRAME];

        ScheduledMessages()
        {
            final byte[] body = (HEAD + "0".repeat(SEQ_DIGITS) + MID + "0".repeat(TIME_DIGITS) + TAIL)
                .getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(PREFIX, 0, template, 0, PREFIX.length);
            System.arraycopy(body, 0, template, PREFIX.length, body.length);
        }

        /** Writes one octet-counted frame into {@code dst} at {@code at}; returns its length. */
        int write(final byte[] dst, final int at, final long seq, final long scheduledNanos)
        {
            System.arraycopy(template, 0, dst, at, FRAME);
            digits(dst, at + PREFIX.length + SEQ_OFFSET, SEQ_DIGITS, seq);
            digits(dst, at + PREFIX.length + TIME_OFFSET, TIME_DIGITS, scheduledNanos);
            return FRAME;
        }

        /** The sequence number of a journaled message of this rig, or -1 for anything else. */
        int sequence(final JournalRecord r)
        {
            if (r.rawLength() != LENGTH)
            {
                return -1;
            }
            return (int)read(r, SEQ_OFFSET, SEQ_DIGITS);
        }

        long scheduled(final JournalRecord r)
        {
            return read(r, TIME_OFFSET, TIME_DIGITS);
        }

        private static long read(final JournalRecord r, final int offset, final int digits)
        {
            long v = 0;
            for (int i = 0; i < digits; i++)
            {
                v = v * 10 + (r.buffer().getByte(r.rawOffset() + offset + i) - '0');
            }
            return v;
        }

        private static void digits(final byte[] dst, final int at, final int count, final long value)
        {
            long v = value;
            for (int i = count - 1; i >= 0; i--)
            {
                dst[at + i] = (byte)('0' + v % 10);
                v /= 10;
            }
        }
    }
}
