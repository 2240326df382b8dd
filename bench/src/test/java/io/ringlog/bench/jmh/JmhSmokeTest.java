package io.ringlog.bench.jmh;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps the JMH suite from rotting: every benchmark class, every {@code @Param} combination, run through the JMH
 * {@code Runner} with {@code -prof gc} but very short iterations and no fork (surefire's argLine already carries
 * the Chronicle flags the {@code @Fork}s would add). Each must give a positive score and a
 * {@code gc.alloc.rate.norm}; {@link PipelineBenchmark}'s tear-down also fails its run unless every message it
 * published was parsed and journaled. The figures printed are smoke figures in a shared test JVM, not
 * measurements: run {@code bench/scripts/jmh.sh} for those.
 */
class JmhSmokeTest
{
    private static final String ALLOC_NORM = "gc.alloc.rate.norm";
    private static final List<Class<?>> BENCHMARKS = List.of(FramerBenchmark.class, ParserBenchmark.class,
        LogicBenchmark.class, JournalAppendBenchmark.class, PipelineBenchmark.class);
    /** Runs per class: the product of its {@code @Param} value counts. */
    private static final Map<Class<?>, Integer> RUNS = Map.of(FramerBenchmark.class, 2, ParserBenchmark.class, 2,
        LogicBenchmark.class, 2, JournalAppendBenchmark.class, 1, PipelineBenchmark.class, 16);

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void everyBenchmarkRunsAndReportsScoreAndAllocation() throws RunnerException
    {
        final OptionsBuilder builder = new OptionsBuilder();
        for (final Class<?> benchmark : BENCHMARKS)
        {
            builder.include("^" + Pattern.quote(benchmark.getName()) + "\\.");
        }
        final Options options = builder
            .forks(0)
            .warmupIterations(1)
            .warmupTime(TimeValue.milliseconds(100))
            .measurementIterations(1)
            .measurementTime(TimeValue.milliseconds(200))
            .addProfiler(GCProfiler.class)
            .shouldFailOnError(true)
            .verbosity(VerboseMode.SILENT)
            .build();
        final long start = System.nanoTime();
        final Collection<RunResult> results = new Runner(options).run();
        System.out.printf("JMH smoke: %d runs in %.1f s (forks 0, 100 ms warm-up, 200 ms measurement)%n",
            results.size(), (System.nanoTime() - start) / 1e9);

        for (final Class<?> benchmark : BENCHMARKS)
        {
            final List<RunResult> mine = new ArrayList<>();
            for (final RunResult r : results)
            {
                if (r.getParams().getBenchmark().startsWith(benchmark.getName() + "."))
                {
                    mine.add(r);
                }
            }
            assertEquals(RUNS.get(benchmark), mine.size(), benchmark.getSimpleName() + " runs");
            for (final RunResult r : mine)
            {
                final String name = describe(r);
                final Result<?> primary = r.getPrimaryResult();
                final Result<?> alloc = r.getSecondaryResults().get(ALLOC_NORM);
                System.out.printf("  %-70s %14.1f %-8s %s%n", name, primary.getScore(), primary.getScoreUnit(),
                    alloc == null ? "no " + ALLOC_NORM : String.format("%.3f B/op", alloc.getScore()));
                assertTrue(primary.getScore() > 0, name + " score " + primary.getScore());
                assertNotNull(alloc, name + " has no " + ALLOC_NORM + " (is -prof gc working?)");
                assertTrue(alloc.getScore() >= 0, name + " " + ALLOC_NORM + " " + alloc.getScore());
            }
        }
    }

    private static String describe(final RunResult r)
    {
        final String benchmark = r.getParams().getBenchmark();
        final int method = benchmark.lastIndexOf('.');
        final StringBuilder sb = new StringBuilder(benchmark.substring(benchmark.lastIndexOf('.', method - 1) + 1));
        for (final String key : r.getParams().getParamsKeys())
        {
            sb.append(' ').append(key).append('=').append(r.getParams().getParam(key));
        }
        return sb.toString();
    }
}
