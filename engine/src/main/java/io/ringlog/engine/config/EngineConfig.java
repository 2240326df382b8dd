package io.ringlog.engine.config;

import io.ringlog.engine.journal.Journal;
import io.ringlog.engine.journal.JournalSpace;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * Every engine setting in one place: its key (as written in the config file), its default and its accessor.
 * {@link #validate()} checks all of them at start and names the key at fault; nothing is validated later.
 *
 * <p>Keys are documented, with their defaults, in {@code engine/ringlogd.yaml}; a test keeps that file and
 * these defaults equal.
 */
public final class EngineConfig
{
    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 5514;
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 64 * 1024;
    public static final String DEFAULT_TCP_FRAMING = "auto";
    public static final String DEFAULT_FORMAT = "auto";
    public static final boolean DEFAULT_TRUNCATE_OVERSIZE_FRAMES = false;
    public static final boolean DEFAULT_NUL_TERMINATES = true;
    public static final int DEFAULT_MAX_CONNECTIONS = 1024;
    public static final long DEFAULT_DRAIN_TIMEOUT_MS = 2000;
    public static final long DEFAULT_IDLE_TIMEOUT_MS = 600_000;
    public static final int DEFAULT_UDP_RECEIVE_BUFFER_BYTES = 4 * 1024 * 1024;
    public static final int DEFAULT_RING_SIZE = 65536;
    public static final int DEFAULT_SLOT_BYTES = 1024;
    public static final long DEFAULT_OVERFLOW_BUDGET_BYTES = 64L * 1024 * 1024;
    public static final String DEFAULT_WAIT_STRATEGY = WaitStrategies.DEFAULT;
    public static final int DEFAULT_PARSERS = 1;
    public static final String DEFAULT_JOURNAL_DIR = "journal";
    public static final String DEFAULT_ROLL_CYCLE = "FAST_HOURLY";
    public static final long DEFAULT_BLOCK_SIZE_BYTES = 16L * 1024 * 1024;
    public static final String DEFAULT_DURABILITY = "page-cache";
    public static final long DEFAULT_PREFETCH_BYTES = 64L * 1024 * 1024;
    /**
     * 256 MiB: with the default ring (65536 slots of 1024 B, 64 MiB overflow budget) and 16 MiB blocks, the ring
     * can still hand the writer about 152 MiB after the listener stops ({@link JournalSpace#minimumReserveBytes});
     * the rest covers what arrives between two checks of the free space (100 ms) and Chronicle's index pages.
     * See {@link JournalSpace} for why the writer must never meet a full disk.
     */
    public static final long DEFAULT_RESERVE_BYTES = 256L * 1024 * 1024;
    public static final String DEFAULT_MIN_SEVERITY = "debug";
    public static final String DEFAULT_TIME_ZONE = "UTC";
    public static final long DEFAULT_RETENTION_MAX_AGE_MS = 0;
    public static final long DEFAULT_RETENTION_MAX_BYTES = 0;
    public static final long DEFAULT_RETENTION_CHECK_INTERVAL_MS = 10_000;
    public static final long DEFAULT_SERVICE_TIME_INTERVAL_MS = 0;

    /** Port value that turns a listener off. 0 asks the OS for a free port (tests use it). */
    public static final int PORT_OFF = -1;

    private String bind = DEFAULT_BIND;
    private int tcpPort = DEFAULT_PORT;
    private int udpPort = DEFAULT_PORT;
    private int maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES;
    private String tcpFraming = DEFAULT_TCP_FRAMING;
    private String format = DEFAULT_FORMAT;
    private boolean truncateOversizeFrames = DEFAULT_TRUNCATE_OVERSIZE_FRAMES;
    private boolean nulTerminates = DEFAULT_NUL_TERMINATES;
    private int maxConnections = DEFAULT_MAX_CONNECTIONS;
    private long drainTimeoutMs = DEFAULT_DRAIN_TIMEOUT_MS;
    private long idleTimeoutMs = DEFAULT_IDLE_TIMEOUT_MS;
    private int udpReceiveBufferBytes = DEFAULT_UDP_RECEIVE_BUFFER_BYTES;
    private int ringSize = DEFAULT_RING_SIZE;
    private int slotBytes = DEFAULT_SLOT_BYTES;
    private long overflowBudgetBytes = DEFAULT_OVERFLOW_BUDGET_BYTES;
    private String waitStrategy = DEFAULT_WAIT_STRATEGY;
    private int parsers = DEFAULT_PARSERS;
    private String journalDir = DEFAULT_JOURNAL_DIR;
    private String rollCycle = DEFAULT_ROLL_CYCLE;
    private long blockSizeBytes = DEFAULT_BLOCK_SIZE_BYTES;
    private String durability = DEFAULT_DURABILITY;
    private long prefetchBytes = DEFAULT_PREFETCH_BYTES;
    private long reserveBytes = DEFAULT_RESERVE_BYTES;
    private String minSeverity = DEFAULT_MIN_SEVERITY;
    private String timeZone = DEFAULT_TIME_ZONE;
    private long retentionMaxAgeMs = DEFAULT_RETENTION_MAX_AGE_MS;
    private long retentionMaxBytes = DEFAULT_RETENTION_MAX_BYTES;
    private long retentionCheckIntervalMs = DEFAULT_RETENTION_CHECK_INTERVAL_MS;
    private long serviceTimeIntervalMs = DEFAULT_SERVICE_TIME_INTERVAL_MS;

    /** Where each value came from, for error messages: "ringlogd.yaml:12" or "--tcp-port". */
    private final java.util.Map<String, String> origins = new java.util.HashMap<>();

    /**
     * Sets one key from a string; the key is the dotted config-file key.
     *
     * @param origin where the value came from, used in the error message.
     * @throws ConfigException for an unknown key or a value of the wrong type.
     */
    public EngineConfig set(final String key, final String value, final String origin)
    {
        origins.put(key, origin);
        switch (key)
        {
            case "listen.bind": bind = value; break;
            case "listen.tcpPort": tcpPort = parseInt(key, value); break;
            case "listen.udpPort": udpPort = parseInt(key, value); break;
            case "listen.maxMessageBytes": maxMessageBytes = parseInt(key, value); break;
            case "listen.tcpFraming": tcpFraming = value; break;
            case "listen.format": format = value; break;
            case "listen.truncateOversizeFrames": truncateOversizeFrames = parseBoolean(key, value); break;
            case "listen.nulTerminates": nulTerminates = parseBoolean(key, value); break;
            case "listen.maxConnections": maxConnections = parseInt(key, value); break;
            case "listen.drainTimeoutMs": drainTimeoutMs = parseLong(key, value); break;
            case "listen.idleTimeoutMs": idleTimeoutMs = parseLong(key, value); break;
            case "listen.udpReceiveBufferBytes": udpReceiveBufferBytes = parseInt(key, value); break;
            case "ring.size": ringSize = parseInt(key, value); break;
            case "ring.slotBytes": slotBytes = parseInt(key, value); break;
            case "ring.overflowBudgetBytes": overflowBudgetBytes = parseLong(key, value); break;
            case "ring.waitStrategy": waitStrategy = value; break;
            case "ring.parsers": parsers = parseInt(key, value); break;
            case "journal.dir": journalDir = value; break;
            case "journal.rollCycle": rollCycle = value; break;
            case "journal.blockSizeBytes": blockSizeBytes = parseLong(key, value); break;
            case "journal.durability": durability = value; break;
            case "journal.prefetchBytes": prefetchBytes = parseLong(key, value); break;
            case "journal.reserveBytes": reserveBytes = parseLong(key, value); break;
            case "logic.minSeverity": minSeverity = value; break;
            case "logic.timeZone": timeZone = value; break;
            case "retention.maxAgeMs": retentionMaxAgeMs = parseLong(key, value); break;
            case "retention.maxBytes": retentionMaxBytes = parseLong(key, value); break;
            case "retention.checkIntervalMs": retentionCheckIntervalMs = parseLong(key, value); break;
            case "stats.serviceTimeIntervalMs": serviceTimeIntervalMs = parseLong(key, value); break;
            default:
                throw new ConfigException(origin + ": unknown key '" + key + "'");
        }
        return this;
    }

    /** Every key {@link #set} accepts, in documentation order. */
    public static final String[] KEYS = {
        "listen.bind", "listen.tcpPort", "listen.udpPort", "listen.maxMessageBytes", "listen.tcpFraming",
        "listen.format", "listen.truncateOversizeFrames", "listen.nulTerminates", "listen.maxConnections",
        "listen.drainTimeoutMs", "listen.idleTimeoutMs", "listen.udpReceiveBufferBytes",
        "ring.size", "ring.slotBytes", "ring.overflowBudgetBytes", "ring.waitStrategy", "ring.parsers",
        "journal.dir", "journal.rollCycle", "journal.blockSizeBytes", "journal.durability", "journal.prefetchBytes",
        "journal.reserveBytes",
        "logic.minSeverity", "logic.timeZone",
        "retention.maxAgeMs", "retention.maxBytes", "retention.checkIntervalMs",
        "stats.serviceTimeIntervalMs",
    };

    /**
     * Checks every value; call once before starting anything.
     *
     * @throws ConfigException naming the first key at fault and where its value came from.
     */
    public EngineConfig validate()
    {
        if (bind == null || bind.isBlank())
        {
            fail("listen.bind", "must be an address");
        }
        checkPort("listen.tcpPort", tcpPort);
        checkPort("listen.udpPort", udpPort);
        if (tcpPort == PORT_OFF && udpPort == PORT_OFF)
        {
            fail("listen.tcpPort", "TCP and UDP are both off (-1): nothing to listen on");
        }
        checkRange("listen.maxMessageBytes", maxMessageBytes, 480, 64 * 1024 * 1024);
        if (io.ringlog.engine.listen.StreamFramer.framingByName(tcpFraming) < 0)
        {
            fail("listen.tcpFraming", "unknown framing '" + tcpFraming + "' (auto, octet-counting, non-transparent)");
        }
        if (parserMode() == null)
        {
            fail("listen.format", "unknown format '" + format + "' (auto, rfc5424, rfc3164)");
        }
        checkRange("listen.maxConnections", maxConnections, 1, 1_000_000);
        checkRange("listen.drainTimeoutMs", drainTimeoutMs, 0, 3_600_000);
        checkRange("listen.idleTimeoutMs", idleTimeoutMs, 0, 7L * 24 * 3_600_000);
        checkRange("listen.udpReceiveBufferBytes", udpReceiveBufferBytes, 0, Integer.MAX_VALUE);
        checkRange("ring.size", ringSize, 16, 1 << 24);
        if (Integer.bitCount(ringSize) != 1)
        {
            fail("ring.size", "must be a power of two, got " + ringSize);
        }
        checkRange("ring.slotBytes", slotBytes, 64, 1 << 20);
        checkRange("ring.overflowBudgetBytes", overflowBudgetBytes, maxMessageBytes, Long.MAX_VALUE);
        if (!WaitStrategies.isKnown(waitStrategy))
        {
            fail("ring.waitStrategy", "unknown wait strategy '" + waitStrategy + "' (one of " +
                String.join(", ", WaitStrategies.NAMES) + ")");
        }
        checkRange("ring.parsers", parsers, 1, 64);
        if (journalDir == null || journalDir.isBlank())
        {
            fail("journal.dir", "must be a directory path");
        }
        if (Journal.rollCycle(rollCycle) == null)
        {
            fail("journal.rollCycle", "unknown roll cycle '" + rollCycle + "' (e.g. FAST_HOURLY, LARGE_DAILY)");
        }
        checkRange("journal.blockSizeBytes", blockSizeBytes, 64 * 1024, 1L << 34);
        if (!"page-cache".equals(durability) && !"sync".equals(durability))
        {
            fail("journal.durability", "unknown durability '" + durability + "' (page-cache or sync)");
        }
        final long minReserve = JournalSpace.minimumReserveBytes(ringSize, slotBytes, overflowBudgetBytes,
            blockSizeBytes);
        if (reserveBytes < minReserve || reserveBytes > 1L << 50)
        {
            fail("journal.reserveBytes", "must be at least " + minReserve + " (ring.size x (ring.slotBytes + " +
                JournalSpace.RECORD_OVERHEAD_BYTES + ") + ring.overflowBudgetBytes + journal.blockSizeBytes: what " +
                "the ring can still hand the writer, plus one block) and at most " + (1L << 50) + ", got " +
                reserveBytes);
        }
        if (Severities.parse(minSeverity) < 0)
        {
            fail("logic.minSeverity", "unknown severity '" + minSeverity + "' (emerg..debug or 0..7)");
        }
        try
        {
            ZoneId.of(timeZone);
        }
        catch (final DateTimeException e)
        {
            fail("logic.timeZone", "unknown time zone '" + timeZone + "'");
        }
        checkRange("journal.prefetchBytes", prefetchBytes, 0, 1L << 40);
        checkRange("retention.maxAgeMs", retentionMaxAgeMs, 0, Long.MAX_VALUE);
        checkRange("retention.maxBytes", retentionMaxBytes, 0, Long.MAX_VALUE);
        checkRange("retention.checkIntervalMs", retentionCheckIntervalMs, 10, 86_400_000);
        if (serviceTimeIntervalMs != 0)
        {
            checkRange("stats.serviceTimeIntervalMs", serviceTimeIntervalMs, 100, 3_600_000);
        }
        return this;
    }

    private void checkPort(final String key, final int port)
    {
        if (port != PORT_OFF && (port < 0 || port > 65535))
        {
            fail(key, "must be 0..65535 (0 = any free port) or -1 (off), got " + port);
        }
    }

    private void checkRange(final String key, final long value, final long min, final long max)
    {
        if (value < min || value > max)
        {
            fail(key, "must be between " + min + " and " + max + ", got " + value);
        }
    }

    private void fail(final String key, final String reason)
    {
        final String origin = origins.get(key);
        throw new ConfigException((origin == null ? "default" : origin) + ": " + key + ": " + reason);
    }

    private int parseInt(final String key, final String value)
    {
        final long v = parseLong(key, value);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE)
        {
            fail(key, "value " + value + " is out of range");
        }
        return (int)v;
    }

    private boolean parseBoolean(final String key, final String value)
    {
        if ("true".equalsIgnoreCase(value) || "false".equalsIgnoreCase(value))
        {
            return Boolean.parseBoolean(value);
        }
        fail(key, "expected true or false, got '" + value + "'");
        return false;
    }

    private long parseLong(final String key, final String value)
    {
        try
        {
            return Long.parseLong(value.trim().replace("_", ""));
        }
        catch (final NumberFormatException | NullPointerException e)
        {
            fail(key, "expected a whole number, got '" + value + "'");
            return 0;
        }
    }

    public String bind()
    {
        return bind;
    }

    public int tcpPort()
    {
        return tcpPort;
    }

    public int udpPort()
    {
        return udpPort;
    }

    public int maxMessageBytes()
    {
        return maxMessageBytes;
    }

    /** auto, octet-counting or non-transparent. */
    public String tcpFraming()
    {
        return tcpFraming;
    }

    /** How messages are read: detected per message (auto), or always as one format; null for an unknown name. */
    public io.ringlog.engine.parse.SyslogParser.Mode parserMode()
    {
        switch (format)
        {
            case "auto": return io.ringlog.engine.parse.SyslogParser.Mode.AUTO;
            case "rfc5424": return io.ringlog.engine.parse.SyslogParser.Mode.RFC5424;
            case "rfc3164": return io.ringlog.engine.parse.SyslogParser.Mode.RFC3164;
            default: return null;
        }
    }

    /** An octet count above maxMessageBytes is cut (flagged truncated) instead of closing the connection. */
    public boolean truncateOversizeFrames()
    {
        return truncateOversizeFrames;
    }

    /** NUL ends a non-transparent TCP frame, as LF does. */
    public boolean nulTerminates()
    {
        return nulTerminates;
    }

    public int maxConnections()
    {
        return maxConnections;
    }

    public long drainTimeoutMs()
    {
        return drainTimeoutMs;
    }

    /** A TCP connection that sends nothing for this long is closed; 0 = never. */
    public long idleTimeoutMs()
    {
        return idleTimeoutMs;
    }

    public int udpReceiveBufferBytes()
    {
        return udpReceiveBufferBytes;
    }

    public int ringSize()
    {
        return ringSize;
    }

    public int slotBytes()
    {
        return slotBytes;
    }

    public long overflowBudgetBytes()
    {
        return overflowBudgetBytes;
    }

    public String waitStrategy()
    {
        return waitStrategy;
    }

    public int parsers()
    {
        return parsers;
    }

    public Path journalDir()
    {
        return Path.of(journalDir);
    }

    public String rollCycle()
    {
        return rollCycle;
    }

    public long blockSizeBytes()
    {
        return blockSizeBytes;
    }

    /**
     * Below this many usable bytes on the journal's file system the listener stops taking messages (TCP reads
     * pause, UDP is dropped and counted); see {@link JournalSpace}.
     */
    public long reserveBytes()
    {
        return reserveBytes;
    }

    /**
     * True for {@code sync}: the writer forces the journal to disk at the end of every batch, so a journaled
     * message survives a power loss; {@code page-cache} survives a process crash only.
     */
    public boolean syncJournal()
    {
        return "sync".equals(durability);
    }

    /** 0..7: messages with a numerically greater (less severe) severity are filtered. */
    public int minSeverity()
    {
        return Severities.parse(minSeverity);
    }

    public ZoneId timeZone()
    {
        return ZoneId.of(timeZone);
    }

    /** Delete journal cycles that ended longer ago than this; 0 = keep for ever. */
    public long retentionMaxAgeMs()
    {
        return retentionMaxAgeMs;
    }

    /** Delete the oldest journal cycles while all cycles hold more than this; 0 = no limit. */
    public long retentionMaxBytes()
    {
        return retentionMaxBytes;
    }

    public long retentionCheckIntervalMs()
    {
        return retentionCheckIntervalMs;
    }

    /** How far ahead of the writer the prefetcher reads the current cycle file; 0 = no prefetcher. */
    public long prefetchBytes()
    {
        return prefetchBytes;
    }

    /** Length of one interval of the service-time log ({@code service-time.hlog} in the journal); 0 = none. */
    public long serviceTimeIntervalMs()
    {
        return serviceTimeIntervalMs;
    }
}
