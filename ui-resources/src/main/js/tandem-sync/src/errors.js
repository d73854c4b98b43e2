/**
 * The one error family of the sync core, as the engine's SyncException: every failure carries a
 * reason that says what it means and whether a retry can help. A remote object that is not a valid
 * Tandem object is a FormatError (reason CORRUPT), named by its class so callers and tests can tell
 * it apart; the message names the object, as the engine's do.
 */
export const Reason = Object.freeze({
  CORRUPT: 'CORRUPT',
  UNSUPPORTED_FORMAT: 'UNSUPPORTED_FORMAT',
  WRONG_PASSPHRASE: 'WRONG_PASSPHRASE',
  PASSPHRASE_REQUIRED: 'PASSPHRASE_REQUIRED',
  ENCRYPTION_MISMATCH: 'ENCRYPTION_MISMATCH',
  REMOTE_BUSY: 'REMOTE_BUSY',
  SERVER_INCONSISTENT: 'SERVER_INCONSISTENT',
  SERVER_FAULT: 'SERVER_FAULT',
  AUTH: 'AUTH',
  NOT_FOUND: 'NOT_FOUND',
  IO: 'IO',
  NETWORK: 'NETWORK',
  NO_CONDITIONAL_WRITES: 'NO_CONDITIONAL_WRITES',
});

/** Reasons a retry can cure, as the engine's SyncException.Reason.retryable(). */
const RETRYABLE = new Set([Reason.REMOTE_BUSY, Reason.SERVER_INCONSISTENT, Reason.IO, Reason.NETWORK]);

export class SyncError extends Error {
  constructor(reason, message, options) {
    super(message, options);
    this.name = 'SyncError';
    this.reason = reason;
  }

  get retryable() {
    return RETRYABLE.has(this.reason);
  }
}

/** A remote object that is not a valid Tandem object: always CORRUPT, never retried. */
export class FormatError extends SyncError {
  constructor(message, options) {
    super(Reason.CORRUPT, message, options);
    this.name = 'FormatError';
  }
}

/** A newer Tandem wrote it: "update Tandem", never corrupt. */
export class UnsupportedFormatError extends SyncError {
  constructor(message, options) {
    super(Reason.UNSUPPORTED_FORMAT, message, options);
    this.name = 'UnsupportedFormatError';
  }
}

/** The passphrase (or recovery key) does not open the keyring. */
export class WrongPassphraseError extends SyncError {
  constructor(message, options) {
    super(Reason.WRONG_PASSPHRASE, message, options);
    this.name = 'WrongPassphraseError';
  }
}

/**
 * An attachment's object on the remote is not the file its row names: larger than the row says,
 * cut short, altered (a chunk's tag fails) or of other content (its SHA-256 is not the blob's id).
 * CORRUPT; nothing of it is kept.
 */
export class DamagedAttachmentError extends FormatError {
  constructor(message, options) {
    super(message, options);
    this.name = 'DamagedAttachmentError';
  }
}

/**
 * The remote lists this device as retired (unseen too long, or forgotten by hand): the others no
 * longer wait for it, so deleted items it never saw deleted may be forgotten everywhere, and its
 * changes made before could bring them back half made. The sync stops before anything is read or
 * written, and the device's state stays as it is. The desktop re-joins under a new id; here the
 * device is started anew (or its changes carried over by a desktop device).
 */
export class RetiredDeviceError extends SyncError {
  constructor(message, options) {
    super(Reason.SERVER_INCONSISTENT, message, options);
    this.name = 'RetiredDeviceError';
  }
}
