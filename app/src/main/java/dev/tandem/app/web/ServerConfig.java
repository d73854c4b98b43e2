package dev.tandem.app.web;

import dev.tandem.app.model.AttachmentStore;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.events.EventStore;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.sync.AttachmentFetcher;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * What a {@link WebServer} is built with, as {@link WebServer.Builder}'s setters leave it, and the rules those
 * values must meet together ({@link #check}). Apart from the builder, whose public setters are the API, because
 * this is what the running server reads: one object of plain values, the defaults beside them.
 */
final class ServerConfig {
    TodoStore store;
    SettingsStore settings;
    String deviceName = "Tandem";
    String host = "127.0.0.1";
    int port = 8765;
    String publicHost;
    boolean behindProxy;
    boolean mdns = true;
    Path keyStore;
    String keyStorePassword;
    Supplier<Set<String>> sharedLists = Set::of;
    Clock clock = Clock.systemDefaultZone();
    IntConsumer onOpenPages = n -> { };
    AttachmentStore attachments;
    AttachmentFetcher fetcher;
    LongSupplier attachmentLimit = () -> AttachmentStore.DEFAULT_LIMIT;
    Language language;
    Duration unpairedDeadline = Door.UNPAIRED_DEADLINE;
    Bearer.Rates tokenRates = Bearer.Rates.DEFAULT;
    EventStore events;

    /** The files the page shows and adds to: those given, else the store's. */
    AttachmentStore attachmentStore() {
        return attachments != null ? attachments : store.attachments();
    }

    /** The certificate's SHA-256 fingerprint; empty without TLS. */
    Optional<String> fingerprint() {
        return keyStore == null ? Optional.empty() : Optional.of(Certificates.fingerprint(keyStore, keyStorePassword));
    }

    /** Checks the values, naming the field that is wrong; the messages a person may see are the catalogue's. */
    void check() {
        Objects.requireNonNull(store, "store: the device's store is required");
        Objects.requireNonNull(settings, "settings: where paired browsers are kept is required");
        Objects.requireNonNull(sharedLists, "sharedLists");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(onOpenPages, "onOpenPages");
        if (unpairedDeadline == null || unpairedDeadline.isNegative() || unpairedDeadline.isZero()) {
            throw new IllegalArgumentException("unpairedDeadline: must be positive, was " + unpairedDeadline);
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException(Messages.text("server.listen.noHost"));
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(Messages.text("server.listen.badPort", String.valueOf(port)));
        }
        if (keyStore == null && !ServedHosts.isLoopback(host)) {
            throw new IllegalArgumentException(Messages.text("server.listen.needsTls", host));
        }
        if (keyStore != null && (keyStorePassword == null || !keyStore.toFile().isFile())) {
            throw new IllegalArgumentException(Messages.text("server.tls.unreadable", keyStore.toString()));
        }
        if (deviceName == null || deviceName.isBlank()) {
            throw new IllegalArgumentException("deviceName: must not be blank");
        }
    }
}
