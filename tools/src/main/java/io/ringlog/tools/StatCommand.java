package io.ringlog.tools;

import io.ringlog.engine.counters.CountersFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code ringlog stat}: the shell over {@link CountersFile#read(Path)} and {@link CountersReport}. */
@Command(
    name = "stat",
    description = {"Print the engine's counters (from the counters file beside the journal)",
        "and whether the engine is running."},
    footer = {"", "The last text line checks the accounting:",
        "  received = journaled + filtered + dropped"})
final class StatCommand implements Callable<Integer>
{
    @ParentCommand
    Ringlog parent;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--journal", paramLabel = "DIR", defaultValue = "journal",
        description = "Journal directory (default: ${DEFAULT-VALUE}).")
    Path journal;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
        converter = FormatConverter.class, description = "Output format: text or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call()
    {
        final CountersFile.Snapshot snapshot;
        try
        {
            snapshot = CountersFile.read(journal);
        }
        catch (final IllegalStateException e)
        {
            Ringlog.error(parent.err(), e.getMessage());
            return Ringlog.EXIT_ERROR;
        }
        final CountersReport report = new CountersReport(snapshot, System.currentTimeMillis());
        parent.out().print("json".equals(format) ? report.json() : report.text());
        parent.out().flush();
        return Ringlog.EXIT_OK;
    }

    static final class FormatConverter implements CommandLine.ITypeConverter<String>
    {
        @Override
        public String convert(final String value)
        {
            if ("text".equalsIgnoreCase(value) || "json".equalsIgnoreCase(value))
            {
                return value.toLowerCase(java.util.Locale.ROOT);
            }
            throw new CommandLine.TypeConversionException(
                "unknown output format '" + value + "' (expected text or json)");
        }
    }
}
