package io.ringlog.engine.logic;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;

/**
 * The configured zone's offset, cached per hour so the logic stage asks java.time (and allocates) only when the
 * hour changes, not per message. Zone offsets change at most on hour boundaries in practice (all current tz
 * rules change on the quarter hour at most; a cache per hour of local time is exact for whole-hour changes and
 * re-checked every hour).
 */
final class ZoneOffsets
{
    private final ZoneRules rules;
    private final boolean fixed;
    private final int fixedMinutes;
    private long cachedInstantHour = Long.MIN_VALUE;
    private int cachedInstantMinutes;
    private long cachedLocalHour = Long.MIN_VALUE;
    private int cachedLocalMinutes;

    ZoneOffsets(final ZoneId zone)
    {
        this.rules = zone.getRules();
        this.fixed = rules.isFixedOffset();
        this.fixedMinutes = fixed ? rules.getOffset(Instant.EPOCH).getTotalSeconds() / 60 : 0;
    }

    /** Offset in minutes in force at an instant (epoch seconds). */
    int atInstant(final long epochSeconds)
    {
        if (fixed)
        {
            return fixedMinutes;
        }
        final long hour = Math.floorDiv(epochSeconds, 3600);
        if (hour != cachedInstantHour)
        {
            cachedInstantMinutes = rules.getOffset(Instant.ofEpochSecond(epochSeconds)).getTotalSeconds() / 60;
            cachedInstantHour = hour;
        }
        return cachedInstantMinutes;
    }

    /**
     * Offset in minutes for a local date-time (given as seconds since the epoch read as UTC). In a gap or an
     * overlap, the offset before the transition, as {@link java.time.ZonedDateTime#of} chooses.
     */
    int atLocal(final long localEpochSeconds)
    {
        if (fixed)
        {
            return fixedMinutes;
        }
        final long hour = Math.floorDiv(localEpochSeconds, 3600);
        if (hour != cachedLocalHour)
        {
            final LocalDateTime ldt = LocalDateTime.ofEpochSecond(localEpochSeconds, 0, ZoneOffset.UTC);
            cachedLocalMinutes = rules.getValidOffsets(ldt).isEmpty() ?
                rules.getOffset(ldt.toInstant(ZoneOffset.UTC)).getTotalSeconds() / 60 :
                rules.getValidOffsets(ldt).get(0).getTotalSeconds() / 60;
            cachedLocalHour = hour;
        }
        return cachedLocalMinutes;
    }
}
