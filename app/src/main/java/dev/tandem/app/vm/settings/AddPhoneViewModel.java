package dev.tandem.app.vm.settings;

import dev.tandem.app.settings.SyncSettings;
import dev.tandem.app.sync.JoinLink;
import dev.tandem.app.web.PairingQr;
import dev.tandem.ui.messages.Messages;

/**
 * Settings → Sync → "Add a phone…": the link that opens the published page with its join screen filled from the
 * saved remote ({@link JoinLink}: the remote and its credential, never the passphrase) and its QR code, as {@code
 * tandem page add-phone} prints them (docs/WEB.md, "Adding a phone with a QR code"). Made from the saved settings
 * only (the form's unsaved edits are not offered); nothing here touches the disk or the network.
 */
public final class AddPhoneViewModel {
    private final SyncSettings saved;
    private String link;
    private boolean[][] qr;
    private String problem = "";

    public AddPhoneViewModel(SyncSettings saved) {
        this.saved = saved;
    }

    /** Offered for a saved S3 or WebDAV remote (a phone cannot reach a folder). */
    public boolean available() {
        return saved != null && (saved.mode() == SyncSettings.Mode.S3 || saved.mode() == SyncSettings.Mode.WEBDAV)
                && saved.validate().isEmpty();
    }

    /** Makes the link and its code (once); afterwards {@link #link()}, {@link #qr()} and {@link #problem()} say. */
    public void make() {
        if (link != null || !problem.isEmpty()) {
            return;
        }
        if (!available()) {
            problem = Messages.text("settings.addPhone.unavailable");
            return;
        }
        try {
            link = JoinLink.of(saved);
        } catch (IllegalArgumentException e) {
            problem = Messages.text("settings.addPhone.tooLong");
            return;
        }
        try {
            qr = PairingQr.modules(link, 2);
        } catch (IllegalArgumentException e) {
            problem = Messages.text("settings.addPhone.noQr");
        }
    }

    /** The link to open on the phone; empty when none could be made. */
    public String link() {
        return link == null ? "" : link;
    }

    /** The link's QR code (true: a dark module), or null when it has none. */
    public boolean[][] qr() {
        return qr;
    }

    /** Why there is no link or no code, or empty. */
    public String problem() {
        return problem;
    }

    /** What the dialog says above the code. */
    public String help() {
        return Messages.text("settings.addPhone.help");
    }

    /** The warning under the link: it holds the remote's credential, not the passphrase. */
    public String secret() {
        return Messages.text("settings.addPhone.secret");
    }
}
