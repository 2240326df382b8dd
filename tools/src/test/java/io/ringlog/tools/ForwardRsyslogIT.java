package io.ringlog.tools;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code ringlog forward} to a real rsyslog (Debian package, installed by
 * .ci/install-deps.sh), which writes each message it receives as {@code %rawmsg%} on a line of its own: every
 * selected record must arrive, byte for byte, over TCP (octet and LF framing) and UDP, and a checkpoint must
 * resume where the last run stopped.
 */
class ForwardRsyslogIT
{
    @TempDir
    Path dir;
    private Process rsyslogd;
    private int tcpPort;
    private int udpPort;
    private Path received;

    private static Path rsyslogd()
    {
        for (final String p : new String[] {"/usr/sbin/rsyslogd", "/sbin/rsyslogd"})
        {
            if (Files.isExecutable(Path.of(p)))
            {
                return Path.of(p);
            }
        }
        return fail("rsyslogd is not installed: run .ci/install-deps.sh");
    }

    @BeforeEach
    void startRsyslog() throws Exception
    {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            DatagramSocket d = new DatagramSocket(0, InetAddress.getLoopbackAddress()))
        {
            tcpPort = s.getLocalPort();
            udpPort = d.getLocalPort();
        }
        received = dir.resolve("received.log");
        final Path work = Files.createDirectories(dir.resolve("rsyslog"));
        final Path conf = dir.resolve("rsyslog.conf");
        Files.writeString(conf, String.join("\n",
            "global(workDirectory=\"" + work + "\")",
            "module(load=\"imptcp\")",
            "module(load=\"imudp\")",
            "input(type=\"imptcp\" address=\"127.0.0.1\" port=\"" + tcpPort + "\")",
            "input(type=\"imudp\" address=\"127.0.0.1\" port=\"" + udpPort + "\")",
            "template(name=\"raw\" type=\"string\" string=\"%rawmsg%\\n\")",
            "action(type=\"omfile\" file=\"" + received + "\" template=\"raw\" flushOnTXEnd=\"on\")", ""));
        rsyslogd = new ProcessBuilder(rsyslogd().toString(), "-n", "-f", conf.toString(),
            "-i", dir.resolve("rsyslogd.pid").toString())
            .redirectErrorStream(true).redirectOutput(dir.resolve("rsyslogd.out").toFile()).start();
        for (int i = 0; i < 1_000; i++)
        {
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), tcpPort))
            {
                return;
            }
            catch (final IOException notYet)
            {
                assertTrue(rsyslogd.isAlive(), "rsyslogd exited: " + Files.readString(dir.resolve("rsyslogd.out")));
                Thread.sleep(10);
            }
        }
        fail("rsyslogd did not listen on 127.0.0.1:" + tcpPort);
    }

    @AfterEach
    void stopRsyslog() throws Exception
    {
        if (rsyslogd != null)
        {
            rsyslogd.destroy();
            if (!rsyslogd.waitFor(10, TimeUnit.SECONDS))
            {
                rsyslogd.destroyForcibly();
            }
        }
    }

    /** Waits until rsyslog has written {@code n} lines (or 20 s), returns them. */
    private List<String> awaitLines(final int n) throws Exception
    {
        List<String> lines = List.of();
        for (int i = 0; i < 2_000; i++)
        {
            if (Files.exists(received))
            {
                lines = Files.readAllLines(received, StandardCharsets.UTF_8);
                if (lines.size() >= n)
                {
                    Thread.sleep(100); // and no more than n arrive
                    return Files.readAllLines(received, StandardCharsets.UTF_8);
                }
            }
            Thread.sleep(10);
        }
        return lines;
    }

    private static String message(final int i, final String app)
    {
        return "<134>1 2026-11-25T10:00:00.000001Z host " + app + " " + i + " - - forwarded message " + i + " caf\u00e9";
    }

    @Test
    void everySelectedRecordArrivesAndTheCheckpointResumes() throws Exception
    {
        final Path journal = dir.resolve("j");
        final Path checkpoint = dir.resolve("forward.checkpoint");
        final int selected = 3_000;
        try (EngineJournal engine = new EngineJournal(journal))
        {
            for (int i = 0; i < selected + 30; i++)
            {
                engine.tcp("2026-11-25T10:00:00Z", message(i, i % 101 == 100 ? "other" : "fw"));
            }
            final int fw = selected + 30 - 30;
            final CliRun first = CliRun.run("forward", "--to", "tcp://127.0.0.1:" + tcpPort, "-t", "fw",
                "--checkpoint", checkpoint.toString(), "--journal", journal.toString());
            assertEquals(0, first.exitCode, first.toString());
            assertEquals("ringlog: forwarded " + fw + " message(s) to tcp://127.0.0.1:" + tcpPort + "\n",
                first.stderr);
            List<String> lines = awaitLines(fw);
            assertEquals(fw, lines.size());
            assertEquals(message(0, "fw"), lines.get(0));
            assertTrue(lines.stream().noneMatch(l -> l.contains(" other ")));

            final CliRun again = CliRun.run("forward", "--to", "tcp://127.0.0.1:" + tcpPort, "-t", "fw",
                "--checkpoint", checkpoint.toString(), "--journal", journal.toString());
            assertTrue(again.stderr.startsWith("ringlog: forwarded 0 message(s)"), again.toString());

            for (int i = 0; i < 7; i++)
            {
                engine.tcp("2026-11-25T10:00:01Z", message(10_000 + i, "fw"));
            }
            final CliRun resumed = CliRun.run("forward", "--to", "tcp://127.0.0.1:" + tcpPort, "-t", "fw",
                "--framing", "lf", "--checkpoint", checkpoint.toString(), "--journal", journal.toString());
            assertTrue(resumed.stderr.startsWith("ringlog: forwarded 7 message(s)"), resumed.toString());
            lines = awaitLines(fw + 7);
            assertEquals(fw + 7, lines.size());
            assertEquals(message(10_006, "fw"), lines.get(fw + 6));

            final CliRun udp = CliRun.run("forward", "--to", "udp://127.0.0.1:" + udpPort, "-t", "other",
                "--rate", "2000", "--journal", journal.toString());
            assertEquals(0, udp.exitCode, udp.toString());
            lines = awaitLines(fw + 7 + 30);
            assertEquals(fw + 7 + 30, lines.size(), "30 UDP datagrams at 2000/s");
            assertEquals(30, lines.stream().filter(l -> l.contains(" other ")).count());

            final CliRun paced = CliRun.run("forward", "--to", "tcp://127.0.0.1:" + tcpPort, "--as-recorded",
                "--speed", "100", "--since", "2026-11-25T10:00:01Z", "--journal", journal.toString());
            assertTrue(paced.stderr.startsWith("ringlog: forwarded 7 message(s)"), paced.toString());
            assertEquals(fw + 7 + 30 + 7, awaitLines(fw + 7 + 30 + 7).size());
        }
    }

    @Test
    void refusedConnectionIsOneLine() throws Exception
    {
        final Path journal = dir.resolve("j");
        try (EngineJournal engine = new EngineJournal(journal))
        {
            engine.tcp("2026-11-25T10:00:00Z", message(1, "fw"));
        }
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            closedPort = s.getLocalPort();
        }
        final CliRun run = CliRun.run("forward", "--to", "tcp://127.0.0.1:" + closedPort, "--journal",
            journal.toString());
        assertEquals(1, run.exitCode);
        assertTrue(run.stderr.startsWith("ringlog: cannot forward to tcp://127.0.0.1:" + closedPort + ": "),
            run.stderr);
        assertEquals(1, run.errLines().length);
        final CliRun bad = CliRun.run("forward", "--to", "http://x", "--journal", journal.toString());
        assertEquals(2, bad.exitCode, bad.toString());
    }
}
