package io.ringlog.tools;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StructuredDataDecoderTest
{
    private static final class Recorder implements StructuredDataDecoder.Visitor
    {
        final StringBuilder sb = new StringBuilder();

        @Override
        public void startElement(final byte[] bytes, final int idOffset, final int idLength)
        {
            sb.append('<').append(new String(bytes, idOffset, idLength, StandardCharsets.UTF_8));
        }

        @Override
        public void param(final byte[] nameBytes, final int nameOffset, final int nameLength,
            final byte[] valueBytes, final int valueOffset, final int valueLength)
        {
            sb.append(' ').append(new String(nameBytes, nameOffset, nameLength, StandardCharsets.UTF_8))
                .append('=').append(new String(valueBytes, valueOffset, valueLength, StandardCharsets.UTF_8));
        }

        @Override
        public void endElement()
        {
            sb.append('>');
        }
    }

    private static String decode(final String sd, final boolean expectValid)
    {
        final byte[] bytes = ("xx" + sd).getBytes(StandardCharsets.UTF_8);
        final Recorder recorder = new Recorder();
        assertEquals(expectValid, new StructuredDataDecoder().decode(bytes, 2, bytes.length - 2, recorder), sd);
        return recorder.sb.toString();
    }

    @Test
    void decodesElementsInOrderAndUnescapesValues()
    {
        assertEquals("<a@1 x=1 y=\"q\" z=]\\ w=\\n e=\u00e9 empty=>",
            decode("[a@1 x=\"1\" y=\"\\\"q\\\"\" z=\"\\]\\\\\" w=\"\\n\" e=\"\u00e9\" empty=\"\"]", true));
        assertEquals("<a", decode("[a \u00e9=\"x\"]", false));
        assertEquals("<timeQuality tzKnown=0><origin ip=10.0.0.1 ip=10.0.0.2><empty>",
            decode("[timeQuality tzKnown=\"0\"][origin ip=\"10.0.0.1\" ip=\"10.0.0.2\"][empty]", true));
        assertEquals("<v x=a b]c>", decode("[v x=\"a b]c\"]", true));
    }

    @Test
    void stopsAtTheFirstMalformedElement()
    {
        assertTrue(decode("[ok a=\"1\"][bad a=1]", false).startsWith("<ok a=1><bad"));
        assertEquals("", decode("", false));
        assertEquals("", decode("-", false));
        assertEquals("<a x=1", decode("[a x=\"1\"", false));
        assertEquals("<a", decode("[a x=\"1]", false));
        assertFalse(new StructuredDataDecoder().decode(new byte[] {'[', ']'}, 0, 2, new Recorder()));
    }
}
