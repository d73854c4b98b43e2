import { SyncError, Reason } from '../errors.js';
import { hmac, toHex } from '../crypto/hash.js';
import { randomBytes } from '../crypto/aead.js';

/**
 * Where an attachment lives and its key (the engine's BlobKeys). Plain remote: blobs/data/<id>.
 * Encrypted remote: each generation is a random 32-byte secret at blobs/keys/<n>, an ordinary
 * encrypted object; under it a file's name is blobs/data/ + hex(HMAC(HMAC(g, "tandem blob name"), id))
 * and its key HMAC(HMAC(g, "tandem blob key"), id). Generations are never deleted; a download tries
 * them newest first.
 */
export const KEYS = 'blobs/keys/';
export const DATA = 'blobs/data/';

export function plainBlobName(id) {
  return DATA + id;
}

export async function blobName(secret, id) {
  return DATA + toHex(await hmac(await hmac(secret, 'tandem blob name'), id));
}

export async function blobKey(secret, id) {
  return hmac(await hmac(secret, 'tandem blob key'), id);
}

function checkSecret(name, secret) {
  if (secret.length !== 32) {
    throw new SyncError(Reason.CORRUPT, name + ' on the remote is not an attachment key (' + secret.length
      + ' bytes instead of 32)');
  }
}

export class BlobKeys {
  /** {@code keys}: the remote's encrypting storage, which holds the generations. */
  constructor(keys) {
    this.keys = keys;
    this.known = null;
  }

  /** The generations, newest first: [{number, secret}]. */
  async generations() {
    if (this.known == null) {
      const out = [];
      let after = null;
      for (;;) {
        const page = await this.keys.list(KEYS, after, 1000);
        for (const name of page) {
          const tail = name.slice(KEYS.length);
          if (!/^[0-9]{1,9}$/.test(tail)) continue;
          const secret = await this.keys.get(name);
          if (secret != null) {
            checkSecret(name, secret);
            out.push({ number: Number(tail), secret });
          }
        }
        if (page.length < 1000) break;
        after = page[page.length - 1];
      }
      this.known = out.sort((a, b) => b.number - a.number);
    }
    return this.known;
  }

  /** The generation of data key {@code keyId}, made now when the remote has none yet. */
  async current(keyId) {
    const found = (await this.generations()).find((g) => g.number === keyId);
    if (found) return found;
    let secret = randomBytes(32);
    const name = KEYS + keyId;
    if (!(await this.keys.createIfAbsent(name, secret))) {
      secret = await this.keys.get(name);
      if (secret == null) {
        throw new SyncError(Reason.SERVER_INCONSISTENT, 'The remote refused to create ' + name
          + ' as it exists, then did not show it');
      }
    }
    checkSecret(name, secret);
    this.known = null;
    return { number: keyId, secret };
  }
}
