// The real server process on PostgreSQL (DATABASE_URL): a kill -9 mid-burst loses nothing that was
// acknowledged, and a connection PostgreSQL drops under a command refuses that command with a clear
// message, after which the room carries on by itself.
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { nanoid } from 'nanoid';
import type { CommandAck } from '@protocol';
import { startServer, freePort, type ServerProcess } from '../support/server-process.ts';
import { connectBeamer, connectHost, createRoom } from '../support/clients.ts';
import { answerAllAndKillMidway, clientPool, connectPhones, disconnected, nextView } from '../support/sessions.ts';
import { requireService, TEST_DATABASE_URL, uniqueSchema } from '../support/services.ts';

const available = await requireService('postgres', TEST_DATABASE_URL);
const schema = uniqueSchema('kring_server');
const application = `${schema}_app`;
const admin = new pg.Pool({ connectionString: TEST_DATABASE_URL, max: 2 });
const servers: ServerProcess[] = [];
const pool = clientPool();
afterAll(async () => {
  pool.closeAll();
  // A restarted server shares the first one's data folder; the first one removes it.
  for (const s of servers.reverse()) await s.cleanup();
  if (available) await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await admin.end();
});

/** The test database, with the server's tables in a schema of their own and a name for its connections. */
function databaseUrl() {
  const options = encodeURIComponent(`-c search_path=${schema}`);
  return `${TEST_DATABASE_URL}${TEST_DATABASE_URL.includes('?') ? '&' : '?'}options=${options}&application_name=${application}`;
}

async function start() {
  await admin.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  const server = await startServer({ env: { DATABASE_URL: databaseUrl() } });
  servers.push(server);
  return server;
}

const ANSWERS = ['nooit', 'soms', 'vaak'] as const;

describe('the server without its PostgreSQL', () => {
  it('says in one line that it cannot reach the database, and stops', async () => {
    const closed = await freePort();
    const failed = await startServer({ env: { DATABASE_URL: `postgres://kring:geheim@127.0.0.1:${closed}/kring` } }).then(
      () => null,
      (error: Error) => error.message,
    );
    expect(failed).toContain(`[kring] PostgreSQL op 127.0.0.1:${closed}/kring is niet bereikbaar`);
    expect(failed).not.toContain('geheim');
  });
});

describe.skipIf(!available)('the server on PostgreSQL', () => {
  it('keeps every acknowledged answer when killed with -9 mid-burst', async () => {
    const server = await start();
    expect(server.output()).toContain('data in PostgreSQL op 127.0.0.1:5432/test');
    const room = await createRoom(server.url, { minGroupSize: 3 });
    const host = await connectHost(server.url, room);
    const beamer = await connectBeamer(server.url, room);
    const phones = await connectPhones(server.url, room, 20);
    const everyone = [host, beamer, ...phones].map(pool.keep);
    await host.send({ type: 'card.goto', index: 1 });
    const cardId = (await host.waitFor((v) => v.cardIndex === 1)).card!.id;
    await host.waitFor((v) => v.joined === 20);

    const { sent, acked } = await answerAllAndKillMidway(phones, cardId, 10, () => server.child.kill('SIGKILL'));
    await server.kill();
    expect(acked.size).toBeGreaterThanOrEqual(10);

    await Promise.all(everyone.map((c) => disconnected(c)));
    const freshPhoneViews = phones.map((p) => nextView(p, 20_000));
    const freshHostView = nextView(host, 20_000);
    servers.push(await server.restart());

    const phoneViews = await Promise.all(freshPhoneViews);
    for (const [i, view] of phoneViews.entries()) {
      if (acked.has(i)) expect(view.vote?.mine, `phone ${i} (acknowledged)`).toBe(sent[i]);
      else expect([null, sent[i]], `phone ${i} (not acknowledged)`).toContain(view.vote?.mine);
    }
    expect(await freshHostView).toMatchObject({ cardIndex: 1, joined: 20, status: 'live' });

    expect(await host.send({ type: 'result.reveal', cardId })).toEqual({ ok: true });
    const shown = await beamer.waitFor((v) => v.vote?.result.state === 'shown', 10_000);
    const result = shown.vote!.result;
    if (result.state !== 'shown') throw new Error('the result is not shown');
    expect(result.answered).toBeGreaterThanOrEqual(acked.size);
    for (const answer of ANSWERS) {
      expect(result.counts[answer]).toBeGreaterThanOrEqual([...acked].filter((i) => sent[i] === answer).length);
      expect(result.counts[answer]).toBeLessThanOrEqual(sent.filter((s) => s === answer).length);
    }
  });

  it('refuses a command whose connection PostgreSQL drops, and takes the next one', async () => {
    const last = servers.at(-1);
    const server = last && last.child.exitCode === null && !last.child.signalCode ? last : await start();
    const room = await createRoom(server.url, { minGroupSize: 3 });
    const host = pool.keep(await connectHost(server.url, room));
    const phones = (await connectPhones(server.url, room, 3)).map(pool.keep);
    await host.send({ type: 'card.goto', index: 1 });
    const cardId = (await host.waitFor((v) => v.cardIndex === 1)).card!.id;
    expect(await phones[0]!.send({ type: 'vote.cast', cardId, choice: 'vaak' })).toEqual({ ok: true, choice: 'vaak', round: 1 });

    // Hold the room's row, so the next answer waits inside PostgreSQL; then end the server's connections.
    const holder = await admin.connect();
    try {
      await holder.query('BEGIN');
      await holder.query(`SELECT 1 FROM "${schema}".rooms WHERE code = $1 FOR UPDATE`, [room.code]);
      // A longer wait for the ack than send() allows: the answer waits on the lock until the drop.
      const refused: Promise<CommandAck> = phones[1]!.socket.timeout(20_000).emitWithAck('command', { id: nanoid(), type: 'vote.cast', cardId, choice: 'soms' });
      await expect
        .poll(async () => Number((await admin.query("SELECT count(*) FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'", [application])).rows[0].count), {
          timeout: 15_000,
        })
        .toBeGreaterThan(0);
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [application]);
      const ack = await refused;
      expect(ack).toMatchObject({ ok: false, error: 'server' });
      expect(ack.ok === false && ack.message).toMatch(/Opslaan lukte niet/);
    } finally {
      await holder.query('ROLLBACK');
      holder.release();
    }

    // The pool opens new connections: the refused phone answers again, another phone too.
    expect(await phones[1]!.send({ type: 'vote.cast', cardId, choice: 'soms' })).toEqual({ ok: true, choice: 'soms', round: 1 });
    expect(await phones[2]!.send({ type: 'vote.cast', cardId, choice: 'nooit' })).toEqual({ ok: true, choice: 'nooit', round: 1 });
    await host.waitFor((v) => v.vote?.responded === 3);
    expect(await host.send({ type: 'result.reveal', cardId })).toEqual({ ok: true });
    expect(server.child.exitCode).toBeNull();

    // What was acknowledged is what PostgreSQL holds, once each: a restart shows the same result.
    await server.kill();
    const after = await server.restart();
    servers.push(after);
    const again = pool.keep(await connectHost(after.url, room));
    const view = await again.waitFor((v) => v.vote?.result.state === 'shown');
    expect(view.vote?.result).toMatchObject({ state: 'shown', answered: 3, counts: { vaak: 1, soms: 1, nooit: 1 } });
  });
});
