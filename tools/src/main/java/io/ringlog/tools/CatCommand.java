package io.ringlog.tools;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.PrintStream;
import java.util.concurrent.Callable;

/** {@code ringlog cat}: the shell over {@link JournalQuery} and {@link JournalDump}. */
@Command(
    name = "cat",
    description = "Print the selected records of the journal, oldest first, then exit.",
    footer = {
        "",
        "Selectors AND together; a selector given several times ORs its values.",
        "--since/--until seek by binary search on the receipt time: a narrow window",
        "of a huge journal prints at once.",
        "",
        "Formats:",
        "  short        'Nov 25 04:36:48 host app[pid]: message' (UTC)",
        "  short-iso    the same with '2026-11-25T04:36:48Z'",
        "  rfc5424      '<PRI>1 TIMESTAMP HOST APP PROCID MSGID SD MSG' rebuilt from the fields",
        "  rfc3164      '<PRI>Nov 25 04:36:48 HOST APP[PID]: MSG' rebuilt from the fields",
        "  json         one object per line: index, receivedAt, source, format, facility,",
        "               severity, timestamp, hostname, appName, procId, msgId,",
        "               structuredData, message, tags, error, raw (+ rawBase64 if not UTF-8)",
        "  json-pretty  the same object, indented",
        "  raw          the message bytes exactly as received, one per line",
        "  cat          the message text only",
        "Every format but raw escapes control characters (\\n, \\x1b, ...) and invalid",
        "UTF-8: no message can drive the terminal. Severity colours only on a terminal.",
        "",
        "Exit status: 0 ok; 1 error, or damaged records skipped (each named on",
        "stderr); 2 usage error."})
final class CatCommand implements Callable<Integer>
{
    @ParentCommand
    Ringlog parent;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Mixin
    SelectionOptions selection;

    @Mixin
    ReadOptions output;

    @Option(names = {"-n", "--lines"}, paramLabel = "N", description = "Only the last N selected records.")
    Long lines;

    @Override
    public Integer call()
    {
        return print(parent, selection, output, lines == null ? -1 : lines, false);
    }

    /** Runs a cat or tail: shared so that both print exactly alike. */
    static int print(final Ringlog parent, final SelectionOptions selection, final ReadOptions output,
        final long lines, final boolean follow)
    {
        final PrintStream err = parent.err();
        final JournalDump dump = new JournalDump(
            output.format.newFormatter(output.showIndex, output.colour()), parent.out(), err);
        final JournalQuery query = selection.query().lines(lines).reverse(output.reverse);
        if (follow)
        {
            StopSignal.install();
            query.follow(true, StopSignal::requested);
        }
        try (JournalCursor cursor = new JournalCursor(selection.journal))
        {
            query.run(cursor, dump);
        }
        catch (final IllegalArgumentException | IllegalStateException e)
        {
            Ringlog.error(err, e.getMessage());
            return Ringlog.EXIT_ERROR;
        }
        final JournalDump.Result result = dump.result();
        if (result.skipped() > 0)
        {
            Ringlog.error(err, result.skipped() + " damaged record(s) skipped");
        }
        return result.exitCode();
    }
}
