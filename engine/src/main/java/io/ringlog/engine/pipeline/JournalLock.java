package io.ringlog.engine.pipeline;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One engine per journal: an OS file lock on {@code ringlogd.lock} in the journal directory, held for the
 * engine's life. The OS releases it when the process dies, even by kill -9, so a restart is never blocked by a
 * stale lock; a second engine on the same journal is refused at start with the holder's pid.
 */
final class JournalLock implements AutoCloseable
{
    static final String FILE_NAME = "ringlogd.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private JournalLock(final FileChannel channel, final FileLock lock)
    {
        this.channel = channel;
        this.lock = lock;
    }

    static JournalLock acquire(final Path dir)
    {
        final Path file = dir.resolve(FILE_NAME);
        FileChannel channel = null;
        try
        {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
            FileLock lock;
            try
            {
                lock = channel.tryLock();
            }
            catch (final java.nio.channels.OverlappingFileLockException e)
            {
                lock = null; // held by another engine in this same JVM
            }
            if (lock == null)
            {
                final ByteBuffer buf = ByteBuffer.allocate(32);
                channel.read(buf, 0);
                final String holder = new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII).trim();
                channel.close();
                throw new EngineStartException("journal " + dir + " is in use by another ringlogd (pid " +
                    (holder.isEmpty() ? "unknown" : holder) + ")");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)),
                0);
            return new JournalLock(channel, lock);
        }
        catch (final IOException e)
        {
            if (channel != null)
            {
                try
                {
                    channel.close();
                }
                catch (final IOException ignore)
                {
                    // already failing
                }
            }
            throw new EngineStartException("cannot lock " + file + ": " + e.getMessage());
        }
    }

    @Override
    public void close()
    {
        try
        {
            lock.release();
            channel.close();
        }
        catch (final IOException ignore)
        {
            // the OS drops the lock with the process anyway
        }
    }
}
