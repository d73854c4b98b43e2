import { SyncError, Reason } from '../errors.js';
import { MAX_OBJECT_BYTES } from '../wire/limits.js';
import { describeName, isValidName, tooLarge, validateMaxNames, validateName, validatePrefix } from './names.js';
import { bodyChunks, open, send, settle, statusError } from './http.js';
import { THRESHOLD, uploadInParts } from './s3-multipart.js';
import { sign, uriEncode } from './sigv4.js';
import { elements, first, decodeXmlText } from './xml.js';
import { equalBytes } from '../crypto/aead.js';

/**
 * A bucket on AWS or any S3-compatible service over fetch, signed with SigV4 (sigv4.js), path-style
 * (https://endpoint/bucket/key, what the engine uses) or virtual-host (https://bucket.endpoint/key).
 * Create-if-absent is a PUT with If-None-Match: *, which the service answers 412 when the name is
 * taken; a 412 after a retry is ambiguous (the first attempt may have stored it and only its answer
 * got lost), so then the stored bytes are compared with ours; 501 means the service cannot write
 * conditionally, NO_CONDITIONAL_WRITES, before devices could overwrite each other. Listings are
 * ListObjectsV2 with start-after; foreign keys are skipped; a page is sorted, as some servers list in
 * their file system's order. A GET larger than any Tandem object is refused before its body is read.
 *
 * <p>Options: {endpoint (null for AWS), bucket, region, accessKey, secretKey, addressing: 'path' |
 * 'virtual', fetch}.
 */
const MAX_PAGE = 1000;
const MAX_LISTING = 16 << 20;
const ATTEMPTS = 3;

export class S3Storage {
  constructor({ endpoint = null, bucket, region = 'us-east-1', accessKey, secretKey, addressing = 'path',
    fetch: fetchImpl = globalThis.fetch } = {}) {
    if (!bucket) throw new TypeError('bucket: must not be empty');
    if (!accessKey || !secretKey) throw new TypeError('accessKey and secretKey: S3 needs both');
    this.endpoint = (endpoint ?? 'https://s3.' + region + '.amazonaws.com').replace(/\/+$/, '');
    if (!/^https?:\/\//.test(this.endpoint)) throw new TypeError('endpoint: must be an http(s) URL, was ' + endpoint);
    this.bucket = bucket;
    this.region = region;
    this.accessKey = accessKey;
    this.secretKey = secretKey;
    this.addressing = addressing;
    this.fetch = fetchImpl;
  }

  describe() {
    return 's3://' + this.bucket + (this.endpoint.endsWith('amazonaws.com') ? '' : ' at ' + this.endpoint);
  }

  url(key, query = '') {
    const e = new URL(this.endpoint);
    const path = key == null ? '' : uriEncode(key, true);
    const base = this.addressing === 'virtual'
      ? e.protocol + '//' + this.bucket + '.' + e.host + (e.pathname === '/' ? '' : e.pathname) + '/' + path
      : this.endpoint + '/' + this.bucket + '/' + path;
    return base + (query ? '?' + query : '');
  }

  async request(method, key, { query = '', headers = {}, body = null, maxBody = MAX_LISTING, what, payloadHash = null }) {
    let last = null;
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      const url = this.url(key, query);
      const signed = await sign({ method, url, headers, body, region: this.region, accessKey: this.accessKey,
        secretKey: this.secretKey, payloadHash });
      try {
        const r = await send(this.fetch, url, { method, headers: signed, body }, maxBody, what);
        if (r.status >= 500 || r.status === 429 || r.status === 408) {
          last = statusError(this.describe(), what, r);
          continue;
        }
        r.attempt = attempt;
        return r;
      } catch (e) {
        if (!(e instanceof SyncError) || e.reason !== Reason.NETWORK) throw e;
        last = e;
      }
    }
    throw last;
  }

  async list(prefix, startAfter, maxNames) {
    const p = validatePrefix(prefix);
    validateMaxNames(maxNames);
    let after = startAfter == null || startAfter === '' ? null : startAfter;
    const what = p === '' ? 'list keys' : 'list keys under ' + describeName(p);
    for (;;) {
      const q = new URLSearchParams({ 'list-type': '2', 'max-keys': String(Math.min(maxNames, MAX_PAGE)) });
      if (p) q.set('prefix', p);
      if (after != null) q.set('start-after', after);
      const r = await this.request('GET', null, { query: q.toString().replace(/\+/g, '%20'), what });
      if (r.status !== 200 || r.body == null) throw this.fail(what, r);
      const xml = new TextDecoder().decode(r.body);
      const keys = elements(xml, 'Contents').map((c) => first(c, 'Key')).filter((k) => k != null);
      const names = keys.filter((k) => isValidName(k) && k.startsWith(p)).sort();
      const truncated = first(xml, 'IsTruncated') === 'true';
      if (names.length > 0 || !truncated || keys.length === 0) return names.slice(0, maxNames);
      after = keys[keys.length - 1];
    }
  }

  fail(what, r) {
    if (r.body == null && r.tooLarge) {
      return new SyncError(Reason.SERVER_FAULT, 'Cannot ' + what + ' in ' + this.describe() + ': the answer is larger'
        + ' than any listing');
    }
    if (r.status === 404) {
      return new SyncError(Reason.NOT_FOUND, 'Cannot ' + what + ': the bucket ' + this.bucket + ' does not exist at '
        + this.endpoint);
    }
    return statusError(this.describe(), what, r);
  }

  async get(name, maxBytes = MAX_OBJECT_BYTES) {
    validateName(name);
    const what = "get '" + name + "'";
    const r = await this.request('GET', name, { maxBody: maxBytes, what });
    if (r.status === 404) {
      const code = r.body ? first(new TextDecoder().decode(r.body), 'Code') : null;
      if (code === 'NoSuchBucket') throw this.fail(what, r);
      return null;
    }
    if (r.status === 200 && r.body == null) {
      throw tooLarge(name, this.describe(), r.tooLarge, maxBytes);
    }
    if (r.status !== 200) throw this.fail(what, r);
    return r.body;
  }

  async createIfAbsent(name, data) {
    validateName(name);
    const what = "write '" + name + "'";
    const r = await this.request('PUT', name, { headers: { 'if-none-match': '*', 'content-type':
      'application/octet-stream' }, body: data, maxBody: 1 << 20, what });
    if (r.status === 200) return true;
    if (r.status === 412 || r.status === 409) {
      if (r.attempt > 1) {
        const stored = await this.get(name);
        return stored != null && equalBytes(stored, data);
      }
      return false;
    }
    if (r.status === 501) {
      throw new SyncError(Reason.NO_CONDITIONAL_WRITES, 'Cannot write ' + describeName(name) + ' to ' + this.describe()
        + ': the service does not implement If-None-Match on PUT, so devices syncing at the same time could'
        + ' overwrite each other (HTTP 501)');
    }
    throw this.fail(what, r);
  }

  /**
   * A GET whose body is read piece by piece (Node streaming of attachments): null when absent, else
   * {length, chunks}; an object declared or found larger than {@code maxBytes} throws tooLarge.
   */
  async openRead(name, maxBytes) {
    validateName(name);
    const what = "get '" + name + "'";
    let last = null;
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      const url = this.url(name);
      const signed = await sign({ method: 'GET', url, headers: {}, body: null, region: this.region,
        accessKey: this.accessKey, secretKey: this.secretKey });
      let r;
      try {
        r = await open(this.fetch, url, { method: 'GET', headers: signed }, what);
      } catch (e) {
        if (!(e instanceof SyncError) || e.reason !== Reason.NETWORK) throw e;
        last = e;
        continue;
      }
      if (r.status === 200) {
        const declared = Number(r.headers.get('content-length') ?? -1);
        if (declared > maxBytes) {
          await r.body?.cancel().catch(() => {});
          throw tooLarge(name, this.describe(), declared, maxBytes);
        }
        const where = this.describe();
        return { length: declared, chunks: () => bodyChunks(r, maxBytes, (n) => tooLarge(name, where, n, maxBytes), what) };
      }
      const answer = await settle(r, 1 << 20, what);
      if (answer.status === 404) {
        const code = answer.body ? first(new TextDecoder().decode(answer.body), 'Code') : null;
        if (code === 'NoSuchBucket') throw this.fail(what, answer);
        return null;
      }
      if (answer.status >= 500 || answer.status === 429 || answer.status === 408) {
        last = statusError(this.describe(), what, answer);
        continue;
      }
      throw this.fail(what, answer);
    }
    throw last;
  }

  /**
   * createIfAbsent of a streamed body {length, open: () => async iterable, sha256: its hex digest or
   * null}: one PUT whose body is sent as it is read, fully signed (the digest computed by a first
   * pass when not given), as the engine signs bodies for services other than AWS; over
   * {@link THRESHOLD} in parts (s3-multipart.js).
   */
  async createIfAbsentFrom(name, body) {
    validateName(name);
    const what = "write '" + name + "'";
    if (body.length > THRESHOLD) return uploadInParts(this, name, body, what);
    const hash = body.sha256 ?? await digestOf(body.open());
    let last = null;
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      const url = this.url(name);
      const headers = { 'if-none-match': '*', 'content-type': 'application/octet-stream',
        'content-length': String(body.length) };
      const signed = await sign({ method: 'PUT', url, headers, body: null, payloadHash: hash, region: this.region,
        accessKey: this.accessKey, secretKey: this.secretKey });
      let r;
      try {
        // Each piece copied: the source may hand out one buffer again and again.
        const pieces = (async function* () {
          for await (const piece of body.open()) yield piece.slice();
        })();
        r = await settle(await open(this.fetch, url, { method: 'PUT', headers: signed,
          body: ReadableStream.from(pieces), duplex: 'half' }, what), 1 << 20, what);
      } catch (e) {
        if (!(e instanceof SyncError) || e.reason !== Reason.NETWORK) throw e;
        last = e;
        continue;
      }
      if (r.status >= 500 || r.status === 429 || r.status === 408) {
        last = statusError(this.describe(), what, r);
        continue;
      }
      if (r.status === 200) return true;
      if (r.status === 412 || r.status === 409) {
        if (attempt === 1) return false;
        const stored = await this.openRead(name, body.length);
        return stored != null && (await digestOf(stored.chunks())) === hash;
      }
      if (r.status === 501) {
        throw new SyncError(Reason.NO_CONDITIONAL_WRITES, 'Cannot write ' + describeName(name) + ' to ' + this.describe()
          + ': the service does not implement If-None-Match on PUT (HTTP 501)');
      }
      throw this.fail(what, r);
    }
    throw last;
  }

  async overwrite(name, data) {
    validateName(name);
    const what = "write '" + name + "'";
    const r = await this.request('PUT', name, { headers: { 'content-type': 'application/octet-stream' }, body: data,
      maxBody: 1 << 20, what });
    if (r.status !== 200) throw this.fail(what, r);
    return r.headers.get('etag') ?? this.version(name);
  }

  /** The marker's version: its ETag, or 'missing'. */
  async version(name) {
    validateName(name);
    const what = "check '" + name + "'";
    const r = await this.request('HEAD', name, { maxBody: 0, what });
    if (r.status === 404) return 'missing';
    if (r.status !== 200) throw this.fail(what, r);
    return r.headers.get('etag') ?? 'unknown';
  }

  async delete(name) {
    validateName(name);
    const what = "delete '" + name + "'";
    const r = await this.request('DELETE', name, { maxBody: 1 << 20, what });
    if (r.status !== 204 && r.status !== 200 && r.status !== 404) throw this.fail(what, r);
  }

  /** S3 has no folders. */
  async removeFolder(folder) {
    validateName(folder.slice(0, -1));
  }
}

export { decodeXmlText };

/** The SHA-256 in hex of a stream's bytes, piece by piece (Node). */
async function digestOf(chunks) {
  const { createHash } = await import('node:crypto');
  const h = createHash('sha256');
  for await (const piece of chunks) h.update(piece);
  return h.digest('hex');
}
