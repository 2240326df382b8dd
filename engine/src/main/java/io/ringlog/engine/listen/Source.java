package io.ringlog.engine.listen;

import io.ringlog.engine.event.LogEvent;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * A sender's address and port in the form the ring slot stores them (bytes, not objects). Encoded once per TCP
 * connection, and once per distinct UDP sender (the JDK hands back the same {@link InetSocketAddress} instance
 * for repeated datagrams from one sender, so the encoding is skipped by identity).
 */
final class Source
{
    private final byte[] address = new byte[16];
    private int addressLength;
    private int port;
    private Object last;

    /** Encodes {@code socketAddress} unless it is the very instance encoded last time. */
    Source set(final Object socketAddress)
    {
        if (socketAddress == last)
        {
            return this;
        }
        last = socketAddress;
        if (socketAddress instanceof InetSocketAddress)
        {
            final InetSocketAddress isa = (InetSocketAddress)socketAddress;
            final InetAddress ia = isa.getAddress();
            port = isa.getPort();
            if (ia != null)
            {
                final byte[] bytes = ia.getAddress();
                addressLength = ia instanceof Inet4Address ? 4 : bytes.length;
                System.arraycopy(bytes, 0, address, 0, Math.min(bytes.length, 16));
                return this;
            }
        }
        addressLength = 0;
        port = 0;
        return this;
    }

    void copyTo(final LogEvent event)
    {
        event.sourceAddressLength = (byte)addressLength;
        System.arraycopy(address, 0, event.sourceAddress, 0, 16);
        event.sourcePort = port;
    }

    @Override
    public String toString()
    {
        final StringBuilder sb = new StringBuilder();
        if (addressLength == 4)
        {
            sb.append(address[0] & 0xFF).append('.').append(address[1] & 0xFF).append('.')
                .append(address[2] & 0xFF).append('.').append(address[3] & 0xFF);
        }
        else if (addressLength == 16)
        {
            sb.append('[');
            for (int i = 0; i < 16; i += 2)
            {
                sb.append(i == 0 ? "" : ":").append(Integer.toHexString(((address[i] & 0xFF) << 8) | (address[i + 1] & 0xFF)));
            }
            sb.append(']');
        }
        return sb.append(':').append(port).toString();
    }
}
