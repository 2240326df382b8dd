package io.ringlog.bench.latency;

import io.ringlog.bench.load.MessageLayout;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Follows a peer's output file like {@code tail -f}: reads the bytes appended since the last poll, splits them
 * into lines and reads each line's stamps at the layout's offsets (the peers write the raw message, so the
 * offsets are the message's). A line is visible once the peer has written it to the file; all lines of one read
 * get the time of that read. Lines of another length (a marker, a notice) are counted as foreign.
 */
final class FileFollower implements StoreFollower
{
    private final Path file;
    private final MessageLayout layout;
    private final byte[] bytes = new byte[1 << 20];
    private final ByteBuffer buffer = ByteBuffer.wrap(bytes);
    private FileChannel channel;

    FileFollower(final Path file, final MessageLayout layout)
    {
        this.file = file;
        this.layout = layout;
    }

    @Override
    public int poll(final LatencyRecorder recorder) throws IOException
    {
        if (channel == null)
        {
            if (!Files.exists(file))
            {
                return 0;
            }
            channel = FileChannel.open(file, StandardOpenOption.READ);
        }
        if (channel.read(buffer) <= 0)
        {
            return 0;
        }
        final long now = System.nanoTime();
        final int end = buffer.position();
        int lineStart = 0;
        int lines = 0;
        for (int i = 0; i < end; i++)
        {
            if (bytes[i] == '\n')
            {
                if (i - lineStart == layout.messageBytes())
                {
                    recorder.record(layout.sequence(bytes, lineStart), layout.scheduled(bytes, lineStart), now);
                }
                else
                {
                    recorder.foreign();
                }
                lines++;
                lineStart = i + 1;
            }
        }
        if (lineStart == 0 && end == bytes.length)
        {
            // a line longer than the buffer is not one of ours: drop it
            recorder.foreign();
            buffer.clear();
        }
        else
        {
            System.arraycopy(bytes, lineStart, bytes, 0, end - lineStart);
            buffer.position(end - lineStart);
        }
        return lines;
    }

    @Override
    public void close() throws IOException
    {
        if (channel != null)
        {
            channel.close();
        }
    }
}
