package io.ringlog.bench;

import java.util.Arrays;

/**
 * The entry point of {@code ringlog-bench.jar}, whose manifest carries the JVM flags Chronicle and Agrona need, so
 * every bench tool runs as {@code java -jar bench/target/ringlog-bench.jar [suite|probe] ...}: {@code suite} is
 * {@link BenchSuite}, {@code probe} is {@link JournalStallProbe}, anything else goes to {@link LatencyBench}.
 */
public final class BenchMain
{
    private BenchMain()
    {
    }

    public static void main(final String[] args)
    {
        final String first = args.length == 0 ? "" : args[0];
        final String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (first)
        {
            case "suite": BenchSuite.main(rest); break;
            case "probe": JournalStallProbe.main(rest); break;
            default: LatencyBench.main(args); break;
        }
    }
}
