package io.ringlog.bench.load;

/**
 * What the {@link LoadGenerator} sends: transport, connections, message format and size, and either a fixed rate
 * (open loop: message {@code i} is scheduled at {@code start + i / rate}) or, with rate 0, as fast as possible;
 * bounded by a message count and by seconds, whichever comes first.
 */
public final class LoadSpec
{
    public final Transport transport;
    public final SyslogFormat format;
    public final int connections;
    public final int messageBytes;
    /** Messages per second over all connections; 0 = as fast as possible. */
    public final int rate;
    public final long count;
    public final double seconds;

    /** @throws IllegalArgumentException with one line naming the bad value. */
    public LoadSpec(final Transport transport, final SyslogFormat format, final int connections,
        final int messageBytes, final int rate, final long count, final double seconds)
    {
        if (connections < 1 || connections > 1024)
        {
            throw new IllegalArgumentException("connections " + connections + ": must be 1 to 1024");
        }
        if (rate < 0)
        {
            throw new IllegalArgumentException("rate " + rate + ": must be >= 0 (0 = as fast as possible)");
        }
        if (count < 1 || count > 9_999_999_999L)
        {
            throw new IllegalArgumentException("count " + count + ": must be 1 to 9999999999 (10-digit sequence)");
        }
        if (!(seconds > 0))
        {
            throw new IllegalArgumentException("seconds " + seconds + ": must be > 0");
        }
        MessageLayout.of(format, transport, messageBytes);
        this.transport = transport;
        this.format = format;
        this.connections = connections;
        this.messageBytes = messageBytes;
        this.rate = rate;
        this.count = count;
        this.seconds = seconds;
    }

    public MessageLayout layout()
    {
        return MessageLayout.of(format, transport, messageBytes);
    }

    @Override
    public String toString()
    {
        return transport + " x" + connections + ", " + format + ", " + messageBytes + " B, " +
            (rate == 0 ? "max rate" : rate + " msg/s") + ", up to " + count + " msgs / " + seconds + " s";
    }
}
