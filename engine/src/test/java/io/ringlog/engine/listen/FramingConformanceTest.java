package io.ringlog.engine.listen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringlog.engine.ConformanceFiles;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Feeds other implementations' RFC 6587 framing cases ({@code shared/conformance/framing.jsonl}: go-syslog,
 * syslog-ng, Vector) through {@link StreamFramer}, in the reads the reference used, and prints the pass rate.
 *
 * <p>A case passes when the frames are byte-for-byte the reference's and, where the reference reports a framing
 * error (not a transport error, not "EOF before any frame"), the framer reports one too. A case's options map
 * onto the framer's: {@code trim_large_messages} to {@code truncateOversizeFrames}, the "NUL is not a
 * terminator" variant to {@code nulTerminates = false}. The one known, deliberate difference is Vector's UTF-8
 * requirement: frames are opaque octets here, as RFC 6587 and the other references have them.
 */
@Tag("conformance")
class FramingConformanceTest
{
    private static final double FLOOR = 0.90;

    @Test
    void framingCasesFromOtherImplementations() throws Exception
    {
        final Path dir = ConformanceFiles.dir();
        assumeTrue(dir != null, "shared/conformance not found above " + Path.of("").toAbsolutePath());
        final ObjectMapper json = new ObjectMapper();
        int total = 0;
        int passed = 0;
        final List<String> failures = new ArrayList<>();
        for (final String line : Files.readAllLines(dir.resolve("framing.jsonl")))
        {
            if (line.isBlank())
            {
                continue;
            }
            final JsonNode c = json.readTree(line);
            if (c.path("ambiguous").asBoolean(false))
            {
                continue;
            }
            total++;
            final String why = check(c);
            if (why == null)
            {
                passed++;
            }
            else
            {
                failures.add(c.get("id").asText() + ": " + why);
            }
        }
        final double rate = total == 0 ? 0 : (double)passed / total;
        System.out.printf("[conformance] framing: %d/%d = %.1f%%%n", passed, total, rate * 100);
        for (final String f : failures)
        {
            System.out.println("[conformance]     " + f);
        }
        assertTrue(total > 0);
        assertTrue(rate >= FLOOR, passed + "/" + total + " framing cases; failures: " + failures);
    }

    private static String check(final JsonNode c)
    {
        final JsonNode options = c.path("options");
        final int max = options.has("max_msg_size") ? options.get("max_msg_size").asInt() :
            options.has("max_length") ? options.get("max_length").asInt() : 65536;
        final String mode = c.path("framing").asText("auto");
        final int framing = "octet-counting".equals(mode) ? StreamFramer.FRAMING_OCTET_COUNTING :
            "non-transparent".equals(mode) ? StreamFramer.FRAMING_NON_TRANSPARENT : StreamFramer.FRAMING_UNKNOWN;
        final List<byte[]> chunks = new ArrayList<>();
        if (c.has("chunks_b64"))
        {
            for (final JsonNode ch : c.get("chunks_b64"))
            {
                chunks.add(Base64.getDecoder().decode(ch.asText()));
            }
        }
        else if (c.has("chunks"))
        {
            for (final JsonNode ch : c.get("chunks"))
            {
                chunks.add(ch.asText().getBytes(StandardCharsets.UTF_8));
            }
        }
        else
        {
            chunks.add(c.has("input_b64") ? Base64.getDecoder().decode(c.get("input_b64").asText()) :
                c.get("input").asText().getBytes(StandardCharsets.UTF_8));
        }
        final boolean trim = options.path("trim_large_messages").asBoolean(false);
        final boolean nulIsData = options.path("variant").asText("").contains("NUL is not a terminator");
        final StreamFramerTest.Collector sink = new StreamFramerTest.Collector(null);
        final int result = StreamFramerTest.feed(new StreamFramer(max, framing, trim, !nulIsData), sink, chunks);

        final JsonNode expect = c.get("expect");
        final List<byte[]> expected = new ArrayList<>();
        if (expect.has("frames_b64"))
        {
            for (final JsonNode f : expect.get("frames_b64"))
            {
                expected.add(Base64.getDecoder().decode(f.asText()));
            }
        }
        else
        {
            for (final JsonNode f : expect.get("frames"))
            {
                expected.add(f.asText().getBytes(StandardCharsets.UTF_8));
            }
        }
        if (expected.size() != sink.frames.size())
        {
            return "expected " + expected.size() + " frames, got " + sink.frames.size() + " " + sink.strings();
        }
        for (int i = 0; i < expected.size(); i++)
        {
            if (!java.util.Arrays.equals(expected.get(i), sink.frames.get(i)))
            {
                return "frame " + i + " differs: " + sink.strings().get(i);
            }
        }
        final String error = expect.path("error").isNull() ? null : expect.path("error").asText(null);
        final boolean framingError = error != null && !error.startsWith("transport error") &&
            !error.startsWith("found EOF, expecting a MSGLEN");
        final boolean weReported = result == StreamFramer.FRAMING_ERROR || result == StreamFramer.INCOMPLETE;
        if (framingError && !weReported)
        {
            return "reference reports '" + error + "', framer returned " + result;
        }
        if (error == null && weReported)
        {
            return "framer reported an error the reference does not";
        }
        return null;
    }
}
