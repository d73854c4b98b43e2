package dev.tandem.app.transfer;

import dev.tandem.ui.messages.Messages;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * One entry of an import's archive, counted against the bytes all its entries may inflate to
 * ({@link Budget}): the count is of bytes actually read, so an entry whose declared size lies, or a
 * few hundred KB that inflate to gigabytes, is stopped at the budget, one buffer past it at most.
 * Closing it closes the entry.
 */
final class BoundedInput extends FilterInputStream {
    /** What all entries of one import may read together; not thread-safe (one import reads its entries in turn). */
    static final class Budget {
        private final long limit;
        private final String source;
        private long read;

        Budget(long limit, String source) {
            this.limit = limit;
            this.source = source;
        }

        void take(long n) {
            read += n;
            if (read > limit) {
                throw new ImportException(source, null, Messages.text("transfer.attachments.inflate",
                        String.valueOf(limit / (1000 * 1000)), String.valueOf(Limits.DISK_MARGIN_BYTES / (1000 * 1000))));
            }
        }
    }

    private final Budget budget;

    BoundedInput(InputStream in, Budget budget) {
        super(in);
        this.budget = budget;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            budget.take(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            budget.take(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long s = super.skip(n);
        budget.take(s);
        return s;
    }
}
