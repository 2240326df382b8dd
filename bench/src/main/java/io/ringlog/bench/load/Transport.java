package io.ringlog.bench.load;

/** How the load reaches a server: TCP with RFC 6587 octet counting, TCP with LF framing, or one UDP datagram each. */
public enum Transport
{
    TCP_OCTET("tcp-octet"),
    TCP_LF("tcp-lf"),
    UDP("udp");

    private final String label;

    Transport(final String label)
    {
        this.label = label;
    }

    public String label()
    {
        return label;
    }

    public boolean tcp()
    {
        return this != UDP;
    }

    /** By label ({@code tcp-octet}, {@code tcp-lf}, {@code udp}); one clear line when unknown. */
    public static Transport of(final String label)
    {
        for (final Transport t : values())
        {
            if (t.label.equals(label))
            {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown transport '" + label + "' (tcp-octet, tcp-lf, udp)");
    }

    @Override
    public String toString()
    {
        return label;
    }
}
