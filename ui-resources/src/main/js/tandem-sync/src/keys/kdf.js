import { argon2id } from 'hash-wasm';
import { SyncError, Reason } from '../errors.js';
import { hmac } from '../crypto/hash.js';
import { javaUtf8 } from '../wire/msgpack.js';
import { concat } from '../crypto/aead.js';

/**
 * How a key-encryption key is made (the engine's keys.Kdf): Argon2id for a passphrase (hash-wasm's,
 * RFC 9106, version 0x13), HKDF-SHA256 for a recovery key. {@link checkKdf} bounds a slot's
 * parameters before anything is derived, exactly as the engine does, so a hostile keyring can neither
 * make guessing cheap nor make this device allocate gigabytes or spin for minutes.
 */
export const HKDF_SHA256 = 0;
export const ARGON2ID = 2;
export const ENCODED_LENGTH = 10;
export const DEFAULT_KDF = Object.freeze({ id: ARGON2ID, cost: 3, memoryKiB: 64 * 1024, parallelism: 4 });
export const RECOVERY_KDF = Object.freeze({ id: HKDF_SHA256, cost: 0, memoryKiB: 0, parallelism: 0 });
const MIN_MEMORY_TIMES_PASSES = 19 * 1024 * 2;
const MIN_MEMORY_KIB = 19 * 1024;
const MAX_MEMORY_KIB = 256 * 1024;
const MAX_PASSES = 16;
const MAX_LANES = 16;

export function checkKdf(id, cost, memoryKiB, parallelism, where) {
  let ok;
  if (id === HKDF_SHA256) {
    ok = cost === 0 && memoryKiB === 0 && parallelism === 0;
  } else if (id === ARGON2ID) {
    ok = cost >= 1 && cost <= MAX_PASSES && memoryKiB >= MIN_MEMORY_KIB && memoryKiB <= MAX_MEMORY_KIB
      && memoryKiB * cost >= MIN_MEMORY_TIMES_PASSES && parallelism >= 1 && parallelism <= MAX_LANES;
  } else {
    throw new SyncError(Reason.UNSUPPORTED_FORMAT, where + ' uses key derivation ' + id
      + ', which this Tandem does not know');
  }
  if (!ok) {
    throw new SyncError(Reason.CORRUPT, where + ' is damaged or was tampered with (key derivation ' + id + ' with '
      + cost + ' passes, ' + memoryKiB + ' KiB, ' + parallelism + ' lanes)');
  }
  return { id, cost, memoryKiB, parallelism };
}

export function sameKdf(a, b) {
  return a.id === b.id && a.cost === b.cost && a.memoryKiB === b.memoryKiB && a.parallelism === b.parallelism;
}

/** The passphrase as Argon2id reads it: NFC, then UTF-8 as Java writes it. */
export function passphraseBytes(passphrase) {
  return javaUtf8(passphrase.normalize('NFC'));
}

let passphraseRuns = 0;

/** How many Argon2id derivations ran in this process: the slow step. */
export function argonRuns() {
  return passphraseRuns;
}

/** Argon2id of the passphrase with the slot's parameters; 32 bytes. */
export async function fromPassphrase(kdf, passphrase, salt) {
  if (kdf.id !== ARGON2ID) {
    throw new Error('a passphrase slot uses Argon2id, not KDF ' + kdf.id);
  }
  passphraseRuns++;
  return argon2id({ password: passphraseBytes(passphrase), salt, parallelism: kdf.parallelism,
    iterations: kdf.cost, memorySize: kdf.memoryKiB, hashLength: 32, outputType: 'binary' });
}

/** HKDF-SHA256 (RFC 5869) of a recovery key's 16 bytes with the slot's salt; one 32-byte block. */
export async function fromRecoveryKey(kdf, secret, salt) {
  if (kdf.id !== HKDF_SHA256) {
    throw new Error('a recovery slot uses HKDF, not KDF ' + kdf.id);
  }
  const prk = await hmac(salt, secret);
  return expand(prk, 'tandem recovery key v1');
}

/** HKDF-Expand for one block: HMAC-SHA256(prk, info || 0x01). */
export async function expand(prk, info) {
  return hmac(prk, concat(new TextEncoder().encode(info), new Uint8Array([1])));
}

export function writeKdf(out, at, kdf) {
  const v = new DataView(out.buffer, out.byteOffset);
  out[at] = kdf.id;
  v.setInt32(at + 1, kdf.cost);
  v.setInt32(at + 5, kdf.memoryKiB);
  out[at + 9] = kdf.parallelism;
}
