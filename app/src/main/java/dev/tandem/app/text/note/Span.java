package dev.tandem.app.text.note;

import java.util.Objects;

/**
 * A run of inline text with one look: plain, strong, emphasized, inline code, a link (its target in
 * {@code link}), or an image, which is never loaded and shows as its alt text linking to its address.
 * A hard line break is a span of {@code "\n"}.
 */
public record Span(String text, boolean strong, boolean emphasis, boolean code, String link, boolean image) {
    public Span {
        Objects.requireNonNull(text, "text");
    }

    public static Span plain(String text) {
        return new Span(text, false, false, false, null, false);
    }

    public boolean isLink() {
        return link != null;
    }

    /** The same look with more text: adjacent spans that look alike are joined. */
    Span append(String more) {
        return new Span(text + more, strong, emphasis, code, link, image);
    }

    boolean looksLike(Span o) {
        return strong == o.strong && emphasis == o.emphasis && code == o.code && image == o.image
                && Objects.equals(link, o.link);
    }

    /** This span without its first {@code n} characters. */
    Span drop(int n) {
        return new Span(text.substring(n), strong, emphasis, code, link, image);
    }
}
