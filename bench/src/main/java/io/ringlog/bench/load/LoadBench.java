package io.ringlog.bench.load;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.net.InetSocketAddress;
import java.util.concurrent.Callable;

/**
 * Runs the {@link LoadGenerator} on its own: against a {@link DiscardReceiver} in this process (default; shows
 * what the generator can send, the target being at least 3M msgs/s of 200 B over loopback TCP), or against a
 * server already listening on 127.0.0.1:{@code --port}.
 * <pre>
 * java -cp bench/target/benchmarks.jar io.ringlog.bench.load.LoadBench --transport tcp-octet --rate 0 --seconds 5
 * </pre>
 */
@Command(name = "LoadBench", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Syslog load generator: open loop at a fixed rate, or as fast as possible (--rate 0).")
public final class LoadBench implements Callable<Integer>
{
    @Mixin
    LoadOptions load = new LoadOptions();

    @Option(names = "--rate", description = "Messages per second; 0 = as fast as possible (default ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--count", description = "At most this many messages (default ${DEFAULT-VALUE}).")
    long count = 1_000_000_000L;

    @Option(names = "--seconds", description = "At most this long (default ${DEFAULT-VALUE}).")
    double seconds = 5;

    @Option(names = "--port", description = "Send to 127.0.0.1:PORT instead of the built-in discard receiver.")
    int port = -1;

    public static void main(final String[] args)
    {
        System.exit(new CommandLine(new LoadBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception
    {
        final LoadSpec spec;
        try
        {
            spec = new LoadSpec(load.transport(), load.format(), load.connections, load.messageBytes, rate, count,
                seconds);
        }
        catch (final IllegalArgumentException e)
        {
            System.err.println("LoadBench: " + e.getMessage());
            return 2;
        }
        if (port >= 0)
        {
            final LoadResult r = send(spec, new InetSocketAddress("127.0.0.1", port));
            print(spec, r, "127.0.0.1:" + port);
            return 0;
        }
        try (DiscardReceiver receiver = new DiscardReceiver())
        {
            final LoadResult r = send(spec, receiver.address(spec.transport));
            print(spec, r, "discard receiver");
            final long received = spec.transport.tcp() ?
                receiver.awaitTcpBytes(r.bytes(), 10_000) / spec.layout().frameBytes() :
                receiver.awaitUdpDatagrams(r.sent(), 1_000);
            System.out.printf("  the receiver got %,d messages (%,d not received)%n", received, r.sent() - received);
            return 0;
        }
    }

    /** Connects, sends the whole spec from now, closes. */
    public static LoadResult send(final LoadSpec spec, final InetSocketAddress target) throws java.io.IOException
    {
        try (LoadGenerator generator = new LoadGenerator(spec, target))
        {
            return generator.run(System.nanoTime());
        }
    }

    private static void print(final LoadSpec spec, final LoadResult r, final String to)
    {
        System.out.printf("LoadBench %s -> %s: sent %,d msgs (%,d bytes) in %.3f s = %,.0f msgs/s (%.0f MB/s)%s%n",
            spec, to, r.sent(), r.bytes(), (r.lastNanos() - r.firstNanos()) / 1e9, r.msgsPerSec(),
            r.msgsPerSec() * spec.layout().frameBytes() / 1e6,
            spec.rate > 0 ? String.format(", sender at most %d µs late", r.maxLateNanos() / 1000) : "");
    }
}
