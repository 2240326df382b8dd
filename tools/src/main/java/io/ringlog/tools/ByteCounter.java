package io.ringlog.tools;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts occurrences of byte strings (hostnames, app names, sources) without decoding them: a hash map whose
 * lookup key is one reused flyweight over the record's bytes, so a value seen before costs a hash and a compare
 * and no allocation; only a new distinct value is copied. Single-threaded.
 */
public final class ByteCounter
{
    /** One distinct value and its count. */
    public record Entry(byte[] value, long count)
    {
    }

    private final Map<Key, long[]> counts = new HashMap<>();
    private final Key probe = new Key();

    public void add(final byte[] bytes, final int offset, final int length)
    {
        probe.set(bytes, offset, length);
        final long[] count = counts.get(probe);
        if (count != null)
        {
            count[0]++;
            return;
        }
        final Key key = new Key();
        key.set(Arrays.copyOfRange(bytes, offset, offset + length), 0, length);
        counts.put(key, new long[] {1});
    }

    public int distinct()
    {
        return counts.size();
    }

    /** The {@code n} most frequent values, most frequent first (ties in byte order, so output is stable). */
    public List<Entry> top(final int n)
    {
        final List<Entry> all = new ArrayList<>(counts.size());
        counts.forEach((k, v) -> all.add(new Entry(k.bytes, v[0])));
        all.sort((a, b) -> a.count != b.count ? Long.compare(b.count, a.count) : Arrays.compare(a.value, b.value));
        return all.size() > n ? all.subList(0, n) : all;
    }

    private static final class Key
    {
        byte[] bytes;
        int offset;
        int length;
        int hash;

        void set(final byte[] bytes, final int offset, final int length)
        {
            this.bytes = bytes;
            this.offset = offset;
            this.length = length;
            int h = 1;
            for (int i = offset, end = offset + length; i < end; i++)
            {
                h = 31 * h + bytes[i];
            }
            hash = h;
        }

        @Override
        public int hashCode()
        {
            return hash;
        }

        @Override
        public boolean equals(final Object o)
        {
            if (!(o instanceof Key))
            {
                return false;
            }
            final Key k = (Key)o;
            return k.hash == hash && k.length == length &&
                Arrays.equals(bytes, offset, offset + length, k.bytes, k.offset, k.offset + k.length);
        }
    }
}
