package dev.tandem.engine.sync;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * The JavaScript sync core's test driver (ui-resources/src/main/js/tandem-sync/tools/driver.js) as a
 * child process: JavaScript devices steered by one JSON line each, answered by one JSON line. Needs
 * node and the core's packages (npm ci); without them a test skips saying so, and fails under CI=true.
 */
final class JsDriver implements AutoCloseable {
    static final Path CORE = Path.of("..", "ui-resources", "src", "main", "js", "tandem-sync").toAbsolutePath().normalize();
    private static final Pattern OK = Pattern.compile("^\\{\"ok\":(true|false)");
    private final Process process;
    private final BufferedWriter in;
    private final BufferedReader out;

    private JsDriver(Process process) {
        this.process = process;
        this.in = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    static JsDriver start() {
        boolean ci = "true".equals(System.getenv("CI"));
        boolean ready = Files.isDirectory(CORE.resolve("node_modules/pako")) && Files.isDirectory(CORE.resolve("node_modules/hash-wasm"));
        String why = "the JavaScript sync core needs node and its packages (npm ci in " + CORE + ")";
        try {
            if (!ready) {
                throw new IOException(why);
            }
            Process p = new ProcessBuilder("node", CORE.resolve("tools/driver.js").toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            return new JsDriver(p);
        } catch (IOException e) {
            if (ci) {
                throw new IllegalStateException(why, e);
            }
            Assumptions.abort(why + ": " + e.getMessage());
            throw new IllegalStateException(e);
        }
    }

    /** Sends one command; the answer's JSON, or an AssertionError carrying the driver's error. */
    String send(String json) {
        try {
            in.write(json);
            in.write('\n');
            in.flush();
            String line = out.readLine();
            if (line == null) {
                throw new IllegalStateException("the JavaScript driver exited on " + json);
            }
            Matcher m = OK.matcher(line);
            if (!m.find() || !m.group(1).equals("true")) {
                throw new JsError(line, json);
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A command the JavaScript core refused: its answer, with the error's name and reason. */
    static final class JsError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String answer;

        JsError(String answer, String command) {
            super(answer + " (for " + (command.length() > 300 ? command.substring(0, 300) + "…" : command) + ")");
            this.answer = answer;
        }
    }

    @Override
    public void close() {
        try {
            in.close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException | InterruptedException e) {
            process.destroyForcibly();
        }
    }
}
