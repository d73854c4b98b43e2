/**
 * Tandem's engine: an embedded reactive store on SQLite with a per-attribute changelog, and sync
 * through storage the user owns. Only the API packages are exported; everything under
 * {@code dev.tandem.engine.internal} may change without notice.
 */
module dev.tandem.engine {
    requires java.sql;
    // WebDAV listings (PROPFIND answers) are read with the JDK's StAX parser.
    requires java.xml;
    // A read's budget counts the reading thread's CPU time (QueryBudget.workNanos).
    requires java.management;
    requires org.xerial.sqlitejdbc;
    requires com.zaxxer.hikari;
    requires msgpack.core;
    requires io.github.javadiffutils;
    // Argon2id, the memory-hard KDF the JDK lacks, for the remote's passphrase (internal.keys).
    requires org.bouncycastle.provider;
    requires software.amazon.awssdk.services.s3;
    requires software.amazon.awssdk.core;
    requires software.amazon.awssdk.auth;
    requires software.amazon.awssdk.regions;
    requires software.amazon.awssdk.awscore;
    requires software.amazon.awssdk.http.apache5;
    requires software.amazon.awssdk.http;
    requires software.amazon.awssdk.retries.api;
    // Apache HttpClient 5: the WebDAV client (internal.dav) and the TLS strategies of internal.http.
    requires org.apache.httpcomponents.client5.httpclient5;
    requires org.apache.httpcomponents.core5.httpcore5;
    // HttpClient 5 sets TCP keep-alive options through jdk.net.Sockets; an automatic module declares
    // nothing, so without this the app started as a module (javafx:run) fails at its first request.
    requires jdk.net;

    exports dev.tandem.engine;
    exports dev.tandem.engine.sync;
    exports dev.tandem.engine.caldav;
}
