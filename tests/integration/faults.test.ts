// Faults a lesson meets: the school Wi-Fi drops and 40 phones come back at once; the server's disk
// fills up. Nothing acknowledged is lost, nothing refused is half-applied, and the host is told.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VoteChoice } from '@protocol';
import type { RoomStore } from '../../session-server/src/storage/room-store.ts';
import { startServer, type ServerProcess } from '../support/server-process.ts';
import { startInProcess, type InProcessServer } from '../support/in-process-server.ts';
import { connectHost, connectPhone, createRoom } from '../support/clients.ts';
import { clientPool, connectPhones, disconnected, readStoredRoom } from '../support/sessions.ts';

const pool = clientPool();
const keep = pool.keep;
afterAll(() => pool.closeAll());
const ANSWERS: VoteChoice[] = ['nooit', 'soms', 'vaak', 'pas'];

describe('a network drop', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.cleanup());

  it('40 phones that reconnect at once all get their own answer back', async () => {
    const room = await createRoom(server.url, { expectedGroupSize: 40 });
    const host = keep(await connectHost(server.url, room));
    const phones = (await connectPhones(server.url, room, 40)).map(keep);
    await host.send({ type: 'card.goto', index: 1 });
    const cardId = (await host.waitFor((v) => v.cardIndex === 1)).card!.id;
    const mine = phones.map((_, i) => ANSWERS[i % 4]!);
    const acks = await Promise.all(phones.map((p, i) => p.send({ type: 'vote.cast', cardId, choice: mine[i] })));
    expect(acks.every((a) => a.ok)).toBe(true);

    // The Wi-Fi drops: every phone's transport closes at the same moment, and they all come back.
    const dropped = phones.map((p) => disconnected(p));
    for (const p of phones) p.socket.io.engine.close();
    await Promise.all(dropped);
    const views = await Promise.all(phones.map((p, i) => p.waitFor((v) => p.socket.connected && v.vote?.mine === mine[i], 15_000)));
    expect(views.map((v) => v.vote?.mine)).toEqual(mine);
    expect((await host.waitFor((v) => v.joined === 40)).joined).toBe(40);
    expect(host.view().vote?.responded).toBe(40);
  });
});

/** A store whose writes fail while `full` is set, the way a full disk makes SQLite fail. */
function fillable(store: RoomStore) {
  /** `full`: every write fails; `sealFull`: only the seal at the end fails (the end itself was stored). */
  const control = { full: false, sealFull: false };
  const diskFull = () => Object.assign(new Error('database or disk is full'), { code: 'ERR_SQLITE_ERROR', errcode: 13 });
  const fail = () => {
    if (control.full) throw diskFull();
  };
  const wrapped: RoomStore = {
    ...store,
    create: async (...args) => (fail(), store.create(...args)),
    append: async (...args) => (fail(), store.append(...args)),
    appendBatch: async (...args) => (fail(), store.appendBatch(...args)),
    seal: async (...args) => {
      if (control.full || control.sealFull) throw diskFull();
      return store.seal(...args);
    },
    load: (...args) => store.load(...args),
    list: () => store.list(),
    delete: (...args) => store.delete(...args),
    deleteCreatedBefore: (...args) => store.deleteCreatedBefore(...args),
    markHostSeen: async (...args) => (fail(), store.markHostSeen(...args)),
    saveDeck: async (...args) => (fail(), store.saveDeck(...args)),
    loadDeck: (...args) => store.loadDeck(...args),
    close: () => store.close(),
  };
  return { store: wrapped, control };
}

describe('a full disk (a store that fails on write)', () => {
  let server: InProcessServer;
  let app: InProcessServer['app'];
  let url: string;
  let dir: string;
  let control: { full: boolean; sealFull: boolean };

  beforeAll(async () => {
    server = await startInProcess({
      name: 'kring-full-',
      wrapStore: (store: RoomStore) => {
        const fill = fillable(store);
        control = fill.control;
        return fill.store;
      },
    });
    ({ app, url, dir } = server);
  });
  afterAll(() => server.close());

  it('refuses the command with a clear message, applies nothing, and works again when space returns', async () => {
    const room = await createRoom(url, { minGroupSize: 3 });
    const host = keep(await connectHost(url, room));
    const phones = (await connectPhones(url, room, 3)).map(keep);
    await host.send({ type: 'card.goto', index: 1 });
    const cardId = (await host.waitFor((v) => v.cardIndex === 1)).card!.id;
    await Promise.all(phones.map((p) => p.send({ type: 'vote.cast', cardId, choice: 'soms' })));

    control.full = true;
    const refused = await phones[0]!.send({ type: 'vote.cast', cardId, choice: 'vaak' });
    expect(refused).toMatchObject({ ok: false, error: 'server' });
    expect((refused as { message: string }).message).toMatch(/niets veranderd.*schijf/s);
    const hostRefused = await host.send({ type: 'card.goto', index: 2 });
    expect(hostRefused).toMatchObject({ ok: false, error: 'server' });
    // A new phone cannot be recorded either: it is asked to try again, not told the room is unknown.
    await expect(connectPhone(url, room)).rejects.toMatchObject({ data: { reason: 'busy' } });
    // Nothing was applied: the phone keeps its stored answer, the host the same card.
    expect((await phones[0]!.waitFor((v) => v.vote !== null)).vote?.mine).toBe('soms');
    expect(host.view().cardIndex).toBe(1);

    control.full = false;
    expect(await phones[0]!.send({ type: 'vote.cast', cardId, choice: 'vaak' })).toEqual({ ok: true, choice: 'vaak', round: 1 });
    expect(await host.send({ type: 'card.goto', index: 2 })).toEqual({ ok: true });
    expect((await host.waitFor((v) => v.cardIndex === 2 && v.joined === 3)).joined).toBe(3);
  });

  it('an end that could not be sealed on a full disk is sealed once space returns', async () => {
    const room = await createRoom(url, { minGroupSize: 3 });
    const host = keep(await connectHost(url, room));
    const phones = (await connectPhones(url, room, 3)).map(keep);
    await host.waitFor((v) => v.joined === 3);
    control.sealFull = true;
    // The end is stored, so the host is told it worked and every phone sees the closing screen.
    expect(await host.send({ type: 'session.end' })).toEqual({ ok: true });
    await Promise.all(phones.map((p) => p.waitFor((v) => v.status === 'ended')));
    expect(readStoredRoom(dir, room.code)!.participantKey).not.toBeNull();
    // Space returns; the next housekeeping round finishes the seal.
    control.sealFull = false;
    await app.endUnattended();
    expect(readStoredRoom(dir, room.code)!.participantKey).toBeNull();
  });
});

/** Mounts a small tmpfs when this machine allows it (root on Linux); otherwise the test says why it skips. */
function smallDisk(): { dir: string; unmount: () => void } | string {
  const dir = mkdtempSync(join(tmpdir(), 'kring-tmpfs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', dir], { stdio: 'ignore' });
    return { dir, unmount: () => execFileSync('umount', [dir], { stdio: 'ignore' }) };
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return 'mounting a small tmpfs needs root on Linux';
  }
}

const disk = smallDisk();
describe.skipIf(typeof disk === 'string')(`a really full disk (a 4 MB tmpfs)${typeof disk === 'string' ? ` — skipped: ${disk}` : ''}`, () => {
  let server: ServerProcess;
  const { dir, unmount } = disk as { dir: string; unmount: () => void };
  const data = join(dir, 'data');
  afterAll(async () => {
    await server?.kill();
    unmount();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers every command, loses nothing acknowledged, corrupts nothing, and recovers', async () => {
    mkdirSync(data);
    server = await startServer({ dataDir: data });
    const room = await createRoom(server.url, { deckId: 'focusgroep-team', minGroupSize: 3 });
    const host = keep(await connectHost(server.url, room));
    const phones = (await connectPhones(server.url, room, 20)).map(keep);
    await host.send({ type: 'card.goto', index: 1 });
    const cardId = (await host.waitFor((v) => v.cardIndex === 1)).card!.id;

    // Fill the disk to the last few pages with a file that is not Kring's.
    const filler = join(dir, 'filler');
    const free = () => Number(statfsSync(dir).bavail) * Number(statfsSync(dir).bsize);
    writeFileSync(filler, Buffer.alloc(Math.max(0, free() - 24 * 1024)));

    const accepted: string[] = [];
    let refusal: { error: string; message: string } | null = null;
    for (let round = 0; round < 5 && !refusal; round++) {
      for (const [i, phone] of phones.entries()) {
        const text = `Post-it ${round}-${i} ${'x'.repeat(200)}`;
        const ack = await phone.send({ type: 'postIt.add', cardId, text });
        if (ack.ok) accepted.push(text);
        else {
          refusal = ack;
          break;
        }
      }
    }
    expect(refusal).toMatchObject({ error: 'server' });
    expect(refusal!.message).toMatch(/schijf/);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);

    // Space returns: the same phone can write again.
    rmSync(filler);
    const again = await phones[0]!.send({ type: 'postIt.add', cardId, text: 'Weer ruimte' });
    expect(again).toMatchObject({ ok: true });
    accepted.push('Weer ruimte');

    // A crash now loses nothing that was acknowledged, and the file is sound.
    await server.kill('SIGKILL');
    const db = new DatabaseSync(join(data, 'kring.sqlite'));
    expect(db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
    db.close();
    server = await server.restart();
    const fresh = keep(await connectHost(server.url, room));
    const texts = fresh.view().board!.postIts.map((p) => p.text);
    expect(texts.sort()).toEqual([...accepted].sort());
  });
});
