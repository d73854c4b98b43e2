package dev.tandem.installer;

import java.nio.file.Path;
import java.util.Locale;

/** The three systems jpackage builds for, and where each puts things inside an app image. */
enum Os {
    LINUX, WINDOWS, MAC;

    /** The build machine's system; jpackage cannot cross-build, so this is also the system being packaged for. */
    static Os current() {
        String name = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (name.startsWith("windows")) {
            return WINDOWS;
        }
        if (name.startsWith("mac")) {
            return MAC;
        }
        if (name.startsWith("linux")) {
            return LINUX;
        }
        throw new Failure("no installer recipe for " + System.getProperty("os.name"));
    }

    /** The executable of the launcher called {@code name} in an app image. */
    Path launcher(Path image, String name) {
        return switch (this) {
            case LINUX -> image.resolve("bin").resolve(name);
            case WINDOWS -> image.resolve(name + ".exe");
            case MAC -> image.resolve("Contents/MacOS").resolve(name);
        };
    }

    /** The runtime's {@code release} file, whose JAVA_VERSION says which JDK the image carries. */
    Path runtimeRelease(Path image) {
        return switch (this) {
            case LINUX -> image.resolve("lib/runtime/release");
            case WINDOWS -> image.resolve("runtime/release");
            case MAC -> image.resolve("Contents/runtime/Contents/Home/release");
        };
    }

    /** The image's app directory ($APPDIR): the app's jars, the launchers' .cfg files and the class archives. */
    Path appDir(Path image) {
        return switch (this) {
            case LINUX -> image.resolve("lib/app");
            case WINDOWS -> image.resolve("app");
            case MAC -> image.resolve("Contents/app");
        };
    }
}
