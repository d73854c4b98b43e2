package dev.tandem.app.agent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A private D-Bus session bus for one test: {@code dbus-daemon --session}, its address, stopped on close. */
public final class SessionBus implements AutoCloseable {
    private final Process daemon;
    private final String address;

    private SessionBus(Process daemon, String address) {
        this.daemon = daemon;
        this.address = address;
    }

    public static SessionBus start() throws Exception {
        Process p = new ProcessBuilder("dbus-daemon", "--session", "--nofork", "--print-address=1")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = CompletableFuture.supplyAsync(() -> {
            try {
                return r.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).get(20, TimeUnit.SECONDS);
        if (line == null || line.isBlank()) {
            p.destroyForcibly();
            throw new IllegalStateException("dbus-daemon printed no address");
        }
        return new SessionBus(p, line.strip());
    }

    /** What DBUS_SESSION_BUS_ADDRESS says for this bus. */
    public String address() {
        return address;
    }

    @Override
    public void close() throws Exception {
        daemon.destroy();
        daemon.waitFor(10, TimeUnit.SECONDS);
    }
}
