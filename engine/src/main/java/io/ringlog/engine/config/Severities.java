package io.ringlog.engine.config;

/** Syslog severity names (RFC 5424 §6.2.1, with the keywords rsyslog and journalctl accept). */
public final class Severities
{
    public static final String[] NAMES = {"emerg", "alert", "crit", "err", "warning", "notice", "info", "debug"};

    private Severities()
    {
    }

    /** A severity from its name ({@code warning}, {@code warn}, {@code error}...) or number; -1 if unknown. */
    public static int parse(final String text)
    {
        if (text == null)
        {
            return -1;
        }
        final String s = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (s.length() == 1 && s.charAt(0) >= '0' && s.charAt(0) <= '7')
        {
            return s.charAt(0) - '0';
        }
        switch (s)
        {
            case "emerg": case "emergency": case "panic": return 0;
            case "alert": return 1;
            case "crit": case "critical": return 2;
            case "err": case "error": return 3;
            case "warning": case "warn": return 4;
            case "notice": return 5;
            case "info": case "informational": return 6;
            case "debug": return 7;
            default: return -1;
        }
    }
}
