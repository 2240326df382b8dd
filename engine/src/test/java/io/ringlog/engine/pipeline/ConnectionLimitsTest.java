package io.ringlog.engine.pipeline;

import io.ringlog.engine.counters.Counter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Limits against abuse on the TCP side: a connection cap that pauses accepting, and an idle timeout. */
@Tag("reliability")
class ConnectionLimitsTest
{
    private static void send(final Socket s, final String line) throws Exception
    {
        final OutputStream out = s.getOutputStream();
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Test
    void atTheConnectionLimitFurtherSendersWaitUntilASlotFrees(@TempDir final Path dir) throws Exception
    {
        try (EngineHarness h = new EngineHarness(dir.resolve("j"), "listen.maxConnections", "2"))
        {
            final Socket a = h.connect();
            final Socket b = h.connect();
            send(a, "<14>1 - h app - - - from a");
            send(b, "<14>1 - h app - - - from b");
            assertEquals(2, h.awaitAccounted(2));
            try (Socket c = h.connect()) // the kernel completes the handshake; ringlogd does not accept it yet
            {
                send(c, "<14>1 - h app - - - from c");
                Thread.sleep(300);
                assertEquals(2, h.counter(Counter.JOURNALED), "the third sender waits in the backlog");
                assertEquals(2, h.counter(Counter.TCP_ACCEPTED));
                assertTrue(h.counter(Counter.TCP_ACCEPT_PAUSED) >= 1);
                a.close();
                assertEquals(3, h.awaitAccounted(3), "a slot freed: the waiting sender is accepted and read");
                assertEquals(3, h.counter(Counter.TCP_ACCEPTED));
            }
            b.close();
        }
        assertEquals(3, EngineHarness.readRaw(dir.resolve("j")).size());
    }

    @Test
    void aConnectionThatSendsNothingIsClosedAfterTheIdleTimeout(@TempDir final Path dir) throws Exception
    {
        try (EngineHarness h = new EngineHarness(dir.resolve("j"), "listen.idleTimeoutMs", "300");
            Socket idle = h.connect();
            Socket busy = h.connect())
        {
            send(idle, "<14>1 - h app - - - then silence");
            idle.getOutputStream().write("<14>1 - h app - - - never finished".getBytes(StandardCharsets.UTF_8));
            idle.getOutputStream().flush();
            for (int i = 0; i < 10; i++) // 1 s of traffic, a line every 100 ms: never idle for 300 ms
            {
                send(busy, "<14>1 - h app - - - busy " + i);
                Thread.sleep(100);
            }
            assertEquals(1, h.counter(Counter.TCP_IDLE_CLOSED), "only the silent connection was closed");
            assertEquals(1, h.counter(Counter.TCP_INCOMPLETE_FRAMES), "its unfinished line is counted, not journaled");
            final InputStream in = idle.getInputStream();
            idle.setSoTimeout(2000);
            assertEquals(-1, in.read(), "the engine closed the idle connection");
            send(busy, "<14>1 - h app - - - still open");
            assertEquals(12, h.awaitAccounted(12));
        }
    }
}
