package io.ringlog.tools;

import io.ringlog.engine.journal.JournalRecord;

/**
 * {@code -o json-pretty}: the {@code -o json} object indented over several lines, for people. Re-indents the
 * compact form byte by byte (strings copied untouched), so both modes always carry the same fields and values.
 */
public final class PrettyJsonFormatter implements RecordFormatter
{
    private final JsonFormatter compact = new JsonFormatter();
    private final ByteBuilder scratch = new ByteBuilder(4096);

    @Override
    public void format(
        final long index, final JournalRecord record, final byte[] bytes, final int rawOffset, final ByteBuilder out)
    {
        scratch.length(0);
        compact.format(index, record, bytes, rawOffset, scratch);
        indent(scratch.array(), scratch.length(), out);
    }

    /** Re-indents one compact JSON value (followed by a newline) with two spaces per level. */
    static void indent(final byte[] json, final int length, final ByteBuilder out)
    {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < length; i++)
        {
            final byte b = json[i];
            if (inString)
            {
                out.append(b);
                if (b == '\\')
                {
                    out.append(json[++i]);
                }
                else if (b == '"')
                {
                    inString = false;
                }
                continue;
            }
            switch (b)
            {
                case '"':
                    inString = true;
                    out.append(b);
                    break;
                case '{':
                case '[':
                    out.append(b);
                    if (i + 1 < length && (json[i + 1] == '}' || json[i + 1] == ']'))
                    {
                        out.append(json[++i]);
                    }
                    else
                    {
                        newline(++depth, out);
                    }
                    break;
                case '}':
                case ']':
                    newline(--depth, out);
                    out.append(b);
                    break;
                case ',':
                    out.append(b);
                    newline(depth, out);
                    break;
                case ':':
                    out.append(b).append(' ');
                    break;
                default:
                    out.append(b);
            }
        }
    }

    private static void newline(final int depth, final ByteBuilder out)
    {
        out.append('\n');
        for (int d = 0; d < depth; d++)
        {
            out.append(' ').append(' ');
        }
    }
}
