// The group commit under pressure: a full write queue answers `busy` (nothing stored) and the
// phone's own client sends the command again until it lands, once; and kill -9 while batches are
// being written loses nothing that was acknowledged, and commands resent with the same id apply once.
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { nanoid } from 'nanoid';
import { Socket } from 'socket.io-client';
import type { CommandAck, ParticipantCommand, ParticipantView } from '@protocol';
import { startInProcess, type InProcessServer } from '../support/in-process-server.ts';
import { startServer, type ServerProcess } from '../support/server-process.ts';
import { connectHost, connectPhone, createRoom, type TestClient } from '../support/clients.ts';
import { clientPool, connectPhones, disconnected, nextView, participantHashes, readStoredRoom, tokenOf } from '../support/sessions.ts';
import type { RoomStore } from '../../session-server/src/storage/room-store.ts';
import type { RoomEvent } from '../../session-server/src/room/state.ts';
import { createSessionStore } from '../../site/stores/session-store.ts';
import { openSocketIo } from '../../site/stores/screens.ts';

const pool = clientPool();
afterEach(() => pool.closeAll());

/** A store whose batches take `delayMs` longer while `slow` is set: a disk that cannot keep up. */
function slowable(store: RoomStore) {
  const control = { slow: false, delayMs: 150 };
  const wrapped: RoomStore = {
    ...store,
    appendBatch: async (entries) => {
      if (control.slow) await new Promise((done) => setTimeout(done, control.delayMs));
      return store.appendBatch(entries);
    },
  };
  return { wrap: () => wrapped, control };
}

const votesIn = (events: RoomEvent[], cardId: string) => events.filter((e): e is Extract<RoomEvent, { type: 'voteCast' }> => e.type === 'voteCast' && e.cardId === cardId);

describe('a full write queue', () => {
  let server: InProcessServer;
  afterAll(async () => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    await server?.close();
  });

  it('answers busy with nothing stored, and the phone’s client sends it again until it lands once', { timeout: 120_000 }, async () => {
    let store: ReturnType<typeof slowable> | undefined;
    server = await startInProcess({
      commitQueueLimit: 2,
      wrapStore: (s) => {
        store = slowable(s);
        return store.wrap();
      },
    });
    const { url, dir } = server;
    const room = await createRoom(url, { minGroupSize: 3 });
    const host = pool.keep(await connectHost(url, room));
    await host.send({ type: 'card.goto', index: 1 });
    const cardId = (await host.waitFor((v) => v.cardIndex === 1)).card!.id;
    // One after another: with room for only 2 waiting changes, 12 joins at once on a busy machine
    // are refused `busy` too (these raw clients do not retry a handshake as the site's client does).
    const phones: Awaited<ReturnType<typeof connectPhone>>[] = [];
    for (let i = 0; i < 12; i++) phones.push(pool.keep(await connectPhone(url, room)));

    // Raw clients (no retry): with the disk slow and room for 2 waiting changes, most are refused.
    store!.control.slow = true;
    const acks = await Promise.all(phones.map((p) => p.send({ type: 'vote.cast', cardId, choice: 'soms' })));
    const busy = acks.filter((a) => !a.ok && a.error === 'busy');
    expect(busy.length).toBeGreaterThan(0);
    for (const a of busy) expect(a.ok === false && a.message).toMatch(/druk/);
    expect(acks.filter((a) => a.ok).length + busy.length).toBe(phones.length);
    const hashes = participantHashes(dir, room.code, phones.map(tokenOf));
    const stored = votesIn(readStoredRoom(dir, room.code)!.events, cardId);
    expect(stored.length).toBe(acks.filter((a) => a.ok).length);
    for (const [i, ack] of acks.entries()) {
      expect(stored.some((e) => e.participant === hashes[i]), `phone ${i}`).toBe(ack.ok);
    }

    // The site's own client: every 'busy' is sent again with the same id, until it is stored.
    store!.control.slow = false;
    vi.stubGlobal('window', { location: { origin: url } });
    const seenBusy: CommandAck[] = [];
    type EmitWithAck = (this: Socket, ...args: unknown[]) => Promise<unknown>;
    const prototype = Socket.prototype as unknown as { emitWithAck: EmitWithAck };
    const emitWithAck = prototype.emitWithAck;
    vi.spyOn(prototype, 'emitWithAck').mockImplementation(function (this: Socket, ...args: unknown[]) {
      return emitWithAck.apply(this, args).then((ack: unknown) => {
        if ((ack as CommandAck)?.ok === false && (ack as { error?: string }).error === 'busy') seenBusy.push(ack as CommandAck);
        return ack;
      });
    });
    const tokens = Array.from({ length: 12 }, () => nanoid());
    const clients = tokens.map((token) => createSessionStore<ParticipantView, ParticipantCommand>({ role: 'participant', room: room.code, token }, openSocketIo));
    try {
      await Promise.all(clients.map((c) => vi.waitFor(() => expect(c.getState().status).toBe('online'), { timeout: 20_000, interval: 50 })));
      store!.control.slow = true;
      const answers = await Promise.all(clients.map((c) => c.send({ type: 'vote.cast', cardId, choice: 'vaak' })));
      expect(seenBusy.length).toBeGreaterThan(0);
      expect(answers.every((a) => a.ok)).toBe(true);
      const mine = participantHashes(dir, room.code, tokens);
      const votes = votesIn(readStoredRoom(dir, room.code)!.events, cardId);
      for (const hash of mine) expect(votes.filter((e) => e.participant === hash)).toEqual([{ type: 'voteCast', cardId, participant: hash, choice: 'vaak' }]);
    } finally {
      for (const c of clients) c.close();
    }
  });
});

describe('kill -9 while batches are being written', () => {
  const servers: ServerProcess[] = [];
  afterAll(async () => {
    for (const s of servers.reverse()) await s.cleanup();
  });

  it('loses nothing acknowledged, and resent command ids apply once', { timeout: 180_000 }, async () => {
    const server = await startServer();
    servers.push(server);
    // 60 phones from one address: the host says so, or the newcomer limit would make some wait.
    const room = await createRoom(server.url, { minGroupSize: 3, expectedGroupSize: 60 });
    const host = pool.keep(await connectHost(server.url, room, ['websocket']));
    await host.send({ type: 'card.goto', index: 1 });
    const cardId = (await host.waitFor((v) => v.cardIndex === 1)).card!.id;
    const phones = (await connectPhones(server.url, room, 60)).map(pool.keep);
    const CHOICES = ['nooit', 'soms', 'vaak'] as const;

    // Each phone answers again and again, one at a time as the real client does (and within the
    // per-phone rate limit: 5 a second), until the kill; 60 phones make about 300 answers a second.
    interface Sent {
      command: { id: string; type: 'vote.cast'; cardId: string; choice: string };
      acked: boolean;
    }
    const sent: Sent[][] = phones.map(() => []);
    let killed = false;
    let acked = 0;
    const loops = phones.map(async (phone: TestClient<ParticipantView>, i) => {
      for (let n = i; !killed; n++) {
        const entry: Sent = { command: { id: nanoid(), type: 'vote.cast', cardId, choice: CHOICES[n % 3]! }, acked: false };
        sent[i]!.push(entry);
        const ack = await phone.send(entry.command).catch(() => null);
        if (!ack?.ok) return;
        entry.acked = true;
        if (++acked === 600) {
          killed = true;
          server.child.kill('SIGKILL');
        }
        await new Promise((done) => setTimeout(done, 200));
      }
    });
    await Promise.all(loops);
    await server.kill();
    expect(acked).toBeGreaterThanOrEqual(600);

    // Phones whose answer timed out may have noticed already; the rest notice now.
    await Promise.all(phones.filter((p) => p.socket.connected).map((p) => disconnected(p)));
    const fresh = phones.map((p) => nextView(p, 120_000));
    servers.push(await server.restart());
    const views = await Promise.all(fresh);

    for (const [i, view] of views.entries()) {
      const mine = sent[i]!;
      const lastAcked = mine.findLast((s) => s.acked)!;
      const after = mine.slice(mine.indexOf(lastAcked) + 1).map((s) => s.command.choice);
      // The acknowledged answer, or one sent after it that was stored but not yet acknowledged.
      expect([lastAcked.command.choice, ...after], `phone ${i}`).toContain(view.vote?.mine);
    }

    // Every phone resends its last three commands, newest first: each one already applied is a
    // duplicate and changes nothing, so the newest stored answer stays.
    const resent = await Promise.all(
      phones.map(async (phone, i) => {
        const answers: CommandAck[] = [];
        for (const s of sent[i]!.slice(-3).reverse()) answers.push(await phone.send(s.command));
        return answers;
      }),
    );
    for (const [i, answers] of resent.entries()) {
      const lastThree = sent[i]!.slice(-3).reverse();
      for (const [k, answer] of answers.entries()) {
        expect(answer.ok, `phone ${i} resend ${k}`).toBe(true);
        if (lastThree[k]!.acked) expect(answer, `phone ${i} resend ${k} (acknowledged before)`).toMatchObject({ duplicate: true });
      }
    }
    const finalViews = await Promise.all(phones.map((p, i) => p.waitFor((v) => v.vote?.mine === sent[i]!.at(-1)!.command.choice, 20_000).catch(() => p.view())));
    for (const [i, view] of finalViews.entries()) {
      const newest = sent[i]!.at(-1)!;
      // The newest command either was stored before the kill or landed now on its resend: it wins.
      expect(view.vote?.mine, `phone ${i}`).toBe(newest.command.choice);
    }

    // In storage, no phone's command id appears twice (a vote is one event; the host's card.goto
    // stores several events under its one key).
    const stored = readStoredRoom(server.dataDir, room.code)!;
    const keys = stored.commandKeys.filter((k): k is string => k?.startsWith('p:') ?? false);
    expect(keys.length).toBeGreaterThanOrEqual(600);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
