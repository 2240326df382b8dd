package io.ringlog.engine.listen;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ringlog.engine.event.ParseFlags;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzz target over {@link StreamFramer}: any stream, cut into any reads, delivered to a sink that refuses now and
 * then (a full ring).
 *
 * <p>The input is a two-byte header and the stream. Byte 0 chooses the configuration: bits 0-1 the framing (auto,
 * octet counting, non-transparent), bit 2 whether NUL ends a frame, bit 3 whether an oversize octet count is
 * truncated rather than an error, bits 4-5 the maximum message size (16, 64, 300 or 4096 bytes). Byte 1 seeds the
 * read sizes and refusals. Seeds in {@code src/test/resources/io/ringlog/engine/listen/StreamFramerFuzzTestInputs/}
 * start with printable header bytes so they stay readable. Regression mode runs them in every build; to fuzz:
 * <pre>
 * JAZZER_FUZZ=1 mvn -pl engine test -Dtest=StreamFramerFuzzTest
 * </pre>
 * (5 minutes, the annotation's {@code maxDuration}; see {@code ParserFuzzTest} for choosing another length).
 *
 * <p>Invariants: no exception escapes; no delivered frame is longer than {@code maxMessageBytes}; flags are 0 or
 * TRUNCATED; a non-truncated non-transparent frame contains no LF (nor NUL when NUL terminates) and is not empty;
 * and the frames, their flags and the final result are the same whether the stream arrives in random reads to a
 * refusing sink or one byte at a time to a sink that always accepts (split independence).
 */
class StreamFramerFuzzTest
{
    private static final int[] MAX_SIZES = {16, 64, 300, 4096};

    @FuzzTest(maxDuration = "5m")
    void framesAnyStream(final byte[] input)
    {
        if (input.length < 2)
        {
            return;
        }
        final int options = input[0];
        final int framing = Math.min(options & 3, StreamFramer.FRAMING_NON_TRANSPARENT);
        final boolean nulTerminates = (options & 4) != 0;
        final boolean truncateOversize = (options & 8) != 0;
        final int max = MAX_SIZES[(options >> 4) & 3];
        final byte[] stream = Arrays.copyOfRange(input, 2, input.length);
        final Random random = new Random(input[1]);

        final StreamFramerTest.Collector chunked = new StreamFramerTest.Collector(random);
        final StreamFramer first = new StreamFramer(max, framing, truncateOversize, nulTerminates);
        final int result = StreamFramerTest.feed(first, chunked, split(stream, random));

        final StreamFramerTest.Collector bytewise = new StreamFramerTest.Collector(null);
        final StreamFramer second = new StreamFramer(max, framing, truncateOversize, nulTerminates);
        final int reference = StreamFramerTest.feed(second, bytewise, split(stream, null));

        final boolean nonTransparent = first.framing() == StreamFramer.FRAMING_NON_TRANSPARENT;
        for (int i = 0; i < chunked.frames.size(); i++)
        {
            final byte[] frame = chunked.frames.get(i);
            final int flags = chunked.flags.get(i);
            assertTrue(frame.length <= max, "frame of " + frame.length + " > " + max);
            assertTrue(flags == 0 || flags == ParseFlags.TRUNCATED, "flags " + flags);
            if (nonTransparent && flags == 0)
            {
                assertTrue(frame.length > 0, "empty non-transparent frame");
                for (final byte b : frame)
                {
                    assertTrue(b != '\n' && (b != 0 || !nulTerminates), "trailer inside a frame");
                }
            }
        }
        assertEquals(reference, result, "result depends on how the stream was split");
        assertEquals(bytewise.strings(), chunked.strings(), "frames depend on how the stream was split");
        assertEquals(bytewise.flags, chunked.flags, "flags depend on how the stream was split");
    }

    /** Reads of random size (1 to 200 bytes), or of one byte each when {@code random} is null. */
    private static List<byte[]> split(final byte[] stream, final Random random)
    {
        final List<byte[]> chunks = new ArrayList<>();
        int pos = 0;
        while (pos < stream.length)
        {
            final int n = random == null ? 1 : Math.min(stream.length - pos, 1 + random.nextInt(200));
            chunks.add(Arrays.copyOfRange(stream, pos, pos + n));
            pos += n;
        }
        return chunks;
    }
}
