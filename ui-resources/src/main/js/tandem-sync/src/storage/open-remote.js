import { FolderStorage } from './folder.js';
import { S3Storage } from './s3.js';
import { WebDavStorage } from './webdav.js';
import { PrefixedStorage } from './prefixed.js';
import { EncryptedStorage } from './encrypted.js';

/**
 * A remote as the command line and tests name it: {kind: 'folder', dir}, {kind: 's3', endpoint, bucket,
 * prefix, region, accessKey, secretKey, addressing}, {kind: 'webdav', url, user, password}; with a
 * passphrase (or a recovery key) encrypted above the prefix, as the engine layers them. Returns
 * {storage, plain, encrypted, address}: address identifies the remote in a device's sync state.
 */
export function openRemote(spec, { secret = null, deviceName, clock } = {}) {
  let plain;
  let address;
  if (spec.kind === 'folder') {
    plain = new FolderStorage(spec.dir);
    address = plain.describe();
  } else if (spec.kind === 's3') {
    plain = new S3Storage(spec);
    address = 's3://' + spec.bucket + (spec.endpoint ? '@' + spec.endpoint : '');
    if (spec.prefix) {
      plain = new PrefixedStorage(plain, spec.prefix);
      address += '/' + spec.prefix;
    }
  } else if (spec.kind === 'webdav') {
    plain = new WebDavStorage(spec);
    address = 'webdav:' + plain.base;
  } else {
    throw new TypeError('remote: folder, s3 or webdav, not ' + spec.kind);
  }
  const storage = secret ? new EncryptedStorage(plain, secret, { deviceName, clock }) : plain;
  return { storage, plain, encrypted: secret != null, address };
}
