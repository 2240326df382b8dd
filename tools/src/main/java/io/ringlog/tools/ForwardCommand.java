package io.ringlog.tools;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code ringlog forward}: the shell over {@link JournalQuery}, {@link Forwarder} and {@link SyslogSender}. */
@Command(
    name = "forward",
    description = {"Resend the selected records' original bytes to another syslog server,",
        "at full speed, at a fixed rate, or at the pace they were recorded."},
    footer = {"", "Takes every selector of 'ringlog cat' (see 'ringlog cat --help').",
        "With --checkpoint FILE the index of the last record sent is kept in FILE, and the",
        "next run with the same FILE starts after it. Ctrl-C stops cleanly (checkpoint saved).",
        "", "Exit status: 0 ok; 1 error (connection refused or lost, damaged records); 2 usage error."})
final class ForwardCommand implements Callable<Integer>
{
    @ParentCommand
    Ringlog parent;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Mixin
    SelectionOptions selection;

    @Option(names = "--to", paramLabel = "URI", required = true, converter = TargetConverter.class,
        description = "tcp://HOST:PORT or udp://HOST:PORT.")
    String to;

    @Option(names = "--framing", paramLabel = "F", defaultValue = "octet", converter = FramingConverter.class,
        description = "TCP framing: octet (RFC 6587 octet counting, default) or lf.")
    SyslogSender.Framing framing;

    @Option(names = "--rate", paramLabel = "N", description = "Send N messages per second.")
    Double rate;

    @Option(names = "--as-recorded", description = "Send at the pace the records were received.")
    boolean asRecorded;

    @Option(names = "--speed", paramLabel = "X", description = "With --as-recorded, X times faster (implies it).")
    Double speed;

    @Option(names = "--checkpoint", paramLabel = "FILE", description = "Resume after, and record, the last index sent.")
    Path checkpoint;

    @Override
    public Integer call()
    {
        if ((rate != null && rate <= 0) || (speed != null && speed <= 0))
        {
            return usage("--rate and --speed must be positive");
        }
        if (rate != null && (asRecorded || speed != null))
        {
            return usage("--rate cannot be combined with --as-recorded or --speed");
        }
        final double pace = speed != null ? speed : asRecorded ? 1.0 : 0;
        StopSignal.install();
        try (JournalCursor cursor = new JournalCursor(selection.journal);
            SyslogSender sender = SyslogSender.connect(to, framing))
        {
            final JournalQuery query = selection.query().progress(Progress.onTerminal(parent.err(), "forward"));
            final long resume = Forwarder.readCheckpoint(checkpoint);
            if (resume >= 0)
            {
                query.afterIndex(selection.afterIndex == null ? resume : Math.max(resume, selection.afterIndex));
            }
            final Forwarder forwarder = new Forwarder(sender, checkpoint, rate == null ? 0 : rate, pace,
                StopSignal::requested);
            query.run(cursor, forwarder);
            if (forwarder.failure() != null)
            {
                Ringlog.error(parent.err(), "forwarding to " + to + " failed after " + forwarder.sent() +
                    " message(s): " + forwarder.failure().getMessage());
                return Ringlog.EXIT_ERROR;
            }
            parent.err().println("ringlog: forwarded " + forwarder.sent() + " message(s) to " + to +
                (forwarder.skipped() > 0 ? ", " + forwarder.skipped() + " too large for UDP skipped" : ""));
            if (forwarder.damaged() > 0)
            {
                Ringlog.error(parent.err(), forwarder.damaged() + " damaged record(s) skipped (see 'ringlog verify')");
                return Ringlog.EXIT_ERROR;
            }
            return Ringlog.EXIT_OK;
        }
        catch (final IOException e)
        {
            Ringlog.error(parent.err(), "cannot forward to " + to + ": " + e.getMessage());
            return Ringlog.EXIT_ERROR;
        }
        catch (final IllegalArgumentException | IllegalStateException e)
        {
            Ringlog.error(parent.err(), e.getMessage());
            return Ringlog.EXIT_ERROR;
        }
    }

    private int usage(final String message)
    {
        Ringlog.error(parent.err(), message + " (see 'ringlog forward --help')");
        return Ringlog.EXIT_USAGE;
    }

    static final class TargetConverter implements CommandLine.ITypeConverter<String>
    {
        @Override
        public String convert(final String value)
        {
            try
            {
                SyslogSender.parse(value);
                return value;
            }
            catch (final IllegalArgumentException e)
            {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    static final class FramingConverter implements CommandLine.ITypeConverter<SyslogSender.Framing>
    {
        @Override
        public SyslogSender.Framing convert(final String value)
        {
            switch (value.toLowerCase(Locale.ROOT))
            {
                case "octet": return SyslogSender.Framing.OCTET;
                case "lf": return SyslogSender.Framing.LF;
                default: throw new CommandLine.TypeConversionException(
                    "unknown framing '" + value + "' (expected octet or lf)");
            }
        }
    }
}
