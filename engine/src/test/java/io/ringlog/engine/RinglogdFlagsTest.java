package io.ringlog.engine;

import io.ringlog.engine.config.ConfigException;
import io.ringlog.engine.config.EngineConfig;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@code --set KEY=VALUE}: any key, after the file, before the named flags; bad input names the flag. */
class RinglogdFlagsTest
{
    private static EngineConfig config(final String... args)
    {
        final Ringlogd d = new Ringlogd();
        new CommandLine(d).parseArgs(args);
        return d.config();
    }

    @Test
    void setReachesAnyKeyAndNamedFlagsWin()
    {
        final EngineConfig c = config("--set", "journal.prefetchBytes=0", "--set", "stats.serviceTimeIntervalMs=500",
            "--set", "ring.size=2048", "--ring-size", "4096");
        assertEquals(0, c.prefetchBytes());
        assertEquals(500, c.serviceTimeIntervalMs());
        assertEquals(4096, c.ringSize(), "--ring-size is applied after --set");
    }

    @Test
    void badSetIsOneLineNamingIt()
    {
        assertEquals("--set nonsense: expected KEY=VALUE",
            assertThrows(ConfigException.class, () -> config("--set", "nonsense")).getMessage());
        assertEquals("--set no.such: unknown key 'no.such'",
            assertThrows(ConfigException.class, () -> config("--set", "no.such=1")).getMessage());
        final String range = assertThrows(ConfigException.class,
            () -> config("--set", "stats.serviceTimeIntervalMs=5")).getMessage();
        assertEquals(true, range.contains("stats.serviceTimeIntervalMs"), range);
    }
}
