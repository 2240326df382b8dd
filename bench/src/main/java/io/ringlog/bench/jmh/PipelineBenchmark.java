package io.ringlog.bench.jmh;

import io.ringlog.bench.load.MessageLayout;
import io.ringlog.bench.load.SyslogFormat;
import io.ringlog.bench.load.Transport;
import io.ringlog.engine.config.EngineConfig;
import io.ringlog.engine.event.LogEvent;
import io.ringlog.engine.parse.SyslogParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * The in-process ring, listener excluded: publish → parsed → judged → journaled, through the engine's own stages
 * on a real journal ({@link RingPipeline}). The benchmark thread plays the listener. One op is one message: an
 * invocation publishes {@link #MESSAGES} copies of one message, {@link #PER_READ} per publish (a socket read's
 * worth), and returns once the writer's {@code journaled} counter covers them all, so ops/s is messages
 * journaled per second including the drain at the end of each invocation. {@link #MESSAGES} is a quarter of the
 * default ring, so the producer claims without waiting and the time is the stages' time.
 *
 * <p>Threads: the benchmark thread, N parsers, logic, writer and the journal prefetcher, on however many cores the
 * machine has (2 here): the parser count and wait strategy matter because the stages compete for cores. With
 * {@code -prof gc}, {@code gc.alloc.rate.norm} counts every thread of the JVM (JMH reads the total allocated bytes),
 * so it shows the whole pipeline's allocation per message; expect ≈0 B/op.
 *
 * <p>The journal grows by about message size + 60 B per op (a few GB per trial at 1 s iterations) and is deleted
 * at the end of each trial; the time includes page-faulting new journal pages, as in the engine.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(PipelineBenchmark.MESSAGES)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {
    "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
    "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
    "-Dchronicle.analytics.disable=true"})
public class PipelineBenchmark
{
    /** Messages per invocation: a quarter of the default ring of 65,536 slots. */
    public static final int MESSAGES = 16_384;
    /** Messages published with one cursor update, about what one 64 KiB TCP read of 250 B messages gives. */
    public static final int PER_READ = 256;

    /** Parser handlers on the ring ({@code ring.parsers}). */
    @Param({"1", "2"})
    public int parsers;

    /** {@code ring.waitStrategy}: the default (phased back-off) and the fastest busy one on 2 cores. */
    @Param({"handoff", "backoff"})
    public String waitStrategy;

    /** The message format: 5424 (with structured data) or 3164 (with a tag[pid]). */
    @Param({"5424", "3164"})
    public String format;

    /** Bytes per message (no framing); at most the default slot size, so no message needs its own array. */
    @Param({"200", "1000"})
    public int messageBytes;

    private RingPipeline pipeline;
    private byte[] message;

    @Setup(Level.Trial)
    public void setup() throws IOException
    {
        message = MessageLayout.of(SyslogFormat.of(format), Transport.UDP, messageBytes).frame(1, 1);
        final EngineConfig config = new EngineConfig()
            .set("ring.parsers", Integer.toString(parsers), "@Param parsers")
            .set("ring.waitStrategy", waitStrategy, "@Param waitStrategy")
            .validate();
        if (message.length > config.slotBytes())
        {
            throw new IllegalArgumentException("messageBytes " + messageBytes + " is over the slot size " +
                config.slotBytes() + ": the benchmark measures the in-slot path");
        }
        final LogEvent probe = new LogEvent(config.slotBytes());
        System.arraycopy(message, 0, probe.raw, 0, message.length);
        probe.rawLength = message.length;
        if (!new SyslogParser(config.parserMode()).parse(probe))
        {
            throw new IllegalStateException(format + " message does not parse: error " + probe.errorCode + " at " +
                probe.errorOffset);
        }
        pipeline = RingPipeline.start(config);
    }

    /** Fails the trial unless every published message was parsed and journaled with no error. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException
    {
        pipeline.close();
    }

    @Benchmark
    public long publishToJournaled()
    {
        pipeline.publish(message, message.length, MESSAGES, PER_READ);
        return pipeline.awaitJournaled();
    }
}
