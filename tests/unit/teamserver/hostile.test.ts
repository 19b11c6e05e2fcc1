/**
 * Untrusted clients: an oversized message, garbage frames, wrong tokens and a flood of document
 * names are refused, and the server goes on serving its members.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import { createTeam, issueToken, MAX_MESSAGE_BYTES, startTeamServer, type RunningTeamServer } from '../../../electron/teamserver/index';
import { connect, tempDataDir, waitFor, type TestClient } from './helpers';

const running: RunningTeamServer[] = [];
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  for (const s of running.splice(0)) await s.stop();
});

/** A Hocuspocus authentication message, as the provider writes it. */
function authMessage(documentName: string, token: string): Uint8Array<ArrayBuffer> {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, documentName);
  encoding.writeVarUint(e, 2); // MessageType.Auth
  encoding.writeVarUint(e, 0); // AuthMessageType.Token
  encoding.writeVarString(e, token);
  encoding.writeVarString(e, '4.0.0');
  return new Uint8Array(encoding.toUint8Array(e));
}

interface RawSocket {
  ws: WebSocket;
  closed: Promise<number>;
  received: Uint8Array[];
}
async function rawSocket(url: string): Promise<RawSocket> {
  const ws = new WebSocket(url);
  ws.binaryType = 'arraybuffer';
  const received: Uint8Array[] = [];
  ws.addEventListener('message', (e) => received.push(new Uint8Array(e.data as ArrayBuffer)));
  const closed = new Promise<number>((resolve) => ws.addEventListener('close', (e) => resolve(e.code)));
  await new Promise((resolve, reject) => {
    ws.addEventListener('open', resolve);
    ws.addEventListener('error', reject);
  });
  return { ws, closed, received };
}

async function teamServer(maxMessageBytes?: number) {
  const data = tempDataDir();
  const team = createTeam(data, 'desk');
  const anna = issueToken(data, { project: team.key, user: 'Anna' });
  const server = await startTeamServer({ dataDir: data, port: 0, quiet: true, ...(maxMessageBytes ? { maxMessageBytes } : {}) });
  running.push(server);
  const a = connect(server.url, anna.token);
  clients.push(a);
  await waitFor('member synced', () => a.synced());
  a.records.set('claim-1', { exact: 'before the attack' });
  return { data, team, anna, server, a };
}

/** A second member joins and exchanges a record with the first: the server still serves. */
async function expectStillServing(data: string, project: string, url: string, a: TestClient, n: number) {
  const b = connect(url, issueToken(data, { project, user: `Member ${n}` }).token);
  clients.push(b);
  await waitFor('a new member syncs', () => b.synced() && b.records.has('claim-1'));
  b.records.set(`after-${n}`, { n });
  await waitFor('the first member sees it', () => a.records.has(`after-${n}`));
}

describe('team server under a hostile client', () => {
  it('caps one message at 64 MiB', () => {
    expect(MAX_MESSAGE_BYTES).toBe(64 * 1024 * 1024);
  });

  it('closes a connection that sends an oversized message and keeps serving', async () => {
    const { data, team, server, a } = await teamServer(256 * 1024);
    const s = await rawSocket(server.url);
    s.ws.send(new Uint8Array(300 * 1024));
    expect(await s.closed).toBe(1009);
    await expectStillServing(data, team.key, server.url, a, 1);
  });

  it('survives garbage frames (random bytes, text, truncated messages) and keeps serving', async () => {
    const { data, team, server, a } = await teamServer();
    const s = await rawSocket(server.url);
    s.ws.send(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]));
    s.ws.send('{"hello": "not yjs"}');
    s.ws.send(new Uint8Array([5, 104, 101]));
    const random = new Uint8Array(4096);
    for (let i = 0; i < random.length; i++) random[i] = (i * 7919 + 13) % 256;
    s.ws.send(random);
    await Promise.race([s.closed, new Promise((r) => setTimeout(r, 1000))]);
    expect(s.received.length).toBe(0);
    await expectStillServing(data, team.key, server.url, a, 2);
  });

  it('refuses wrong tokens and a flood of document names without opening those documents', async () => {
    const { data, team, anna, server, a } = await teamServer();
    const s = await rawSocket(server.url);
    for (let i = 0; i < 50; i++) s.ws.send(authMessage(`flood-${i}-document`, anna.token));
    // More pending documents than a client needs: the connection is closed, nothing is loaded.
    await s.closed;
    const t = await rawSocket(server.url);
    t.ws.send(authMessage(team.key, `crt1.${team.key}.anna.${'A'.repeat(43)}`));
    t.ws.send(authMessage(team.key, 'x'.repeat(100_000)));
    await waitFor('two refusals', () => t.received.length >= 2);
    // Each answer is a permission-denied auth message carrying the refusal, never a sync step.
    for (const m of t.received) expect(new TextDecoder().decode(m)).toContain('Forbidden');
    t.ws.close();
    await expectStillServing(data, team.key, server.url, a, 3);
    await running.splice(0)[0]!.stop();
    const db = new Database(path.join(data, 'documents.sqlite'), { readonly: true });
    try {
      expect(db.prepare('SELECT name FROM documents').all()).toEqual([{ name: team.key }]);
    } finally {
      db.close();
    }
  });
});
