package io.ringlog.engine.journal;

/**
 * Records a reader could not reach: after the last record read from {@code file}, Chronicle saw the end of the
 * data (a zero document header, as in a zeroed page or a cut-off file), yet the cycle's index or its bytes say more
 * follows. Found by {@link JournalGapFinder}.
 *
 * @param file          the cycle file in which reading stopped.
 * @param endOffset     byte offset in {@code file} where the last readable record ends (-1 when none was read).
 * @param dataOffset    byte offset of the first non-zero byte found after {@code endOffset}, or -1.
 * @param firstIndex    Chronicle index of the first unreachable record.
 * @param unreachable   records the index counts between the last one read and {@code resumeIndex} (or the end);
 *                      -1 when a cut-off cycle file makes the count unknowable.
 * @param resumeIndex   index of the next record a reader can reach, or -1 when none follows the gap.
 * @param cutAt         length of the first cycle file found shorter than Chronicle wrote it, or -1.
 */
public record JournalGap(
    String file, long endOffset, long dataOffset, long firstIndex, long unreachable, long resumeIndex, long cutAt)
{
    /** True when records were lost to the reader, not just appended since it stopped. */
    public boolean damaged()
    {
        return unreachable != 0 || dataOffset >= 0;
    }

    /**
     * The damaged records this gap stands for: at least 1 when the count is unknown (a cut-off file, or data found
     * after the end that the index does not count), so a damaged gap never adds 0 to a damage count.
     */
    public long count()
    {
        return unreachable < 0 || unreachable == 0 && dataOffset >= 0 ? 1 : unreachable;
    }

    /** One line for the user: file, offsets, how many records and where reading goes on. */
    public String describe()
    {
        final StringBuilder s = new StringBuilder(file).append(": ");
        s.append(endOffset >= 0 ? "readable records end at byte offset " + endOffset : "no record is readable");
        if (dataOffset >= 0)
        {
            s.append(" but data follows at offset ").append(dataOffset);
        }
        if (cutAt >= 0)
        {
            s.append("; a cycle file is cut off at byte offset ").append(cutAt).append(" (truncated?)")
                .append(": records from index ").append(firstIndex).append(" on are unreachable");
        }
        else
        {
            s.append(unreachable == 0 && dataOffset >= 0 ? ": records unreachable, how many unknown (zeroed page?)" :
                ": " + unreachable + " records unreachable (zeroed page?)");
        }
        s.append(resumeIndex >= 0 ? "; reading resumes at index " + resumeIndex : "; nothing readable after it");
        return s.toString();
    }
}
