package dev.tandem.app.web;

import dev.tandem.app.model.AttachmentStore;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.events.EventStore;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.sync.AttachmentFetcher;
import dev.tandem.ui.messages.Language;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Server;

/**
 * The web companion's server: one device's store served to paired browsers (docs/WEB.md). Built with
 * {@link #builder()}, validated at {@link Builder#build()}; {@link #start()} listens, {@link #close()}
 * stops. It listens on loopback unless told otherwise, and anywhere else only with TLS: a page on a
 * LAN address over plain HTTP would carry the session cookie in the clear, and browsers give such a
 * page neither service workers nor WebCrypto.
 *
 * <p>Order: the live events subscribe to the database before Jetty accepts a connection, and Jetty
 * stops before they close, so no stream outlives its source.
 */
public final class WebServer implements AutoCloseable {

    private final ServerConfig config;
    private final Pairings pairings;
    private final Browsers browsers;
    private final AccessTokens tokens;
    /** The router once started: its route table is what docs/WEB.md's API table is checked against. */
    private volatile Router router;
    private Server jetty;
    private LiveEvents live;
    private MdnsAdvertiser advertiser = MdnsAdvertiser.none();
    private URI url;
    private String cookieName;
    /** The names the door answers to; grows by the advertised .local name (see {@link #start}). */
    private Set<String> answered;
    private int port;

    private WebServer(Builder b) {
        this.config = b.config;
        this.pairings = new Pairings(config.clock, config.settings);
        this.browsers = new Browsers(config.settings, config.clock);
        this.tokens = new AccessTokens(config.settings, config.clock);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts listening; the port is known after this ({@link #url()}). */
    public synchronized WebServer start() {
        if (jetty != null) {
            throw new IllegalStateException("the web server runs already");
        }
        live = new LiveEvents(config.store.replica(), config.onOpenPages);
        browsers.onRevoke(live::closeBrowser);
        live.beforePing(browsers::all);
        JettyListener listener = JettyListener.on(config.host, config.port, config.keyStore, config.keyStorePassword,
                config.unpairedDeadline);
        Server server = listener.server();
        AddressFile address = AddressFile.read(config.settings);
        // One name per profile, so two servers on one host keep their own sessions; over TLS the
        // __Host- prefix makes the browser refuse it unless Secure, for this host only, on Path=/.
        cookieName = (config.keyStore != null ? "__Host-" : "") + "tandem_session_" + address.cookieId();
        router = new Router(this, pairings, browsers, live,
                new ApiRoutes(config.store, config.sharedLists, config.attachmentStore(), config.deviceName, () -> config.events),
                new AttachmentRoutes(config.store, config.attachmentStore(), config.fetcher, config.attachmentLimit),
                new RequestLanguage(config.settings, config.language));
        String host = config.publicHost != null ? config.publicHost : ServedHosts.shown(config.host);
        // Grows by the advertised .local name once that answers (concurrent: Jetty's threads read it meanwhile).
        answered = ConcurrentHashMap.newKeySet();
        answered.addAll(ServedHosts.answered(config.host, host));
        server.setHandler(new Door(router, answered, config.unpairedDeadline, config.behindProxy, cookieName, browsers,
                new Bearer(tokens, config.tokenRates, System::nanoTime)));
        server.setErrorHandler(new PlainErrors());
        try {
            server.start();
        } catch (Exception e) {
            live.close();
            throw new IllegalStateException("Cannot listen on " + config.host + ":" + config.port + ": " + e.getMessage(), e);
        }
        jetty = server;
        port = listener.connector().getLocalPort();
        url = ServedHosts.url(host, port, secure(), config.behindProxy && config.publicHost != null);
        // Where `tandem serve --pair`, another process, finds the page's address for its invitation.
        address.publish(url);
        advertise(config.mdns);
        return this;
    }

    private void advertise(boolean wanted) {
        Set<String> names = answered;
        advertiser = MdnsAdvertiser.forServer(config.host, wanted && config.publicHost == null, config.deviceName,
                port, secure(), name -> names.add(Door.normal(name)));
    }

    /**
     * Starts or stops announcing this running server over mDNS (the desktop's switch): stopping sends the
     * goodbyes at once; starting announces as {@link #start} would have. Nothing for a server not running, or one
     * this machine alone reaches.
     */
    public synchronized void announce(boolean wanted) {
        if (jetty == null) {
            return;
        }
        advertiser.close();
        advertiser = MdnsAdvertiser.none();
        if (wanted) {
            advertise(true);
        }
    }

    /**
     * How the mDNS advertisement went: the page's {@code .local} address (a second address, for phones
     * that resolve such names), a warning, or neither (this machine only, or not asked to). Completes
     * in the background, never on the caller's thread.
     */
    public CompletableFuture<MdnsAdvertiser.Outcome> advertised() {
        return advertiser.outcome();
    }

    /**
     * The page's address: the host given, or for a wildcard address this machine's first LAN address;
     * with {@code --public-host} that name, and behind a proxy the proxy's {@code https://NAME/}.
     */
    public URI url() {
        if (url == null) {
            throw new IllegalStateException("the web server has not started");
        }
        return url;
    }

    /** A new one-time pairing for a browser, its URL carrying the token in the fragment. */
    public Pairing pair() {
        URI base = url();
        return pairings.create(token -> base + "#pair=" + token);
    }

    /**
     * A pairing for the server that serves the profile of {@code settings} in another process (it
     * reads the invitations' file on each try); empty when no server has run on this profile.
     */
    public static Optional<Pairing> invite(SettingsStore settings, Clock clock) {
        return AddressFile.url(settings).map(url -> new Pairings(clock, settings).create(token -> url + "#pair=" + token));
    }

    /** The API's routes, in the order they are tried. */
    List<Route> routes() {
        return router.routes();
    }

    public List<PairedBrowser> browsers() {
        return browsers.all();
    }

    /** Hears each browser that pairs, on the thread that paired it. */
    public void onPaired(Consumer<PairedBrowser> listener) {
        browsers.onChange(Browsers.Change.PAIRED, listener);
    }

    /**
     * Hears each browser revoked, here or by another process ({@code tandem serve --revoke}: heard once this server
     * reads the browsers' file again, at the next request or ping of a page, within 20 s).
     */
    public void onRevoked(Consumer<PairedBrowser> listener) {
        browsers.onChange(Browsers.Change.REVOKED, listener);
    }

    /** The browsers paired with the profile of {@code settings}, read from its file (for another process). */
    public static List<PairedBrowser> browsers(SettingsStore settings, Clock clock) {
        return new Browsers(settings, clock).all();
    }

    /**
     * Unpairs a browser of the profile of {@code settings} from another process: a server running on
     * it sees the file change at the browser's next request, answers 401 and closes its event stream.
     */
    public static boolean revoke(SettingsStore settings, Clock clock, String browserId) {
        return new Browsers(settings, clock).revoke(browserId);
    }

    /** Unpairs a browser: its next request gets 401 and its event stream closes. False when it is not paired. */
    public boolean revoke(String browserId) {
        return browsers.revoke(browserId);
    }

    public boolean secure() {
        return config.keyStore != null;
    }

    /** The largest file a browser may attach, in bytes. */
    long attachmentLimit() {
        return config.attachmentLimit.getAsLong();
    }

    String deviceName() {
        return config.deviceName;
    }

    Clock clock() {
        return config.clock;
    }

    /** The ping the pages' event streams get every 20 s, now (for tests); returns once it is sent. */
    void pingPages() throws Exception {
        live.pingNow();
    }

    /** How many pages have their event stream open now. */
    public int openPages() {
        return live == null ? 0 : live.openStreams();
    }

    @Override
    public synchronized void close() {
        if (jetty == null) {
            return;
        }
        // Goodbye packets first: a phone's list drops the page before its address stops answering.
        advertiser.close();
        advertiser = MdnsAdvertiser.none();
        try {
            jetty.stop();
        } catch (Exception e) {
            System.getLogger("tandem").log(System.Logger.Level.WARNING, "stopping the web server: " + e.getMessage(), e);
        } finally {
            live.close();
            jetty = null;
        }
    }

    /** The session cookie's name for this profile's server (known once it has started). */
    String cookieName() {
        return cookieName;
    }

    /** What the server needs; {@link #build()} checks it and names the field that is wrong. */
    public static final class Builder {
        private final ServerConfig config = new ServerConfig();

        private Builder() {
        }

        /**
         * How fast one access token, and one address's failed tokens, may go ({@link Bearer.Rates#DEFAULT} unless
         * told): the tests play their floods against slower ones, so what they count does not depend on time.
         */
        Builder tokenRates(Bearer.Rates rates) {
            config.tokenRates = Objects.requireNonNull(rates, "tokenRates");
            return this;
        }

        /**
         * How long a request without a paired browser's session may take, headers and body together
         * ({@link Door#UNPAIRED_DEADLINE} unless told): the door's tests play their slow attackers
         * against a shorter one.
         */
        Builder unpairedDeadline(Duration deadline) {
            config.unpairedDeadline = deadline;
            return this;
        }

        /**
         * Hears how many pages have their live stream open, when that changes: {@code tandem serve}
         * checks the remote as often as a focused window while one is open, and rarely while none is.
         */
        public Builder onOpenPages(IntConsumer listener) {
            config.onOpenPages = listener;
            return this;
        }

        /**
         * The attached files the page shows and adds to, the downloads of those not on this device
         * ({@code fetcher} null: none, only what is here is served), and the largest file a browser
         * may attach, asked at each upload. Without it, files this device holds are served and the
         * default limit applies.
         */
        public Builder attachments(AttachmentStore attachments, AttachmentFetcher fetcher, LongSupplier limit) {
            config.attachments = Objects.requireNonNull(attachments, "attachments");
            config.fetcher = fetcher;
            config.attachmentLimit = Objects.requireNonNull(limit, "limit");
            return this;
        }

        /**
         * The calendars this device subscribed to, whose events the page's Agenda and Week show beside the todos
         * (docs/CALENDARS.md); without them the page shows no events.
         */
        public Builder events(EventStore events) {
            config.events = events;
            return this;
        }

        public Builder store(TodoStore store) {
            config.store = store;
            return this;
        }

        /** Where the paired browsers are kept (owner-only, in the data dir). */
        public Builder settings(SettingsStore settings) {
            config.settings = settings;
            return this;
        }

        public Builder deviceName(String name) {
            config.deviceName = name;
            return this;
        }

        /** Where to listen; port 0 picks a free one. */
        public Builder listen(String host, int port) {
            config.host = host;
            config.port = port;
            return this;
        }

        /**
         * The host name the page's address shows (a DNS name, a Tailscale name) instead of the listening
         * address; with {@link #behindProxy} the address is {@code https://NAME/}, the proxy's.
         */
        public Builder publicHost(String host) {
            config.publicHost = host;
            return this;
        }

        /**
         * The server is reached through a reverse proxy on this machine: a connection from loopback is
         * the proxy's, and the client is the last address of its {@code X-Forwarded-For}. Without it
         * the header is ignored (anyone could write it).
         */
        public Builder behindProxy(boolean behindProxy) {
            config.behindProxy = behindProxy;
            return this;
        }

        /**
         * Whether the server is advertised over mDNS while it listens on a LAN address (true unless
         * told): a service "Tandem on DEVICE" and this machine's {@code .local} name.
         */
        public Builder mdns(boolean mdns) {
            config.mdns = mdns;
            return this;
        }

        /** Serves HTTPS with the certificate and key in this PKCS#12 file. */
        public Builder tls(Path keyStore, String password) {
            config.keyStore = keyStore;
            config.keyStorePassword = password;
            return this;
        }

        /** The ids of the lists shared with other people, asked each time a page asks. */
        public Builder sharedLists(Supplier<Set<String>> sharedLists) {
            config.sharedLists = sharedLists;
            return this;
        }

        /**
         * The language the serving process was told to speak ({@code --lang}, {@code TANDEM_LANG}): the page's
         * words then, unless the profile chose one; null (the default) lets each browser's {@code Accept-Language}
         * decide.
         */
        public Builder language(Language language) {
            config.language = language;
            return this;
        }

        public Builder clock(Clock clock) {
            config.clock = clock;
            return this;
        }

        public WebServer build() {
            config.check();
            return new WebServer(this);
        }
    }

    /** The certificate's SHA-256 fingerprint, for the pairing screen; empty without TLS. */
    public Optional<String> fingerprint() {
        return config.fingerprint();
    }
}
