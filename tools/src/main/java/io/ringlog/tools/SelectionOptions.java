package io.ringlog.tools;

import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The journalctl-style selectors that {@code cat}, {@code tail}, {@code stats} and {@code forward} share, as a
 * picocli mixin. Each value is checked by a converter as the command line is parsed, so a bad time, priority,
 * facility, source, tag or regex is a one-line usage error (exit 2) before the journal is opened.
 */
final class SelectionOptions
{
    @Option(names = "--journal", paramLabel = "DIR", defaultValue = "journal",
        description = "Journal directory (default: ${DEFAULT-VALUE}).")
    Path journal;

    @Option(names = {"-S", "--since"}, paramLabel = "TIME", converter = TimeConverter.class,
        description = "Records received at or after TIME: 2026-11-25T04:36:48Z, '2026-11-25 04:36' (local), "
            + "04:36, today, yesterday, now, -1h, -30min, '2 days ago', @EPOCH.")
    Long since;

    @Option(names = {"-U", "--until"}, paramLabel = "TIME", converter = TimeConverter.class,
        description = "Records received at or before TIME.")
    Long until;

    @Option(names = "--by-message-time",
        description = "Apply --since/--until to the sender's timestamp, not the receipt time (scans everything).")
    boolean byMessageTime;

    @Option(names = {"-p", "--priority"}, paramLabel = "PRIO", converter = PriorityConverter.class,
        description = "Severity PRIO and more important (err, 3), or a range (warning..emerg). Repeat to OR.")
    List<Integer> priorities = new ArrayList<>();

    @Option(names = "--facility", paramLabel = "FAC", converter = FacilityConverter.class,
        description = "Facility by name or number (kern, user, daemon, auth, local0..local7, ...); "
            + "comma list or repeat to OR.")
    List<Integer> facilities = new ArrayList<>();

    @Option(names = {"-H", "--host"}, paramLabel = "HOST", description = "Hostname exactly HOST. Repeat to OR.")
    List<String> hosts = new ArrayList<>();

    @Option(names = {"-t", "--app"}, paramLabel = "APP", description = "App name (syslog tag) exactly APP. Repeat to OR.")
    List<String> apps = new ArrayList<>();

    @Option(names = "--msgid", paramLabel = "ID", description = "RFC 5424 MSGID exactly ID. Repeat to OR.")
    List<String> msgIds = new ArrayList<>();

    @Option(names = "--tag", paramLabel = "TAG", converter = TagConverter.class,
        description = "Records carrying tag TAG, by bit number 0..63 (tag names come with the rules; none are set "
            + "by the engine yet). Repeat to OR.")
    List<Integer> tags = new ArrayList<>();

    @Option(names = {"-g", "--grep"}, paramLabel = "REGEX", converter = GrepConverter.class,
        description = "Message matches REGEX (Java syntax; case-insensitive unless it has an upper-case letter). "
            + "Repeat to OR.")
    List<Pattern> greps = new ArrayList<>();

    @Option(names = "--source", paramLabel = "SRC", converter = SourceConverter.class,
        description = "Sender: tcp, udp, 192.0.2.1, 192.0.2.1:514, [::1]:514 or tcp://127.0.0.1:51234. Repeat to OR.")
    List<SourceSpec> sources = new ArrayList<>();

    @Option(names = "--from-index", paramLabel = "I", description = "Start at journal index I (inclusive).")
    Long fromIndex;

    @Option(names = "--after-index", paramLabel = "I",
        description = "Start after journal index I (the cursor printed by --show-index).")
    Long afterIndex;

    Selection selection()
    {
        final Selection s = Selection.all().byMessageTime(byMessageTime);
        if (since != null)
        {
            s.since(since);
        }
        if (until != null)
        {
            s.until(until);
        }
        priorities.forEach(s::priority);
        facilities.forEach(s::facility);
        tags.forEach(s::tagBit);
        hosts.forEach(s::host);
        apps.forEach(s::app);
        msgIds.forEach(s::msgId);
        sources.forEach(s::source);
        greps.forEach(s::grep);
        return s;
    }

    JournalQuery query()
    {
        final JournalQuery q = new JournalQuery(selection());
        if (fromIndex != null)
        {
            q.fromIndex(fromIndex);
        }
        if (afterIndex != null)
        {
            q.afterIndex(afterIndex);
        }
        return q;
    }

    /** Turns the one-line IllegalArgumentException of a parser into picocli's usage error. */
    abstract static class Converter<T> implements CommandLine.ITypeConverter<T>
    {
        @Override
        public final T convert(final String value)
        {
            try
            {
                return parse(value);
            }
            catch (final IllegalArgumentException e)
            {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }

        abstract T parse(String value);
    }

    static final class TimeConverter extends Converter<Long>
    {
        @Override
        Long parse(final String value)
        {
            return TimeExpression.parse(value);
        }
    }

    static final class PriorityConverter extends Converter<Integer>
    {
        @Override
        Integer parse(final String value)
        {
            return SyslogNames.priorityMask(value);
        }
    }

    static final class FacilityConverter extends Converter<Integer>
    {
        @Override
        Integer parse(final String value)
        {
            return SyslogNames.facilityMask(value);
        }
    }

    static final class GrepConverter extends Converter<Pattern>
    {
        @Override
        Pattern parse(final String value)
        {
            return Selection.compileGrep(value);
        }
    }

    static final class SourceConverter extends Converter<SourceSpec>
    {
        @Override
        SourceSpec parse(final String value)
        {
            return SourceSpec.parse(value);
        }
    }

    static final class TagConverter extends Converter<Integer>
    {
        @Override
        Integer parse(final String value)
        {
            if (value.matches("\\d{1,2}") && Integer.parseInt(value) < 64)
            {
                return Integer.parseInt(value);
            }
            throw new IllegalArgumentException("no tag named '" + value + "': tags have no names until the rules " +
                "define them; select by bit number 0..63");
        }
    }
}
