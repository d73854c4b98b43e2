package dev.tandem.app.feeds;

import dev.tandem.ui.messages.Messages;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where a subscribed calendar is read from, as the user gave it: {@code webcal://} (read as
 * https), {@code https://}, {@code http://} only to this computer (127.0.0.1, ::1, localhost: for
 * tests and local tools, never a cleartext feed across a network), {@code caldav:} and the address
 * of an account or one calendar, or the path of a local .ics file.
 */
public record FeedSource(Kind kind, String address) {
    public enum Kind { WEB, FILE, CALDAV }

    /** The source {@code given} names, normalised: webcal to https, a file to its absolute path. */
    public static FeedSource of(String given) {
        String s = given.strip();
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("caldav:")) {
            return new FeedSource(Kind.CALDAV, web(s.substring("caldav:".length())).toString());
        }
        if (lower.startsWith("webcal://")) {
            return new FeedSource(Kind.WEB, web("https://" + s.substring("webcal://".length())).toString());
        }
        if (lower.matches("^[a-z][a-z0-9+.-]*://.*")) {
            return new FeedSource(Kind.WEB, web(s).toString());
        }
        Path p = Path.of(s).toAbsolutePath().normalize();
        if (!Files.isRegularFile(p)) {
            throw new FeedException(Messages.text("common.calendars.noFile", p.toString()));
        }
        return new FeedSource(Kind.FILE, p.toString());
    }

    /** How a source is kept: the address, with "caldav:" before a CalDAV one. */
    public String stored() {
        return kind == Kind.CALDAV ? "caldav:" + address : address;
    }

    /** A stored source read back (no check that a file is still there: that is the refresh's to say). */
    public static FeedSource stored(String s) {
        if (s.startsWith("caldav:")) {
            return new FeedSource(Kind.CALDAV, s.substring("caldav:".length()));
        }
        return new FeedSource(s.matches("^[a-z][a-z0-9+.-]*://.*") ? Kind.WEB : Kind.FILE, s);
    }

    /** A calendar's stored source without anything secret: the user part of an address is left out. */
    public static String shown(String source) {
        try {
            String s = source.startsWith("caldav:") ? source.substring(7) : source;
            URI u = URI.create(s);
            if (u.getUserInfo() != null) {
                return source.replace(u.getRawUserInfo() + "@", "");
            }
        } catch (IllegalArgumentException e) {
            // A file's path.
        }
        return source;
    }

    /** "holidays" from ".../holidays.ics", else the host or file name. */
    public static String defaultName(String address) {
        String s = address.replaceAll("[?#].*$", "").replaceAll("/+$", "");
        String last = s.substring(Math.max(s.lastIndexOf('/'), s.lastIndexOf(java.io.File.separatorChar)) + 1);
        last = last.toLowerCase(Locale.ROOT).endsWith(".ics") ? last.substring(0, last.length() - 4) : last;
        return last.isBlank() ? address : last;
    }

    /** {@code s} as an address Tandem may read a calendar from; refused otherwise. */
    static URI web(String s) {
        URI u;
        try {
            u = URI.create(s.strip());
        } catch (IllegalArgumentException e) {
            throw new FeedException(Messages.text("common.calendars.scheme"), e);
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (u.getHost() == null || !(scheme.equals("https") || scheme.equals("http") && local(u.getHost()))) {
            throw new FeedException(Messages.text("common.calendars.scheme"));
        }
        return u;
    }

    private static boolean local(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("127.0.0.1") || h.equals("localhost") || h.equals("[::1]") || h.equals("::1");
    }
}
