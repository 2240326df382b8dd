package io.ringlog.tools;

import java.util.Locale;
import java.util.function.Supplier;

/** The output formats of {@code ringlog cat} and {@code tail}, by the name used on the command line. */
public enum OutputFormat
{
    SHORT(ShortFormatter::new, true),
    SHORT_ISO(() -> new ShortFormatter(true), true),
    RFC5424(() -> new SyslogLineFormatter(true), true),
    RFC3164(() -> new SyslogLineFormatter(false), true),
    JSON(JsonFormatter::new, false),
    JSON_PRETTY(PrettyJsonFormatter::new, false),
    RAW(RawFormatter::new, false),
    CAT(MessageFormatter::new, true);

    private static final String NAMES = "short, short-iso, rfc5424, rfc3164, json, json-pretty, raw or cat";

    private final Supplier<RecordFormatter> factory;
    private final boolean colourable;

    OutputFormat(final Supplier<RecordFormatter> factory, final boolean colourable)
    {
        this.factory = factory;
        this.colourable = colourable;
    }

    /** A new formatter: formatters keep scratch state, so each output thread needs its own. */
    public RecordFormatter newFormatter()
    {
        return factory.get();
    }

    /**
     * The formatter with the command line's decorations: {@code showIndex} puts the index in front of each line
     * (json modes always carry it as a field, so are left alone), {@code colour} applies to the text modes only
     * ({@code raw} stays byte-exact, JSON stays parseable).
     */
    public RecordFormatter newFormatter(final boolean showIndex, final boolean colour)
    {
        final boolean index = showIndex && this != JSON && this != JSON_PRETTY;
        final boolean coloured = colour && colourable;
        return index || coloured ? new DecoratedFormatter(newFormatter(), index, coloured) : newFormatter();
    }

    /** The name on the command line: {@code short}, {@code short-iso}, {@code json-pretty}, ... */
    public String cliName()
    {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The format named {@code name} (case-insensitive).
     *
     * @throws IllegalArgumentException naming the choices when there is none by that name.
     */
    public static OutputFormat byName(final String name)
    {
        for (final OutputFormat f : values())
        {
            if (f.cliName().equalsIgnoreCase(name))
            {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown output format '" + name + "' (expected " + NAMES + ")");
    }
}
