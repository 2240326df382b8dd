package io.ringlog.tools;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

/** {@code ringlog tail}: the last records, and with {@code -f} every record the engine journals after them. */
@Command(
    name = "tail",
    description = {"Print the last N selected records (10 by default); with -f, keep printing",
        "new records as the running engine journals them."},
    footer = {
        "",
        "Takes every selector and format of 'ringlog cat' (see 'ringlog cat --help').",
        "-f stops with exit 0 on Ctrl-C, SIGTERM, or when the reader of stdout goes away",
        "(| head). A new record shows within about 0.1 ms of being journaled.",
        "",
        "Exit status: 0 ok; 1 error, or damaged records skipped; 2 usage error."})
final class TailCommand implements Callable<Integer>
{
    @ParentCommand
    Ringlog parent;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Mixin
    SelectionOptions selection;

    @Mixin
    ReadOptions output;

    @Option(names = {"-n", "--lines"}, paramLabel = "N", defaultValue = "10",
        description = "Start with the last N selected records (default: ${DEFAULT-VALUE}).")
    long lines;

    @Option(names = {"-f", "--follow"}, description = "Keep printing new records until stopped.")
    boolean follow;

    @Override
    public Integer call()
    {
        if (follow && (selection.until != null || output.reverse))
        {
            Ringlog.error(parent.err(), "tail -f cannot be combined with --until or --reverse (see 'ringlog tail --help')");
            return Ringlog.EXIT_USAGE;
        }
        return CatCommand.print(parent, selection, output, lines, follow);
    }
}
