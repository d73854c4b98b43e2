package dev.tandem.app;

import dev.tandem.ui.Theme;
import java.util.List;
import java.util.Map;

/**
 * The desktop app's command-line options.
 *
 * @param dataDir   --data-dir DIR, or null for the default
 * @param theme     --theme light|dark, or null for the saved one
 * @param lang      --lang CODE, or null for TANDEM_LANG, the saved one or the system's
 */
public record AppOptions(String dataDir, boolean demo, boolean exitAfterFirstFrame, Theme theme, boolean help,
        String lang) {

    public static final String USAGE = """
            Usage: tandem [--data-dir DIR] [--demo] [--theme light|dark]     start the desktop app
                   tandem [--data-dir DIR] COMMAND ...                        the command line (tandem help)

              --data-dir DIR   keep the data in DIR (default: the platform's app-data directory;
                               the environment variable TANDEM_DATA_DIR does the same)
              --demo           two device windows side by side, syncing through a local folder
              --theme T        light or dark
              --lang CODE      the language: en, de or fr (default: TANDEM_LANG, then Settings →
                               Language, then the system's)
              --exit-after-first-frame   show the window, then exit (smoke tests)
            """;

    /** Thrown for a bad command line; the message says what is wrong. */
    public static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public UsageException(String message) {
            super(message);
        }
    }

    public static AppOptions parse(List<String> args, Map<String, String> env) {
        String dataDir = null;
        boolean demo = false;
        boolean exit = "1".equals(env.get("TANDEM_EXIT_AFTER_FIRST_FRAME"));
        Theme theme = null;
        boolean help = false;
        String lang = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--data-dir" -> {
                    if (i + 1 >= args.size() || args.get(i + 1).isBlank()) {
                        throw new UsageException("--data-dir needs a directory");
                    }
                    dataDir = args.get(++i);
                }
                case "--demo" -> demo = true;
                case "--exit-after-first-frame" -> exit = true;
                case "--theme" -> {
                    if (i + 1 >= args.size()) {
                        throw new UsageException("--theme needs light or dark");
                    }
                    String t = args.get(++i);
                    if (!t.equalsIgnoreCase("light") && !t.equalsIgnoreCase("dark")) {
                        throw new UsageException("--theme must be light or dark, was " + t);
                    }
                    theme = Theme.parse(t);
                }
                case "--lang" -> {
                    if (i + 1 >= args.size() || args.get(i + 1).isBlank()) {
                        throw new UsageException("--lang needs a language code (en, de, fr)");
                    }
                    lang = args.get(++i);
                }
                case "-h", "--help" -> help = true;
                default -> {
                    if (a.startsWith("--data-dir=")) {
                        dataDir = a.substring("--data-dir=".length());
                    } else if (a.startsWith("--lang=")) {
                        lang = a.substring("--lang=".length());
                    } else if (a.isBlank()) {
                        // javafx:run passes an empty argument when no args are given
                        continue;
                    } else {
                        throw new UsageException("unknown option: " + a);
                    }
                }
            }
        }
        return new AppOptions(dataDir, demo, exit, theme, help, lang);
    }
}
