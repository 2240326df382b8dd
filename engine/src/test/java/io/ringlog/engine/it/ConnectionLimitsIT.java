package io.ringlog.engine.it;

import io.ringlog.engine.counters.Counter;
import io.ringlog.engine.pipeline.EngineHarness;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Limits against abuse on the TCP side, in the real ringlogd: a connection cap that pauses accepting (without a
 * busy loop: the engine's CPU while a sender waits at the limit is measured from {@code /proc/PID/stat}), and an
 * idle timeout.
 */
@Tag("reliability")
class ConnectionLimitsIT
{
    /** What "no busy loop" means here: less than half a core while a sender waits at the limit for 1 s. */
    private static final double MAX_CPU_SECONDS_AT_LIMIT = 0.5;

    private static void send(final Socket s, final String line) throws IOException
    {
        final OutputStream out = s.getOutputStream();
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static RinglogdProcess start(final Path dir, final String... set) throws IOException
    {
        final String[] args = new String[6 + 2 * set.length];
        System.arraycopy(new String[] {"--tcp-port", "0", "--udp-port", "-1", "--journal",
            dir.resolve("j").toString()}, 0, args, 0, 6);
        for (int i = 0; i < set.length; i++)
        {
            args[6 + 2 * i] = "--set";
            args[7 + 2 * i] = set[i];
        }
        final RinglogdProcess p = RinglogdProcess.start(dir, args);
        assertNotNull(p.firstLine, p.stderrText());
        assertTrue(p.tcpPort > 0, p.firstLine + " " + p.stderrText());
        return p;
    }

    @Test
    @Timeout(60)
    void atTheConnectionLimitFurtherSendersWaitUntilASlotFrees(@TempDir final Path dir) throws Exception
    {
        try (RinglogdProcess p = start(dir, "listen.maxConnections=2"))
        {
            final ProcessCpu cpu = new ProcessCpu(p.process.pid());
            final Socket a = p.connect();
            final Socket b = p.connect();
            send(a, "<14>1 - h app - - - from a");
            send(b, "<14>1 - h app - - - from b");
            assertEquals(2, p.awaitAccounted(2));
            final double belowLimit = cpu.secondsOver(1_000);
            try (Socket c = p.connect()) // the kernel completes the handshake; ringlogd does not accept it yet
            {
                send(c, "<14>1 - h app - - - from c");
                final double atLimit = cpu.secondsOver(1_000);
                System.out.printf("connection limit: engine CPU %.2f s in 1 s with the two allowed connections " +
                        "open, %.2f s in 1 s with a third sender waiting at the limit (tcp.accept_paused %d)%n",
                    belowLimit, atLimit, p.counter(Counter.TCP_ACCEPT_PAUSED));
                assertEquals(2, p.counter(Counter.JOURNALED), "the third sender waits in the backlog");
                assertEquals(2, p.counter(Counter.TCP_ACCEPTED));
                assertTrue(p.counter(Counter.TCP_ACCEPT_PAUSED) >= 1);
                assertTrue(atLimit < MAX_CPU_SECONDS_AT_LIMIT, "no busy loop at the limit: " + atLimit +
                    " s of CPU in 1 s");
                a.close();
                assertEquals(3, p.awaitAccounted(3), "a slot freed: the waiting sender is accepted and read");
                assertEquals(3, p.counter(Counter.TCP_ACCEPTED));
            }
            b.close();
            assertEquals(0, p.terminate(), "exit code after SIGTERM; stderr: " + p.stderrText());
        }
        assertEquals(3, EngineHarness.readRaw(dir.resolve("j")).size());
    }

    @Test
    @Timeout(60)
    void aConnectionThatSendsNothingIsClosedAfterTheIdleTimeout(@TempDir final Path dir) throws Exception
    {
        try (RinglogdProcess p = start(dir, "listen.idleTimeoutMs=300");
            Socket idle = p.connect();
            Socket busy = p.connect())
        {
            send(idle, "<14>1 - h app - - - then silence");
            idle.getOutputStream().write("<14>1 - h app - - - never finished".getBytes(StandardCharsets.UTF_8));
            idle.getOutputStream().flush();
            for (int i = 0; i < 10; i++) // 1 s of traffic, a line every 100 ms: never idle for 300 ms
            {
                send(busy, "<14>1 - h app - - - busy " + i);
                Thread.sleep(100);
            }
            assertEquals(1, p.counter(Counter.TCP_IDLE_CLOSED), "only the silent connection was closed");
            assertEquals(1, p.counter(Counter.TCP_INCOMPLETE_FRAMES), "its unfinished line is counted, not journaled");
            final InputStream in = idle.getInputStream();
            idle.setSoTimeout(2000);
            assertEquals(-1, in.read(), "the engine closed the idle connection");
            send(busy, "<14>1 - h app - - - still open");
            assertEquals(12, p.awaitAccounted(12));
            assertEquals(0, p.terminate(), "exit code after SIGTERM; stderr: " + p.stderrText());
        }
    }

    /**
     * A process's CPU time (utime + stime) from {@code /proc/PID/stat}, in clock ticks of {@code getconf CLK_TCK}
     * (100 on Linux unless the kernel says otherwise).
     */
    static final class ProcessCpu
    {
        private final Path stat;
        private final long ticksPerSecond;

        ProcessCpu(final long pid) throws IOException, InterruptedException
        {
            this.stat = Path.of("/proc/" + pid + "/stat");
            this.ticksPerSecond = clockTicks();
        }

        /** CPU seconds the process used while this thread slept {@code ms}. */
        double secondsOver(final long ms) throws IOException, InterruptedException
        {
            final long before = ticks();
            Thread.sleep(ms);
            return (ticks() - before) / (double)ticksPerSecond;
        }

        /** utime + stime: fields 14 and 15, counted after the ")" that ends the command name (it may hold spaces). */
        long ticks() throws IOException
        {
            final String s = Files.readString(stat);
            final String[] fields = s.substring(s.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        }

        private static long clockTicks() throws IOException, InterruptedException
        {
            final Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            final String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            return p.waitFor() == 0 && out.matches("\\d+") ? Long.parseLong(out) : 100;
        }
    }
}
