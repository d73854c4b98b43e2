/**
 * The HTTP plumbing every HTTP remote shares, below any protocol: which proxy a remote is reached
 * through ({@link dev.tandem.engine.internal.http.Proxies}), what a network fault on the way means
 * in the user's words ({@link dev.tandem.engine.internal.http.NetworkErrors}), and the TLS set up
 * only when a connection asks for it, with the JDK's trust ({@code LazyTls}, for S3) or with one
 * certificate the user trusted on purpose as well ({@code PinnedTls}, for WebDAV). It may use only
 * the API's {@code SyncException} and the HTTP client. S3 storage ({@code internal.storage}) and
 * the WebDAV client ({@code internal.dav}) use it, and CalDAV may.
 */
package dev.tandem.engine.internal.http;
