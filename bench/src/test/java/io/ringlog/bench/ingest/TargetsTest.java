package io.ringlog.bench.ingest;

import io.ringlog.bench.IngestTestSupport;
import io.ringlog.bench.load.Transport;
import io.ringlog.engine.counters.Counter;
import io.ringlog.engine.counters.CountersFile;
import io.ringlog.engine.event.LogEvent;
import io.ringlog.engine.event.MessageFormat;
import io.ringlog.engine.parse.SyslogParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class TargetsTest
{
    @Test
    void messageFileHoldsFramedRfc5424MessagesOfFixedLengthWithTheirSequence(@TempDir final Path dir) throws Exception
    {
        final MessageFile file = MessageFile.generate(dir.resolve("m.syslog"), 3, 41);
        final byte[] bytes = Files.readAllBytes(file.path());
        assertEquals(3 * (4 + MessageFile.MESSAGE_BYTES), bytes.length);
        final SyslogParser parser = new SyslogParser();
        for (int i = 0; i < 3; i++)
        {
            final int at = i * (4 + MessageFile.MESSAGE_BYTES);
            assertEquals("200 ", new String(bytes, at, 4, StandardCharsets.US_ASCII));
            final LogEvent event = new LogEvent(1024);
            System.arraycopy(bytes, at + 4, event.raw, 0, MessageFile.MESSAGE_BYTES);
            event.rawLength = MessageFile.MESSAGE_BYTES;
            assertTrue(parser.parse(event));
            assertEquals(MessageFormat.RFC5424, event.format);
            final String text = new String(bytes, at + 4, MessageFile.MESSAGE_BYTES, StandardCharsets.US_ASCII);
            assertTrue(text.contains("[meta seq=\"00000000" + (41 + i) + "\"]"), text);
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void countersViewReadsWhatCountersFileReads(@TempDir final Path dir) throws Exception
    {
        final MessageFile file = MessageFile.generate(dir.resolve("m.syslog"), 500, 0);
        final Path runDir = dir.resolve("run");
        try (RinglogTarget target = new RinglogTarget(IngestTestSupport.engineJar(), runDir, "blocking", 2, List.of()))
        {
            final RunResult r = new IngestRun(null, file, 0, 30_000).run(target, 1);
            assertEquals(0, r.loss(), r.verification().detail());
            final CountersFile.Snapshot snapshot = CountersFile.read(target.journal());
            try (CountersView view = CountersView.open(target.journal()))
            {
                for (final Counter c : Counter.values())
                {
                    assertEquals(snapshot.get(c), view.get(c), c.label());
                }
                assertEquals(500, view.get(Counter.JOURNALED));
            }
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void rsyslogPathCountsEveryLineWhenRsyslogIsInstalled(@TempDir final Path dir) throws Exception
    {
        final Path rsyslogd = RsyslogTarget.find();
        assumeTrue(rsyslogd != null, "rsyslogd not installed (bench/scripts/install-peers.sh)");
        final MessageFile warm = MessageFile.generate(dir.resolve("w.syslog"), 100, 0);
        final MessageFile timed = MessageFile.generate(dir.resolve("t.syslog"), 1000, 100);
        try (RsyslogTarget target = new RsyslogTarget(rsyslogd, dir.resolve("run")))
        {
            final RunResult r = new IngestRun(warm, timed, 0, 30_000).run(target, 1);
            assertEquals(0, r.exitCode());
            assertEquals(1100, r.verification().stored(), r.verification().detail());
            assertTrue(r.ok(), r.toString());
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void syslogNgPathCountsEveryLineWhenItIsUnpacked(@TempDir final Path dir) throws Exception
    {
        final Path root = SyslogNgTarget.find();
        assumeTrue(root != null, "syslog-ng not unpacked (bench/scripts/install-peers.sh syslog-ng)");
        final MessageFile warm = MessageFile.generate(dir.resolve("w.syslog"), 100, 0);
        final MessageFile timed = MessageFile.generate(dir.resolve("t.syslog"), 1000, 100);
        try (SyslogNgTarget target = new SyslogNgTarget(root, dir.resolve("run"), Transport.TCP_OCTET,
            MessageFile.MESSAGE_BYTES))
        {
            final RunResult r = new IngestRun(warm, timed, 0, 30_000).run(target, 1);
            System.out.println("syslog-ng: " + r);
            assertEquals(0, r.exitCode());
            assertEquals(1100, r.verification().stored(), r.verification().detail());
            assertTrue(r.verification().detail().contains("every line complete"), r.verification().detail());
            assertTrue(r.ok(), r.toString());
        }
    }

    @Test
    void gcCountOfAJvmIsReadFromItsPerfDataAndGrowsWithACollection()
    {
        final long pid = ProcessHandle.current().pid();
        final long before = HsPerfData.gcCount(pid);
        assumeTrue(before >= 0, "this JVM has no perf-data file (-XX:-UsePerfData?)");
        System.gc();
        final long after = HsPerfData.gcCount(pid);
        System.out.println("GC count of this JVM: " + before + " -> " + after + " after System.gc()");
        assertTrue(after > before, before + " -> " + after);
        assertEquals(-1, HsPerfData.gcCount(Long.MAX_VALUE), "no such process");
    }
}
