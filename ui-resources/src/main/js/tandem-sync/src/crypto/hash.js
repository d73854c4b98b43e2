/** HMAC-SHA256 and SHA-256 through WebCrypto. */
const subtle = globalThis.crypto.subtle;
const UTF8 = new TextEncoder();

export async function hmac(key, message) {
  const data = typeof message === 'string' ? UTF8.encode(message) : message;
  const k = await subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await subtle.sign('HMAC', k, data));
}

export async function sha256(data) {
  return new Uint8Array(await subtle.digest('SHA-256', data));
}

export function toHex(bytes) {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}

