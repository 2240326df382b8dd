package io.ringlog.tools;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/** How {@code cat} and {@code tail} print: format, index, colour, direction. A picocli mixin. */
final class ReadOptions
{
    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "short",
        converter = FormatConverter.class,
        description = "short, short-iso, rfc5424, rfc3164, json, json-pretty, raw or cat (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = {"-r", "--reverse"}, description = "Newest first.")
    boolean reverse;

    @Option(names = "--show-index",
        description = "Put each record's journal index in front of its line (json always has it as \"index\").")
    boolean showIndex;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
        description = "Colour by severity: auto (only when stdout is a terminal and NO_COLOR is unset), always, "
            + "never (default: ${DEFAULT-VALUE}).")
    String colour;

    boolean colour()
    {
        switch (colour)
        {
            case "always": return true;
            case "never": return false;
            case "auto": return Terminal.colourOnStdout();
            default: throw new CommandLine.TypeConversionException(
                "--color must be auto, always or never, not '" + colour + "'");
        }
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
