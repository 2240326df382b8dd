package io.ringlog.engine.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ringlogd never phones home. Chronicle Queue sends a Google Analytics event when a queue is built unless
 * {@code chronicle.analytics.disable} is set; the engine jar sets it from its {@code system.properties} resource.
 * Proof, on the real jar run with no flags under strace: no connect() to anything but loopback (its own
 * listener is never connected to by the engine either, so any INET connect is suspect), no DNS query, and no
 * {@code .chronicle.analytics.*} file in a fresh home directory.
 */
class NoPhoneHomeIT
{
    @Test
    void theEngineMakesNoOutboundConnectionAndWritesNoAnalyticsFile(@TempDir final Path dir) throws Exception
    {
        final Path strace = Path.of("/usr/bin/strace");
        assertTrue(Files.isExecutable(strace), "strace is needed for this test: run .ci/install-deps.sh");
        final Path home = Files.createDirectories(dir.resolve("home"));
        final Path trace = dir.resolve("strace.txt");
        final List<String> cmd = new ArrayList<>(List.of(strace.toString(), "-f", "-qq", "-e", "trace=connect,sendto",
            "-o", trace.toString(), RinglogdProcess.java(), "-Duser.home=" + home, "-jar",
            RinglogdProcess.jar().toString(), "--tcp-port", "0", "--udp-port", "0", "--journal", "j"));
        try (RinglogdProcess p = RinglogdProcess.start(dir, cmd, home))
        {
            assertNotNull(p.firstLine, p.stderrText());
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), p.tcpPort))
            {
                final OutputStream out = s.getOutputStream();
                out.write("<14>1 - h app - - - hello\n".getBytes(StandardCharsets.UTF_8));
            }
            Thread.sleep(2000); // Chronicle sends its event from a background thread shortly after build()
            // SIGTERM to the JVM itself (strace's child), so the engine stops gracefully under the tracer
            final ProcessHandle jvm = p.process.toHandle().children().findFirst().orElseThrow();
            jvm.destroy();
            assertEquals(0, p.waitForExit(), p.stderrText());
        }
        final List<String> connects = Files.readAllLines(trace).stream()
            .filter(l -> l.contains("connect(") || l.contains("sendto("))
            .filter(l -> l.contains("AF_INET"))
            .collect(Collectors.toList());
        final List<String> outbound = connects.stream()
            .filter(l -> !l.contains("inet_addr(\"127.0.0.1\")") && !l.contains("\"::1\""))
            .collect(Collectors.toList());
        assertEquals(List.of(), outbound, "INET connects other than loopback");
        assertFalse(connects.stream().anyMatch(l -> l.contains("htons(53)")), "no DNS lookups: " + connects);
        try (Stream<Path> files = Files.list(home))
        {
            assertEquals(List.of(), files.map(f -> f.getFileName().toString())
                .filter(n -> n.startsWith(".chronicle")).collect(Collectors.toList()));
        }
    }
}
