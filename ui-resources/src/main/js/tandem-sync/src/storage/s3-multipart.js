import { SyncError, Reason } from '../errors.js';
import { rechunk } from './pieces.js';
import { first } from './xml.js';

/**
 * A streamed body over {@link THRESHOLD} goes to S3 in parts, as the engine's S3Multipart: services
 * in front of a disk take less than S3's 5 GB in one request (S3Proxy refuses a signed body over
 * 128 MiB). The order: create the upload; send parts of {@link PART} bytes one at a time, in their
 * numbers' order, each fully signed and retried by the storage's request; complete with
 * If-None-Match: *, so the service refuses to complete over an object another writer finished
 * meanwhile (412: false, as for one PUT). A part or completion that fails aborts the upload.
 * Memory: one part. Not done here (the engine does): aborting uploads a killed writer left behind,
 * and two parts in flight.
 */
export const THRESHOLD = 64 << 20;
export const PART = 8 << 20;

export async function uploadInParts(s3, name, body, what) {
  const { createHash } = await import('node:crypto'); // streamed bodies come from Node's local copies
  const created = await s3.request('POST', name, { query: 'uploads', headers: { 'content-type':
    'application/octet-stream' }, maxBody: 1 << 20, what });
  if (created.status !== 200) throw s3.fail(what, created);
  const uploadId = first(new TextDecoder().decode(created.body), 'UploadId');
  if (!uploadId) throw new SyncError(Reason.SERVER_FAULT, 'Cannot ' + what + ': the service named no upload id');
  const q = 'uploadId=' + encodeURIComponent(uploadId);
  try {
    const etags = [];
    let total = 0;
    for await (const part of rechunk(body.open(), PART, true)) { // sent before the next is cut
      total += part.length;
      if (total > body.length) break;
      // Hashed here in place (WebCrypto would copy each part first).
      const payloadHash = createHash('sha256').update(part).digest('hex');
      const r = await s3.request('PUT', name, { query: 'partNumber=' + (etags.length + 1) + '&' + q, body: part,
        maxBody: 1 << 20, what, payloadHash });
      if (r.status !== 200) throw s3.fail(what, r);
      const etag = r.headers.get('etag');
      if (!etag) throw new SyncError(Reason.SERVER_FAULT, 'Cannot ' + what + ': a part was stored without an ETag');
      etags.push(etag);
    }
    if (total !== body.length) throw new Error("'" + name + "' was to be " + body.length + ' bytes but its source gave '
      + total);
    const xml = '<CompleteMultipartUpload>' + etags.map((e, i) => '<Part><PartNumber>' + (i + 1)
      + '</PartNumber><ETag>' + e.replace(/&/g, '&amp;').replace(/</g, '&lt;') + '</ETag></Part>').join('')
      + '</CompleteMultipartUpload>';
    const done = await s3.request('POST', name, { query: q, headers: { 'if-none-match': '*', 'content-type':
      'application/xml' }, body: new TextEncoder().encode(xml), maxBody: 1 << 20, what });
    if (done.status === 412 || done.status === 409) {
      await abort(s3, name, q, what);
      return false;
    }
    // S3 may answer 200 and put the failure in the body.
    if (done.status !== 200 || /<Error>/.test(new TextDecoder().decode(done.body ?? new Uint8Array(0)))) {
      throw s3.fail(what, done);
    }
    return true;
  } catch (e) {
    await abort(s3, name, q, what).catch(() => {});
    throw e;
  }
}

async function abort(s3, name, q, what) {
  await s3.request('DELETE', name, { query: q, maxBody: 1 << 20, what });
}
