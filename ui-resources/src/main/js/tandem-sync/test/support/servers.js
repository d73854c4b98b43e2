import { spawn } from 'node:child_process';
import { createServer, connect } from 'node:net';
import { existsSync, mkdtempSync, writeFileSync, rmSync, chownSync, chmodSync, readdirSync, openSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { homedir, tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sign } from '../../src/storage/sigv4.js';

/**
 * Real servers on 127.0.0.1 for the network backends' tests, each a child process on a free port,
 * as the engine's tests run them: S3Proxy (the engine's test dependency, from the local Maven
 * repository), s3rver (npm, in .test-servers), Apache httpd's mod_dav and rclone serve webdav. A
 * missing one skips its tests saying why (under CI=true it fails instead).
 */
const here = dirname(fileURLToPath(import.meta.url));
export const REPO = resolve(here, '..', '..', '..', '..', '..', '..', '..');
const started = [];

process.on('exit', () => {
  for (const p of started) {
    try {
      process.kill(-p.pid, 'SIGTERM');
    } catch {
      // gone already
    }
  }
});

export function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.unref();
    s.on('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

async function listening(port, child, label) {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode != null) throw new Error(label + ' exited at start with ' + child.exitCode);
    const up = await new Promise((ok) => {
      const c = connect(port, '127.0.0.1');
      c.on('connect', () => { c.destroy(); ok(true); });
      c.on('error', () => ok(false));
    });
    if (up) return;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  throw new Error(label + ' did not listen on port ' + port);
}

function run(command, args, label, logDir) {
  const log = openSync(join(logDir, label + '.log'), 'a');
  const child = spawn(command, args, { detached: true, stdio: ['ignore', log, log] });
  started.push(child);
  return child;
}

function stopper(child, dir) {
  return async () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    await new Promise((ok) => (child.exitCode != null ? ok() : child.once('exit', ok)));
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
}

export function missing(what) {
  if (process.env.CI === 'true') throw new Error(what + ' is missing');
  return what + ' is missing: skipped';
}

export function s3proxyJar() {
  const local = join(REPO, 'engine', 'target', 's3proxy', 's3proxy.jar');
  if (existsSync(local)) return local;
  const m2 = join(homedir(), '.m2', 'repository', 'org', 'gaul', 's3proxy');
  if (!existsSync(m2)) return null;
  for (const v of readdirSync(m2).sort().reverse()) {
    const jar = join(m2, v, 's3proxy-' + v + '-jar-with-dependencies.jar');
    if (existsSync(jar)) return jar;
  }
  return null;
}

export const S3_KEY = 'tandem-identity';
export const S3_SECRET = 'tandem-credential';

export async function startS3Proxy({ virtualHost = null } = {}) {
  const jar = s3proxyJar();
  if (!jar) return { skip: missing('S3Proxy (the engine\'s test jar in ~/.m2)') };
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'tandem-s3proxy-'));
  (await import('node:fs')).mkdirSync(join(dir, 'data'));
  const conf = join(dir, 's3proxy.conf');
  writeFileSync(conf, ['s3proxy.endpoint=http://127.0.0.1:' + port, 's3proxy.authorization=aws-v2-or-v4',
    's3proxy.identity=' + S3_KEY, 's3proxy.credential=' + S3_SECRET, 'jclouds.provider=filesystem',
    'jclouds.filesystem.basedir=' + join(dir, 'data'), 'jclouds.identity=' + S3_KEY,
    'jclouds.credential=' + S3_SECRET, ...(virtualHost ? ['s3proxy.virtual-host=' + virtualHost] : []), ''].join('\n'));
  const child = run('java', ['-jar', jar, '--properties', conf], 's3proxy', dir);
  await listening(port, child, 'S3Proxy');
  return { endpoint: 'http://127.0.0.1:' + port, accessKey: S3_KEY, secretKey: S3_SECRET, stop: stopper(child, dir) };
}

export async function startS3rver() {
  const js = join(REPO, '.test-servers', 'node_modules', 's3rver', 'bin', 's3rver.js');
  if (!existsSync(js)) return { skip: missing('s3rver (npm, in .test-servers)') };
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'tandem-s3rver-'));
  const child = run(process.execPath, ['--openssl-legacy-provider', js, '-s', '-a', '127.0.0.1', '-d', dir, '-p',
    String(port)], 's3rver', dir);
  await listening(port, child, 's3rver');
  return { endpoint: 'http://127.0.0.1:' + port, accessKey: 'S3RVER', secretKey: 'S3RVER', stop: stopper(child, dir) };
}

/** Makes {@code bucket} on a server (one signed PUT). */
export async function createBucket(server, bucket, { endpoint = server.endpoint, fetchImpl = fetch } = {}) {
  const url = endpoint + '/' + bucket + '/';
  const headers = await sign({ method: 'PUT', url, region: 'us-east-1', accessKey: server.accessKey,
    secretKey: server.secretKey });
  const r = await fetchImpl(url, { method: 'PUT', headers });
  if (r.status !== 200 && r.status !== 409) throw new Error('create bucket: HTTP ' + r.status + ' ' + await r.text());
}

export const DAV_USER = 'tandem';
export const DAV_PASSWORD = 'dav-secret';
const MODULES = ['mpm_event', 'authz_core', 'authn_core', 'authn_file', 'authz_user', 'auth_basic', 'dav', 'dav_fs'];

export async function startApache() {
  if (!existsSync('/usr/sbin/apache2')) return { skip: missing('Apache httpd (apache2-bin)') };
  const port = await freePort();
  const dir = mkdtempSync(join('/tmp', 'tandem-apache-'));
  chmodSync(dir, 0o755);
  const data = join(dir, 'data');
  const lock = join(dir, 'lock');
  for (const d of [data, lock]) {
    (await import('node:fs')).mkdirSync(d);
  }
  const users = join(dir, 'htpasswd');
  writeFileSync(users, DAV_USER + ':{SHA}' + createHash('sha1').update(DAV_PASSWORD).digest('base64') + '\n');
  chmodSync(users, 0o644);
  const root = process.getuid?.() === 0;
  if (root) {
    for (const d of [data, lock]) chownSync(d, 65534, 65534);
  }
  const conf = join(dir, 'httpd.conf');
  writeFileSync(conf, ['ServerRoot "' + dir + '"', 'DefaultRuntimeDir "' + dir + '"', 'Listen 127.0.0.1:' + port,
    ...MODULES.map((m) => 'LoadModule ' + m + '_module /usr/lib/apache2/modules/mod_' + m + '.so'),
    ...(root ? ['User nobody', 'Group nogroup'] : []), 'PidFile "' + dir + '/httpd.pid"', 'ErrorLog "' + dir
    + '/error.log"', 'DAVLockDB "' + lock + '/DAVLock"', 'ServerName 127.0.0.1', 'DocumentRoot "' + data + '"',
    '<Directory "' + data + '">', '  Dav On', '  AuthType Basic', '  AuthName "tandem"', '  AuthUserFile "' + users
    + '"', '  Require valid-user', '</Directory>', ''].join('\n'));
  const child = run('/usr/sbin/apache2', ['-f', conf, '-DFOREGROUND'], 'apache', dir);
  await listening(port, child, 'Apache');
  return { url: 'http://127.0.0.1:' + port + '/', user: DAV_USER, password: DAV_PASSWORD, stop: stopper(child, dir) };
}

export async function startRclone() {
  const which = ['/usr/bin/rclone', '/usr/local/bin/rclone'].find((p) => existsSync(p));
  if (!which) return { skip: missing('rclone') };
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'tandem-rclone-'));
  const child = run(which, ['serve', 'webdav', dir, '--addr', '127.0.0.1:' + port, '--user', DAV_USER, '--pass',
    DAV_PASSWORD, '--config', '/dev/null'], 'rclone', tmpdir());
  await listening(port, child, 'rclone');
  return { url: 'http://127.0.0.1:' + port + '/', user: DAV_USER, password: DAV_PASSWORD, stop: stopper(child, dir) };
}
