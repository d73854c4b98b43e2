/**
 * The desktop app and its command line. It reaches the engine only through the engine module's
 * exported API: {@code dev.tandem.engine.internal} is not readable from here.
 */
module dev.tandem.app {
    requires dev.tandem.engine;
    requires dev.tandem.ui;
    requires javafx.controls;
    requires javafx.swing;
    requires org.controlsfx.controls;
    requires org.kordamp.ikonli.core;
    requires org.kordamp.ikonli.javafx;
    requires org.kordamp.ikonli.materialdesign2;
    requires org.xerial.sqlitejdbc;
    requires java.management;
    requires java.logging;
    // Subscribed calendar feeds (dev.tandem.app.feeds): conditional GETs with a capped body.
    requires java.net.http;
    // Import and export formats (dev.tandem.app.transfer).
    requires ical4j.core;
    requires org.apache.commons.csv;
    requires org.snakeyaml.engine.v2;
    requires org.apache.commons.compress;
    requires com.fasterxml.jackson.core;
    // Line diffs of text conflicts.
    requires io.github.javadiffutils;
    // Notes rendered as Markdown.
    requires org.commonmark;
    requires org.commonmark.ext.gfm.tables;
    // The web companion (dev.tandem.app.web): Jetty 12's core server, ZXing for the pairing QR code.
    requires org.eclipse.jetty.server;
    requires com.google.zxing;
    // Its advertisement on the local network (mDNS); javax.jmdns is JmDNS's automatic module name.
    requires javax.jmdns;
    // Its self-signed certificate: X.509 building, which the JDK has no public API for.
    requires org.bouncycastle.pkix;
    requires org.bouncycastle.provider;
    // `tandem mcp` (dev.tandem.app.mcp): the official MCP Java SDK, whose sessions answer with Reactor's Mono.
    requires io.modelcontextprotocol.sdk.mcp;
    requires reactor.core;
    // Reminders as desktop notifications while no window is open (dev.tandem.app.agent): D-Bus on Linux.
    requires org.freedesktop.dbus;

    // JavaFX instantiates the Application subclass reflectively.
    exports dev.tandem.app to javafx.graphics;
    // The engine maps these records to rows reflectively.
    opens dev.tandem.app.model to dev.tandem.engine;
    opens dev.tandem.app.transfer to dev.tandem.engine;
    // dbus-java proxies the notification interface and builds its signals reflectively.
    opens dev.tandem.app.agent to org.freedesktop.dbus;
}
