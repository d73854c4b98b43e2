package dev.tandem.app.vm;

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
 * "Open on phone…": the web companion served from this window's profile. Opening starts the server
 * (this computer only, or for the phone on the network, over HTTPS with the profile's certificate)
 * and shows a one-time pairing as a QR code and a code to type; "New code", the paired browsers with
 * "Revoke", and "Stop serving". The server outlives the dialog, until it is stopped or the profile
 * closes. Starting and stopping run off the FX thread.
 */
public final class PhoneWebViewModel implements HasFeedback {
    /** A paired browser as the dialog lists it. */
    public record BrowserRow(String id, String name, String seen) {
    }

    private final WebCompanion companion;
    private final Async async;
    private final Clock clock;
    private final Feedback feedback = new Feedback();
    private final BooleanProperty network = new SimpleBooleanProperty(true);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
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

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
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

    /** Shows what runs already, or starts serving as {@link #networkProperty} says. */
    public void open() {
        companion.running().ifPresentOrElse(s -> {
            network.set(s.secure());
            pairing(s);
        }, this::start);
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
        advertised.set("");
        shown = st.server();
        // Completes on the advertiser's thread, seconds later; a server stopped or replaced meanwhile is not shown.
        st.server().advertised().thenAccept(o -> async.ui().execute(() -> {
            if (shown == st.server()) {
                advertised.set(advertisedText(o));
            }
        }));
    }

    /** The line under the address: the {@code .local} one as a second choice, or why there is none. */
    static String advertisedText(MdnsAdvertiser.Outcome o) {
        return o.localUrl().map(u -> Messages.text("settings.phone.local", String.valueOf(u)))
                .or(() -> o.warning().map(w -> Messages.text("settings.phone.notAnnounced", w)))
                .orElse("");
    }

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
