package io.ringlog.tools;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code ringlog verify}: the shell over {@link JournalVerifier}. */
@Command(
    name = "verify",
    description = {"Check every record of the journal: format version, lengths (truncation) and CRC32C,",
        "and that every record the index holds is reachable (a zeroed page or cut-off cycle file",
        "hides the records after it). Prints each damaged record's index and why, each run of",
        "unreachable records with its cycle file and byte offsets, then a summary."},
    footer = {"", "Exit status: 0 every record sound; 1 damaged records found, or an error; 2 usage error."})
final class VerifyCommand implements Callable<Integer>
{
    @ParentCommand
    Ringlog parent;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--journal", paramLabel = "DIR", defaultValue = "journal",
        description = "Journal directory (default: ${DEFAULT-VALUE}).")
    Path journal;

    @Override
    public Integer call()
    {
        try
        {
            return new JournalVerifier(parent.out()).verify(journal, Progress.onTerminal(parent.err(), "verify"))
                .exitCode();
        }
        catch (final IllegalArgumentException | IllegalStateException e)
        {
            Ringlog.error(parent.err(), e.getMessage());
            return Ringlog.EXIT_ERROR;
        }
    }
}
