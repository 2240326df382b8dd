package io.ringlog.bench.jmh;

import io.ringlog.engine.event.LogEvent;
import io.ringlog.engine.parse.SyslogParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The parser stage alone: {@link SyslogParser#parse} (auto-detect, then the RFC 5424 or RFC 3164 flyweight) over a
 * slot's raw bytes. Expect 0 B/op in {@code gc.alloc.rate.norm}: parsing records offsets, never Strings.
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
public class ParserBenchmark
{
    /** rfc5424_sd: 250 B with two SD elements; rfc3164: 120 B BSD line with tag[pid]. */
    @Param({"rfc5424_sd", "rfc3164"})
    public String input;

    private final SyslogParser parser = new SyslogParser();
    private LogEvent event;

    @Setup
    public void setup()
    {
        event = Inputs.event(input);
        if (!parser.parse(event))
        {
            throw new IllegalStateException(input + " does not parse: error " + event.errorCode + " at " +
                event.errorOffset);
        }
    }

    /** Returns a value that depends on the fields found, so nothing is dead code. */
    @Benchmark
    public int parse()
    {
        final boolean ok = parser.parse(event);
        return (ok ? 1 : 0) + event.severity + event.fieldLength[3] + event.tsSecond;
    }
}
