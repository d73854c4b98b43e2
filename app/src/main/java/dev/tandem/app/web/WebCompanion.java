package dev.tandem.app.web;

import dev.tandem.app.model.AttachmentStore;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.events.EventStore;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.sync.AttachmentFetcher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The desktop's "Open on phone…": at most one web server for an open profile, started when asked and
 * stopped with the profile. On this machine only, it listens on a free loopback port; for the phone,
 * on every address at {@link #LAN_PORT} with the profile's self-signed certificate, announced over
 * mDNS ({@link MdnsAdvertiser}) unless the saved switch says not to ({@link #ANNOUNCE_SETTING}); nothing is
 * announced while it serves this machine alone. Thread-safe; start and stop touch the disk and the network (stopping
 * waits for the announcement's goodbyes), so the app calls them off the FX thread.
 */
public final class WebCompanion implements AutoCloseable {
    public static final int LAN_PORT = 8765;
    /** The setting that says whether a server for the network is announced over mDNS ("false": not; default on). */
    public static final String ANNOUNCE_SETTING = "web.mdns";

    private final TodoStore store;
    private final SettingsStore settings;
    private final Path dataDir;
    private final Supplier<String> deviceName;
    private final Supplier<Set<String>> sharedLists;
    private WebServer server;
    private AttachmentStore attachments;
    private AttachmentFetcher fetcher;
    private LongSupplier attachmentLimit;
    private EventStore events;

    public WebCompanion(TodoStore store, SettingsStore settings, Path dataDir, Supplier<String> deviceName,
                        Supplier<Set<String>> sharedLists) {
        this.store = store;
        this.settings = settings;
        this.dataDir = dataDir;
        this.deviceName = deviceName;
        this.sharedLists = sharedLists;
    }

    /** The device's subscribed calendars, whose events the page shows, for the servers started from now on. */
    public synchronized WebCompanion events(EventStore events) {
        this.events = events;
        return this;
    }

    /** The device's attached files, their downloads and the size limit, for the servers started from now on. */
    public synchronized WebCompanion attachments(AttachmentStore attachments, AttachmentFetcher fetcher, LongSupplier limit) {
        this.attachments = attachments;
        this.fetcher = fetcher;
        this.attachmentLimit = limit;
        return this;
    }

    /**
     * Serves, for other devices on the network ({@code lan}) or this machine only; a server running
     * the other way is stopped first. Returns the running server.
     */
    public synchronized WebServer start(boolean lan) {
        if (server != null && server.secure() == lan) {
            return server;
        }
        stop();
        WebServer.Builder b = WebServer.builder().store(store).settings(settings).deviceName(deviceName.get())
                .sharedLists(sharedLists).mdns(announces()).events(events);
        if (attachments != null) {
            b.attachments(attachments, fetcher, attachmentLimit);
        }
        if (lan) {
            List<String> hosts = new ArrayList<>(List.of("localhost", "127.0.0.1"));
            String shown = WebServerAddresses.lan();
            if (shown != null) {
                hosts.add(shown);
            }
            SelfSignedTls.KeyStoreFile tls = SelfSignedTls.ensure(settings, dataDir, hosts);
            b.listen("0.0.0.0", LAN_PORT).tls(tls.path(), tls.password());
        } else {
            b.listen("127.0.0.1", 0);
        }
        server = b.build().start();
        return server;
    }

    /** Whether a server for the network is announced over mDNS (the saved switch; on unless turned off). Reads the disk. */
    public boolean announces() {
        return !"false".equals(settings.get(ANNOUNCE_SETTING, "true"));
    }

    /** Saves the switch, and starts or stops announcing the running server to follow it. Touches the disk and network. */
    public synchronized void announce(boolean wanted) {
        settings.put(ANNOUNCE_SETTING, String.valueOf(wanted));
        if (server != null && server.secure()) {
            server.announce(wanted);
        }
    }

    public synchronized Optional<WebServer> running() {
        return Optional.ofNullable(server);
    }

    public synchronized void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
