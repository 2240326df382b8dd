package io.ringlog.engine.pipeline;

import io.ringlog.engine.config.EngineConfig;
import io.ringlog.engine.counters.Counter;
import io.ringlog.engine.counters.CountersFile;
import io.ringlog.engine.journal.JournalReader;
import io.ringlog.engine.journal.JournalRecord;
import org.agrona.concurrent.OffsetEpochNanoClock;

import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** An engine in this JVM on free loopback ports and a temporary journal, with helpers to send and read back. */
public final class EngineHarness implements AutoCloseable
{
    public final Engine engine;
    public final Path journal;

    public EngineHarness(final Path journal, final String... keyValues)
    {
        this.journal = journal;
        final EngineConfig config = new EngineConfig()
            .set("listen.tcpPort", "0", "test")
            .set("listen.udpPort", "0", "test")
            .set("journal.dir", journal.toString(), "test")
            .set("ring.size", "1024", "test");
        for (int i = 0; i < keyValues.length; i += 2)
        {
            config.set(keyValues[i], keyValues[i + 1], "test");
        }
        engine = Engine.start(config.validate(), new OffsetEpochNanoClock());
    }

    public Socket connect() throws IOException
    {
        final Socket s = new Socket(InetAddress.getLoopbackAddress(), engine.tcpPort());
        s.setTcpNoDelay(true);
        return s;
    }

    public void sendTcp(final byte[] bytes) throws IOException
    {
        try (Socket s = connect())
        {
            final OutputStream out = s.getOutputStream();
            out.write(bytes);
            out.flush();
        }
    }

    public void sendUdp(final byte[] datagram) throws IOException
    {
        try (DatagramSocket s = new DatagramSocket())
        {
            s.send(new DatagramPacket(datagram, datagram.length, InetAddress.getLoopbackAddress(), engine.udpPort()));
        }
    }

    public long counter(final Counter c)
    {
        return engine.counters().get(c).get();
    }

    /** Waits (up to 10 s) until journaled + filtered + dropped reaches {@code n}; returns the final count. */
    public long awaitAccounted(final long n) throws InterruptedException
    {
        final long deadline = System.nanoTime() + 10_000_000_000L;
        long accounted = 0;
        while (System.nanoTime() < deadline)
        {
            final long[] v = engine.counters().snapshot();
            accounted = v[Counter.JOURNALED.id()] + v[Counter.FILTERED.id()] + Counter.dropped(v);
            if (accounted >= n)
            {
                return accounted;
            }
            Thread.sleep(5);
        }
        return accounted;
    }

    /** Every record's raw bytes, in journal order. */
    public static List<byte[]> readRaw(final Path journal)
    {
        final List<byte[]> out = new ArrayList<>();
        try (JournalReader reader = new JournalReader(journal))
        {
            reader.toStart();
            JournalRecord r;
            while ((r = reader.next()) != null)
            {
                final byte[] b = new byte[r.rawLength()];
                r.getRaw(b);
                out.add(b);
            }
        }
        return out;
    }

    /** Asserts received = journaled + filtered + dropped from the counters. */
    public static String accounting(final long[] v)
    {
        return "received " + Counter.received(v) + " = journaled " + v[Counter.JOURNALED.id()] + " + filtered " +
            v[Counter.FILTERED.id()] + " + dropped " + Counter.dropped(v);
    }

    public static boolean balanced(final long[] v)
    {
        return Counter.received(v) == v[Counter.JOURNALED.id()] + v[Counter.FILTERED.id()] + Counter.dropped(v);
    }

    public CountersFile counters()
    {
        return engine.counters();
    }

    @Override
    public void close()
    {
        engine.close();
    }
}
