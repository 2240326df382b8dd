package io.ringlog.engine.event;

/** How a message reached the listener. The code is stored in the journal record: never renumber. */
public final class Transport
{
    public static final byte NONE = 0;
    public static final byte UDP = 1;
    public static final byte TCP = 2;

    private Transport()
    {
    }

    /** Scheme used in a source URI ({@code tcp://ip:port}). */
    public static String scheme(final int code)
    {
        switch (code)
        {
            case UDP: return "udp";
            case TCP: return "tcp";
            default: return "unknown";
        }
    }
}
