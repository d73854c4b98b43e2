package dev.tandem.app.vm.settings;

import dev.tandem.app.vm.shared.Feedback;
import dev.tandem.app.vm.shared.HasFeedback;
import dev.tandem.app.vm.shared.SyncStatusViewModel;
import dev.tandem.app.fx.Async;
import dev.tandem.app.web.MdnsAdvertiser;
import dev.tandem.app.web.PairedBrowser;
import dev.tandem.app.web.Pairing;
import dev.tandem.app.web.PairingQr;
import dev.tandem.app.web.WebCompanion;
import dev.tandem.app.web.WebServer;
import dev.tandem.app.web.WebServerAddresses;
import dev.tandem.ui.messages.Formats;
import dev.tandem.ui.messages.Messages;
import java.net.URI;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "Open on phone…": the web companion served from this window's profile. Opening serves this computer
 * only (loopback) unless a server runs already; the network (HTTPS with the profile's certificate, on
 * every address) is served only once the person ticks it, and announced over mDNS only then, and only
 * while the announcement switch (saved) is on. It shows a one-time pairing (a QR code for the phone on the
 * network; on this computer, the address and a code to type), "New code", the paired browsers with
 * "Revoke", and "Stop serving". The server outlives the dialog, until it is stopped or the profile
 * closes. Starting, stopping and the switch run off the FX thread.
 */
public final class PhoneWebViewModel implements HasFeedback {
    /** A paired browser as the dialog lists it. */
    public record BrowserRow(String id, String name, String seen) {
    }

    private final WebCompanion companion;
    private final Async async;
    private final Clock clock;
    private final Feedback feedback = new Feedback();
    private final BooleanProperty network = new SimpleBooleanProperty(false);
    private final BooleanProperty announce = new SimpleBooleanProperty(true);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    /** Serving the network (not this computer only): the QR code, the fingerprint and the announcement apply. */
    private final ReadOnlyBooleanWrapper servingNetwork = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper help = new ReadOnlyStringWrapper(Messages.text("settings.phone.helpLocal"));
    private final ReadOnlyStringWrapper url = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper code = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper fingerprint = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper advertised = new ReadOnlyStringWrapper("");
    private final ObjectProperty<boolean[][]> qr = new SimpleObjectProperty<>();
    private final ObservableList<BrowserRow> browsers = FXCollections.observableArrayList();
    /** The server whose pairing is shown (UI thread only): a late answer about another one is dropped. */
    private WebServer shown;

    public PhoneWebViewModel(WebCompanion companion, Async async, Clock clock) {
        this.companion = companion;
        this.async = async;
        this.clock = clock;
    }

    @Override
    public Feedback feedback() {
        return feedback;
    }

    /** For the phone on this network (HTTPS, every address), or this computer's browsers only. */
    public BooleanProperty networkProperty() {
        return network;
    }

    /** Announce a server for the network over mDNS ("NAME.local"); saved, on unless turned off. */
    public BooleanProperty announceProperty() {
        return announce;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Serving the phone on the network (a QR code to scan), not this computer only. */
    public ReadOnlyBooleanProperty servingNetworkProperty() {
        return servingNetwork.getReadOnlyProperty();
    }

    /** What the dialog says on top: how the phone pairs on the network, or what to do on this computer only. */
    public ReadOnlyStringProperty helpProperty() {
        return help.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty urlProperty() {
        return url.getReadOnlyProperty();
    }

    /** "Or type 1234-5678 on the page (valid until 15:10, once)". */
    public ReadOnlyStringProperty codeProperty() {
        return code.getReadOnlyProperty();
    }

    /** The certificate's fingerprint to compare with the phone's warning; empty without TLS. */
    public ReadOnlyStringProperty fingerprintProperty() {
        return fingerprint.getReadOnlyProperty();
    }

    /**
     * The second address, the computer's {@code .local} name advertised over mDNS, once it answers; or
     * why the page is not advertised; empty while neither is known, or serving this computer only.
     */
    public ReadOnlyStringProperty advertisedProperty() {
        return advertised.getReadOnlyProperty();
    }

    /** The pairing link's QR code (true: a dark module), null while nothing is served. */
    public ReadOnlyObjectProperty<boolean[][]> qrProperty() {
        return qr;
    }

    public ObservableList<BrowserRow> browsers() {
        return browsers;
    }

    /**
     * Shows what runs already, or starts serving as {@link #networkProperty} says (this computer only, unless the
     * person ticked the network before); reads the announcement switch.
     */
    public void open() {
        async.run(companion::announces, announce::set, e -> { });
        companion.running().ifPresentOrElse(s -> {
            network.set(s.secure());
            pairing(s);
        }, this::start);
    }

    /** Saves the announcement switch and has the running server follow it (goodbyes at once when turned off). */
    public void announceChanged() {
        boolean wanted = announce.get();
        async.run(() -> {
            companion.announce(wanted);
            return companion.running().filter(WebServer::secure).orElse(null);
        }, s -> {
            if (s != null && shown == s) {
                watchAdvertisement(s);
            }
        }, e -> feedback.fail(Feedback.why(e)));
    }

    /** Starts (or restarts, after the choice changed) serving, with a fresh pairing. */
    public void start() {
        if (!feedback.begin()) {
            return;
        }
        boolean lan = network.get();
        async.run(() -> {
            WebServer s = companion.start(lan);
            return new Started(s, s.pair(), s.fingerprint().orElse(""), s.browsers());
        }, st -> {
            feedback.end(Messages.text(lan ? "settings.phone.servingNetwork" : "settings.phone.servingLocal"));
            show(st);
        }, e -> feedback.failed(Messages.text("settings.phone.couldNotStart", Feedback.why(e))));
    }

    /** A new one-time code and QR code (the old one stops working when this one is used or it expires). */
    public void newCode() {
        companion.running().ifPresent(this::pairing);
    }

    public void revoke(BrowserRow row) {
        async.run(() -> companion.running().map(s -> {
            s.revoke(row.id());
            return s.browsers();
        }).orElse(List.of()), this::showBrowsers, e -> feedback.fail(Messages.text("settings.phone.couldNotRevoke",
                Feedback.why(e))));
        feedback.say(Messages.text("settings.phone.revoked", row.name()));
    }

    public void stop() {
        async.run(() -> {
            companion.stop();
            return null;
        }, r -> {
            running.set(false);
            servingNetwork.set(false);
            help.set(Messages.text("settings.phone.helpLocal"));
            url.set("");
            code.set("");
            qr.set(null);
            fingerprint.set("");
            advertised.set("");
            shown = null;
            feedback.say(Messages.text("settings.phone.stopped"));
        }, e -> feedback.fail(Feedback.why(e)));
    }

    private void pairing(WebServer s) {
        async.run(() -> new Started(s, s.pair(), s.fingerprint().orElse(""), s.browsers()), this::show,
                e -> feedback.fail(Feedback.why(e)));
    }

    private record Started(WebServer server, Pairing pairing, String fingerprint, List<PairedBrowser> browsers) {
    }

    /**
     * Whether a phone can open {@code url}: served to this computer only, the loopback address is
     * right; served to the network, a loopback address (the machine had no other) leads the phone to itself.
     */
    static boolean reachable(URI url, boolean network) {
        if (!network) {
            return true;
        }
        return !WebServerAddresses.isLoopbackText(url.getHost());
    }

    private void show(Started st) {
        running.set(true);
        servingNetwork.set(st.server().secure());
        help.set(Messages.text(st.server().secure() ? "settings.phone.help" : "settings.phone.helpLocal"));
        if (!reachable(st.server().url(), st.server().secure())) {
            url.set("");
            code.set("");
            qr.set(null);
            feedback.fail(Messages.text("settings.phone.noAddress"));
            fingerprint.set("");
            showBrowsers(st.browsers());
            return;
        }
        url.set(st.server().url().toString());
        code.set(Messages.text("settings.phone.code", st.server().url().toString(), st.pairing().code(),
                Formats.time(st.pairing().expiresAt().atZone(clock.getZone()).toLocalTime())));
        qr.set(PairingQr.modules(st.pairing().url(), 2));
        fingerprint.set(st.fingerprint().isEmpty() ? "" : Messages.text("settings.phone.fingerprint",
                st.fingerprint()));
        showBrowsers(st.browsers());
        shown = st.server();
        watchAdvertisement(st.server());
    }

    /**
     * The announcement's line: at once what is under way (announcing, or off by the switch), then, seconds later
     * on the advertiser's thread, the {@code .local} address or why there is none. A server stopped or replaced
     * meanwhile is not shown. Nothing for this computer only.
     */
    private void watchAdvertisement(WebServer s) {
        if (!s.secure()) {
            advertised.set("");
            return;
        }
        advertised.set(Messages.text(announce.get() ? "settings.phone.announcing" : "settings.phone.announceOff"));
        s.advertised().thenAccept(o -> async.ui().execute(() -> {
            if (shown == s && (o.localUrl().isPresent() || o.warning().isPresent())) {
                advertised.set(advertisedText(o));
            }
        }));
    }

    /**
     * The longest text the announcement's line may hold (the {@code .local} address with a name of 63 letters, the
     * longest reason it is not announced, the lines said meanwhile): the dialog keeps room for it, so the text that
     * arrives seconds later moves nothing.
     */
    public String advertisedLongest() {
        String name = "m".repeat(MdnsAdvertiser.MAX_NAME_BYTES) + ".local";
        return List.of(Messages.text("settings.phone.local", "https://" + name + ":" + WebCompanion.LAN_PORT + "/"),
                Messages.text("settings.phone.notAnnounced", "m".repeat(MAX_WARNING)),
                Messages.text("settings.phone.notAnnounced", Messages.text("server.mdns.noAnswer", name, 15)),
                Messages.text("settings.phone.notAnnounced", Messages.text("server.mdns.nameTaken", name)),
                Messages.text("settings.phone.announcing"), Messages.text("settings.phone.announceOff"))
                .stream().max(Comparator.comparingInt(String::length)).orElse("");
    }

    /**
     * The line under the address: the {@code .local} one as a second choice, or why there is none (cut at
     * {@value #MAX_WARNING} characters: a reason may carry a system's message of any length, and the dialog keeps
     * room for the longest line).
     */
    static String advertisedText(MdnsAdvertiser.Outcome o) {
        return o.localUrl().map(u -> Messages.text("settings.phone.local", String.valueOf(u)))
                .or(() -> o.warning().map(w -> Messages.text("settings.phone.notAnnounced",
                        w.length() <= MAX_WARNING ? w : w.substring(0, MAX_WARNING - 1) + "…")))
                .orElse("");
    }

    /** The longest reason the announcement's line gives, in characters. */
    static final int MAX_WARNING = 160;

    /** Each browser with when it paired and was last seen, and from where: two phones alike are told apart so. */
    private void showBrowsers(List<PairedBrowser> list) {
        browsers.setAll(list.stream().map(b -> {
            String paired = SyncStatusViewModel.ago(b.pairedAt(), clock.instant());
            String seen = SyncStatusViewModel.ago(b.lastSeen(), clock.instant());
            return new BrowserRow(b.id(), b.name(), b.address() == null ? Messages.text("settings.phone.seen", paired, seen)
                    : Messages.text("settings.phone.seenFrom", paired, seen, b.address()));
        }).toList());
    }
}
