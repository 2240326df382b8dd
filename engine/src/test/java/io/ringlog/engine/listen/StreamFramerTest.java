package io.ringlog.engine.listen;

import io.ringlog.engine.event.ParseFlags;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StreamFramerTest
{
    /** Collects frames; refuses one now and then when {@code random} is set, like a full ring. */
    static final class Collector implements FrameSink
    {
        final List<byte[]> frames = new ArrayList<>();
        final List<Integer> flags = new ArrayList<>();
        private final Random random;

        Collector(final Random random)
        {
            this.random = random;
        }

        @Override
        public boolean onFrame(final ByteBuffer buffer, final int position, final int length, final int flags)
        {
            if (random != null && random.nextInt(4) == 0)
            {
                return false;
            }
            final byte[] b = new byte[length];
            buffer.get(position, b, 0, length);
            frames.add(b);
            this.flags.add(flags);
            return true;
        }

        List<String> strings()
        {
            final List<String> out = new ArrayList<>();
            for (final byte[] f : frames)
            {
                out.add(new String(f, StandardCharsets.ISO_8859_1));
            }
            return out;
        }
    }

    /**
     * Feeds {@code chunks} as successive reads (a chunk larger than the free buffer space is fed in parts, as a
     * socket read would be), retrying while the sink refuses, then ends the stream.
     *
     * @return the last framing result.
     */
    static int feed(final StreamFramer framer, final Collector sink, final List<byte[]> chunks)
    {
        for (final byte[] chunk : chunks)
        {
            int pos = 0;
            while (pos < chunk.length)
            {
                final ByteBuffer buffer = framer.buffer();
                final int n = Math.min(buffer.remaining(), chunk.length - pos);
                buffer.put(chunk, pos, n);
                pos += n;
                int result;
                int attempts = 0;
                do
                {
                    result = framer.frame(sink);
                    if (result == StreamFramer.FRAMING_ERROR)
                    {
                        return result;
                    }
                }
                while (result == StreamFramer.BLOCKED && ++attempts < 1000);
            }
        }
        int result;
        int attempts = 0;
        do
        {
            result = framer.frameAtEof(sink);
        }
        while (result == StreamFramer.BLOCKED && ++attempts < 1000);
        return result;
    }

    private static List<byte[]> one(final String s)
    {
        return List.of(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static Collector run(final int max, final String stream, final int expectedResult)
    {
        final Collector c = new Collector(null);
        assertEquals(expectedResult, feed(new StreamFramer(max), c, one(stream)));
        return c;
    }

    @Test
    void octetCountingFramesAreOpaque()
    {
        assertEquals(List.of("a\nb", "c\u0000d", "x"), run(64, "3 a\nb3 c\u0000d1 x", StreamFramer.DONE).strings());
    }

    @Test
    void nonTransparentEndsAtLfOrNulDropsCrAndSkipsEmptyFrames()
    {
        assertEquals(List.of("<1>a", "<2>b", "<3>c", "<4>last"),
            run(64, "<1>a\r\n\n<2>b\u0000<3>c\n\r\n<4>last", StreamFramer.DONE).strings());
    }

    @Test
    void invalidOctetCountsAreFramingErrors()
    {
        for (final String bad : new String[] {"01 a", "1x a", "99999999999 a", "65 " + "a".repeat(65)})
        {
            final StreamFramer framer = new StreamFramer(64);
            final Collector c = new Collector(null);
            assertEquals(StreamFramer.FRAMING_ERROR, feed(framer, c, one(bad)), bad);
            assertTrue(framer.errorReason() != null && !framer.errorReason().isEmpty());
            assertEquals(List.of(), c.strings());
        }
        assertEquals(List.of("ok"), run(64, "2 ok3 a", StreamFramer.INCOMPLETE).strings(),
            "a frame cut short by the end of the stream is reported, never delivered as if whole");
    }

    @Test
    void anOverlongLineIsCutOnceAndItsRestDiscarded()
    {
        final String longLine = "<1>" + "x".repeat(200);
        final Collector c = run(64, longLine + "\n<2>next\n", StreamFramer.DONE);
        assertEquals(List.of(longLine.substring(0, 64), "<2>next"), c.strings(), "no forged second message");
        assertEquals(ParseFlags.TRUNCATED, c.flags.get(0));
        assertEquals(0, c.flags.get(1));
    }

    /** Found by StreamFramerFuzzTest: a line up to 15 bytes over the maximum fitted the buffer with its LF. */
    @Test
    void aSlightlyOverlongLineReadWithItsTrailerIsCutToo()
    {
        final String line = "<1>" + "z".repeat(70);
        final Collector c = run(64, line + "\n<2>x\n" + line, StreamFramer.DONE);
        assertEquals(List.of(line.substring(0, 64), "<2>x", line.substring(0, 64)), c.strings(),
            "cut in one read as it is byte by byte, also when the stream ends without a trailer");
        assertEquals(List.of(ParseFlags.TRUNCATED, 0, ParseFlags.TRUNCATED), c.flags);

        final String oneOver = "<1>" + "w".repeat(62);
        final Collector last = run(64, oneOver, StreamFramer.DONE);
        assertEquals(List.of(oneOver.substring(0, 64)), last.strings(), "one byte over, unterminated at the end");
        assertEquals(List.of(ParseFlags.TRUNCATED), last.flags);
    }

    @Test
    void optionallyAnOversizeOctetFrameIsCutAndItsRestSkipped()
    {
        final Collector c = new Collector(null);
        final String stream = "10 0123456789" + "2 ab" + "99999999999 x";
        assertEquals(StreamFramer.FRAMING_ERROR, feed(new StreamFramer(4, StreamFramer.FRAMING_UNKNOWN, true, true), c,
            one(stream)), "more than 10 digits is absurd even when truncating");
        assertEquals(List.of("0123", "ab"), c.strings());
        assertEquals(List.of(ParseFlags.TRUNCATED, 0), c.flags);
    }

    @Test
    void optionallyNulIsDataInNonTransparentFrames()
    {
        final Collector c = new Collector(null);
        assertEquals(StreamFramer.DONE, feed(new StreamFramer(64, StreamFramer.FRAMING_NON_TRANSPARENT, false, false),
            c, one("01234\na\u0000b\n")));
        assertEquals(List.of("01234", "a\u0000b"), c.strings(), "forced non-transparent: a leading digit is data");
    }

    @Test
    void aFrameOfExactlyTheMaximumWithCrLfIsNotTruncated()
    {
        final String max = "<1>" + "y".repeat(61);
        final Collector c = run(64, max + "\r\n", StreamFramer.DONE);
        assertEquals(List.of(max), c.strings());
        assertEquals(0, c.flags.get(0));
    }

    /**
     * The property: whatever the reads a stream arrives in, and however often the sink refuses, the frames are
     * exactly the messages sent, in order. Seeded, so a failure names its seed and reproduces.
     */
    @Test
    void framesAreIndependentOfHowTheStreamIsSplit()
    {
        for (long seed = 1; seed <= 600; seed++)
        {
            final Random random = new Random(seed);
            final int max = 16 + random.nextInt(300);
            final int style = random.nextInt(4); // 0 octet, 1 LF, 2 CRLF, 3 NUL
            final List<String> messages = new ArrayList<>();
            final ByteArrayOutputStream stream = new ByteArrayOutputStream();
            final int count = 1 + random.nextInt(40);
            for (int m = 0; m < count; m++)
            {
                final StringBuilder sb = new StringBuilder("<").append(random.nextInt(192)).append('>');
                final int len = random.nextInt(max - sb.length() + 1);
                while (sb.length() < Math.min(max, 5 + len))
                {
                    final char ch = (char)(32 + random.nextInt(95));
                    sb.append(style == 0 && random.nextInt(10) == 0 ? (random.nextBoolean() ? '\n' : '\u0000') : ch);
                }
                final String msg = sb.toString();
                messages.add(msg);
                final byte[] b = msg.getBytes(StandardCharsets.ISO_8859_1);
                if (style == 0)
                {
                    stream.writeBytes((b.length + " ").getBytes(StandardCharsets.US_ASCII));
                    stream.writeBytes(b);
                }
                else
                {
                    stream.writeBytes(b);
                    stream.writeBytes(style == 1 ? new byte[] {'\n'} : style == 2 ? new byte[] {'\r', '\n'} :
                        new byte[] {0});
                }
            }
            final byte[] all = stream.toByteArray();
            final List<byte[]> chunks = new ArrayList<>();
            for (int pos = 0; pos < all.length; )
            {
                final int n = Math.min(all.length - pos, 1 + random.nextInt(random.nextBoolean() ? 8 : 700));
                final byte[] chunk = new byte[n];
                System.arraycopy(all, pos, chunk, 0, n);
                chunks.add(chunk);
                pos += n;
            }
            final Collector c = new Collector(random);
            assertEquals(StreamFramer.DONE, feed(new StreamFramer(max), c, chunks), "seed " + seed);
            assertEquals(messages, c.strings(), "seed " + seed + " style " + style);
        }
    }
}
