/*
 * The "Add a phone" link (docs/WEB.md, "Adding a phone with a QR code"): the desktop puts the remote and its
 * credential in the fragment as #join= then base64url of compact JSON, version 1:
 * {"v":1,"k":"s3","e":endpoint,"b":bucket,"p":prefix,"r":region,"a":accessKey,"s":secretKey} or
 * {"v":1,"k":"webdav","u":url,"n":user,"w":password} (dev.tandem.app.sync.JoinLink). Never the passphrase.
 *
 * The fragment is outside data: it is taken out of the address bar before anything else (so it is not kept in
 * history), bounded before decoding, and only strings of known fields come out, which the join screen puts in its
 * fields as values (never markup). Anything else is refused whole: a sentence and the empty join screen.
 */

/** The page reads no longer fragment (JoinLink.MAX_FRAGMENT). */
export const JOIN_FRAGMENT_MAX = 4096;
const FIELD_MAX = 1024;
const S3 = { e: 'endpoint', b: 'bucket', p: 'prefix', r: 'region', a: 'accessKey', s: 'secretKey' };
const WEBDAV = { u: 'url', n: 'user', w: 'password' };

/** An http(s) address, or refused. */
function httpUrl(s) {
  let u;
  try { u = new URL(s); } catch { throw new Error('not an address'); }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('not an http(s) address');
  return s;
}

/**
 * The remote in a #join= payload, as the join screen's fields take it ({ kind, endpoint, … }); throws for
 * anything but a version-1 link of the right shape.
 */
export function parseJoinPayload(payload) {
  if (typeof payload !== 'string' || payload.length > JOIN_FRAGMENT_MAX) throw new Error('too long');
  if (!/^[A-Za-z0-9_-]+$/.test(payload)) throw new Error('not base64url');
  const b64 = payload.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const text = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bin, (ch) => ch.charCodeAt(0)));
  const o = JSON.parse(text);
  if (!o || typeof o !== 'object' || Array.isArray(o)) throw new Error('not an object');
  if (o.v !== 1) throw new Error('unknown version');
  const names = o.k === 's3' ? S3 : o.k === 'webdav' ? WEBDAV : null;
  if (!names) throw new Error('unknown kind');
  const remote = { kind: o.k };
  for (const [short, name] of Object.entries(names)) {
    if (!Object.prototype.hasOwnProperty.call(o, short)) { remote[name] = ''; continue; }
    const v = o[short];
    if (typeof v !== 'string' || v.length > FIELD_MAX) throw new Error('field ' + short + ' is not a short text');
    remote[name] = v;
  }
  if (remote.kind === 's3') {
    if (!remote.bucket) throw new Error('no bucket');
    if (remote.endpoint) httpUrl(remote.endpoint);
  } else {
    httpUrl(remote.url);
  }
  return remote;
}

/**
 * Reads #join=… and takes the fragment out of the address bar at once. null when there is none;
 * { remote } for a good one, { refused: true } for any other.
 */
export function joinFromFragment() {
  const hash = location.hash;
  if (!/^#join=/.test(hash)) return null;
  history.replaceState(null, '', location.pathname + location.search);
  try {
    return { remote: parseJoinPayload(hash.slice('#join='.length)) };
  } catch {
    return { refused: true };
  }
}
