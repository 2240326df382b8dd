package io.ringlog.bench;

import io.ringlog.bench.ingest.Targets;
import io.ringlog.bench.latency.LatencyResult;
import io.ringlog.bench.latency.LatencyRig;
import io.ringlog.bench.latency.LatencySpec;
import io.ringlog.bench.load.LoadOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * End-to-end latency, the same open-loop load against each system in turn ({@link LatencyRig}): every message
 * stamped with its scheduled send time, recorded when it became visible in the system's store (ringlog: the
 * journal; rsyslog and syslog-ng: their output file), warm-up excluded, with a loss check per run.
 *
 * <pre>
 * bench/scripts/install-peers.sh      # once, for rsyslog and syslog-ng
 * java -jar bench/target/ringlog-bench.jar --system ringlog,rsyslog,syslog-ng --rate 100000 --seconds 10 \
 *     --warmup-seconds 2 --out bench/results/latency-100k
 * </pre>
 * {@code --out P} writes {@code P.hgrm} and {@code P.hlog} for one system, {@code P-SYSTEM.*} for several.
 * The sender, the servers and the follower share the machine's cores.
 */
@Command(name = "LatencyBench", mixinStandardHelpOptions = true, sortOptions = false)
public final class LatencyBench implements Callable<Integer>
{
    @Option(names = "--system", split = ",",
        description = "ringlog, rsyslog, syslog-ng; several run one after another (default ${DEFAULT-VALUE}).")
    List<String> systems = new ArrayList<>(List.of("ringlog"));

    @Option(names = "--rate", description = "Messages per second (default ${DEFAULT-VALUE}).")
    int rate = 100_000;

    @Option(names = "--seconds", description = "Measured seconds (default ${DEFAULT-VALUE}).")
    int seconds = 10;

    @Option(names = "--warmup-seconds", description = "Sent first and not recorded (default ${DEFAULT-VALUE}).")
    int warmupSeconds = 2;

    @Mixin
    LoadOptions load = new LoadOptions();

    @Option(names = "--engine-jar", description = "Default: engine/target/ringlogd.jar.")
    Path engineJar = Path.of("engine/target/ringlogd.jar");

    @Option(names = "--engine-arg", description = "Extra ringlogd arguments (repeatable).")
    List<String> engineArgs = new ArrayList<>();

    @Option(names = "--work-dir", description = "Where journals and output files go (default: java.io.tmpdir).")
    Path workDir;

    @Option(names = "--out", description = "File prefix for .hlog and .hgrm (default: none written).")
    Path out;

    public static void main(final String[] args)
    {
        System.exit(new CommandLine(new LatencyBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception
    {
        final LatencySpec spec;
        try
        {
            for (final String system : systems)
            {
                final String why = Targets.unavailable(system, engineJar);
                if (why != null)
                {
                    throw new IllegalArgumentException(system + ": " + why);
                }
            }
            spec = new LatencySpec(systems.get(0), load.transport(), load.format(), load.connections, rate, seconds,
                warmupSeconds, load.messageBytes, workDir, engineJar, engineArgs);
        }
        catch (final IllegalArgumentException e)
        {
            System.err.println("LatencyBench: " + e.getMessage());
            return 1;
        }
        System.out.println("end-to-end latency (scheduled send -> visible in the store), open loop; sender, " +
            "server and follower share the cores");
        boolean clean = true;
        for (final String system : systems)
        {
            final LatencyResult r = LatencyRig.run(spec.withSystem(system));
            System.out.print(r.summary());
            if (out != null)
            {
                final Path prefix = systems.size() == 1 ? out : Path.of(out + "-" + system);
                LatencyResult.write(r, prefix);
                System.out.println("  written: " + prefix + ".hgrm (µs), " + prefix + ".hlog");
            }
            clean &= r.ok();
        }
        return clean ? 0 : 2;
    }
}
