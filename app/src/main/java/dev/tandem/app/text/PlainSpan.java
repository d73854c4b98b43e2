package dev.tandem.app.text;

/**
 * Words the user marked as plain text in quick add: {@code text} typed at offset {@code start}. Quick add
 * reads nothing in them; they stay in the title. A mark holds only while the same text is still at the
 * same place ({@link #stillIn}); after an edit that moves or changes it, it is dropped.
 */
public record PlainSpan(int start, String text) {
    public PlainSpan {
        if (start < 0 || text == null || text.isEmpty()) {
            throw new IllegalArgumentException("empty plain span at " + start);
        }
    }

    public int end() {
        return start + text.length();
    }

    /** The same text still stands at the same offset of {@code typed}. */
    public boolean stillIn(String typed) {
        return typed != null && typed.startsWith(text, start);
    }

    /** Shares a character with {@code [from, to)}. */
    boolean overlaps(int from, int to) {
        return from < end() && start < to;
    }
}
