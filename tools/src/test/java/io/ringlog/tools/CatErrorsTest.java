package io.ringlog.tools;

import io.ringlog.engine.event.Field;
import io.ringlog.engine.event.LogEvent;
import io.ringlog.engine.journal.JournalRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatErrorsTest
{
    @TempDir
    Path dir;

    @Test
    void damagedRecordIsNamedSkippedAndFailsTheRun() throws Exception
    {
        final long badIndex;
        try (JournalFixture journal = new JournalFixture(dir))
        {
            journal.append(JournalFixture.event("first", 1));
            journal.append(JournalFixture.event("second, damaged", 2),
                record -> record[JournalRecord.HEADER_LENGTH + 3] ^= 0x20);
            badIndex = journal.lastIndex();
            journal.append(JournalFixture.event("third", 3));
        }

        for (final String format : new String[] {"short", "json", "raw", "cat"})
        {
            final CliRun run = CliRun.run("cat", "--journal", dir.toString(), "-o", format);
            assertEquals(1, run.exitCode, run.toString());
            assertEquals(2, run.outLines().length, run.toString());
            assertFalse(run.out().contains("second"));
            final String[] err = run.errLines();
            assertEquals(2, err.length, run.stderr);
            assertTrue(err[0].startsWith("ringlog: skipped record at index " + badIndex + ": CRC32C mismatch"),
                err[0]);
            assertEquals("ringlog: 1 damaged record(s) skipped", err[1]);
        }
        assertEquals("first\nthird\n", CliRun.run("cat", "--journal", dir.toString(), "-o", "raw").out());
    }

    @Test
    void unknownVersionIsOneClearLine() throws Exception
    {
        final long badIndex;
        try (JournalFixture journal = new JournalFixture(dir))
        {
            journal.append(JournalFixture.event("before", 1));
            journal.append(JournalFixture.event("from the future", 2), record -> record[0] = 9);
            badIndex = journal.lastIndex();
            journal.append(JournalFixture.event("after", 3));
        }
        final CliRun run = CliRun.run("cat", "--journal", dir.toString(), "-o", "cat");
        assertEquals(1, run.exitCode, run.toString());
        assertEquals("before\nafter\n", run.out());
        assertEquals("ringlog: skipped record at index " + badIndex +
            ": unknown journal record format version 9 (this ringlog reads version 1)", run.errLines()[0]);
        assertFalse(run.stderr.contains("Exception"));
        assertFalse(run.stderr.contains("\tat "));
    }

    @Test
    void inconsistentLengthsAreSkippedNotThrown() throws Exception
    {
        try (JournalFixture journal = new JournalFixture(dir))
        {
            journal.appendDocument(new byte[] {1});
            final byte[] huge = new byte[JournalRecord.HEADER_LENGTH + 4];
            huge[0] = 1;
            huge[1] = (byte)JournalRecord.HEADER_LENGTH;
            ByteBuffer.wrap(huge).order(ByteOrder.LITTLE_ENDIAN).putInt(JournalRecord.RAW_LENGTH_OFFSET, 0x7FFFFFF0);
            journal.appendDocument(huge);
            journal.append(JournalFixture.event("ok", 3));
        }
        final CliRun run = CliRun.run("cat", "--journal", dir.toString(), "-o", "json");
        assertEquals(1, run.exitCode, run.toString());
        assertEquals(1, run.outLines().length);
        assertEquals(3, run.errLines().length, run.stderr);
        assertTrue(run.errLines()[0].contains("shorter than any header"), run.stderr);
        assertTrue(run.errLines()[1].contains("raw length 2147483632 overruns"), run.stderr);
    }

    @Test
    void fieldOutsideTheRawBytesIsTreatedAsAbsent() throws Exception
    {
        final LogEvent e = JournalFixture.event("short", 1);
        e.field(Field.HOSTNAME, 2, -1);
        e.field(Field.MESSAGE, 1, Integer.MAX_VALUE);
        try (JournalFixture journal = new JournalFixture(dir))
        {
            journal.append(e);
        }
        final CliRun run = CliRun.run("cat", "--journal", dir.toString(), "-o", "json");
        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.out().contains("\"hostname\":null"), run.out());
        assertTrue(run.out().contains("\"message\":null"), run.out());
    }

    @Test
    void missingDirectoryIsOneLine()
    {
        final Path missing = dir.resolve("nope");
        final CliRun run = CliRun.run("cat", "--journal", missing.toString());
        assertEquals(1, run.exitCode);
        assertEquals(0, run.stdout.length);
        assertEquals("ringlog: journal directory " + missing + " does not exist\n", run.stderr);
    }

    @Test
    void directoryThatIsNotAJournalIsOneLine() throws Exception
    {
        Files.writeString(dir.resolve("x.txt"), "hello");
        final CliRun run = CliRun.run("cat", "--journal", dir.toString());
        assertEquals(1, run.exitCode);
        assertEquals(1, run.errLines().length, run.stderr);
        assertTrue(run.stderr.startsWith("ringlog: " + dir + " is not a ringlog journal"), run.stderr);

        final CliRun file = CliRun.run("cat", "--journal", dir.resolve("x.txt").toString());
        assertEquals(1, file.exitCode);
        assertEquals("ringlog: " + dir.resolve("x.txt") + " is not a directory\n", file.stderr);
    }

    @Test
    void closedOutputStopsQuietly() throws Exception
    {
        try (JournalFixture journal = new JournalFixture(dir))
        {
            for (int i = 0; i < 5_000; i++)
            {
                journal.append(JournalFixture.event("message number " + i + " with some padding to fill", i));
            }
        }
        final int[] writes = {0};
        final OutputStream closesAfterOneWrite = new OutputStream()
        {
            @Override
            public void write(final int b) throws IOException
            {
                write(new byte[] {(byte)b}, 0, 1);
            }

            @Override
            public void write(final byte[] b, final int off, final int len) throws IOException
            {
                if (++writes[0] > 1)
                {
                    throw new IOException("Broken pipe");
                }
            }
        };
        final java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        final int code = Ringlog.run(new String[] {"cat", "--journal", dir.toString(), "-o", "json"},
            new PrintStream(closesAfterOneWrite), new PrintStream(err, true));
        assertEquals(0, code);
        assertEquals("", err.toString());
        assertEquals(2, writes[0], "stops after the first failed write");

        final JournalDump.Result result = new JournalDump(OutputFormat.RAW.newFormatter(),
            new OutputStream()
            {
                @Override
                public void write(final int b) throws IOException
                {
                    throw new IOException("closed");
                }

                @Override
                public void write(final byte[] b, final int off, final int len) throws IOException
                {
                    throw new IOException("closed");
                }
            }, new PrintStream(err)).dump(dir);
        assertTrue(result.outputClosed());
        assertTrue(result.written() < 5_000);
        assertEquals(0, result.exitCode());
    }
}
