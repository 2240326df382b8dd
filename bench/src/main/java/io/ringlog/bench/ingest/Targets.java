package io.ringlog.bench.ingest;

import io.ringlog.bench.load.Transport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The systems a benchmark can run against, by name: {@code ringlog}, {@code rsyslog}, {@code syslog-ng}. */
public final class Targets
{
    public static final List<String> SYSTEMS = List.of("ringlog", "rsyslog", "syslog-ng");

    private Targets()
    {
    }

    /** Why {@code system} cannot run here (unknown, or its binary missing), or null when it can. */
    public static String unavailable(final String system, final Path engineJar)
    {
        switch (system)
        {
            case "ringlog":
                return Files.isRegularFile(engineJar) ? null :
                    engineJar.toAbsolutePath() + " not found: run `mvn -B -q -DskipTests package`";
            case "rsyslog":
                return RsyslogTarget.find() != null ? null : "rsyslogd not installed (bench/scripts/install-peers.sh)";
            case "syslog-ng":
                return SyslogNgTarget.find() != null ? null :
                    "syslog-ng not unpacked (bench/scripts/install-peers.sh syslog-ng)";
            default:
                return "unknown system '" + system + "' (" + String.join(", ", SYSTEMS) + ")";
        }
    }

    /**
     * A fresh target for one run, not started.
     *
     * @param engineArgs extra ringlogd arguments (ringlog only).
     * @throws IllegalArgumentException when {@link #unavailable} says why not.
     */
    public static IngestTarget create(final String system, final Transport transport, final int messageBytes,
        final Path runDir, final Path engineJar, final List<String> engineArgs)
    {
        final String why = unavailable(system, engineJar);
        if (why != null)
        {
            throw new IllegalArgumentException(why);
        }
        switch (system)
        {
            case "ringlog":
                return new RinglogTarget(engineJar.toAbsolutePath(), runDir, null, 0, engineArgs,
                    transport == Transport.UDP);
            case "rsyslog":
                return new RsyslogTarget(RsyslogTarget.find(), runDir, transport, messageBytes);
            default:
                return new SyslogNgTarget(SyslogNgTarget.find(), runDir, transport, messageBytes);
        }
    }
}
