package io.ringlog.bench.jmh;

import io.ringlog.bench.ingest.MessageFile;
import io.ringlog.engine.config.EngineConfig;
import io.ringlog.engine.counters.CountersFile;
import io.ringlog.engine.event.LogEvent;
import io.ringlog.engine.journal.Journal;
import io.ringlog.engine.journal.JournalWriter;
import io.ringlog.engine.parse.SyslogParser;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The writer stage alone: {@link JournalWriter#append} of one parsed 200 B event (record header + raw bytes) into
 * a fresh journal in {@code java.io.tmpdir}, with the engine's default roll cycle and block size. The journal grows
 * by ~250 B per op, so iterations are short (1 s) to keep it to a few GB; the time includes page-faulting new file
 * pages, which is what the engine pays too.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(java.util.concurrent.TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {
    "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
    "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
    "-Dchronicle.analytics.disable=true"})
public class JournalAppendBenchmark
{
    private Path dir;
    private SingleChronicleQueue queue;
    private CountersFile counters;
    private JournalWriter writer;
    private LogEvent event;

    @Setup(Level.Trial)
    public void setup() throws IOException
    {
        dir = Files.createTempDirectory("ringlog-jmh-journal");
        queue = Journal.openForWrite(dir, Journal.rollCycle(EngineConfig.DEFAULT_ROLL_CYCLE),
            EngineConfig.DEFAULT_BLOCK_SIZE_BYTES);
        counters = CountersFile.create(dir, ProcessHandle.current().pid(), System.currentTimeMillis());
        writer = new JournalWriter(queue, new AtomicLong(), counters).startOnCurrentThread();
        event = new LogEvent(1024);
        event.rawLength = MessageFile.message(42, event.raw, 0);
        event.receivedAtNanos = Inputs.RECEIVED_AT_NANOS;
        if (!new SyslogParser().parse(event))
        {
            throw new IllegalStateException("benchmark message does not parse");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException
    {
        writer.onShutdown();
        queue.close();
        counters.close();
        try (Stream<Path> paths = Files.walk(dir))
        {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public void append()
    {
        writer.append(event);
    }
}
