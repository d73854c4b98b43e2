package dev.tandem.app.web;

/** A browser's name from its User-Agent, for "Paired browsers": "Chrome on Android", "Safari on iPhone". */
final class BrowserNames {
    private BrowserNames() {
    }

    static String of(String userAgent) {
        String ua = userAgent == null ? "" : userAgent;
        String browser = ua.contains("Firefox/") ? "Firefox" : ua.contains("Edg/") ? "Edge"
                : ua.contains("Chrome/") || ua.contains("Chromium/") || ua.contains("CriOS/") ? "Chrome"
                : ua.contains("Safari/") ? "Safari" : "A browser";
        String os = ua.contains("iPhone") ? "iPhone" : ua.contains("iPad") ? "iPad" : ua.contains("Android") ? "Android"
                : ua.contains("Windows") ? "Windows" : ua.contains("Mac OS X") ? "Mac" : ua.contains("Linux") ? "Linux" : null;
        return os == null ? browser : browser + " on " + os;
    }
}
