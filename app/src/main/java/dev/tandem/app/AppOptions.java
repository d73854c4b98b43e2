package dev.tandem.app;

import dev.tandem.ui.Theme;
import dev.tandem.ui.messages.Messages;
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

    /** {@code tandem --help} in the process's language. */
    public static String usage() {
        return Messages.text("cli.app.usage");
    }

    /** Thrown for a bad command line; the message says what is wrong. */
    public static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public UsageException(String message) {
            super(message);
        }
    }

    /**
     * The code after {@code --lang} (or in {@code --lang=CODE}) among {@code args}, or null: read before the
     * options are, so that their own errors come in the language asked for.
     */
    public static String langIn(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--lang") && i + 1 < args.size() && !args.get(i + 1).isBlank()) {
                return args.get(i + 1);
            }
            if (a.startsWith("--lang=")) {
                return a.substring("--lang=".length());
            }
        }
        return null;
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
                        throw new UsageException(Messages.text("cli.error.dataDirNeeded"));
                    }
                    dataDir = args.get(++i);
                }
                case "--demo" -> demo = true;
                case "--exit-after-first-frame" -> exit = true;
                case "--theme" -> {
                    if (i + 1 >= args.size()) {
                        throw new UsageException(Messages.text("cli.app.themeNeeded"));
                    }
                    String t = args.get(++i);
                    if (!t.equalsIgnoreCase("light") && !t.equalsIgnoreCase("dark")) {
                        throw new UsageException(Messages.text("cli.app.themeInvalid", t));
                    }
                    theme = Theme.parse(t);
                }
                case "--lang" -> {
                    if (i + 1 >= args.size() || args.get(i + 1).isBlank()) {
                        throw new UsageException(Messages.text("cli.error.langNeeded"));
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
                    } else if (!a.startsWith("-")) {
                        throw new UsageException(Messages.text("cli.error.unknownCommand", a));
                    } else {
                        throw new UsageException(Messages.text("cli.app.unknownOption", a));
                    }
                }
            }
        }
        return new AppOptions(dataDir, demo, exit, theme, help, lang);
    }
}
