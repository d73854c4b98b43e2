package dev.tandem.installer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The version numbers jpackage and each system's installer format accept, made from the POM's version. */
final class Versions {
    private static final Pattern LEADING_NUMBERS = Pattern.compile("^(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?");

    private Versions() {
    }

    /** jpackage accepts only numbers: 0.1.0-SNAPSHOT becomes 0.1.0. */
    static String numeric(String pomVersion, Os os) {
        Matcher m = LEADING_NUMBERS.matcher(pomVersion);
        if (!m.find()) {
            throw new Failure("project version " + pomVersion + " does not start with a number; jpackage needs MAJOR.MINOR.PATCH");
        }
        int major = Integer.parseInt(m.group(1));
        int minor = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        int patch = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        if (os == Os.WINDOWS && (major > 255 || minor > 255 || patch > 65535)) {
            throw new Failure("MSI versions allow at most 255.255.65535, not " + pomVersion);
        }
        return major + "." + minor + "." + patch;
    }

    /**
     * jpackage on macOS refuses a bundle version that starts with 0. While Tandem is 0.x the .app says 1.x.y (x.y
     * kept so builds stay ordered) and the .dmg's file name keeps the real 0.x.y. Other systems get the version as is.
     */
    static String forApp(String numericVersion, Os os) {
        if (os == Os.MAC && numericVersion.startsWith("0.")) {
            String raised = "1" + numericVersion.substring(1);
            System.out.println("installer: WARNING: macOS needs a version >= 1, so the .app's bundle version is " + raised);
            return raised;
        }
        return numericVersion;
    }
}
