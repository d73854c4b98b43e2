import { hmac, sha256, toHex } from '../crypto/hash.js';

/**
 * AWS Signature Version 4 for S3 (any S3-compatible endpoint), with WebCrypto's HMAC-SHA256 and
 * SHA-256: the canonical request (path segments and query URI-encoded as S3 wants, headers sorted,
 * the payload's SHA-256), the string to sign over the date/region/service scope, and the signing key
 * derived by the HMAC chain. Returns the headers to send.
 */
const UTF8 = new TextEncoder();

export function uriEncode(s, keepSlash) {
  let out = '';
  for (const b of UTF8.encode(s)) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-._~]/.test(c) || (keepSlash && c === '/')) out += c;
    else out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

export async function sign({ method, url, headers = {}, body, region, accessKey, secretKey, now = new Date(),
  payloadHash: given = null }) {
  const u = new URL(url);
  const amzDate = now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const date = amzDate.slice(0, 8);
  // A streamed body's hash is given (computed beforehand, or the blob's id); never read here.
  const payloadHash = given ?? toHex(await sha256(body ?? new Uint8Array(0)));
  const all = { ...Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), String(v).trim()])),
    host: u.host, 'x-amz-content-sha256': payloadHash, 'x-amz-date': amzDate };
  const names = Object.keys(all).sort();
  const canonicalHeaders = names.map((n) => n + ':' + all[n] + '\n').join('');
  const signedHeaders = names.join(';');
  const query = [...u.searchParams].map(([k, v]) => [uriEncode(k, false), uriEncode(v, false)])
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : 1)).map(([k, v]) => k + '=' + v).join('&');
  const path = uriEncode(decodeURIComponent(u.pathname), true);
  const canonical = [method, path, query, canonicalHeaders, signedHeaders, payloadHash].join('\n');
  const scope = date + '/' + region + '/s3/aws4_request';
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, toHex(await sha256(UTF8.encode(canonical)))].join('\n');
  let key = await hmac(UTF8.encode('AWS4' + secretKey), date);
  key = await hmac(key, region);
  key = await hmac(key, 's3');
  key = await hmac(key, 'aws4_request');
  const signature = toHex(await hmac(key, toSign));
  const out = { ...headers, 'x-amz-content-sha256': payloadHash, 'x-amz-date': amzDate,
    authorization: 'AWS4-HMAC-SHA256 Credential=' + accessKey + '/' + scope + ', SignedHeaders=' + signedHeaders
      + ', Signature=' + signature };
  return out;
}
