import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { askToJoin, parseInvite } from '../src/space/invite.js';
import { syncSpace } from '../src/space/space-sync.js';
import { listTree } from '../src/space/scope.js';
import { Members } from '../src/space/members.js';
import { openRemote } from '../src/storage/open-remote.js';

/**
 * The shared lists a tandem-js device joined, kept beside its state in spaces.json (readable by its
 * owner only: it holds the member, agreement and device keys, and once admitted the space's
 * passphrase): joining with an invite code and syncing each joined list, as `tandem join` and the
 * desktop's sync of shared lists do. The personal remote then leaves the shared lists out.
 */
const b64 = (b) => Buffer.from(b).toString('base64');
const bytes = (s) => new Uint8Array(Buffer.from(s, 'base64'));
const pairJson = (p) => ({ private: b64(p.private), public: b64(p.public) });
const pairOf = (j) => ({ private: bytes(j.private), public: bytes(j.public) });

export function loadSpaces(dir) {
  const file = join(dir, 'spaces.json');
  if (!existsSync(file)) return [];
  return JSON.parse(readFileSync(file, 'utf8')).map((s) => ({ ...s, owner: bytes(s.owner), member: pairOf(s.member),
    agreement: pairOf(s.agreement), device: pairOf(s.device) }));
}

export function saveSpaces(dir, spaces) {
  const file = join(dir, 'spaces.json');
  const json = spaces.map((s) => ({ ...s, owner: b64(s.owner), member: pairJson(s.member), agreement: pairJson(s.agreement),
    device: pairJson(s.device) }));
  writeFileSync(file + '.tmp', JSON.stringify(json), { mode: 0o600 });
  renameSync(file + '.tmp', file);
}

/** The personal remote's scope: everything but the joined lists' trees (null when none is joined). */
export function personalScope(spaces) {
  return spaces.length === 0 ? null : { except: spaces.map((s) => listTree(s.list)) };
}

/**
 * Asks to join with {@code code} as {@code name}, on {@code remoteText} or the remote the invite
 * names; remembers the space and returns the fingerprint to read out to the owner.
 */
export async function joinSpace(dir, replica, spaces, code, name, remoteText, openSpec) {
  const invite = parseInvite(code);
  // An invite's list id is the inviter's word: one naming a list this device already has would attach
  // that list to someone else's space (every change to it then pushed there), so it is refused.
  if (invite.list != null && replica.entity('lists', invite.list, false) != null) {
    throw new Error('This invite names a list this device already has; nothing was asked. Joining a list you shared'
      + ' yourself from another device is left to the desktop (tandem join --into-existing)');
  }
  const where = remoteText ?? invite.remote;
  if (where == null) throw new Error('invite: it names no remote; give one with --remote');
  if (spaces.some((s) => s.list === invite.list)) {
    throw new Error('This device already joined that shared list');
  }
  const remote = openRemote(openSpec(where));
  const asked = await askToJoin(remote.plain, invite, name);
  spaces.push({ ...asked.space, remote: where, address: remote.address });
  saveSpaces(dir, spaces);
  return asked.fingerprint;
}

/** Syncs every joined list; each one's failure is a warning that stops none of the others. Returns exit code 0 or 3. */
export async function syncSpaces(dir, replica, spaces, openSpec, err) {
  let code = 0;
  for (const space of spaces) {
    const remote = openRemote(openSpec(space.remote));
    let report;
    try {
      report = await syncSpace({ replica, raw: remote.plain, address: space.address, space, deviceName: 'tandem-js' });
    } catch (e) {
      err.write('warning: the shared list on ' + space.remote + ' did not sync: ' + e.message + '\n');
      code = Math.max(code, 1);
      continue;
    } finally {
      saveSpaces(dir, spaces);
    }
    if (!report.admitted) {
      err.write('Not admitted to the shared list on ' + space.remote + ' yet: its owner admits this fingerprint: '
        + report.fingerprint + '\n');
      continue;
    }
    err.write('Synced the shared list on ' + space.remote + ': ' + report.pulled + ' pulled, ' + report.pushed + ' pushed, '
      + report.conflicts + ' conflicts\n');
    for (const w of report.warnings) err.write('warning: ' + w.replace(/[\u0000-\u001f\u007f]/g, ' ') + '\n');
    for (const s of report.setAside) err.write('Set aside ' + s.key + ': ' + s.problem + '\n');
    // A change waiting for its item is named once it has waited ten minutes, as on the desktop.
    const named = report.refused.filter((r) => !r.waits || Date.now() - r.firstSeen >= 600_000);
    for (const r of named) {
      err.write('Set aside in ' + r.object + ': ' + r.problem.replace(/[\u0000-\u001f\u007f]/g, ' ') + '\n');
    }
    if (report.setAside.length > 0 || named.length > 0) code = Math.max(code, 3);
  }
  return code;
}

/**
 * Each joined list with its members as this device last accepted the log (no storage read):
 * [{list, name, remote, admitted, members: [{name, fingerprint, owner, removed}]}].
 */
export async function membersOf(replica, spaces) {
  const out = [];
  for (const space of spaces) {
    const log = replica.remotes.get(space.address)?.log;
    const members = log ? await new Members(null, space.owner, { memory: log }).remembered() : [];
    out.push({ list: space.list, name: replica.row('lists', space.list)?.name ?? null, remote: space.remote,
      admitted: members.length > 0, members });
  }
  return out;
}
