package io.ringlog.bench.jmh;

import io.ringlog.engine.counters.CountersFile;
import io.ringlog.engine.event.LogEvent;
import io.ringlog.engine.logic.LogicHandler;
import io.ringlog.engine.parse.SyslogParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;

/**
 * The logic stage alone: {@link LogicHandler#apply} on a parsed event (timestamp completion, min-severity rule,
 * per-format counts) plus the once-a-batch {@link LogicHandler#publishCounters}, here every 64 events. rfc3164 takes
 * the year-inference path (no year in the message, zone from the configured one); rfc5424_sd does not.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {
    "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
    "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
    "-Dchronicle.analytics.disable=true"})
public class LogicBenchmark
{
    @Param({"rfc5424_sd", "rfc3164"})
    public String input;

    /** A zone with DST rules, so the zone lookup is not the trivial UTC one. */
    @Param({"Europe/Berlin"})
    public String zone;

    private Path dir;
    private CountersFile counters;
    private LogicHandler logic;
    private LogEvent event;
    private int n;

    @Setup(Level.Trial)
    public void setup() throws IOException
    {
        dir = Files.createTempDirectory("ringlog-jmh-logic");
        counters = CountersFile.create(dir, ProcessHandle.current().pid(), System.currentTimeMillis());
        logic = new LogicHandler(7, ZoneId.of(zone), counters);
        event = Inputs.event(input);
        if (!new SyslogParser().parse(event))
        {
            throw new IllegalStateException(input + " does not parse");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException
    {
        counters.close();
        Files.deleteIfExists(CountersFile.pathFor(dir));
        Files.deleteIfExists(dir);
    }

    @Benchmark
    public long apply()
    {
        logic.apply(event);
        if ((++n & 63) == 0)
        {
            logic.publishCounters();
        }
        return event.timestampEpochNanos + event.flags;
    }
}
