package io.ringlog.bench.load;

import picocli.CommandLine.Option;

/** The command-line options that describe the messages and connections, shared by LoadBench and LatencyBench. */
public final class LoadOptions
{
    @Option(names = "--transport", description = "tcp-octet, tcp-lf or udp (default ${DEFAULT-VALUE}).")
    String transport = "tcp-octet";

    @Option(names = "--connections", description = "Connections, messages round-robin (default ${DEFAULT-VALUE}).")
    public int connections = 1;

    @Option(names = "--format", description = "5424 or 3164 (default ${DEFAULT-VALUE}).")
    String format = "5424";

    @Option(names = "--message-bytes", description = "Message size without framing (default ${DEFAULT-VALUE}).")
    public int messageBytes = 200;

    /** @throws IllegalArgumentException (one line) for an unknown transport. */
    public Transport transport()
    {
        return Transport.of(transport);
    }

    /** @throws IllegalArgumentException (one line) for an unknown format. */
    public SyslogFormat format()
    {
        return SyslogFormat.of(format);
    }
}
