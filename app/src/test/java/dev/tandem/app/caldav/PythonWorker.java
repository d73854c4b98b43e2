package dev.tandem.app.caldav;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Debian's Python kept running in this JVM for the phone's python3-caldav scripts: it imports caldav once (a
 * quarter of a second of CPU, which a program per script paid every time) and then runs each script as a program
 * would, in fresh globals with {@code sys.argv} set, its standard output and error captured, {@code SystemExit}
 * taken as the exit status. Nothing carries from one script to the next but the imported modules: each script
 * makes its own client and discovers the server afresh, and its connections are dropped when it ends.
 *
 * <p>Protocol on the pipes, both ways a count then that many parts, each its byte length on a line then the bytes
 * (UTF-8): a request is the script and its arguments; an answer is the exit status, standard output and standard
 * error. One script at a time ({@link #run} is synchronized); a script that runs past the timeout, or a worker
 * that dies, ends the worker, and the next script starts a new one.
 */
final class PythonWorker {
    private static final long TIMEOUT_SECONDS = 120;
    private static final String LOOP = String.join("\n",
            "import sys, io, gc, contextlib, traceback",
            "import caldav, icalendar",
            "inp, out = sys.stdin.buffer, sys.stdout.buffer",
            "def part():",
            "    return inp.read(int(inp.readline())).decode('utf-8')",
            "while True:",
            "    line = inp.readline()",
            "    if not line:",
            "        break",
            "    parts = [part() for _ in range(int(line))]",
            "    sys.argv = ['-c'] + parts[1:]",
            "    so, se, status = io.StringIO(), io.StringIO(), 0",
            "    g = {'__name__': '__main__'}",
            "    with contextlib.redirect_stdout(so), contextlib.redirect_stderr(se):",
            "        try:",
            "            exec(compile(parts[0], '<string>', 'exec'), g)",
            "        except SystemExit as e:",
            // As Python's own exit: None is 0, a number is the status, anything else is printed and the status is 1.
            "            if e.code is not None and not isinstance(e.code, int):",
            "                print(e.code, file=sys.stderr)",
            "            status = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)",
            "        except BaseException:",
            "            traceback.print_exc()",
            "            status = 1",
            "        g.clear()",
            "        gc.collect()",
            "    answer = [str(status), so.getvalue(), se.getvalue()]",
            "    out.write(b'3\\n')",
            "    for a in answer:",
            "        b = a.encode('utf-8')",
            "        out.write(b'%d\\n' % len(b))",
            "        out.write(b)",
            "    out.flush()",
            "");

    private static PythonWorker running;

    private final Process process;
    private final OutputStream in;
    private final InputStream out;
    private final Path log;

    private PythonWorker(Process process, Path log) {
        this.process = process;
        this.in = process.getOutputStream();
        this.out = new BufferedInputStream(process.getInputStream());
        this.log = log;
    }

    /**
     * Runs {@code script} with {@code args} as {@code python3 -c script args...} would: its standard output, or an
     * {@link AssertionError} with its status, output and errors when it exits with a status other than 0.
     */
    static synchronized String run(String script, List<String> args) {
        PythonWorker w = running;
        if (w == null || !w.process.isAlive()) {
            w = running = start();
        }
        List<String> request = new ArrayList<>();
        request.add(script);
        request.addAll(args);
        List<String> answer;
        try {
            write(w.in, request);
            PythonWorker worker = w;
            answer = CompletableFuture.supplyAsync(() -> worker.read()).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (IOException | ExecutionException | TimeoutException e) {
            w.process.destroyForcibly();
            running = null;
            throw new AssertionError("python3-caldav script failed to run (" + e + "): " + script + "\nworker: "
                    + w.log(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + script, e);
        }
        if (!answer.get(0).equals("0")) {
            throw new AssertionError("exit " + answer.get(0) + ": python3 -c " + shortened(script) + " " + args
                    + "\nstdout:\n" + answer.get(1) + "\nstderr:\n" + answer.get(2));
        }
        return answer.get(1);
    }

    private static PythonWorker start() {
        try {
            Path log = Files.createTempFile("python-worker", ".txt");
            Process p = new ProcessBuilder(ClientPrograms.PYTHON.toString(), "-c", LOOP).redirectError(log.toFile())
                    .start();
            // The worker ends when the JVM does: its input closes and its loop reads the end.
            return new PythonWorker(p, log);
        } catch (IOException e) {
            throw new AssertionError("cannot start " + ClientPrograms.PYTHON + ": " + e, e);
        }
    }

    private static void write(OutputStream to, List<String> parts) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write((parts.size() + "\n").getBytes(StandardCharsets.US_ASCII));
        for (String p : parts) {
            byte[] bytes = p.getBytes(StandardCharsets.UTF_8);
            b.write((bytes.length + "\n").getBytes(StandardCharsets.US_ASCII));
            b.write(bytes);
        }
        to.write(b.toByteArray());
        to.flush();
    }

    private List<String> read() {
        try {
            int count = Integer.parseInt(line());
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int length = Integer.parseInt(line());
                byte[] bytes = out.readNBytes(length);
                if (bytes.length != length) {
                    throw new IOException("the worker ended mid-answer");
                }
                parts.add(new String(bytes, StandardCharsets.UTF_8));
            }
            return parts;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String line() throws IOException {
        StringBuilder s = new StringBuilder();
        for (int c = out.read(); c != '\n'; c = out.read()) {
            if (c < 0) {
                throw new IOException("the worker ended" + (process.isAlive() ? "" : ", exit " + process.exitValue()));
            }
            s.append((char) c);
        }
        return s.toString();
    }

    private String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static String shortened(String script) {
        return script.length() > 80 ? script.substring(0, 77) + "..." : script;
    }
}
