package io.ringlog.engine.it;

import io.ringlog.engine.counters.Counter;
import io.ringlog.engine.counters.CountersFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In a container the JVM is PID 1 on every start, so after kill -9 Chronicle finds its write lock "held by this
 * very process" and, by default, waits 15 s and then fails the append. ringlogd owns the journal through its own
 * OS file lock and clears a stale Chronicle lock at start. Recreated here with PID namespaces: a writer dies as
 * PID 1 holding the lock mid-record, then ringlogd starts as PID 1 on that journal.
 */
@Tag("reliability")
class PidReuseIT
{
    private static final List<String> JVM_FLAGS = List.of(
        "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
        "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED");

    private static boolean pidNamespacesWork() throws Exception
    {
        final Process p = new ProcessBuilder("unshare", "-fp", "--mount-proc", "sh", "-c", "echo $$")
            .redirectErrorStream(true).start();
        final String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 && "1".equals(out);
    }

    @Test
    void aRestartAsTheSamePidDoesNotWaitForTheDeadWritersChronicleLock(@TempDir final Path dir) throws Exception
    {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/unshare")) && pidNamespacesWork(),
            "PID namespaces (unshare -fp, root) are not available here");
        final Path journal = dir.resolve("j");

        // -XX:-UsePerfData: every PID-1 JVM would want /tmp/hsperfdata_root/1, and says so on stdout
        final List<String> holder = new ArrayList<>(List.of("unshare", "-fp", "--mount-proc", RinglogdProcess.java(),
            "-XX:-UsePerfData"));
        holder.addAll(JVM_FLAGS);
        holder.addAll(List.of("-Dchronicle.analytics.disable=true", "-cp", System.getProperty("java.class.path"),
            HoldChronicleWriteLock.class.getName(), journal.toString()));
        final Process dying = new ProcessBuilder(holder).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try
        {
            final BufferedReader out =
                new BufferedReader(new InputStreamReader(dying.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("locked", out.readLine(), "the holder took Chronicle's write lock as PID 1");
        }
        finally
        {
            dying.toHandle().descendants().forEach(ProcessHandle::destroyForcibly); // kill -9 PID 1 of its namespace
            dying.destroyForcibly();
            assertTrue(dying.waitFor(30, TimeUnit.SECONDS));
        }

        final List<String> cmd = List.of("unshare", "-fp", "--mount-proc", RinglogdProcess.java(), "-XX:-UsePerfData",
            "-jar",
            RinglogdProcess.jar().toString(), "--tcp-port", "0", "--udp-port", "-1", "--journal", journal.toString());
        final long start = System.nanoTime();
        try (RinglogdProcess p = RinglogdProcess.start(dir, cmd, null))
        {
            assertNotNull(p.firstLine, p.stderrText());
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), p.tcpPort))
            {
                final OutputStream o = s.getOutputStream();
                o.write("<14>1 - h app - - - after the crash\n".getBytes(StandardCharsets.UTF_8));
            }
            final long deadline = System.nanoTime() + 30_000_000_000L;
            while (CountersFile.read(journal).get(Counter.JOURNALED) < 1 && System.nanoTime() < deadline)
            {
                Thread.sleep(5);
            }
            final long readyMs = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("same-pid restart after kill -9 mid-record: first record journaled %d ms after start%n",
                readyMs);
            assertEquals(1, CountersFile.read(journal).get(Counter.JOURNALED));
            assertTrue(readyMs < 10_000, "journaled in " + readyMs + " ms: no 15 s wait for Chronicle's lock");
            p.process.toHandle().descendants().forEach(ProcessHandle::destroy); // SIGTERM the JVM, PID 1 inside
            assertEquals(0, p.waitForExit(), p.stderrText());
        }
    }
}
