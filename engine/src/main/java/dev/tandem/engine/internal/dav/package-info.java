/**
 * The WebDAV protocol client: one connection pool to one server sending DAV requests ({@link
 * dev.tandem.engine.internal.dav.DavClient}, answered as a {@link
 * dev.tandem.engine.internal.dav.DavResponse}), PROPFIND multistatus answers read as hostile XML
 * ({@code Multistatus}), and a server's refusals in the user's words ({@code DavErrors}). It stands
 * on the HTTP plumbing of {@code internal.http} (proxies, TLS, network faults) and the API's
 * settings and errors; WebDAV storage ({@code internal.storage}) and CalDAV ({@code
 * internal.caldav}) use it.
 */
package dev.tandem.engine.internal.dav;
