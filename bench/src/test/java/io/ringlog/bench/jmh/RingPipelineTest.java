package io.ringlog.bench.jmh;

import io.ringlog.bench.load.MessageLayout;
import io.ringlog.bench.load.SyslogFormat;
import io.ringlog.bench.load.Transport;
import io.ringlog.engine.config.EngineConfig;
import io.ringlog.engine.event.MessageFormat;
import io.ringlog.engine.journal.JournalReader;
import io.ringlog.engine.journal.JournalRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The benchmark's listener-free ring journals every message it publishes, and its accounting check can fail. */
class RingPipelineTest
{
    private static final int MESSAGES = 10_000; // not a multiple of the per-read group: the last group is partial

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void journalsEveryPublishedMessageInOrderWithItsBytes() throws Exception
    {
        final byte[] message = MessageLayout.of(SyslogFormat.RFC5424, Transport.UDP, 200).frame(7, 7);
        final EngineConfig config = new EngineConfig().set("ring.parsers", "2", "test").validate();
        final RingPipeline pipeline = RingPipeline.start(config);
        final Path dir = pipeline.dir();
        try
        {
            pipeline.publish(message, message.length, MESSAGES, PipelineBenchmark.PER_READ);
            assertEquals(MESSAGES, pipeline.awaitJournaled());
            int records = 0;
            final byte[] raw = new byte[1024];
            try (JournalReader reader = new JournalReader(dir).toStart())
            {
                for (JournalRecord r = reader.next(); r != null && records <= MESSAGES; r = reader.next())
                {
                    final int length = r.getRaw(raw);
                    assertArrayEquals(message, Arrays.copyOf(raw, length), "record " + records);
                    assertEquals(MessageFormat.RFC5424, r.format(), "record " + records);
                    assertEquals(40_000, r.sourcePort());
                    assertTrue(r.receivedAtNanos() > 0);
                    records++;
                }
            }
            System.out.printf("ring pipeline (2 parsers): published %d, journaled %d, records read back %d%n",
                pipeline.published(), MESSAGES, records);
            assertEquals(MESSAGES, records);
        }
        finally
        {
            pipeline.close();
        }
        assertFalse(Files.exists(dir), "journal directory deleted");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void closeFailsWhenNotEveryMessageWasJournaled() throws Exception
    {
        final byte[] message = MessageLayout.of(SyslogFormat.RFC3164, Transport.UDP, 200).frame(7, 7);
        // severity notice (5) is below "err": the logic stage filters every message, so none is journaled
        final EngineConfig config = new EngineConfig().set("logic.minSeverity", "err", "test").validate();
        final RingPipeline pipeline = RingPipeline.start(config);
        final Path dir = pipeline.dir();
        pipeline.publish(message, message.length, 100, PipelineBenchmark.PER_READ);
        final IllegalStateException e = assertThrows(IllegalStateException.class, pipeline::close);
        System.out.println("accounting check: " + e.getMessage());
        assertTrue(e.getMessage().contains("published 100, journaled 0"), e.getMessage());
        assertFalse(Files.exists(dir), "journal directory deleted");
    }
}
