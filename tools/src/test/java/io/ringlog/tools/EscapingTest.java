package io.ringlog.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EscapingTest
{
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static byte[] randomBytes(final SplittableRandom random)
    {
        final byte[] b = new byte[random.nextInt(0, 40)];
        for (int i = 0; i < b.length; i++)
        {
            // Bias towards the interesting bytes: controls, quotes, backslashes, UTF-8 leads and continuations.
            final int pick = random.nextInt(8);
            b[i] = (byte)(pick == 0 ? random.nextInt(0, 0x20) : pick == 1 ? '"' : pick == 2 ? '\\' :
                pick == 3 ? random.nextInt(0x80, 0xC0) : pick == 4 ? random.nextInt(0xC0, 0x100) : random.nextInt(256));
        }
        return b;
    }

    @Test
    void jsonStringsAlwaysParseAndKeepValidText() throws Exception
    {
        final SplittableRandom random = new SplittableRandom(7);
        final ByteBuilder out = new ByteBuilder(16);
        for (int i = 0; i < 100_000; i++)
        {
            final byte[] bytes = randomBytes(random);
            out.length(0);
            final boolean valid = Json.appendString(bytes, 0, bytes.length, out);
            final String parsed = MAPPER.readValue(out.array(), 0, out.length(), String.class);
            assertEquals(Utf8.isValid(bytes, 0, bytes.length), valid);
            if (valid)
            {
                assertEquals(new String(bytes, StandardCharsets.UTF_8), parsed);
            }
            for (int k = 0; k < out.length(); k++)
            {
                final byte b = out.array()[k];
                assertTrue(b >= 0x20 && b != 0x7F || b < 0, "raw control byte in JSON");
            }
        }
    }

    @Test
    void utf8ValidityAgreesWithTheJdk()
    {
        final SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 100_000; i++)
        {
            final byte[] bytes = randomBytes(random);
            boolean jdk;
            try
            {
                StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes));
                jdk = true;
            }
            catch (final java.nio.charset.CharacterCodingException e)
            {
                jdk = false;
            }
            assertEquals(jdk, Utf8.isValid(bytes, 0, bytes.length), () -> java.util.HexFormat.of().formatHex(bytes));
        }
    }

    @Test
    void replacementFollowsMaximalSubparts() throws Exception
    {
        assertEquals("\ufffd\ufffd\ufffd", json(new byte[] {(byte)0xED, (byte)0xA0, (byte)0x80}));
        assertEquals("\ufffd", json(new byte[] {(byte)0xF0, (byte)0x9F, (byte)0x98}));
        assertEquals("\ufffd\ufffd", json(new byte[] {(byte)0xC0, (byte)0xAF}));
        assertEquals("\ufffdA", json(new byte[] {(byte)0xE2, (byte)0x82, 'A'}));
        assertEquals("\ud83d\ude00", json(new byte[] {(byte)0xF0, (byte)0x9F, (byte)0x98, (byte)0x80}));
        assertEquals("\ufffd", json(new byte[] {(byte)0xF4, (byte)0x90}).substring(0, 1));
    }

    private static String json(final byte[] bytes) throws Exception
    {
        final ByteBuilder out = new ByteBuilder(8);
        assertFalse(Json.appendString(bytes, 0, bytes.length, out) && !Utf8.isValid(bytes, 0, bytes.length));
        return MAPPER.readValue(out.toString(), String.class);
    }

    @Test
    void base64MatchesTheJdk()
    {
        final SplittableRandom random = new SplittableRandom(3);
        final ByteBuilder out = new ByteBuilder(8);
        for (int i = 0; i < 10_000; i++)
        {
            final byte[] bytes = randomBytes(random);
            out.length(0);
            Json.appendBase64(bytes, 0, bytes.length, out);
            assertEquals('"' + Base64.getEncoder().encodeToString(bytes) + '"', out.toString());
        }
    }

    @Test
    void terminalTextNeverLetsAControlByteThrough()
    {
        final SplittableRandom random = new SplittableRandom(5);
        final ByteBuilder out = new ByteBuilder(8);
        for (int i = 0; i < 100_000; i++)
        {
            final byte[] bytes = randomBytes(random);
            out.length(0);
            TerminalText.append(bytes, 0, bytes.length, out);
            final byte[] result = java.util.Arrays.copyOf(out.array(), out.length());
            assertTrue(Utf8.isValid(result, 0, result.length));
            final String text = new String(result, StandardCharsets.UTF_8);
            text.codePoints().forEach(cp ->
                assertTrue(cp >= 0x20 && cp != 0x7F && !TerminalText.isHostile(cp), "code point " + cp));
        }
    }

    @Test
    void terminalTextEscapes()
    {
        final byte[] in = "ok \u00e9 \u001b[2J\u0007\r\n\t\u0000\u007f \u009b \u2028 \u202e \u2066".getBytes(StandardCharsets.UTF_8);
        final ByteBuilder out = new ByteBuilder(8);
        TerminalText.append(in, 0, in.length, out);
        TerminalText.append(new byte[] {(byte)0xFF, (byte)0xE2, (byte)0x82, 'x'}, 0, 4, out);
        assertEquals("ok \u00e9 \\x1b[2J\\x07\\r\\n\\t\\x00\\x7f \\u009b \\u2028 \\u202e \\u2066\\xff\\xe2\\x82x",
            out.toString());
    }

    @Test
    void numbers()
    {
        final ByteBuilder out = new ByteBuilder(1);
        for (final long v : new long[] {0, 9, 10, 99, 100, 12345, -7, Long.MAX_VALUE, Long.MIN_VALUE, 1_000_000_000})
        {
            out.length(0);
            out.append(v);
            assertEquals(Long.toString(v), out.toString());
        }
        out.length(0);
        out.appendPadded(7, 9).append(' ').appendPadded(123_456_789, 9);
        assertEquals("000000007 123456789", out.toString());
        assertArrayEquals("x".getBytes(StandardCharsets.US_ASCII), new ByteBuilder(0).append('x').toString()
            .getBytes(StandardCharsets.US_ASCII));
    }
}
