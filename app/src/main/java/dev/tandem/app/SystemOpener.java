package dev.tandem.app;

import dev.tandem.app.vm.attachment.LinkOpener;
import dev.tandem.ui.messages.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Opens links with the JavaFX host services, and a local file with the system's own command for it
 * ({@code xdg-open}, {@code open}, Windows' file handler), because the host services say nothing when
 * nothing opens: the command's exit status does ("no application for .xyz files"), and the window
 * says so. The command is waited for at most {@link #WAIT_SECONDS}: an opener that keeps running
 * (it became the application) has opened the file, and so has one that fails only after
 * {@link #RAN_A_WHILE} (the application it ran was closed with an error). Called off the FX thread.
 */
final class SystemOpener implements LinkOpener {
    static final long WAIT_SECONDS = 10;
    /** An opener that fails later than this after it started had an application showing the file. */
    static final Duration RAN_A_WHILE = Duration.ofSeconds(3);

    private final List<String> command;
    private final Consumer<String> links;
    private final Duration ranAWhile;

    /** {@code command}: the system's opener, the file's path appended; {@code links}: opens everything else. */
    SystemOpener(List<String> command, Consumer<String> links) {
        this(command, links, RAN_A_WHILE);
    }

    /** As above; an opener that ends with an error after {@code ranAWhile} had an application running. */
    SystemOpener(List<String> command, Consumer<String> links, Duration ranAWhile) {
        this.command = List.copyOf(command);
        this.links = links;
        this.ranAWhile = ranAWhile;
    }

    /** The opener of this system. */
    static SystemOpener forThisSystem(Consumer<String> links) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        List<String> command = os.contains("win") ? List.of("rundll32", "url.dll,FileProtocolHandler")
                : os.contains("mac") ? List.of("open") : List.of("xdg-open");
        return new SystemOpener(command, links);
    }

    @Override
    public void open(String uri) {
        if (!uri.startsWith("file:")) {
            links.accept(uri);
            return;
        }
        Path file = Path.of(URI.create(uri)).toAbsolutePath();
        // An absolute path, one argument, no shell: a file named "-x" or "a;b" is a file name to the opener.
        List<String> argv = new ArrayList<>(command);
        argv.add(file.toString());
        Process p;
        try {
            p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UncheckedIOException(Messages.text("common.open.noOpener", command.get(0)), e);
        }
        long started = System.nanoTime();
        try {
            // xdg-open without a desktop of its own runs the viewer and answers with the viewer's exit status: one
            // that showed the file a while and was then closed with an error (killed) did open it.
            if (p.waitFor(WAIT_SECONDS, TimeUnit.SECONDS) && p.exitValue() != 0
                    && System.nanoTime() - started < ranAWhile.toNanos()) {
                throw new IllegalStateException(Messages.text("common.open.noApplication",
                        String.valueOf(file.getFileName())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
