package dev.tandem.engine.internal.dav;

import dev.tandem.engine.sync.ObjectBody;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;

/**
 * A request body streamed from an {@link ObjectBody} with its declared Content-Length, through one
 * bounded buffer. Repeatable: a request sent again opens the body again.
 */
final class BodyEntity extends AbstractHttpEntity {
    private static final int BUFFER = 64 << 10;

    private final ObjectBody body;

    BodyEntity(ObjectBody body, ContentType type) {
        super(type, null);
        this.body = body;
    }

    @Override
    public long getContentLength() {
        return body.length();
    }

    @Override
    public InputStream getContent() throws IOException {
        return body.open();
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        try (InputStream in = body.open()) {
            byte[] buf = new byte[BUFFER];
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                out.write(buf, 0, n);
            }
        }
    }

    @Override
    public boolean isRepeatable() {
        return true;
    }

    @Override
    public boolean isStreaming() {
        return false;
    }

    @Override
    public void close() {
        // Each stream is closed where it was opened; the body itself holds nothing open.
    }
}
