package io.ringlog.engine.listen;

import java.nio.ByteBuffer;

/** Where a {@link StreamFramer} delivers each complete frame. */
public interface FrameSink
{
    /**
     * Takes one frame: {@code length} bytes of {@code buffer} from {@code position}; the buffer's own position and
     * limit are not to be changed.
     *
     * @param flags {@link io.ringlog.engine.event.ParseFlags} known from framing (TRUNCATED).
     * @return true when taken; false when there is no room now (the framer stops and offers it again later).
     */
    boolean onFrame(ByteBuffer buffer, int position, int length, int flags);
}
