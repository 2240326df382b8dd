package io.ringlog.tools;

import io.ringlog.engine.it.RinglogdProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code java -jar ringlog.jar tail -f} on the journal of a running {@code ringlogd.jar}; Ctrl-C and SIGTERM exit 0. */
class TailFollowIT
{
    @TempDir
    Path dir;

    private static void send(final int port, final String message) throws Exception
    {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port))
        {
            final OutputStream out = s.getOutputStream();
            out.write((message + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    private Process tail(final Path journal) throws Exception
    {
        return new ProcessBuilder(RinglogdProcess.java(), "-jar",
            System.getProperty("ringlog.jar", "target/ringlog.jar"), "tail", "-f", "-o", "raw", "-n", "0",
            "--journal", journal.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    @Test
    void followsTheLiveEngineAndStopsCleanlyOnSigintAndSigterm() throws Exception
    {
        try (RinglogdProcess engine = RinglogdProcess.start(dir, "--tcp-port", "0", "--udp-port", "0", "--journal", "j"))
        {
            assertNotNull(engine.firstLine, engine.stderrText());
            send(engine.tcpPort, "<13>1 - h app - - - before the follower");
            for (final String signal : new String[] {"INT", "TERM"})
            {
                final Process follower = tail(dir.resolve("j"));
                final BufferedReader out = new BufferedReader(
                    new InputStreamReader(follower.getInputStream(), StandardCharsets.UTF_8));
                String line = null;
                for (int i = 0; i < 100 && line == null; i++)
                {
                    send(engine.tcpPort, "<13>1 - h app - - - live " + signal + " " + i);
                    Thread.sleep(100);
                    if (follower.getInputStream().available() > 0)
                    {
                        line = out.readLine();
                    }
                }
                assertNotNull(line, "the follower printed a live record");
                assertTrue(line.startsWith("<13>1 - h app - - - live " + signal), line);
                new ProcessBuilder("kill", "-" + signal, Long.toString(follower.pid())).start().waitFor();
                assertTrue(follower.waitFor(30, TimeUnit.SECONDS), "follower stopped on SIG" + signal);
                assertEquals(0, follower.exitValue(), "exit status after SIG" + signal);
            }
            assertEquals(0, engine.terminate(), engine.stderrText());
        }
    }
}
