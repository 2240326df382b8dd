package io.ringlog.tools;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/**
 * The {@code ringlog} command: a picocli tree of thin shells over read-only classes ({@link JournalDump},
 * {@link CountersReport}) that tests drive directly.
 *
 * <p>Contract with users and scripts: every command has {@code --help}; an error is one line on stderr starting
 * {@code ringlog: }, never a stack trace; exit status 0 on success, 1 on a runtime error (bad journal, damaged
 * record), 2 on a usage error. Set {@code RINGLOG_DEBUG=1} to get the stack trace of an unexpected error.
 */
@Command(
    name = "ringlog",
    description = "Read the ringlog journal and the engine's counters.",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {CatCommand.class, TailCommand.class, StatsCommand.class, ForwardCommand.class,
        VerifyCommand.class, StatCommand.class, CommandLine.HelpCommand.class})
public final class Ringlog implements Callable<Integer>
{
    public static final int EXIT_OK = 0;
    public static final int EXIT_ERROR = 1;
    public static final int EXIT_USAGE = 2;

    /**
     * A read-only queue is built with Chronicle's default roll cycle and then takes the journal's from its
     * metadata, warning "Overriding roll length from existing metadata" on every open. For a reader that is the
     * expected path, not a warning worth a user's attention, so that one logger is raised to ERROR (a {@code -D}
     * on the command line still wins). Other Chronicle warnings still show.
     */
    private static final String SCQ_META_LOG_LEVEL =
        "org.slf4j.simpleLogger.log.net.openhft.chronicle.queue.impl.single.SCQMeta";

    static
    {
        if (System.getProperty(SCQ_META_LOG_LEVEL) == null)
        {
            System.setProperty(SCQ_META_LOG_LEVEL, "error");
        }
    }

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    private final PrintStream out;
    private final PrintStream err;

    Ringlog(final PrintStream out, final PrintStream err)
    {
        this.out = out;
        this.err = err;
    }

    public static void main(final String[] args)
    {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs one command line in-process.
     *
     * @param out receives the command's output (bytes: journal text is written as UTF-8 bytes, not re-encoded).
     * @param err receives error lines and usage errors.
     * @return the exit status.
     */
    public static int run(final String[] args, final PrintStream out, final PrintStream err)
    {
        final CommandLine cli = new CommandLine(new Ringlog(out, err));
        cli.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        cli.setParameterExceptionHandler((e, a) ->
        {
            final String help = e.getCommandLine().getCommandSpec().qualifiedName() + " --help";
            error(err, oneLine(e.getMessage()) + " (see '" + help + "')");
            return EXIT_USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) ->
        {
            if (System.getenv("RINGLOG_DEBUG") != null)
            {
                e.printStackTrace(err);
            }
            final String message = e.getMessage();
            error(err, message == null || e instanceof NullPointerException || e instanceof ClassCastException ?
                "internal error: " + oneLine(e.toString()) : oneLine(message));
            return EXIT_ERROR;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call()
    {
        error(err, "missing command (cat, tail, stats, forward, verify or stat); see 'ringlog --help'");
        return EXIT_USAGE;
    }

    PrintStream out()
    {
        return out;
    }

    PrintStream err()
    {
        return err;
    }

    /** Prints {@code ringlog: message} on one line. */
    static void error(final PrintStream err, final String message)
    {
        err.println("ringlog: " + message);
        err.flush();
    }

    private static String oneLine(final String message)
    {
        return message == null ? "" : message.strip().replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }
}
