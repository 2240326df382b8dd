package io.ringlog.tools;

import io.ringlog.engine.config.EngineConfig;
import io.ringlog.engine.counters.Counter;
import io.ringlog.engine.pipeline.Engine;
import org.agrona.concurrent.EpochNanoClock;

import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A journal written by the real engine, in this JVM: messages go over real TCP and UDP sockets on loopback, the
 * engine parses and journals them, and only the receipt clock is ours, so that each message gets a known
 * receipt time. Each message is sent once the previous one is journaled, so the order is known too.
 */
final class EngineJournal implements AutoCloseable
{
    private final AtomicLong now = new AtomicLong();
    private final Engine engine;
    private long sent;

    EngineJournal(final Path journal)
    {
        final EngineConfig config = new EngineConfig()
            .set("listen.tcpPort", "0", "test")
            .set("listen.udpPort", "0", "test")
            .set("journal.dir", journal.toString(), "test")
            .set("ring.size", "1024", "test");
        final EpochNanoClock clock = now::get;
        engine = Engine.start(config.validate(), clock);
    }

    static long nanos(final String rfc3339)
    {
        final Instant i = Instant.parse(rfc3339);
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    /** Sends {@code message} octet-counted over a new TCP connection, received at {@code receivedAt}. */
    EngineJournal tcp(final String receivedAt, final byte[] message) throws Exception
    {
        now.set(nanos(receivedAt));
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), engine.tcpPort()))
        {
            final OutputStream out = s.getOutputStream();
            out.write((message.length + " ").getBytes(StandardCharsets.US_ASCII));
            out.write(message);
        }
        return await();
    }

    EngineJournal tcp(final String receivedAt, final String message) throws Exception
    {
        return tcp(receivedAt, message.getBytes(StandardCharsets.UTF_8));
    }

    EngineJournal udp(final String receivedAt, final String message) throws Exception
    {
        now.set(nanos(receivedAt));
        final byte[] m = message.getBytes(StandardCharsets.UTF_8);
        try (DatagramSocket s = new DatagramSocket())
        {
            s.send(new DatagramPacket(m, m.length, InetAddress.getLoopbackAddress(), engine.udpPort()));
        }
        return await();
    }

    private EngineJournal await() throws InterruptedException
    {
        sent++;
        for (int i = 0; i < 2_000; i++)
        {
            if (engine.counters().get(Counter.JOURNALED).get() >= sent)
            {
                return this;
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("the engine did not journal message " + sent + " within 10 s");
    }

    @Override
    public void close()
    {
        engine.close();
    }
}
