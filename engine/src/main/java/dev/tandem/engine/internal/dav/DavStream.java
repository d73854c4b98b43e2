package dev.tandem.engine.internal.dav;

import java.io.InputStream;

/**
 * The answer to a streamed GET ({@link DavClient#get}): on a 200, {@code body} is the object on
 * the wire, which the caller reads and closes, and {@code abort} drops the connection for a
 * caller that stops early (closing would first read the rest); on any other status both are null
 * and {@code response} holds the answer read whole.
 */
public record DavStream(DavResponse response, InputStream body, Runnable abort) {
}
