package io.ringlog.tools;

import io.ringlog.engine.journal.JournalRecord;

/**
 * Adds to a one-line text format what the command line asked for: the journal index in front of the line
 * ({@code --show-index}, the cursor to resume from with {@code --after-index}) and the severity's colour
 * ({@code --color}, on by default only when stdout is a terminal). The colour codes are the only escape sequences
 * ringlog writes; message text has already been escaped by the inner formatter.
 */
public final class DecoratedFormatter implements RecordFormatter
{
    private static final byte[][] COLOUR = new byte[8][];
    private static final byte[] RESET = {27, '[', '0', 'm'};

    static
    {
        final String[] sgr = {"1;31", "1;31", "1;31", "1;31", "1;33", "1", null, "2"};
        for (int s = 0; s < 8; s++)
        {
            COLOUR[s] = sgr[s] == null ? null :
                ("\u001b[" + sgr[s] + "m").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        }
    }

    private final RecordFormatter inner;
    private final boolean showIndex;
    private final boolean colour;

    public DecoratedFormatter(final RecordFormatter inner, final boolean showIndex, final boolean colour)
    {
        this.inner = inner;
        this.showIndex = showIndex;
        this.colour = colour;
    }

    @Override
    public void format(
        final long index, final JournalRecord record, final byte[] bytes, final int rawOffset, final ByteBuilder out)
    {
        if (showIndex)
        {
            out.append(index).append(' ');
        }
        final int severity = record.severity();
        final byte[] sgr = colour && severity >= 0 ? COLOUR[severity] : null;
        if (sgr == null)
        {
            inner.format(index, record, bytes, rawOffset, out);
            return;
        }
        out.append(sgr);
        inner.format(index, record, bytes, rawOffset, out);
        out.length(out.length() - 1);
        out.append(RESET).append('\n');
    }
}
