package io.ringlog.engine.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ConfigTest
{
    @TempDir
    Path dir;

    private Path write(final String yaml) throws IOException
    {
        final Path f = dir.resolve("ringlogd.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    private String error(final String yaml) throws IOException
    {
        final Path f = write(yaml);
        return assertThrows(ConfigException.class, () -> ConfigFile.load(f, new EngineConfig()).validate())
            .getMessage();
    }

    @Test
    void theDocumentedFileListsEveryKeyWithItsDefault() throws IOException
    {
        final Path documented = Path.of("ringlogd.yaml");
        final String text = Files.readString(documented);
        for (final String key : EngineConfig.KEYS)
        {
            final String leaf = key.substring(key.indexOf('.') + 1);
            assertEquals(true, text.contains("  " + leaf + ":"), "engine/ringlogd.yaml documents " + key);
        }
        final EngineConfig fromFile = ConfigFile.load(documented, new EngineConfig()).validate();
        final EngineConfig defaults = new EngineConfig().validate();
        assertEquals(defaults.bind(), fromFile.bind());
        assertEquals(defaults.tcpPort(), fromFile.tcpPort());
        assertEquals(defaults.udpPort(), fromFile.udpPort());
        assertEquals(defaults.maxMessageBytes(), fromFile.maxMessageBytes());
        assertEquals(defaults.tcpFraming(), fromFile.tcpFraming());
        assertEquals(defaults.parserMode(), fromFile.parserMode());
        assertEquals(defaults.truncateOversizeFrames(), fromFile.truncateOversizeFrames());
        assertEquals(defaults.nulTerminates(), fromFile.nulTerminates());
        assertEquals(defaults.maxConnections(), fromFile.maxConnections());
        assertEquals(defaults.drainTimeoutMs(), fromFile.drainTimeoutMs());
        assertEquals(defaults.idleTimeoutMs(), fromFile.idleTimeoutMs());
        assertEquals(defaults.udpReceiveBufferBytes(), fromFile.udpReceiveBufferBytes());
        assertEquals(defaults.ringSize(), fromFile.ringSize());
        assertEquals(defaults.slotBytes(), fromFile.slotBytes());
        assertEquals(defaults.overflowBudgetBytes(), fromFile.overflowBudgetBytes());
        assertEquals(defaults.waitStrategy(), fromFile.waitStrategy());
        assertEquals(defaults.parsers(), fromFile.parsers());
        assertEquals(defaults.journalDir(), fromFile.journalDir());
        assertEquals(defaults.rollCycle(), fromFile.rollCycle());
        assertEquals(defaults.blockSizeBytes(), fromFile.blockSizeBytes());
        assertEquals(defaults.reserveBytes(), fromFile.reserveBytes());
        assertEquals(defaults.syncJournal(), fromFile.syncJournal());
        assertEquals(defaults.prefetchBytes(), fromFile.prefetchBytes());
        assertEquals(defaults.minSeverity(), fromFile.minSeverity());
        assertEquals(defaults.timeZone(), fromFile.timeZone());
        assertEquals(defaults.retentionMaxAgeMs(), fromFile.retentionMaxAgeMs());
        assertEquals(defaults.retentionMaxBytes(), fromFile.retentionMaxBytes());
        assertEquals(defaults.retentionCheckIntervalMs(), fromFile.retentionCheckIntervalMs());
        assertEquals(defaults.serviceTimeIntervalMs(), fromFile.serviceTimeIntervalMs());
    }

    @Test
    void defaultsAreTheDocumentedOnes()
    {
        final EngineConfig c = new EngineConfig().validate();
        assertEquals("127.0.0.1", c.bind());
        assertEquals(5514, c.tcpPort());
        assertEquals(5514, c.udpPort());
        assertEquals(Path.of("journal"), c.journalDir());
    }

    @Test
    void valuesFromTheFileApplyAndFlagsOverrideThem() throws IOException
    {
        final EngineConfig c = ConfigFile.load(write("ring:\n  size: 1024\n  parsers: 2\nlogic:\n  minSeverity: warning\n"),
            new EngineConfig());
        c.set("ring.parsers", "3", "--parsers");
        c.validate();
        assertEquals(1024, c.ringSize());
        assertEquals(3, c.parsers());
        assertEquals(4, c.minSeverity());
    }

    @Test
    void errorsNameFileLineAndKey() throws IOException
    {
        final String f = dir.resolve("ringlogd.yaml").toString();
        assertEquals(f + ":3: ring.size: must be a power of two, got 1000",
            error("listen:\n  bind: 127.0.0.1\nring:\n  size: 1000\n".replace("ring:\n  size", "ring: {size")
                .replace("1000\n", "1000}\n")));
        assertEquals(f + ":2: unknown key 'listen.tcpProt'", error("listen:\n  tcpProt: 5\n"));
        assertEquals(f + ":2: ring.size: expected a whole number, got 'big'", error("ring:\n  size: big\n"));
        assertEquals(f + ":2: ring.waitStrategy: unknown wait strategy 'fast' (one of handoff, backoff, phased, blocking, " +
            "lite-blocking, sleeping, yielding, busy-spin)", error("ring:\n  waitStrategy: fast\n"));
        assertEquals(f + ":1: unknown key 'tcpPort' (settings belong to a section: listen, ring, journal, logic)",
            error("tcpPort: 5\n"));
        assertEquals(f + ":3: duplicate key 'listen.bind'", error("listen:\n  bind: a\n  bind: b\n"));
        assertEquals(f + ":2: listen.udpPort: must be 0..65535 (0 = any free port) or -1 (off), got 70000",
            error("listen:\n  udpPort: 70000\n"));
        assertEquals(f + ":2: logic.timeZone: unknown time zone 'Mars/Olympus'",
            error("logic:\n  timeZone: Mars/Olympus\n"));
        assertEquals(f + ":2: journal.rollCycle: unknown roll cycle 'EVERY_SECOND' (e.g. FAST_HOURLY, LARGE_DAILY)",
            error("journal:\n  rollCycle: EVERY_SECOND\n"));
        assertEquals(true, error("listen: [1, 2\n").startsWith(f + ":2: invalid YAML"));
    }

    @Test
    void theDiskReserveMustCoverWhatTheRingCanStillHold() throws IOException
    {
        final String f = dir.resolve("ringlogd.yaml").toString();
        final long min = 65536L * (1024 + 132) + 64L * 1024 * 1024 + 16L * 1024 * 1024;
        assertEquals(f + ":2: journal.reserveBytes: must be at least " + min + " (ring.size x (ring.slotBytes + " +
            "132) + ring.overflowBudgetBytes + journal.blockSizeBytes: what the ring can still hand the writer, " +
            "plus one block) and at most " + (1L << 50) + ", got 1000", error("journal:\n  reserveBytes: 1000\n"));
        assertEquals(true, error("ring:\n  size: 1048576\n").startsWith("default: journal.reserveBytes: must be " +
            "at least"), "a bigger ring needs a bigger reserve than the default");
        final EngineConfig small = ConfigFile.load(write("ring:\n  size: 1024\n  overflowBudgetBytes: 65536\n" +
            "journal:\n  blockSizeBytes: 1048576\n  reserveBytes: 4194304\n"), new EngineConfig()).validate();
        assertEquals(4L << 20, small.reserveBytes());
        assertEquals(256L << 20, new EngineConfig().validate().reserveBytes());
    }

    @Test
    void aFlagErrorNamesTheFlag()
    {
        final EngineConfig c = new EngineConfig().set("ring.size", "3", "--ring-size");
        assertEquals("--ring-size: ring.size: must be between 16 and 16777216, got 3",
            assertThrows(ConfigException.class, c::validate).getMessage());
    }

    @Test
    void anEmptyFileMeansDefaultsAndAMissingOneIsAnError() throws IOException
    {
        assertEquals(5514, ConfigFile.load(write(""), new EngineConfig()).validate().tcpPort());
        assertEquals(dir.resolve("nope.yaml") + ": no such config file",
            assertThrows(ConfigException.class, () -> ConfigFile.load(dir.resolve("nope.yaml"), new EngineConfig()))
                .getMessage());
    }
}
