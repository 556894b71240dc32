// Several session-server processes on one PostgreSQL and one Redis (issue 13): phones on one
// process, host and beamer on another, and what happens when a process, Redis or PostgreSQL's
// connections go away. Each test uses real processes, an own schema and an own redis-server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import pg from 'pg';
import { Redis } from 'ioredis';
import type { CreateRoomResponse, HostView, ParticipantView } from '@protocol';
import { freePort, startServer, type ServerProcess } from '../support/server-process.ts';
import { connectBeamer, connectHost, connectPhone, createRoom, type TestClient, type Transports } from '../support/clients.ts';
import { answerAllAndKillMidway, clientPool, connectPhones, disconnected, refusalReason, tokenOf } from '../support/sessions.ts';
import { nanoid } from 'nanoid';
import { requireService, TEST_DATABASE_URL, uniqueSchema } from '../support/services.ts';

const REDIS_SERVER = '/usr/bin/redis-server';
const available = (await requireService('postgres', TEST_DATABASE_URL)) && (await requireService('redis', 'redis://127.0.0.1:6379')) && existsSync(REDIS_SERVER);
const schema = uniqueSchema('kring_cluster');
const application = `${schema}_app`;
const admin = new pg.Pool({ connectionString: TEST_DATABASE_URL, max: 2 });
const servers: ServerProcess[] = [];
const pool = clientPool();
let redis: { port: number; child: ChildProcess | null };

/** A redis-server of this file's own, without anything on disk, that a test can stop and start again. */
async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const until = Date.now() + 10_000;
  while (!(await answers(port))) {
    if (Date.now() > until) {
      child.kill('SIGKILL');
      throw new Error('redis-server did not start');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return child;
}
const answers = (port: number) =>
  new Promise<boolean>((done) => {
    const s = connect({ host: '127.0.0.1', port });
    s.once('connect', () => (s.destroy(), done(true)));
    s.once('error', () => done(false));
  });
async function stopRedis() {
  const child = redis?.child;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((ok) => child.once('exit', ok));
  child.kill('SIGKILL');
  await exited;
  redis.child = null;
}

beforeAll(async () => {
  if (!available) return;
  const port = await freePort();
  redis = { port, child: await startRedis(port) };
  await admin.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
});
afterAll(async () => {
  pool.closeAll();
  for (const s of servers.reverse()) await s.cleanup();
  if (available) {
    await stopRedis();
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  }
  await admin.end();
});

function databaseUrl() {
  const options = encodeURIComponent(`-c search_path=${schema}`);
  return `${TEST_DATABASE_URL}${TEST_DATABASE_URL.includes('?') ? '&' : '?'}options=${options}&application_name=${application}`;
}

async function start(env: Record<string, string> = {}): Promise<ServerProcess> {
  const server = await startServer({
    env: {
      ...env,
      DATABASE_URL: databaseUrl(),
      REDIS_URL: `redis://127.0.0.1:${redis.port}`,
      KRING_REDIS_PREFIX: schema,
      KRING_LEASE_TTL_MS: '3000',
      KRING_LEASE_RENEW_MS: '1000',
      ...env,
    },
  });
  servers.push(server);
  return server;
}

const ANSWERS = ['nooit', 'soms', 'vaak'] as const;

/** Goes to the first vote card and returns its id. */
async function toVoteCard(host: TestClient<HostView>) {
  expect(await host.send({ type: 'card.goto', index: 1 })).toEqual({ ok: true });
  return (await host.waitFor((v) => v.cardIndex === 1)).card!.id;
}

/** Sends a vote until it is acknowledged (the site's client resends on busy the same way). */
async function voteUntilStored(phone: TestClient<ParticipantView>, cardId: string, choice: string, timeoutMs = 15_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const ack = await phone.send({ type: 'vote.cast', cardId, choice }).catch(() => null);
    if (ack?.ok) return;
    if (Date.now() > until) throw new Error(`vote not stored: ${JSON.stringify(ack)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Connects a phone again and again while the server answers `busy` (the room has no holder yet), as the site's client does. */
async function connectWhenServed(url: string, room: CreateRoomResponse, token: string, timeoutMs = 10_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return pool.keep(await connectPhone(url, room, token));
    } catch (error) {
      if ((error as { data?: { reason?: string } }).data?.reason !== 'busy' || Date.now() > until) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/** The channels of the messages on this file's Redis that `keep` picks (all of them pass through), until `stop`. */
async function listenToRedis(keep: (channel: string, message: string) => boolean) {
  const listener = new Redis(`redis://127.0.0.1:${redis.port}`);
  const heard: string[] = [];
  listener.on('pmessageBuffer', (_pattern: Buffer, channel: Buffer, message: Buffer) => {
    if (keep(channel.toString(), message.toString('latin1'))) heard.push(channel.toString());
  });
  await listener.psubscribe('*');
  return { heard, stop: () => listener.disconnect() };
}

describe('REDIS_URL without DATABASE_URL', () => {
  it('refuses to start with one line saying why', async () => {
    const failed = await startServer({ env: { REDIS_URL: 'redis://127.0.0.1:6379', DATABASE_URL: '' } }).then(
      (s) => (servers.push(s), null),
      (error: Error) => error.message,
    );
    expect(failed).toContain('[kring] REDIS_URL is gezet maar DATABASE_URL niet');
  });
});

describe.skipIf(!available)('two processes on PostgreSQL and Redis', () => {
  let a: ServerProcess;
  let b: ServerProcess;
  beforeAll(async () => {
    [a, b] = await Promise.all([start(), start()]);
  });

  it('shows the host on one process exact counts of phones on the other, each phone once', async () => {
    expect(a.output()).toContain('samen met andere processen via Redis');
    const room = await createRoom(a.url, { minGroupSize: 3 });
    const host = pool.keep(await connectHost(b.url, room));
    const beamer = pool.keep(await connectBeamer(b.url, room));
    const phones = (await connectPhones(a.url, room, 6)).map(pool.keep);
    await host.waitFor((v) => v.present === 6 && v.joined === 6, 10_000);
    // The same phone in a second tab, on the other process: still 6.
    const secondTab = pool.keep(await connectPhone(b.url, room, tokenOf(phones[0]!)));
    await new Promise((r) => setTimeout(r, 1500));
    expect(host.view().present).toBe(6);
    const cardId = await toVoteCard(host);
    await Promise.all(phones.map((p, i) => voteUntilStored(p, cardId, ANSWERS[i % 3]!)));
    await host.waitFor((v) => v.vote?.responded === 6, 10_000);
    // A phone on the host's process votes through the holder, and sees its own answer.
    expect(await secondTab.send({ type: 'vote.cast', cardId, choice: 'vaak' })).toEqual({ ok: true, choice: 'vaak', round: 1 });
    await secondTab.waitFor((v) => v.vote?.mine === 'vaak');
    phones[1]!.close();
    phones[2]!.close();
    await host.waitFor((v) => v.present === 4, 10_000);
    await beamer.waitFor((v) => v.present === 4, 10_000);
    expect(await host.send({ type: 'result.reveal', cardId })).toEqual({ ok: true });
    await beamer.waitFor((v) => v.vote?.result.state === 'shown', 10_000);
  });

  it("forwards handshakes to the holder, and counts phones, without a phone's token, a host's key or an address", async () => {
    const room = await createRoom(a.url, { minGroupSize: 3 });
    const first = pool.keep(await connectPhone(a.url, room));
    const listener = new Redis(`redis://127.0.0.1:${redis.port}`);
    const forwarded: string[] = [];
    const everything: string[] = [];
    try {
      listener.on('pmessageBuffer', (_pattern: Buffer, channel: Buffer, message: Buffer) => {
        everything.push(message.toString('latin1'));
        if (channel.toString().startsWith(`${schema}:calls:`)) forwarded.push(message.toString());
      });
      await listener.psubscribe('*');
      const host = pool.keep(await connectHost(b.url, room));
      const phone = pool.keep(await connectPhone(b.url, room));
      // The phone joined through the holder and votes through it.
      await host.waitFor((v) => v.joined === 2, 10_000);
      const cardId = await toVoteCard(host);
      expect(await phone.send({ type: 'vote.cast', cardId, choice: 'soms' })).toEqual({ ok: true, choice: 'soms', round: 1 });
      expect(forwarded.some((m) => m.includes(room.code) && m.includes('keyHash'))).toBe(true);
      expect(forwarded.some((m) => m.includes(room.code) && m.includes('participantHash'))).toBe(true);
      expect(forwarded.filter((m) => m.includes(room.hostKey) || m.includes(tokenOf(phone)))).toEqual([]);
      // Counting the phones of both processes (fetchSockets, every batch tick) went through Redis
      // too, and carried no token, key, address or header of anyone.
      await host.waitFor((v) => v.present === 2, 10_000);
      expect(everything.some((m) => m.includes(room.code) && m.includes('participant'))).toBe(true);
      const secrets = [room.hostKey, tokenOf(phone), tokenOf(first), '127.0.0.1', 'user-agent', 'x-forwarded-for'];
      expect(everything.filter((m) => secrets.some((s) => m.toLowerCase().includes(s.toLowerCase())))).toEqual([]);
    } finally {
      listener.disconnect();
    }
  });

  // Both transports: a phone behind a proxy that blocks WebSockets stays on long-polling.
  const TRANSPORTS: [string, Transports][] = [
    ['WebSocket', ['websocket']],
    ['long-polling', ['polling']],
  ];

  it.each(TRANSPORTS)("sends a phone's other tab its answer through Redis only when the process it came from holds one (%s)", async (_name, transports) => {
    const room = await createRoom(a.url, { minGroupSize: 3 });
    // The host reaches b first, so b holds the room; the two tabs of one phone are on a.
    const host = pool.keep(await connectHost(b.url, room));
    const onHolder = pool.keep(await connectPhone(b.url, room, undefined, transports));
    const tab = pool.keep(await connectPhone(a.url, room, undefined, transports));
    const otherTab = pool.keep(await connectPhone(a.url, room, tokenOf(tab), transports));
    expect(otherTab.socket.io.engine.transport.name).toBe(transports[0]);
    await host.waitFor((v) => v.joined === 2, 10_000);
    const cardId = await toVoteCard(host);
    const toPhones = await listenToRedis((_channel, message) => message.includes(`room:${room.code}:p:`));
    try {
      // A phone with one tab, on the holder: its answer goes to nobody else, and not through Redis.
      expect(await onHolder.send({ type: 'vote.cast', cardId, choice: 'nooit' })).toEqual({ ok: true, choice: 'nooit', round: 1 });
      await new Promise((r) => setTimeout(r, 500));
      expect(toPhones.heard).toEqual([]);
      // Forwarded from a, which holds the phone's other tab: that tab shows the answer.
      expect(await tab.send({ type: 'vote.cast', cardId, choice: 'soms' })).toEqual({ ok: true, choice: 'soms', round: 1 });
      await otherTab.waitFor((v) => v.vote?.mine === 'soms', 10_000);
      expect(toPhones.heard.length).toBeGreaterThan(0);
    } finally {
      toPhones.stop();
    }
  });

  it.each(TRANSPORTS)('counts the phones of every process again only when one came or went, not on every batch tick (%s)', async (_name, transports) => {
    const room = await createRoom(a.url, { minGroupSize: 3 });
    const host = pool.keep(await connectHost(b.url, room));
    const phones = await Promise.all(Array.from({ length: 4 }, async () => pool.keep(await connectPhone(a.url, room, undefined, transports))));
    await host.waitFor((v) => v.present === 4, 10_000);
    const cardId = await toVoteCard(host);
    const requests = await listenToRedis((channel) => channel.includes('-request#'));
    try {
      // Answers for three batch ticks: the host's count moves, the number of phones does not.
      for (const [i, phone] of phones.entries()) expect(await phone.send({ type: 'vote.cast', cardId, choice: ANSWERS[i % 3]! })).toMatchObject({ ok: true });
      await host.waitFor((v) => v.vote?.responded === 4, 10_000);
      await new Promise((r) => setTimeout(r, 2500));
      expect(requests.heard).toEqual([]);
      // A phone leaves on the other process: the holder hears of it and counts again.
      phones[0]!.close();
      await host.waitFor((v) => v.present === 3, 10_000);
      expect(requests.heard.length).toBeGreaterThan(0);
    } finally {
      requests.stop();
    }
  });

  it('never applies a command of a process whose lease on the room was taken over', async () => {
    const room = await createRoom(a.url, { minGroupSize: 3 });
    const host = pool.keep(await connectHost(a.url, room));
    const phone = pool.keep(await connectPhone(a.url, room));
    const cardId = await toVoteCard(host);
    // Another holder (a stand-in that never answers) takes the room over with a higher token.
    await admin.query(`UPDATE "${schema}".room_leases SET owner = 'elders', token = token + 1, expires_at = now() + interval '1 hour' WHERE code = $1`, [room.code]);
    const ack = await phone.send({ type: 'vote.cast', cardId, choice: 'soms' });
    expect(ack).toMatchObject({ ok: false, error: 'busy' });
    const stored = async () =>
      Number((await admin.query(`SELECT count(*) FROM "${schema}".events WHERE code = $1 AND body LIKE '%voteCast%'`, [room.code])).rows[0].count);
    expect(await stored()).toBe(0);
    // The stand-in lets go: the next resend is taken by a process again, and stored once.
    await admin.query(`UPDATE "${schema}".room_leases SET expires_at = now() WHERE code = $1`, [room.code]);
    await voteUntilStored(phone, cardId, 'soms');
    expect(await stored()).toBe(1);
  });

  it('says in one line when Redis does not answer at the start, and stops', async () => {
    const closed = await freePort();
    const failed = await startServer({ env: { DATABASE_URL: databaseUrl(), REDIS_URL: `redis://:geheim@127.0.0.1:${closed}` } }).then(
      (s) => (servers.push(s), null),
      (error: Error) => error.message,
    );
    expect(failed).toContain(`[kring] Redis op 127.0.0.1:${closed} is niet bereikbaar (ECONNREFUSED)`);
    expect(failed).not.toContain('geheim');
    expect(failed!.split('\n').filter((line) => line.startsWith('[kring]'))).toHaveLength(1);
  });

  it('hands its rooms over at once when a process stops cleanly', async () => {
    const leaving = await start();
    const room = await createRoom(leaving.url, { minGroupSize: 3 });
    const phone = pool.keep(await connectPhone(leaving.url, room));
    const host = pool.keep(await connectHost(b.url, room));
    const cardId = await toVoteCard(host);
    expect(await phone.send({ type: 'vote.cast', cardId, choice: 'vaak' })).toEqual({ ok: true, choice: 'vaak', round: 1 });
    await leaving.kill('SIGTERM');
    const stoppedAt = Date.now();
    // Well within the lease time: the lease was released, not left to run out.
    const back = await connectWhenServed(b.url, room, tokenOf(phone), 2000);
    expect(Date.now() - stoppedAt).toBeLessThan(1500);
    expect(back.view().vote?.mine).toBe('vaak');
  });

  it('exports through any process what the holder stored, also the second time', async () => {
    const room = await createRoom(a.url, { minGroupSize: 3 });
    const phones = (await connectPhones(a.url, room, 3)).map(pool.keep);
    const host = pool.keep(await connectHost(a.url, room));
    const cardId = await toVoteCard(host);
    type Export = { cards: { id: string; vote?: { status: string; counts: Record<string, number> | null } }[] };
    const exported = async () =>
      ((await (await fetch(`${b.url}/api/rooms/${room.code}/results.json`, { headers: { authorization: `Bearer ${room.hostKey}` } })).json()) as Export).cards.find(
        (c) => c.id === cardId,
      )!.vote!;
    expect((await exported()).status).toBe('nog niet getoond');
    await Promise.all(phones.map((p) => voteUntilStored(p, cardId, 'soms')));
    await host.waitFor((v) => v.vote?.responded === 3, 10_000);
    expect(await host.send({ type: 'result.reveal', cardId })).toEqual({ ok: true });
    expect(await exported()).toMatchObject({ status: 'ok', counts: { soms: 3 } });
  });

  it('deletes a room for every process when its host deletes it through another process, and knows no made-up code', async () => {
    const room = await createRoom(a.url, { minGroupSize: 3 });
    const phone = pool.keep(await connectPhone(a.url, room));
    const gone = disconnected(phone);
    phone.socket.io.opts.reconnection = false;
    const res = await fetch(`${b.url}/api/rooms/${room.code}`, { method: 'DELETE', headers: { authorization: `Bearer ${room.hostKey}` } });
    expect(res.status).toBe(200);
    await gone;
    // The holder dropped its copy: the room is unknown there too, and its lease went with it.
    expect(await refusalReason(a.url, { role: 'participant', room: room.code, token: nanoid() })).toBe('unknown-room');
    expect(Number((await admin.query(`SELECT count(*) FROM "${schema}".room_leases WHERE code = $1`, [room.code])).rows[0].count)).toBe(0);
    // A guessed code is unknown on every process, and leaves no lease row behind.
    expect(await refusalReason(b.url, { role: 'participant', room: 'ZZZZZZ', token: nanoid() })).toBe('unknown-room');
    expect(Number((await admin.query(`SELECT count(*) FROM "${schema}".room_leases WHERE code = 'ZZZZZZ'`)).rows[0].count)).toBe(0);
  });

  it('serves the rooms of a killed process from the other within 5 s, with every acknowledged answer', async () => {
    const room = await createRoom(a.url, { minGroupSize: 3 });
    // The phones reach `a` first, so `a` holds the room: killing it tests the takeover.
    const phones = (await connectPhones(a.url, room, 12)).map(pool.keep);
    const host = pool.keep(await connectHost(b.url, room));
    await host.waitFor((v) => v.joined === 12, 10_000);
    const cardId = await toVoteCard(host);
    const { sent, acked } = await answerAllAndKillMidway(phones, cardId, 6, () => a.child.kill('SIGKILL'));
    await a.kill();
    const killedAt = Date.now();
    expect(acked.size).toBeGreaterThanOrEqual(6);
    // The phones come back on the other process, with the same token (as the site's client does).
    const back = await Promise.all(phones.map((p) => connectWhenServed(b.url, room, tokenOf(p))));
    const servedAfter = Date.now() - killedAt;
    expect(servedAfter).toBeLessThan(5000 + 2000);
    for (const [i, phone] of back.entries()) {
      if (acked.has(i)) expect(phone.view().vote?.mine, `phone ${i} (acknowledged)`).toBe(sent[i]);
    }
    // The rest answer again and are stored by the new holder.
    await Promise.all(back.map((p, i) => voteUntilStored(p, cardId, sent[i]!)));
    const counted = await host.waitFor((v) => v.vote?.responded === 12, 10_000);
    expect(counted.present).toBe(12);
    console.log(`[cluster] rooms of a killed process served again after ${servedAfter} ms`);
    // Nothing identifying a phone in what either process printed.
    for (const server of [a, b]) for (const phone of phones) expect(server.output()).not.toContain(tokenOf(phone));
  });

  it('recovers by itself after Redis restarts mid-session, losing nothing acknowledged', async () => {
    const [c] = servers.filter((s) => s.child.exitCode === null && !s.child.signalCode && s !== b);
    const other = c ?? (a = await start());
    const room = await createRoom(other.url, { minGroupSize: 3 });
    // The phones reach `other` first, so it holds the room; the host's process forwards to it.
    const phones = (await connectPhones(other.url, room, 6)).map(pool.keep);
    const host = pool.keep(await connectHost(b.url, room));
    await host.waitFor((v) => v.joined === 6, 10_000);
    const cardId = await toVoteCard(host);
    await stopRedis();
    // Phones on the holder still answer while Redis is away.
    const acks = await Promise.all(phones.slice(0, 3).map((p, i) => p.send({ type: "vote.cast", cardId, choice: ANSWERS[i]! }).catch((e: Error) => e.message)));
    const acked = acks.filter((r) => typeof r === "object" && r.ok).length;
    // Away long enough that ioredis gives up on what it had queued meanwhile.
    await new Promise((r) => setTimeout(r, 2000));
    redis.child = await startRedis(redis.port);
    await Promise.all(phones.map((p, i) => voteUntilStored(p, cardId, ANSWERS[i % 3]!, 20_000)));
    const seen = await host.waitFor((v) => v.vote?.responded === 6, 20_000);
    expect(seen.present).toBe(6);
    // Storing never needed Redis: all three were acknowledged while it was away, and are counted.
    expect(acked).toBe(3);
    // The host's process forwards to the holder again (its Redis subscriptions came back by themselves).
    const until = Date.now() + 10_000;
    let reveal = await host.send({ type: 'result.reveal', cardId });
    while (!reveal.ok && reveal.error === 'busy' && Date.now() < until) reveal = await host.send({ type: 'result.reveal', cardId });
    expect(reveal).toEqual({ ok: true });
    expect(other.output()).not.toContain('nobody handled');
    for (const [i, phone] of phones.slice(0, 3).entries()) await phone.waitFor((v) => v.vote?.mine === ANSWERS[i]);
  });

  it('recovers by itself after PostgreSQL drops every connection, losing nothing acknowledged', async () => {
    const live = servers.filter((s) => s.child.exitCode === null && !s.child.signalCode && s !== b)[0]!;
    const room = await createRoom(live.url, { minGroupSize: 3 });
    const host = pool.keep(await connectHost(b.url, room));
    const phones = (await connectPhones(live.url, room, 6)).map(pool.keep);
    await host.waitFor((v) => v.joined === 6, 10_000);
    const cardId = await toVoteCard(host);
    const acked = new Map<number, string>();
    const voting = phones.map((p, i) =>
      p.send({ type: 'vote.cast', cardId, choice: ANSWERS[i % 3]! }).then((ack) => ack.ok && acked.set(i, ANSWERS[i % 3]!), () => undefined),
    );
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [application]);
    await Promise.all(voting);
    // Every phone's answer lands in the end; what was acknowledged before is still there.
    await Promise.all(phones.map((p, i) => voteUntilStored(p, cardId, ANSWERS[i % 3]!, 20_000)));
    await host.waitFor((v) => v.vote?.responded === 6, 20_000);
    const fresh = await Promise.all(phones.map((p) => connectPhone(b.url, room, tokenOf(p)).then(pool.keep)));
    for (const [i, choice] of acked) expect(fresh[i]!.view().vote?.mine).toBe(choice);
  });
});

describe.skipIf(!available)('limits over several processes', () => {
  it('counts the sessions one address starts on every process together', async () => {
    // 4 per hour: 2 at once, whichever process they reach. A prefix of their own: the other tests' starts do not count.
    const limited = { KRING_ROOMS_PER_HOUR: '4', KRING_REDIS_PREFIX: `${schema}_limits` };
    const [one, two] = await Promise.all([start(limited), start(limited)]);
    const started = async (url: string) =>
      (await fetch(`${url}/api/rooms`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ deckId: 'focusgroep' }) })).status;
    expect(await started(one!.url)).toBe(201);
    expect(await started(two!.url)).toBe(201);
    expect(await started(one!.url)).toBe(429);
    expect(await started(two!.url)).toBe(429);
  });
});
