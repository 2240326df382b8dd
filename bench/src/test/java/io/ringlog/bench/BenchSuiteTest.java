package io.ringlog.bench;

import io.ringlog.bench.ingest.Targets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The full bench in miniature (seconds): every mode the documented command runs (throughput, fixed-rate latency,
 * half-max latency, the GC run) against ringlog and rsyslog when it is installed (CI installs it), and the report
 * with its charts and histogram files. Asserts what was written, never a figure.
 */
class BenchSuiteTest
{
    @Test
    void aMiniatureFullRunWritesTheReportChartsAndHistograms(@TempDir final Path dir) throws Exception
    {
        final List<String> systems = new ArrayList<>(List.of("ringlog"));
        if (Targets.unavailable("rsyslog", IngestTestSupport.engineJar()) == null)
        {
            systems.add("rsyslog");
        }
        final Path out = dir.resolve("results");
        final int exit = new CommandLine(new BenchSuite()).execute("--out", out.toString(), "--work-dir",
            dir.resolve("work").toString(), "--engine-jar", IngestTestSupport.engineJar().toString(),
            "--systems", String.join(",", systems), "--throughput-messages", "20000", "--throughput-warmup", "5000",
            "--throughput-runs", "1", "--rates", "2000", "--seconds", "1", "--warmup-seconds", "1",
            "--gc-seconds", "2", "--gc-rate", "2000", "--sync-rate", "2000");
        assertEquals(0, exit);
        final String md = Files.readString(out.resolve("report.md"));
        System.out.println(md);
        for (final String expected : new String[] {"## Targets", "throughput >= 1M msg/s", "## Throughput",
            "## Latency at 2,000 msg/s", "## Latency at 50% of each system's own max", "engine service time",
            "## Garbage collection", "share the same cores", "| ringlog (sync) | 2,000 |",
            "| ringlog (page-cache) | 2,000 |"})
        {
            assertTrue(md.contains(expected), "report has " + expected);
        }
        for (final String system : systems)
        {
            assertTrue(md.contains("| " + system + " | 2,000 |"), "latency row for " + system);
            for (final String name : new String[] {"latency-2000-" + system, "latency-half-max-" + system})
            {
                assertTrue(Files.size(out.resolve(name + ".hgrm")) > 0, name + ".hgrm");
                assertTrue(Files.size(out.resolve(name + ".hlog")) > 0, name + ".hlog");
            }
        }
        for (final String svg : new String[] {"throughput.svg", "latency-2000.svg", "latency-half-max.svg",
            "latency-durability.svg"})
        {
            final int lines = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(out.resolve(svg).toFile()).getElementsByTagName(svg.startsWith("latency") ? "polyline" : "rect")
                .getLength();
            assertTrue(lines >= systems.size(), svg + ": one line or bar per system, got " + lines);
        }
    }
}
