package io.ringlog.bench.jmh;

import io.ringlog.engine.listen.FrameSink;
import io.ringlog.engine.listen.StreamFramer;
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

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The TCP framer alone: one 64 KiB read of ~200 B messages, framed (LF-terminated or octet-counted) into a sink
 * that only sums the frame lengths. One op is one read of {@link #READ_BYTES} bytes (whole frames only), so GB/s = bytes per read / (ns/op);
 * expect 0 B/op.
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
public class FramerBenchmark implements FrameSink
{
    /** Bytes in one read, made of whole frames. */
    public static final int READ_BYTES = 64 * 1024;

    @Param({"lf", "octet"})
    public String framing;

    private StreamFramer framer;
    private byte[] read;
    private int readLength;
    private long sum;

    @Setup
    public void setup()
    {
        final String message = "<165>1 2026-11-25T04:36:48.123456Z host.example.com app 1234 ID47 " +
            "[meta seq=\"1\"] An application event log entry, padded to about two hundred bytes........ end";
        final byte[] m = message.getBytes(StandardCharsets.US_ASCII);
        final byte[] frame;
        if ("octet".equals(framing))
        {
            final byte[] prefix = (m.length + " ").getBytes(StandardCharsets.US_ASCII);
            frame = new byte[prefix.length + m.length];
            System.arraycopy(prefix, 0, frame, 0, prefix.length);
            System.arraycopy(m, 0, frame, prefix.length, m.length);
        }
        else
        {
            frame = new byte[m.length + 1];
            System.arraycopy(m, 0, frame, 0, m.length);
            frame[m.length] = '\n';
        }
        read = new byte[READ_BYTES];
        readLength = (READ_BYTES / frame.length) * frame.length;
        for (int at = 0; at + frame.length <= READ_BYTES; at += frame.length)
        {
            System.arraycopy(frame, 0, read, at, frame.length);
        }
        framer = new StreamFramer(READ_BYTES);
    }

    /** Copies one read into the framer's buffer (as the socket read does) and frames it all. */
    @Benchmark
    public long frameOneRead()
    {
        final ByteBuffer buffer = framer.buffer();
        buffer.clear();
        buffer.put(read, 0, readLength);
        framer.frame(this);
        return sum;
    }

    @Override
    public boolean onFrame(final ByteBuffer buffer, final int position, final int length, final int flags)
    {
        sum += length;
        return true;
    }
}
