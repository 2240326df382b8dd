package io.ringlog.tools;

import io.ringlog.engine.config.Severities;

import java.util.Locale;

/**
 * Severity and facility names as journalctl and rsyslog users type them, parsed into bit masks for
 * {@link Selection}. Each parse method throws {@link IllegalArgumentException} with a one-line message that lists
 * the accepted values.
 */
public final class SyslogNames
{
    /** RFC 5424 facility keywords, by code; a few codes have a second common name in {@link #facility(String)}. */
    public static final String[] FACILITIES = {"kern", "user", "mail", "daemon", "auth", "syslog", "lpr", "news",
        "uucp", "cron", "authpriv", "ftp", "ntp", "security", "console", "solaris-cron",
        "local0", "local1", "local2", "local3", "local4", "local5", "local6", "local7"};

    private SyslogNames()
    {
    }

    /**
     * A {@code -p} argument as a mask of severities (bit 0 = emerg): {@code err} or {@code 3} means that severity
     * and every more important one, as journalctl does; {@code warning..emerg} (either order) is that range.
     */
    public static int priorityMask(final String text)
    {
        final int dots = text.indexOf("..");
        if (dots < 0)
        {
            final int max = severity(text);
            return (1 << (max + 1)) - 1;
        }
        final int a = severity(text.substring(0, dots));
        final int b = severity(text.substring(dots + 2));
        final int lo = Math.min(a, b);
        final int hi = Math.max(a, b);
        return ((1 << (hi + 1)) - 1) & ~((1 << lo) - 1);
    }

    private static int severity(final String text)
    {
        final int s = Severities.parse(text);
        if (s < 0)
        {
            throw new IllegalArgumentException("unknown priority '" + text +
                "' (expected emerg, alert, crit, err, warning, notice, info, debug, 0..7, or a range such as warning..emerg)");
        }
        return s;
    }

    /** A {@code --facility} argument, a name, number or comma-separated list of them, as a mask (bit n = code n). */
    public static int facilityMask(final String text)
    {
        int mask = 0;
        for (final String part : text.split(","))
        {
            mask |= 1 << facility(part);
        }
        return mask;
    }

    /** A facility code from its name or number. */
    public static int facility(final String text)
    {
        final String s = text.trim().toLowerCase(Locale.ROOT);
        if (!s.isEmpty() && s.length() <= 2 && s.chars().allMatch(Character::isDigit))
        {
            final int n = Integer.parseInt(s);
            if (n < FACILITIES.length)
            {
                return n;
            }
        }
        for (int i = 0; i < FACILITIES.length; i++)
        {
            if (FACILITIES[i].equals(s))
            {
                return i;
            }
        }
        switch (s)
        {
            case "audit": return 13;
            case "alert": return 14;
            case "clock": return 15;
            default:
                throw new IllegalArgumentException("unknown facility '" + text +
                    "' (expected kern, user, mail, daemon, auth, syslog, lpr, news, uucp, cron, authpriv, ftp, " +
                    "ntp, security, console, solaris-cron, local0..local7 or 0..23)");
        }
    }

    /** The facility's name for output, or {@code none} for -1. */
    public static String facilityName(final int code)
    {
        return code >= 0 && code < FACILITIES.length ? FACILITIES[code] : "none";
    }

    /** The severity's name for output, or {@code none} for -1. */
    public static String severityName(final int code)
    {
        return code >= 0 && code < Severities.NAMES.length ? Severities.NAMES[code] : "none";
    }
}
