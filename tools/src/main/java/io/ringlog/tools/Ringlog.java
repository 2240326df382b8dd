package io.ringlog.tools;

/** Placeholder entry point; replaced by the picocli command tree. */
public final class Ringlog
{
    public static void main(final String[] args)
    {
        System.exit(2);
    }
}
