package io.ringlog.tools;

import java.util.Locale;
import java.util.function.Supplier;

/** The output formats of {@code ringlog cat}, by the name used on the command line. */
public enum OutputFormat
{
    SHORT(ShortFormatter::new),
    JSON(JsonFormatter::new),
    RAW(RawFormatter::new),
    CAT(MessageFormatter::new);

    private final Supplier<RecordFormatter> factory;

    OutputFormat(final Supplier<RecordFormatter> factory)
    {
        this.factory = factory;
    }

    /** A new formatter: formatters keep scratch state, so each output thread needs its own. */
    public RecordFormatter newFormatter()
    {
        return factory.get();
    }

    /** The name on the command line: {@code short}, {@code json}, {@code raw}, {@code cat}. */
    public String cliName()
    {
        return name().toLowerCase(Locale.ROOT);
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
        throw new IllegalArgumentException("unknown output format '" + name + "' (expected short, json, raw or cat)");
    }
}
