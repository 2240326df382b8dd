package io.ringlog.engine.listen;

import org.agrona.concurrent.status.AtomicCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Exports the kernel's drop count for ringlogd's UDP socket: datagrams that found the socket's receive buffer full
 * never reach the listener, so without this a UDP flood loses messages that no ringlog counter shows. Linux keeps
 * the count per socket in the last column ({@code drops}) of {@code /proc/net/udp} and {@code /proc/net/udp6}; the
 * socket's line is found by its inode, which is one of this process's {@code /proc/self/fd} links
 * ({@code socket:[inode]}) and whose local port is ours.
 *
 * <p>Read by the listener's housekeeping at most once a second: it allocates a little per read (the file is read
 * into a reused array, parsed in place), never per message. Where {@code /proc} is absent the counter stays 0.
 */
final class UdpKernelDrops
{
    private static final Logger LOG = LoggerFactory.getLogger(UdpKernelDrops.class);
    private static final long PERIOD_NANOS = 1_000_000_000L;
    private static final int DROPS_COLUMN = 12;
    private static final int INODE_COLUMN = 9;
    private static final String[] FILES = {"/proc/net/udp", "/proc/net/udp6"};

    private final AtomicCounter counter;
    private final long inode;
    private byte[] text = new byte[16 * 1024];
    private long baseline = -1;
    private long lastReadNanos;
    private int file = -1;

    private UdpKernelDrops(final AtomicCounter counter, final long inode)
    {
        this.counter = counter;
        this.inode = inode;
    }

    /** Finds the socket bound to {@code port}; null when there is no /proc or no such socket of this process. */
    static UdpKernelDrops forPort(final int port, final AtomicCounter counter)
    {
        final Set<Long> ours = socketInodes();
        if (ours.isEmpty())
        {
            return null;
        }
        final UdpKernelDrops probe = new UdpKernelDrops(counter, -1);
        for (int f = 0; f < FILES.length; f++)
        {
            final int length = probe.load(FILES[f]);
            final long inode = probe.findInode(length, port, ours);
            if (inode > 0)
            {
                final UdpKernelDrops drops = new UdpKernelDrops(counter, inode);
                drops.file = f;
                drops.poll(System.nanoTime(), true);
                return drops;
            }
        }
        LOG.warn("udp.kernel_drops unavailable: no /proc/net/udp line for port {} among this process's sockets", port);
        return null;
    }

    /** Re-reads the count when a second has passed since the last read, or at once when {@code force}. */
    void poll(final long nowNanos, final boolean force)
    {
        if (!force && nowNanos - lastReadNanos < PERIOD_NANOS)
        {
            return;
        }
        lastReadNanos = nowNanos;
        final long drops = findDrops(load(FILES[file]));
        if (drops < 0)
        {
            return;
        }
        if (baseline < 0)
        {
            baseline = drops;
        }
        counter.setRelease(drops - baseline);
    }

    private int load(final String name)
    {
        try (RandomAccessFile in = new RandomAccessFile(name, "r"))
        {
            int length = 0;
            for (int i = 0; i < 1_000_000; i++) // /proc files report no size: read until EOF, growing the array
            {
                if (length == text.length)
                {
                    text = java.util.Arrays.copyOf(text, text.length * 2);
                }
                final int n = in.read(text, length, text.length - length);
                if (n < 0)
                {
                    break;
                }
                length += n;
            }
            return length;
        }
        catch (final IOException e)
        {
            return 0;
        }
    }

    /** Inode of the line whose local port is {@code port} and whose inode is one of ours, or -1. */
    private long findInode(final int length, final int port, final Set<Long> ours)
    {
        for (int line = nextLine(0, length); line < length; line = nextLine(line, length))
        {
            final long inode = column(line, length, INODE_COLUMN, 10);
            if (localPort(line, length) == port && ours.contains(inode))
            {
                return inode;
            }
        }
        return -1;
    }

    /** Drops column of our socket's line, or -1 when the line is gone. */
    private long findDrops(final int length)
    {
        for (int line = nextLine(0, length); line < length; line = nextLine(line, length))
        {
            if (column(line, length, INODE_COLUMN, 10) == inode)
            {
                return column(line, length, DROPS_COLUMN, 10);
            }
        }
        return -1;
    }

    /** Start of the line after the one starting at {@code from} (the first call skips the header line). */
    private int nextLine(final int from, final int length)
    {
        int i = from;
        while (i < length && text[i] != '\n')
        {
            i++;
        }
        return i + 1;
    }

    /** The local address column is ADDR:PORT with the port in hex. */
    private int localPort(final int line, final int length)
    {
        int i = columnStart(line, length, 1);
        int colon = -1;
        while (i < length && text[i] != ' ' && text[i] != '\n')
        {
            if (text[i] == ':')
            {
                colon = i;
            }
            i++;
        }
        return colon < 0 ? -1 : (int)parse(colon + 1, length, 16);
    }

    private long column(final int line, final int length, final int column, final int radix)
    {
        final int start = columnStart(line, length, column);
        return start < 0 ? -1 : parse(start, length, radix);
    }

    /** Start of whitespace-separated column {@code column} (0 = "sl") of the line, or -1. */
    private int columnStart(final int line, final int length, final int column)
    {
        int i = line;
        int seen = -1;
        while (i < length && text[i] != '\n')
        {
            while (i < length && text[i] == ' ')
            {
                i++;
            }
            if (i >= length || text[i] == '\n')
            {
                return -1;
            }
            seen++;
            if (seen == column)
            {
                return i;
            }
            while (i < length && text[i] != ' ' && text[i] != '\n')
            {
                i++;
            }
        }
        return -1;
    }

    private long parse(final int start, final int length, final int radix)
    {
        long v = 0;
        int i = start;
        for (; i < length; i++)
        {
            final int d = Character.digit(text[i], radix);
            if (d < 0)
            {
                break;
            }
            v = v * radix + d;
        }
        return i == start ? -1 : v;
    }

    /** Inodes of this process's sockets, from the {@code socket:[inode]} links in /proc/self/fd. */
    private static Set<Long> socketInodes()
    {
        final Set<Long> inodes = new HashSet<>();
        final Path fds = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fds))
        {
            return inodes;
        }
        try (DirectoryStream<Path> links = Files.newDirectoryStream(fds))
        {
            for (final Path link : links)
            {
                try
                {
                    final String target = Files.readSymbolicLink(link).toString();
                    if (target.startsWith("socket:[") && target.endsWith("]"))
                    {
                        inodes.add(Long.parseLong(target.substring(8, target.length() - 1)));
                    }
                }
                catch (final IOException | NumberFormatException e)
                {
                    // an fd closed while we listed, or not a socket: not ours to count
                }
            }
        }
        catch (final IOException e)
        {
            return inodes;
        }
        return inodes;
    }
}
