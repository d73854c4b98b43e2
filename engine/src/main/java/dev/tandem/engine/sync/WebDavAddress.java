package dev.tandem.engine.sync;

import java.net.IDN;
import java.nio.charset.StandardCharsets;

/**
 * A WebDAV or CalDAV address as a person types it made into the one sent to the server. A file
 * manager or a server's web page shows a folder as "My Tasks" or "Données-✓", while a request must
 * carry it as UTF-8 percent-encoding ("My%20Tasks", "Donn%C3%A9es-%E2%9C%93", RFC 3986 §2.1 and
 * RFC 3987 §3.1); sent as typed, the characters went out as ISO-8859-1 bytes and named a folder
 * that does not exist, and a space was refused as "not a URL". A browser's address bar copies the
 * encoded form, so an escape already there is kept byte for byte, never encoded twice: both forms
 * name one folder and make one address, which the sync state of a remote is keyed on.
 */
final class WebDavAddress {
    /** What a path, query or fragment may hold as it is (RFC 3986 §3.3: unreserved, sub-delims, ':', '@'; '/', '?', '#'). */
    private static final String KEPT = "-._~!$&'()*+,;=:@/?#";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private WebDavAddress() {
    }

    /**
     * {@code typed} without surrounding blanks, with every character a URL cannot hold in its path
     * (a space, a non-ASCII letter or symbol, a '%' that starts no escape, {@code "<>[\]^`{|}})
     * percent-encoded as UTF-8, and a non-ASCII host name in its ASCII form (IDNA, "xn--…").
     * Nothing else is checked: a '?' or '#' stays, so the caller can say that an address has no such part.
     *
     * @throws IllegalArgumentException for a line break or another control character (a paste that
     *     took more than the address), or a host name that IDNA refuses
     */
    static String encode(String typed) {
        String s = typed.strip();
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                throw new IllegalArgumentException("the address has a line break, tab or another control character "
                        + "in it; copy the address alone");
            }
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        // Without "scheme://" it is no web address: encoded whole, and the caller refuses it for that.
        int scheme = s.indexOf("://");
        int authorityEnd = 0;
        if (scheme >= 0) {
            int authorityStart = scheme + 3;
            authorityEnd = authorityStart;
            while (authorityEnd < s.length() && "/?#".indexOf(s.charAt(authorityEnd)) < 0) {
                authorityEnd++;
            }
            out.append(s, 0, authorityStart).append(host(s.substring(authorityStart, authorityEnd)));
        }
        String rest = s.substring(authorityEnd);
        for (int i = 0; i < rest.length(); ) {
            int c = rest.codePointAt(i);
            int n = Character.charCount(c);
            if (c == '%' && i + 2 < rest.length() && isHex(rest.charAt(i + 1)) && isHex(rest.charAt(i + 2))) {
                out.append(rest, i, i + 3);
                i += 3;
                continue;
            }
            if (c < 128 && (Character.isLetterOrDigit(c) || KEPT.indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                for (byte b : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
                }
            }
            i += n;
        }
        return out.toString();
    }

    /**
     * The authority with a non-ASCII host name in its ASCII form, and as it is otherwise: a user name
     * in it (refused by the caller) and an IPv6 literal are left alone.
     */
    private static String host(String authority) {
        if (authority.chars().allMatch(c -> c < 128)) {
            return authority;
        }
        int at = authority.lastIndexOf('@');
        String hostPort = authority.substring(at + 1);
        int colon = hostPort.lastIndexOf(':');
        String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
        String port = colon < 0 ? "" : hostPort.substring(colon);
        try {
            return authority.substring(0, at + 1) + IDN.toASCII(host) + port;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the server's name " + host + " is not a valid host name", e);
        }
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}
