package io.ringlog.tools;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/**
 * Sends syslog messages' bytes to another server, as {@code ringlog forward} does: over TCP with RFC 6587 octet
 * counting ({@code LEN SP MSG}) or LF framing ({@code MSG LF}, which a message holding an LF would split), or one
 * UDP datagram per message. TCP output is buffered (64 KiB) and goes out at {@link #flush()} or when the buffer
 * fills; a UDP datagram goes out at once. Single-threaded.
 */
public abstract class SyslogSender implements AutoCloseable
{
    /** Largest UDP payload over IPv4. */
    static final int MAX_DATAGRAM = 65_507;

    /** TCP framing. */
    public enum Framing
    {
        OCTET, LF
    }

    /**
     * Connects to {@code tcp://host:port} or {@code udp://host:port}.
     *
     * @throws IllegalArgumentException for a malformed target (a usage error).
     * @throws IOException              when the connection is refused or the host is unknown.
     */
    public static SyslogSender connect(final String target, final Framing framing) throws IOException
    {
        final URI uri = parse(target);
        final InetSocketAddress address = new InetSocketAddress(uri.getHost(), uri.getPort());
        if (address.isUnresolved())
        {
            throw new IOException("unknown host " + uri.getHost());
        }
        return "tcp".equals(uri.getScheme()) ? new Tcp(address, framing) : new Udp(address);
    }

    /** Checks a target's form: {@code tcp://host:port} or {@code udp://host:port}. */
    public static URI parse(final String target)
    {
        try
        {
            final URI uri = new URI(target);
            if (!("tcp".equals(uri.getScheme()) || "udp".equals(uri.getScheme())) || uri.getHost() == null ||
                uri.getPort() <= 0 || uri.getPort() > 65535 || !(uri.getPath() == null || uri.getPath().isEmpty()))
            {
                throw new URISyntaxException(target, "not tcp://host:port or udp://host:port");
            }
            return uri;
        }
        catch (final URISyntaxException e)
        {
            throw new IllegalArgumentException("bad target '" + target + "' (expected tcp://HOST:PORT or udp://HOST:PORT)");
        }
    }

    /**
     * Sends one message.
     *
     * @return false when the message cannot be sent this way (larger than a UDP datagram); it is skipped.
     */
    public abstract boolean send(byte[] bytes, int offset, int length) throws IOException;

    /** Hands everything buffered to the kernel. */
    public abstract void flush() throws IOException;

    @Override
    public abstract void close() throws IOException;

    private static final class Tcp extends SyslogSender
    {
        private final Socket socket;
        private final OutputStream out;
        private final Framing framing;
        private final byte[] prefix = new byte[12];

        Tcp(final InetSocketAddress address, final Framing framing) throws IOException
        {
            socket = new Socket();
            socket.connect(address, 10_000);
            socket.setTcpNoDelay(true);
            out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
            this.framing = framing;
        }

        @Override
        public boolean send(final byte[] bytes, final int offset, final int length) throws IOException
        {
            if (framing == Framing.OCTET)
            {
                int p = prefix.length;
                prefix[--p] = ' ';
                int n = length;
                do
                {
                    prefix[--p] = (byte)('0' + n % 10);
                    n /= 10;
                }
                while (n > 0);
                out.write(prefix, p, prefix.length - p);
                out.write(bytes, offset, length);
            }
            else
            {
                out.write(bytes, offset, length);
                out.write('\n');
            }
            return true;
        }

        @Override
        public void flush() throws IOException
        {
            out.flush();
        }

        @Override
        public void close() throws IOException
        {
            try
            {
                out.flush();
            }
            finally
            {
                socket.close();
            }
        }
    }

    private static final class Udp extends SyslogSender
    {
        private final DatagramChannel channel;

        Udp(final InetSocketAddress address) throws IOException
        {
            channel = DatagramChannel.open();
            channel.connect(address);
        }

        @Override
        public boolean send(final byte[] bytes, final int offset, final int length) throws IOException
        {
            if (length > MAX_DATAGRAM)
            {
                return false;
            }
            channel.write(ByteBuffer.wrap(bytes, offset, length));
            return true;
        }

        @Override
        public void flush()
        {
        }

        @Override
        public void close() throws IOException
        {
            channel.close();
        }
    }
}
