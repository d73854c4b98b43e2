package dev.tandem.app.cli;

import dev.tandem.app.cli.Cli.Failure;
import dev.tandem.app.cli.Cli.UsageError;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.settings.SyncSettings;
import dev.tandem.app.sync.JoinLink;
import dev.tandem.app.sync.PagePublisher;
import dev.tandem.app.sync.PageSite;
import dev.tandem.app.sync.RemoteSpec;
import dev.tandem.app.web.PageCheck;
import dev.tandem.app.web.PageWords;
import dev.tandem.app.web.PairingQr;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.ui.messages.Messages;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code tandem page publish} puts the phone page beside the data on the remote ({@link PagePublisher}), and
 * {@code tandem page check URL} says what the storage serving it allows ({@link PageCheck}); docs/WEB.md,
 * "Tandem on your phone without a computer"; {@code tandem page add-phone} prints the link (and its QR code)
 * that opens the page with its join screen filled ({@link JoinLink}). None opens the profile's database.
 */
final class PageCommands {
    private final PrintStream out;
    private final Map<String, String> env;

    PageCommands(PrintStream out, Map<String, String> env) {
        this.out = out;
        this.env = env;
    }

    int page(Path dir, Args a) {
        String what = a.positional().isEmpty() ? "" : a.positional().get(0);
        return switch (what) {
            case "publish" -> publish(dir, a);
            case "check" -> check(a);
            case "add-phone" -> addPhone(dir, a);
            default -> throw new UsageError(Messages.text("cli.page.which"));
        };
    }

    private int publish(Path dir, Args a) {
        if (a.positional().size() > 1) {
            throw new UsageError(Messages.text("cli.sync.unexpected", "page publish", a.positional().get(1)));
        }
        if (a.options().containsKey("--origin")) {
            throw new UsageError(Messages.text("cli.page.originOnlyCheck"));
        }
        PagePublisher publisher = new PagePublisher(PageWords.json(Messages.language()));
        if (!publisher.hasPage()) {
            throw new Failure(Messages.text("cli.page.noBundle"));
        }
        PageSite site = PageSite.of(settings(dir, a));
        try (var storage = site.storage()) {
            PagePublisher.Result r;
            try {
                r = publisher.publish(site);
            } catch (SyncException e) {
                throw new Cli.RemoteFailure(e, storage.describe());
            }
            out.println(Messages.text("cli.page.published", storage.describe(), r.written(), r.kept(), r.removed()));
            out.println(Messages.text(site.served() ? "cli.page.openAt" : "cli.page.folderAt", r.url()));
            out.println(Messages.text("cli.page.readable"));
            return 0;
        }
    }

    /**
     * The link that opens the published page with the join screen filled (JoinLink), and its QR code for a
     * terminal. The passphrase is not in it; the credential is, so it is printed with that warning.
     */
    private int addPhone(Path dir, Args a) {
        if (a.positional().size() > 1) {
            throw new UsageError(Messages.text("cli.sync.unexpected", "page add-phone", a.positional().get(1)));
        }
        if (a.options().containsKey("--origin")) {
            throw new UsageError(Messages.text("cli.page.originOnlyCheck"));
        }
        SyncSettings s = settings(dir, a);
        if (s.mode() != SyncSettings.Mode.S3 && s.mode() != SyncSettings.Mode.WEBDAV) {
            throw new Failure(Messages.text("cli.page.addPhoneFolder"));
        }
        String link;
        try {
            link = JoinLink.of(s);
        } catch (IllegalArgumentException e) {
            throw new Failure(Messages.text("cli.page.addPhoneTooLong"));
        }
        out.println(Messages.text("cli.page.addPhoneLink"));
        out.println(link);
        out.println();
        try {
            out.print(PairingQr.text(link));
        } catch (IllegalArgumentException e) {
            out.println(Messages.text("cli.page.addPhoneNoQr"));
        }
        out.println(Messages.text("cli.page.addPhoneSecret"));
        return 0;
    }

    /** --remote as `tandem sync` takes it, else the saved sync settings. */
    private SyncSettings settings(Path dir, Args a) {
        String remote = a.options().get("--remote");
        SyncSettings s;
        if (remote != null) {
            try {
                if (remote.startsWith("folder:")) {
                    RemoteSpec.builder(remote, env, a.options()); // refuses a folder that holds other things
                }
                s = RemoteSpec.settings(remote, env, a.options(), "", 60);
            } catch (IllegalStateException e) {
                throw new Failure(e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new UsageError(e.getMessage());
            }
        } else {
            s = new SettingsStore(dir).loadSync();
            if (s.mode() == SyncSettings.Mode.NONE) {
                throw new UsageError(Messages.text("cli.sync.noRemote"));
            }
        }
        Map<String, String> problems = s.validate();
        if (!problems.isEmpty()) {
            throw new Failure(Messages.text("cli.sync.settingsIncomplete", problems.values().iterator().next()));
        }
        return s;
    }

    private int check(Args a) {
        if (a.positional().size() != 2) {
            throw new UsageError(Messages.text("cli.page.checkNeedsUrl"));
        }
        if (a.options().containsKey("--remote")) {
            throw new UsageError(Messages.text("cli.page.remoteOnlyPublish"));
        }
        URI page;
        try {
            page = URI.create(a.positional().get(1));
        } catch (IllegalArgumentException e) {
            throw new UsageError(Messages.text("cli.page.badUrl", a.positional().get(1)));
        }
        String scheme = page.getScheme() == null ? "" : page.getScheme();
        if (!scheme.equals("http") && !scheme.equals("https") || page.getHost() == null) {
            throw new UsageError(Messages.text("cli.page.badUrl", a.positional().get(1)));
        }
        String origin = a.options().get("--origin");
        if (origin != null && !origin.matches("https?://[A-Za-z0-9.\\-\\[\\]:]+")) {
            throw new UsageError(Messages.text("cli.page.badOrigin", origin));
        }
        PageCheck.Report r = PageCheck.withDefaults().check(page, origin);
        for (String sentence : r.sentences()) {
            out.println(sentence);
        }
        return r.usable() ? 0 : 1;
    }
}
