package io.ringlog.tools;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code tail -f} follows a journal the running engine is writing, with filters, and stops cleanly. */
class TailFollowTest
{
    @TempDir
    Path dir;

    /** Collects output; thread-safe so the test can watch what the follower printed. */
    private static final class Watched extends OutputStream
    {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public synchronized void write(final int b)
        {
            bytes.write(b);
        }

        @Override
        public synchronized void write(final byte[] b, final int off, final int len)
        {
            bytes.write(b, off, len);
        }

        synchronized String text()
        {
            return bytes.toString(StandardCharsets.UTF_8);
        }

        String awaitLines(final int n) throws InterruptedException
        {
            for (int i = 0; i < 2_000; i++)
            {
                final String t = text();
                if (t.split("\n", -1).length > n)
                {
                    return t;
                }
                Thread.sleep(5);
            }
            return text();
        }
    }

    @Test
    void followsNewRecordsWithFiltersUntilStopped() throws Exception
    {
        final Path journal = dir.resolve("j");
        final ExecutorService runner = Executors.newSingleThreadExecutor();
        try (EngineJournal engine = new EngineJournal(journal))
        {
            engine.tcp("2026-11-25T10:00:00Z", "<11>1 - h1 app - - - old error")
                .tcp("2026-11-25T10:00:01Z", "<14>1 - h1 app - - - old info");
            final Watched out = new Watched();
            final ByteArrayOutputStream err = new ByteArrayOutputStream();
            final Future<Integer> exit = runner.submit(() -> Ringlog.run(new String[] {"tail", "-f", "-p", "err",
                    "-o", "cat", "--journal", journal.toString()},
                new PrintStream(out, false, StandardCharsets.UTF_8), new PrintStream(err, true)));
            assertEquals("old error\n", out.awaitLines(1));
            engine.tcp("2026-11-25T10:00:02Z", "<14>1 - h1 app - - - new info, filtered out")
                .tcp("2026-11-25T10:00:03Z", "<10>1 - h1 app - - - new crit \u001b[2J");
            assertEquals("old error\nnew crit \\x1b[2J\n", out.awaitLines(2));
            engine.tcp("2026-11-25T10:00:04Z", "<8>1 - h1 app - - - new emerg");
            assertEquals("old error\nnew crit \\x1b[2J\nnew emerg\n", out.awaitLines(3));
            StopSignal.request();
            assertEquals(0, exit.get(10, TimeUnit.SECONDS));
            assertEquals("", err.toString());
        }
        finally
        {
            runner.shutdownNow();
        }
    }

    @Test
    void stopsWhenTheOutputIsClosed() throws Exception
    {
        final Path journal = dir.resolve("j");
        final ExecutorService runner = Executors.newSingleThreadExecutor();
        try (EngineJournal engine = new EngineJournal(journal))
        {
            engine.tcp("2026-11-25T10:00:00Z", "<11>1 - h1 app - - - first");
            final int[] writes = {0};
            final OutputStream closesAfterFirstLine = new OutputStream()
            {
                @Override
                public void write(final int b) throws java.io.IOException
                {
                    write(new byte[] {(byte)b}, 0, 1);
                }

                @Override
                public synchronized void write(final byte[] b, final int off, final int len) throws java.io.IOException
                {
                    if (len > 0 && ++writes[0] > 1)
                    {
                        throw new java.io.IOException("Broken pipe");
                    }
                }
            };
            final Future<Integer> exit = runner.submit(() -> Ringlog.run(new String[] {"tail", "-f", "-o", "raw",
                "--journal", journal.toString()}, new PrintStream(closesAfterFirstLine), System.err));
            for (int i = 0; i < 2_000 && writes[0] == 0; i++)
            {
                Thread.sleep(5);
            }
            engine.tcp("2026-11-25T10:00:01Z", "<11>1 - h1 app - - - second, to a closed pipe");
            assertEquals(0, exit.get(10, TimeUnit.SECONDS));
            assertTrue(writes[0] >= 2);
        }
        finally
        {
            runner.shutdownNow();
        }
    }
}
