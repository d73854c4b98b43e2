/*
 * What the page knows that more than one part reads: the session and its CSRF token, the sidebar, the
 * route, and whether the server is reachable (writable is false while showing answers the service worker kept).
 */
export const state = {
  csrf: null,
  session: null,
  sidebar: null,
  route: { v: 'inbox', q: '', w: '', item: null },
  online: true,
  writable: true,       // false while showing answers the service worker kept (offline)
  renameSoon: false,    // This browser opens with its name's field focused (asked from the message after pairing)
  untrusted: false,     // the browser refused the service worker over HTTPS: it does not trust the certificate
};
