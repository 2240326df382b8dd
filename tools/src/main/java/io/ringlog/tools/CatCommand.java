package io.ringlog.tools;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code ringlog cat}: the shell over {@link JournalDump}. */
@Command(
    name = "cat",
    description = "Print every record of the journal, oldest first, then exit.",
    footer = {
        "",
        "Formats:",
        "  short  like a syslog file: 'Nov 25 04:36:48 host app[pid]: message' (UTC)",
        "  json   one object per line: index, receivedAt, source, format, facility,",
        "         severity, timestamp, hostname, appName, procId, msgId,",
        "         structuredData, message, tags, error, raw (+ rawBase64 if not UTF-8)",
        "  raw    the message bytes exactly as received, one per line",
        "  cat    the message text only",
        "short and cat escape control characters (\\n, \\x1b, ...): no message can",
        "drive the terminal.",
        "",
        "Exit status: 0 ok; 1 error, or damaged records skipped (each named on",
        "stderr); 2 usage error."})
final class CatCommand implements Callable<Integer>
{
    @ParentCommand
    Ringlog parent;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--journal", paramLabel = "DIR", defaultValue = "journal",
        description = "Journal directory (default: ${DEFAULT-VALUE}).")
    Path journal;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "short",
        converter = FormatConverter.class,
        description = "Output format: short, json, raw or cat (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Override
    public Integer call()
    {
        final JournalDump.Result result;
        try
        {
            result = new JournalDump(format.newFormatter(), parent.out(), parent.err()).dump(journal);
        }
        catch (final IllegalArgumentException | IllegalStateException e)
        {
            Ringlog.error(parent.err(), e.getMessage());
            return Ringlog.EXIT_ERROR;
        }
        if (result.skipped() > 0)
        {
            Ringlog.error(parent.err(), result.skipped() + " damaged record(s) skipped");
        }
        return result.exitCode();
    }

    static final class FormatConverter implements CommandLine.ITypeConverter<OutputFormat>
    {
        @Override
        public OutputFormat convert(final String value)
        {
            try
            {
                return OutputFormat.byName(value);
            }
            catch (final IllegalArgumentException e)
            {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
