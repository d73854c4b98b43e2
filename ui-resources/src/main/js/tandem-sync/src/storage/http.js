import { SyncError, Reason } from '../errors.js';

/**
 * One HTTP exchange over fetch for the network backends: the answer's body read up to a bound (a
 * hostile or broken server cannot make a device hold more than {@code maxBody} bytes), a network
 * failure mapped to a retryable NETWORK error naming what was being done.
 */
export async function send(fetchImpl, url, init, maxBody, what) {
  let r;
  try {
    r = await fetchImpl(url, { ...init, redirect: 'manual' });
  } catch (e) {
    throw new SyncError(Reason.NETWORK, 'Cannot ' + what + ': ' + (e.cause?.message ?? e.message), { cause: e });
  }
  const declared = Number(r.headers.get('content-length') ?? -1);
  if (maxBody >= 0 && declared > maxBody) {
    await r.body?.cancel().catch(() => {});
    return { status: r.status, headers: r.headers, body: null, tooLarge: declared };
  }
  const body = await readBounded(r, maxBody, what);
  return { status: r.status, headers: r.headers, body, tooLarge: body == null ? maxBody + 1 : 0 };
}

/**
 * A request whose answer's body is left unread (a streamed download or upload): the Response, a
 * network failure mapped as {@link send} maps it.
 */
export async function open(fetchImpl, url, init, what) {
  try {
    return await fetchImpl(url, { ...init, redirect: 'manual' });
  } catch (e) {
    throw new SyncError(Reason.NETWORK, 'Cannot ' + what + ': ' + (e.cause?.message ?? e.message), { cause: e });
  }
}

/** An unread answer made into what {@link send} returns, its body read up to {@code maxBody}. */
export async function settle(r, maxBody, what) {
  const body = await readBounded(r, maxBody, what);
  return { status: r.status, headers: r.headers, body, tooLarge: body == null ? maxBody + 1 : 0 };
}

/** The body of an answer piece by piece; past {@code max} bytes it stops with {@code tooLarge(n)}. */
export async function* bodyChunks(r, max, tooLarge, what) {
  if (!r.body) return;
  const reader = r.body.getReader();
  let n = 0;
  let finished = false;
  try {
    for (;;) {
      let step;
      try {
        step = await reader.read();
      } catch (e) {
        throw new SyncError(Reason.NETWORK, 'Cannot ' + what + ': the answer was cut off (' + e.message + ')', { cause: e });
      }
      if (step.done) {
        finished = true;
        return;
      }
      n += step.value.length;
      if (n > max) throw tooLarge(n);
      yield step.value;
    }
  } finally {
    if (!finished) await reader.cancel().catch(() => {});
  }
}

/** The body, or null when it passes {@code max} bytes (the rest is not read). */
async function readBounded(r, max, what) {
  if (!r.body) return new Uint8Array(0);
  const reader = r.body.getReader();
  const chunks = [];
  let n = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      n += value.length;
      if (max >= 0 && n > max) {
        await reader.cancel().catch(() => {});
        return null;
      }
      chunks.push(value);
    }
  } catch (e) {
    throw new SyncError(Reason.NETWORK, 'Cannot ' + what + ': the answer was cut off (' + e.message + ')', { cause: e });
  }
  const out = new Uint8Array(n);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The error for an answer nobody expected; retryable for 5xx, 429 and 408. */
export function statusError(where, what, r) {
  const snippet = r.body ? new TextDecoder().decode(r.body.subarray(0, 300)).replace(/\s+/g, ' ') : '';
  const text = 'Cannot ' + what + ' in ' + where + ': HTTP ' + r.status + (snippet ? ' (' + snippet + ')' : '');
  if (r.status === 401 || r.status === 403) return new SyncError(Reason.AUTH, text + '; check the user name, password'
    + ' or keys');
  if (r.status === 404) return new SyncError(Reason.NOT_FOUND, text);
  if (r.status >= 500 || r.status === 429 || r.status === 408 || r.status === 423) return new SyncError(Reason.IO, text);
  return new SyncError(Reason.SERVER_FAULT, text);
}
