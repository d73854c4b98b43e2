import { request } from 'node:http';
import { Readable } from 'node:stream';

/**
 * A fetch that connects every host name to 127.0.0.1 and keeps the name in the Host header, as DNS
 * would for bucket.example.com: how virtual-host addressing is tested against a local server
 * (fetch itself cannot set Host). Only what the S3 backend uses: method, headers, body, status,
 * headers and a streamed body.
 */
export function loopbackFetch(url, init = {}) {
  return new Promise((ok, fail) => {
    const u = new URL(url);
    const req = request({ host: u.hostname, port: u.port, path: u.pathname + u.search, method: init.method ?? 'GET',
      headers: init.headers, lookup: (host, opts, cb) => (opts && opts.all ? cb(null, [{ address: '127.0.0.1',
        family: 4 }]) : cb(null, '127.0.0.1', 4)) }, (res) => {
      const headers = new Headers();
      for (const [k, v] of Object.entries(res.headers)) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
      ok({ status: res.statusCode, headers, body: Readable.toWeb(res) });
    });
    req.on('error', fail);
    if (init.body instanceof ReadableStream) {
      Readable.fromWeb(init.body).on('error', fail).pipe(req); // a streamed upload
    } else {
      req.end(init.body ? Buffer.from(init.body) : undefined);
    }
  });
}
