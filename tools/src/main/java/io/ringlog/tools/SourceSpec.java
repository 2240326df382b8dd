package io.ringlog.tools;

import io.ringlog.engine.event.Transport;
import io.ringlog.engine.journal.JournalRecord;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code --source} selector: {@code tcp} or {@code udp}; an address {@code 192.0.2.1} or {@code ::1}; an
 * address and port {@code 192.0.2.1:514} or {@code [::1]:514}; or the URI form the tools print,
 * {@code tcp://127.0.0.1:51234} (port optional). Matched against the header's bytes, no text per record. Only
 * address literals are accepted: the tools never make a DNS query.
 */
public final class SourceSpec
{
    private static final Pattern URI = Pattern.compile("(tcp|udp)://(.+)");
    private static final Pattern BRACKETED = Pattern.compile("\\[([0-9a-f:.]+)](?::(\\d{1,5}))?");
    private static final Pattern V4_PORT = Pattern.compile("([0-9.]+)(?::(\\d{1,5}))?");
    private static final Pattern V6 = Pattern.compile("[0-9a-f:.]*:[0-9a-f:.]*");

    private final int transport;
    private final byte[] address;
    private final int port;

    private SourceSpec(final int transport, final byte[] address, final int port)
    {
        this.transport = transport;
        this.address = address;
        this.port = port;
    }

    /** @throws IllegalArgumentException with a one-line reason. */
    public static SourceSpec parse(final String text)
    {
        final String s = text.trim().toLowerCase(Locale.ROOT);
        if ("tcp".equals(s))
        {
            return new SourceSpec(Transport.TCP, null, -1);
        }
        if ("udp".equals(s))
        {
            return new SourceSpec(Transport.UDP, null, -1);
        }
        int transport = -1;
        String rest = s;
        final Matcher uri = URI.matcher(s);
        if (uri.matches())
        {
            transport = "tcp".equals(uri.group(1)) ? Transport.TCP : Transport.UDP;
            rest = uri.group(2);
        }
        final Matcher bracketed = BRACKETED.matcher(rest);
        if (bracketed.matches())
        {
            return new SourceSpec(transport, literal(bracketed.group(1), text), port(bracketed.group(2), text));
        }
        final Matcher v4 = V4_PORT.matcher(rest);
        if (v4.matches() && rest.indexOf('.') > 0)
        {
            return new SourceSpec(transport, literal(v4.group(1), text), port(v4.group(2), text));
        }
        if (V6.matcher(rest).matches())
        {
            return new SourceSpec(transport, literal(rest, text), -1);
        }
        throw bad(text);
    }

    private static byte[] literal(final String address, final String original)
    {
        if (address.indexOf(':') < 0 && !address.matches("\\d{1,3}(\\.\\d{1,3}){3}"))
        {
            throw bad(original);
        }
        try
        {
            return InetAddress.getByName(address).getAddress();
        }
        catch (final UnknownHostException | SecurityException e)
        {
            throw bad(original);
        }
    }

    private static int port(final String port, final String original)
    {
        if (port == null)
        {
            return -1;
        }
        final int p = Integer.parseInt(port);
        if (p > 65535)
        {
            throw bad(original);
        }
        return p;
    }

    private static IllegalArgumentException bad(final String text)
    {
        return new IllegalArgumentException("bad source '" + text + "' (expected tcp, udp, an IP address, " +
            "ADDRESS:PORT, [IPv6]:PORT or tcp://ADDRESS:PORT)");
    }

    public boolean matches(final JournalRecord record)
    {
        if (transport >= 0 && record.transport() != transport)
        {
            return false;
        }
        if (port >= 0 && record.sourcePort() != port)
        {
            return false;
        }
        if (address != null)
        {
            if (record.sourceAddressLength() != address.length)
            {
                return false;
            }
            for (int i = 0; i < address.length; i++)
            {
                if (record.sourceAddressByte(i) != (address[i] & 0xFF))
                {
                    return false;
                }
            }
        }
        return true;
    }
}
