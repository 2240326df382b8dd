package io.ringlog.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringlog.engine.it.RinglogdProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole path as users see it: {@code java -jar ringlogd.jar} receives from real clients on free loopback
 * ports, then {@code java -jar ringlog.jar cat -o json} reads the journal back, and every field and the exact
 * raw bytes are checked.
 */
class EndToEndIT
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private static byte[] octet(final byte[] m)
    {
        final byte[] p = (m.length + " ").getBytes(StandardCharsets.US_ASCII);
        final byte[] out = new byte[p.length + m.length];
        System.arraycopy(p, 0, out, 0, p.length);
        System.arraycopy(m, 0, out, p.length, m.length);
        return out;
    }

    private static byte[] utf8(final String s)
    {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Runs {@code ringlog cat -o json} on the journal and returns one JSON object per record. */
    static List<JsonNode> catJson(final Path journal) throws Exception
    {
        final Path ringlogJar = Path.of(System.getProperty("ringlog.jar", "target/ringlog.jar"));
        final Process p = new ProcessBuilder(RinglogdProcess.java(), "-jar", ringlogJar.toString(), "cat", "-o", "json",
            "--journal", journal.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        final byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), "ringlog cat exit code");
        final List<JsonNode> records = new ArrayList<>();
        for (final String line : new String(out, StandardCharsets.UTF_8).split("\n"))
        {
            if (!line.isEmpty())
            {
                records.add(JSON.readTree(line));
            }
        }
        return records;
    }

    private static byte[] rawBytes(final JsonNode r)
    {
        // DESIGN.md: rawBase64 is present only when the bytes are not valid UTF-8
        return r.has("rawBase64") ? Base64.getDecoder().decode(r.get("rawBase64").asText()) : utf8(r.get("raw").asText());
    }

    private static String text(final JsonNode r, final String field)
    {
        final JsonNode n = r.get(field);
        assertNotNull(n, "field " + field + " present in " + r);
        return n.isNull() ? null : n.asText();
    }

    @Test
    void everyFramingAndTransportFromJavaClientsReadsBackExactly(@TempDir final Path dir) throws Exception
    {
        final byte[] sd5424 = utf8("<165>1 2026-11-25T04:36:48.123456+01:00 host.example.com evntslog 1234 ID47 " +
            "[exampleSDID@32473 iut=\"3\" eventSource=\"App\\\"lication\\]\" eventID=\"1011\"][examplePriority@32473 " +
            "class=\"high\"] \uFEFFAn application event");
        final byte[] lf3164 = utf8("<13>Nov 25 04:36:48 myhost sshd[4711]: Accepted publickey for alice");
        final byte[] udpNil = utf8("<14>1 - - - - - -");
        final byte[] hostile = {'<', '1', '4', '>', '1', ' ', '-', ' ', 'h', ' ', 'a', ' ', '-', ' ', '-', ' ', '-',
            ' ', 'x', 0, 27, '[', '3', '1', 'm', (byte)0xC3, (byte)0x28, 'y'};
        final byte[] garbage = utf8("not syslog at all {\"json\": maybe}");
        final int connections = 110;
        final Set<String> concurrent = new HashSet<>();
        try (RinglogdProcess engine = RinglogdProcess.start(dir, "--tcp-port", "0", "--udp-port", "0", "--journal", "j"))
        {
            assertNotNull(engine.firstLine, engine.stderrText());
            send(engine.tcpPort, octet(sd5424));
            send(engine.tcpPort, (new String(lf3164, StandardCharsets.UTF_8) + "\r\n").getBytes(StandardCharsets.UTF_8));
            send(engine.tcpPort, octet(hostile));
            send(engine.tcpPort, octet(garbage));
            try (DatagramSocket udp = new DatagramSocket())
            {
                udp.send(new DatagramPacket(udpNil, udpNil.length, InetAddress.getLoopbackAddress(), engine.udpPort));
            }
            final List<Socket> open = new ArrayList<>();
            for (int c = 0; c < connections; c++)
            {
                open.add(new Socket(InetAddress.getLoopbackAddress(), engine.tcpPort));
            }
            for (int m = 0; m < 5; m++)
            {
                for (int c = 0; c < connections; c++)
                {
                    final String msg = "<13>1 - h app - - - concurrent c" + c + " m" + m;
                    concurrent.add(msg);
                    final OutputStream out = open.get(c).getOutputStream();
                    out.write(c % 2 == 0 ? octet(utf8(msg)) : utf8(msg + "\n"));
                }
            }
            for (final Socket s : open)
            {
                s.close();
            }
            Thread.sleep(300); // the UDP datagram and the last connections are read before the stop
            assertEquals(0, engine.terminate(), engine.stderrText());
        }

        final Map<String, JsonNode> byRaw = new HashMap<>();
        final List<JsonNode> records = catJson(dir.resolve("j"));
        for (final JsonNode r : records)
        {
            byRaw.put(Base64.getEncoder().encodeToString(rawBytes(r)), r);
        }
        assertEquals(5 + connections * 5, records.size());

        final JsonNode a = byRaw.get(Base64.getEncoder().encodeToString(sd5424));
        assertNotNull(a, "the RFC 5424 record, byte-exact");
        assertEquals("rfc5424", text(a, "format"));
        assertTrue(text(a, "source").startsWith("tcp://127.0.0.1:"));
        assertEquals(20, a.get("facility").asInt());
        assertEquals(5, a.get("severity").asInt());
        assertEquals("2026-11-25T04:36:48.123456+01:00", text(a, "timestamp"));
        assertEquals("host.example.com", text(a, "hostname"));
        assertEquals("evntslog", text(a, "appName"));
        assertEquals("1234", text(a, "procId"));
        assertEquals("ID47", text(a, "msgId"));
        assertEquals("[{\"id\":\"exampleSDID@32473\",\"params\":[[\"iut\",\"3\"],[\"eventSource\",\"App\\\"lication]\"]," +
            "[\"eventID\",\"1011\"]]},{\"id\":\"examplePriority@32473\",\"params\":[[\"class\",\"high\"]]}]",
            a.get("structuredData").toString());
        assertEquals("An application event", text(a, "message"));
        assertTrue(a.get("error").isNull());
        assertTrue(a.get("tags").isArray());
        assertTrue(text(a, "receivedAt").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z"));
        assertTrue(a.get("index").isNumber());

        final JsonNode b = byRaw.get(Base64.getEncoder().encodeToString(lf3164));
        assertNotNull(b, "the LF-framed 3164 record without its CR LF");
        assertEquals("rfc3164", text(b, "format"));
        assertEquals(1, b.get("facility").asInt());
        assertEquals(5, b.get("severity").asInt());
        assertTrue(text(b, "timestamp").matches("\\d{4}-11-25T04:36:48Z"), text(b, "timestamp"));
        assertEquals("myhost", text(b, "hostname"));
        assertEquals("sshd", text(b, "appName"));
        assertEquals("4711", text(b, "procId"));
        assertTrue(b.get("msgId").isNull());
        assertTrue(b.get("structuredData").isNull());
        assertEquals("Accepted publickey for alice", text(b, "message"));

        final JsonNode c = byRaw.get(Base64.getEncoder().encodeToString(udpNil));
        assertNotNull(c, "the UDP record");
        assertTrue(text(c, "source").startsWith("udp://127.0.0.1:"));
        for (final String nil : new String[] {"timestamp", "hostname", "appName", "procId", "msgId", "structuredData",
            "message"})
        {
            assertTrue(c.get(nil).isNull(), nil + " is null for NILVALUE: " + c);
        }

        final JsonNode h = byRaw.get(Base64.getEncoder().encodeToString(hostile));
        assertNotNull(h, "hostile bytes kept exactly");
        assertArrayEquals(hostile, Base64.getDecoder().decode(text(h, "rawBase64")));
        assertTrue(text(h, "raw").contains("\uFFFD"));

        final JsonNode g = byRaw.get(Base64.getEncoder().encodeToString(garbage));
        assertNotNull(g, "a message that does not parse is journaled");
        assertEquals("rfc3164", text(g, "format"), "RFC 3164 is lenient: anything with no PRI is a 3164 message");

        final Set<String> got = new HashSet<>();
        for (final JsonNode r : records)
        {
            if (text(r, "raw").contains("concurrent"))
            {
                got.add(text(r, "raw"));
            }
        }
        assertEquals(concurrent, got, "110 concurrent connections, octet and LF framing mixed on one port");
    }

    @Test
    void utilLinuxLoggerIsARealClient(@TempDir final Path dir) throws Exception
    {
        final String hostname = run("hostname").strip();
        try (RinglogdProcess engine = RinglogdProcess.start(dir, "--tcp-port", "0", "--udp-port", "0", "--journal", "j"))
        {
            assertNotNull(engine.firstLine, engine.stderrText());
            final String port = String.valueOf(engine.tcpPort);
            run("logger", "-n", "127.0.0.1", "-P", port, "-T", "--octet-count", "--rfc5424", "-t", "myapp",
                "--id=4242", "-p", "local0.warning", "--msgid", "MID", "--sd-id", "test@32473", "--sd-param",
                "k=\"v 1\"", "hello 5424 over tcp");
            run("logger", "-n", "127.0.0.1", "-P", port, "-T", "--rfc3164", "-t", "app3164", "--id=77",
                "-p", "user.err", "hello 3164 over tcp");
            run("logger", "-n", "127.0.0.1", "-P", String.valueOf(engine.udpPort), "-d", "-t", "appudp",
                "-p", "daemon.info", "hello over udp");
            Thread.sleep(300);
            final JsonNode live = JSON.readTree(ringlog("stat", "-o", "json", "--journal", dir.resolve("j").toString()));
            assertTrue(live.get("running").asBoolean(), live.toString());
            assertEquals(engine.process.pid(), live.get("pid").asLong());
            assertEquals(0, engine.terminate(), engine.stderrText());
        }
        final JsonNode stopped = JSON.readTree(ringlog("stat", "-o", "json", "--journal", dir.resolve("j").toString()));
        assertFalse(stopped.get("running").asBoolean(), stopped.toString());
        final JsonNode counters = stopped.get("counters");
        assertEquals(2, counters.get("received.tcp").asLong(), stopped.toString());
        assertEquals(1, counters.get("received.udp").asLong());
        assertEquals(3, counters.get("journaled").asLong());
        assertEquals(2, counters.get("tcp.accepted").asLong());
        final String text = ringlog("stat", "--journal", dir.resolve("j").toString());
        assertTrue(text.contains("received 3 = journaled 3 + filtered 0 + dropped 0"), text);
        final Map<String, JsonNode> byApp = new HashMap<>();
        for (final JsonNode r : catJson(dir.resolve("j")))
        {
            byApp.put(text(r, "appName"), r);
        }
        assertEquals(Set.of("myapp", "app3164", "appudp"), byApp.keySet());

        final JsonNode a = byApp.get("myapp");
        assertEquals("rfc5424", text(a, "format"));
        assertTrue(text(a, "source").startsWith("tcp://127.0.0.1:"));
        assertEquals(16, a.get("facility").asInt());
        assertEquals(4, a.get("severity").asInt());
        assertEquals(hostname, text(a, "hostname"));
        assertEquals("4242", text(a, "procId"));
        assertEquals("MID", text(a, "msgId"));
        assertEquals("hello 5424 over tcp", text(a, "message"));
        assertTrue(a.get("structuredData").toString().contains("{\"id\":\"test@32473\",\"params\":[[\"k\",\"v 1\"]]}"),
            a.get("structuredData").toString());
        assertTrue(text(a, "raw").startsWith("<132>1 "), text(a, "raw"));
        assertTrue(text(a, "raw").endsWith(" hello 5424 over tcp"), text(a, "raw"));

        final JsonNode b = byApp.get("app3164");
        assertEquals("rfc3164", text(b, "format"));
        assertEquals(1, b.get("facility").asInt());
        assertEquals(3, b.get("severity").asInt());
        assertEquals(hostname, text(b, "hostname"));
        assertEquals("77", text(b, "procId"));
        assertEquals("hello 3164 over tcp", text(b, "message"));
        assertTrue(text(b, "timestamp").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), text(b, "timestamp"));
        assertEquals("<11>", text(b, "raw").substring(0, 4));

        final JsonNode c = byApp.get("appudp");
        assertTrue(text(c, "source").startsWith("udp://127.0.0.1:"));
        assertEquals(3, c.get("facility").asInt());
        assertEquals(6, c.get("severity").asInt());
        assertEquals("hello over udp", text(c, "message"));
    }

    private static String ringlog(final String... args) throws Exception
    {
        final List<String> cmd = new ArrayList<>(List.of(RinglogdProcess.java(), "-jar",
            System.getProperty("ringlog.jar", "target/ringlog.jar")));
        cmd.addAll(List.of(args));
        return run(cmd.toArray(new String[0]));
    }

    private static void send(final int port, final byte[] bytes) throws IOException
    {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port))
        {
            s.getOutputStream().write(bytes);
        }
    }

    private static String run(final String... cmd) throws Exception
    {
        final Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + ": " + out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
