package dev.tandem.app.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.devtools.DevTools;
import org.openqa.selenium.remote.DriverCommand;

/**
 * The driver of a shared Chromium ({@link SharedChromium}), noting what its holder sets beyond the page that a
 * document's end leaves in place, so that the reset can undo it or, where it cannot, give the next test a new tab.
 *
 * <p>Design. A tab outlives its documents, and so does what DevTools set on it: a script for every new document,
 * emulated media, blocked URLs, a domain enabled. The reset keeps the tab (navigating it to {@code about:blank} is
 * far cheaper than a new tab) only when it knows how to take back everything the test sent: the scripts are removed
 * by the identifiers they were given, emulated media and the accessibility tree's agent are set back, and the
 * commands that only read ({@link #READS}) leave nothing. Any other command, or a DevTools connection of the test's
 * own ({@link #maybeGetDevTools}), makes the tab {@link #tabChanged}: it is closed and the next test gets a new one.
 * Permissions and chromedriver's network conditions belong to the browser and the session, not the tab: they are
 * reset either way. The reset's own commands go through {@link #devtools}, which notes nothing.
 */
final class SharedDriver extends ChromeDriver {
    /** DevTools commands that leave nothing behind on the tab or in the browser once they answer. */
    private static final Set<String> READS = Set.of("Page.getAppManifest", "Page.getInstallabilityErrors",
            "DOM.describeNode", "Storage.clearDataForOrigin");

    /** Identifiers of the holder's scripts for every new document ({@code Page.addScriptToEvaluateOnNewDocument}). */
    private final List<String> scripts = new ArrayList<>();
    private boolean emulatedMedia;
    private boolean accessibility;
    private boolean permissions;
    private boolean networkConditions;
    private boolean tabChanged;

    SharedDriver(ChromeDriverService service, ChromeOptions options) {
        super(service, options);
    }

    @Override
    public Map<String, Object> executeCdpCommand(String command, Map<String, Object> parameters) {
        switch (command) {
            case "Page.addScriptToEvaluateOnNewDocument" -> {
                Map<String, Object> added = super.executeCdpCommand(command, parameters);
                scripts.add((String) added.get("identifier"));
                return added;
            }
            case "Emulation.setEmulatedMedia" -> emulatedMedia = true;
            case "Browser.setPermission", "Browser.grantPermissions" -> permissions = true;
            default -> {
                if (command.startsWith("Accessibility.")) {
                    accessibility = true;
                } else if (!READS.contains(command)) {
                    tabChanged = true;
                }
            }
        }
        return super.executeCdpCommand(command, parameters);
    }

    @Override
    public Optional<DevTools> maybeGetDevTools() {
        tabChanged = true;
        return super.maybeGetDevTools();
    }

    @Override
    public void setNetworkConditions(ChromiumNetworkConditions conditions) {
        networkConditions = true;
        super.setNetworkConditions(conditions);
    }

    @Override
    public void deleteNetworkConditions() {
        super.deleteNetworkConditions();
        networkConditions = false;
    }

    @Override
    public void setPermission(String name, String value) {
        permissions = true;
        super.setPermission(name, value);
    }

    /** A DevTools command of the reset's own, on the current tab: noted nowhere. */
    Map<String, Object> devtools(String command, Map<String, Object> parameters) {
        return super.executeCdpCommand(command, parameters);
    }

    /** Takes back the permissions and network conditions the holder set, whichever tab the next test gets. */
    void undoBrowserChanges() {
        if (networkConditions) {
            deleteNetworkConditions();
        }
        if (permissions) {
            devtools("Browser.resetPermissions", Map.of());
            permissions = false;
        }
    }

    /** Whether the holder sent the tab something {@link #undoTabChanges} cannot take back. */
    boolean tabChanged() {
        return tabChanged;
    }

    /** Takes back what the holder set on the current tab: its scripts for new documents, emulated media, a11y. */
    void undoTabChanges() {
        for (String script : scripts) {
            devtools("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", script));
        }
        if (emulatedMedia) {
            devtools("Emulation.setEmulatedMedia", Map.of("media", "", "features", List.of()));
        }
        if (accessibility) {
            devtools("Accessibility.disable", Map.of());
        }
        forgetTabChanges();
    }

    /** Forgets what was set on the tab: it was closed, or set back. */
    void forgetTabChanges() {
        scripts.clear();
        emulatedMedia = false;
        accessibility = false;
        tabChanged = false;
    }

    /** WebDriver's default timeouts, in one command where {@code manage().timeouts()} sends one each. */
    void defaultTimeouts() {
        execute(DriverCommand.SET_TIMEOUT, Map.of("implicit", 0, "script", 30_000, "pageLoad", 300_000));
    }
}
