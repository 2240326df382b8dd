package io.ringlog.tools;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code ringlog stats}: the shell over {@link JournalStats} and {@link StatsReport}. */
@Command(
    name = "stats",
    description = {"Count the selected records by severity, facility, host, app, tag and source,",
        "with the top talkers and a per-minute or per-hour timeline."},
    footer = {"", "Takes every selector of 'ringlog cat' (see 'ringlog cat --help').",
        "'ringlog stat' (no s) shows the running engine's counters instead.",
        "", "Exit status: 0 ok; 1 error, or damaged records skipped; 2 usage error."})
final class StatsCommand implements Callable<Integer>
{
    @ParentCommand
    Ringlog parent;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Mixin
    SelectionOptions selection;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
        converter = StatCommand.FormatConverter.class, description = "text or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--top", paramLabel = "N", defaultValue = "10",
        description = "List the N busiest hosts, apps and sources (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--timeline", paramLabel = "BUCKET", defaultValue = "auto", converter = BucketConverter.class,
        description = "minute, hour, or auto (hours when minutes would make over 180 rows; default).")
    int bucketMinutes;

    @Override
    public Integer call()
    {
        final JournalStats stats = new JournalStats();
        try (JournalCursor cursor = new JournalCursor(selection.journal))
        {
            selection.query().progress(Progress.onTerminal(parent.err(), "stats")).run(cursor, stats);
        }
        catch (final IllegalArgumentException | IllegalStateException e)
        {
            Ringlog.error(parent.err(), e.getMessage());
            return Ringlog.EXIT_ERROR;
        }
        final StatsReport report = new StatsReport(stats, top, bucketMinutes);
        final ByteBuilder out = "json".equals(format) ? report.json() : report.text();
        parent.out().write(out.array(), 0, out.length());
        parent.out().flush();
        if (stats.damaged > 0)
        {
            Ringlog.error(parent.err(), stats.damaged + " damaged record(s) skipped (see 'ringlog verify')");
            return Ringlog.EXIT_ERROR;
        }
        return Ringlog.EXIT_OK;
    }

    static final class BucketConverter implements CommandLine.ITypeConverter<Integer>
    {
        @Override
        public Integer convert(final String value)
        {
            switch (value.toLowerCase(Locale.ROOT))
            {
                case "minute": return 1;
                case "hour": return 60;
                case "auto": return 0;
                default: throw new CommandLine.TypeConversionException(
                    "unknown timeline bucket '" + value + "' (expected minute, hour or auto)");
            }
        }
    }
}
