package io.ringlog.engine.it;

import io.ringlog.engine.counters.Counter;
import io.ringlog.engine.counters.CountersFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The same jar, with no flags, on Java 25: the manifest's Add-Exports/Add-Opens must be enough. */
class Java25IT
{
    private static final Path JAVA_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");

    @Test
    void runsOnJava25WithNoJvmFlags(@TempDir final Path dir) throws Exception
    {
        Assumptions.assumeTrue(Files.isExecutable(JAVA_25), "no Temurin 25 at " + JAVA_25);
        final List<String> cmd = List.of(JAVA_25.toString(), "-jar", RinglogdProcess.jar().toString(),
            "--tcp-port", "0", "--udp-port", "-1", "--journal", "j");
        try (RinglogdProcess p = RinglogdProcess.start(dir, cmd, null))
        {
            assertNotNull(p.firstLine, p.stderrText());
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), p.tcpPort))
            {
                final OutputStream out = s.getOutputStream();
                for (int i = 0; i < 1000; i++)
                {
                    out.write(("<14>1 - h app - - - java 25 message " + i + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            assertEquals(0, p.terminate(), p.stderrText());
            final String err = p.stderrText();
            assertFalse(err.contains("IllegalAccess"), err);
            assertFalse(err.contains("Exception"), err);
            System.out.println("Java 25 stderr: " + err.strip().replace('\n', '|'));
        }
        assertEquals(1000, CountersFile.read(dir.resolve("j")).get(Counter.JOURNALED));
    }
}
