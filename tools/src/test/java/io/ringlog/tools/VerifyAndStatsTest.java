package io.ringlog.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringlog.engine.journal.JournalRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ringlog verify} and {@code ringlog stats}. */
class VerifyAndStatsTest extends SelectorsTest
{
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path damagedDir;

    @Test
    void verifyPassesTheEngineJournal()
    {
        final CliRun run = CliRun.run("verify", "--journal", journal.toString());
        assertEquals(0, run.exitCode, run.toString());
        assertEquals(journal + ": 7 records, 7 sound, 0 damaged\n", run.out());
        assertEquals("", run.stderr, "no progress bar when stderr is not a terminal");
    }

    @Test
    void verifyNamesEveryDamagedRecordAndFails() throws Exception
    {
        final long crcBad;
        final long versionBad;
        final long truncated;
        try (JournalFixture j = new JournalFixture(damagedDir))
        {
            j.append(JournalFixture.event("fine", 1));
            j.append(JournalFixture.event("flipped bit", 2), r -> r[JournalRecord.HEADER_LENGTH + 1] ^= 1);
            crcBad = j.lastIndex();
            j.append(JournalFixture.event("from the future", 3), r -> r[0] = 7);
            versionBad = j.lastIndex();
            final byte[] whole = new byte[JournalRecord.HEADER_LENGTH + 20];
            whole[0] = 1;
            whole[1] = (byte)JournalRecord.HEADER_LENGTH;
            java.nio.ByteBuffer.wrap(whole).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .putInt(JournalRecord.RAW_LENGTH_OFFSET, 40);
            j.appendDocument(whole);
            truncated = j.lastIndex();
            j.append(JournalFixture.event("fine again", 4));
        }
        final CliRun run = CliRun.run("verify", "--journal", damagedDir.toString());
        assertEquals(1, run.exitCode, run.toString());
        final String[] lines = run.outLines();
        assertEquals(4, lines.length, run.out());
        assertTrue(lines[0].startsWith("damaged record at index " + crcBad + ": CRC32C mismatch"), lines[0]);
        assertEquals("damaged record at index " + versionBad +
            ": unknown journal record format version 7 (this ringlog reads version 1)", lines[1]);
        assertTrue(lines[2].startsWith("damaged record at index " + truncated + ": raw length 40 overruns"), lines[2]);
        assertEquals(damagedDir + ": 5 records, 2 sound, 3 damaged", lines[3]);
    }

    @Test
    void verifyOfAMissingJournalIsOneLine()
    {
        final CliRun run = CliRun.run("verify", "--journal", damagedDir.resolve("none").toString());
        assertEquals(1, run.exitCode);
        assertEquals("ringlog: journal directory " + damagedDir.resolve("none") + " does not exist\n", run.stderr);
    }

    @Test
    void statsCountEveryDimensionAsJson() throws Exception
    {
        final CliRun run = CliRun.run("stats", "-o", "json", "--journal", journal.toString());
        assertEquals(0, run.exitCode, run.toString());
        final JsonNode s = JSON.readTree(run.out());
        assertEquals(7, s.get("records").asLong());
        assertEquals("2026-11-25T10:00:00.000000000Z", s.get("first").asText());
        assertEquals("2026-11-25T10:05:00.000000000Z", s.get("last").asText());
        assertEquals(1, s.get("severity").get("emerg").asLong());
        assertEquals(1, s.get("severity").get("err").asLong());
        assertEquals(1, s.get("severity").get("warning").asLong());
        assertEquals(2, s.get("severity").get("notice").asLong());
        assertEquals(1, s.get("severity").get("info").asLong());
        assertEquals(1, s.get("severity").get("debug").asLong());
        assertEquals(4, s.get("facility").get("user").asLong());
        assertEquals(1, s.get("facility").get("kern").asLong());
        assertEquals(1, s.get("facility").get("local0").asLong());
        assertEquals(1, s.get("facility").get("local4").asLong());
        assertEquals(3, s.get("hosts").get("distinct").asInt());
        assertEquals("[\"host-a\",3]", s.get("hosts").get("top").get(0).toString());
        assertEquals("[\"app-one\",3]", s.get("apps").get("top").get(0).toString());
        assertEquals(7, s.get("sources").get("distinct").asInt(), "each message came on its own connection");
        assertEquals("{}", s.get("tags").toString());
        assertEquals("minute", s.get("timeline").get("bucket").asText());
        assertEquals("[[\"2026-11-25T10:00Z\",2],[\"2026-11-25T10:01Z\",1],[\"2026-11-25T10:02Z\",1]," +
            "[\"2026-11-25T10:03Z\",1],[\"2026-11-25T10:04Z\",1],[\"2026-11-25T10:05Z\",1]]",
            s.get("timeline").get("counts").toString());

        final JsonNode hourly = JSON.readTree(CliRun.run("stats", "-o", "json", "--timeline", "hour", "--journal",
            journal.toString()).out());
        assertEquals("[[\"2026-11-25T10:00Z\",7]]", hourly.get("timeline").get("counts").toString());
    }

    @Test
    void statsTakeTheSelectorsAndPrintATable() throws Exception
    {
        final JsonNode s = JSON.readTree(CliRun.run("stats", "-o", "json", "-H", "host-a", "--journal",
            journal.toString()).out());
        assertEquals(3, s.get("records").asLong());
        assertEquals(1, s.get("hosts").get("distinct").asInt());

        final CliRun text = CliRun.run("stats", "--top", "2", "--journal", journal.toString());
        assertEquals(0, text.exitCode, text.toString());
        final String out = text.out();
        assertTrue(out.startsWith("records 7, received from 2026-11-25T10:00:00.000000000Z to "), out);
        assertTrue(out.contains("\nhost (top 2 of 3)\n  host-a "), out);
        assertTrue(out.matches("(?s).*\n  emerg +1 +14\\.29%\n.*"), out);
        assertTrue(out.contains("\ntimeline (per minute, receipt time, UTC)\n2026-11-25T10:00Z"), out);
        assertFalse(out.contains("\u001b"), out);
        final CliRun bad = CliRun.run("stats", "--timeline", "fortnight", "--journal", journal.toString());
        assertEquals(2, bad.exitCode);
    }
}
