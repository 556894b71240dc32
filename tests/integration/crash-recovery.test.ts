// kill -9 in the middle of a burst of answers: every answer that was acknowledged is still there after
// a restart on the same data, and the phones reconnect by themselves to a fresh view.
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type ServerProcess } from '../support/server-process.ts';
import { connectBeamer, connectHost, createRoom } from '../support/clients.ts';
import { answerAllAndKillMidway, clientPool, connectPhones, disconnected, nextView } from '../support/sessions.ts';

const servers: ServerProcess[] = [];
const pool = clientPool();
afterAll(async () => {
  pool.closeAll();
  // The restarted server shares the first one's data folder; the first one removes it.
  for (const s of servers.reverse()) await s.cleanup();
});

const ANSWERS = ['nooit', 'soms', 'vaak'] as const;

describe('a server crash', () => {
  it('keeps every acknowledged answer when killed with -9 mid-burst', async () => {
    const server = await startServer();
    servers.push(server);
    const room = await createRoom(server.url, { minGroupSize: 3 });
    const host = await connectHost(server.url, room);
    const beamer = await connectBeamer(server.url, room);
    const phones = await connectPhones(server.url, room, 20);
    const everyone = [host, beamer, ...phones].map(pool.keep);
    await host.send({ type: 'card.goto', index: 1 });
    const cardId = (await host.waitFor((v) => v.cardIndex === 1)).card!.id;
    await host.waitFor((v) => v.joined === 20);

    // 20 answers at once; the server is killed as soon as half of them were acknowledged.
    const { sent, acked } = await answerAllAndKillMidway(phones, cardId, 10, () => server.child.kill('SIGKILL'));
    await server.kill();
    expect(acked.size).toBeGreaterThanOrEqual(10);

    // Every client notices, then reconnects by itself (same socket, same token) to the new process.
    await Promise.all(everyone.map((c) => disconnected(c)));
    const freshPhoneViews = phones.map((p) => nextView(p, 20_000));
    const freshHostView = nextView(host, 20_000);
    const freshBeamerView = nextView(beamer, 20_000);
    servers.push(await server.restart());

    const phoneViews = await Promise.all(freshPhoneViews);
    for (const [i, view] of phoneViews.entries()) {
      if (acked.has(i)) expect(view.vote?.mine, `phone ${i} (acknowledged)`).toBe(sent[i]);
      else expect([null, sent[i]], `phone ${i} (not acknowledged)`).toContain(view.vote?.mine);
    }
    const hostView = await freshHostView;
    expect(hostView).toMatchObject({ cardIndex: 1, joined: 20, status: 'live' });
    expect(hostView.vote?.responded).toBeGreaterThanOrEqual(acked.size);
    await freshBeamerView;

    expect(await host.send({ type: 'result.reveal', cardId })).toEqual({ ok: true });
    const shown = await beamer.waitFor((v) => v.vote?.result.state === 'shown');
    const result = shown.vote!.result;
    if (result.state !== 'shown') throw new Error('the result is not shown');
    expect(result.answered).toBeGreaterThanOrEqual(acked.size);
    for (const answer of ANSWERS) {
      const ackedWith = [...acked].filter((i) => sent[i] === answer).length;
      const sentWith = sent.filter((s) => s === answer).length;
      expect(result.counts[answer]).toBeGreaterThanOrEqual(ackedWith);
      expect(result.counts[answer]).toBeLessThanOrEqual(sentWith);
    }

    // The room carries on: an unacknowledged phone can still answer, and counts once.
    const retry = phones.findIndex((_, i) => !acked.has(i) && phoneViews[i]!.vote?.mine === null);
    if (retry >= 0) {
      expect(await phones[retry]!.send({ type: 'vote.cast', cardId, choice: 'vaak' })).toEqual({ ok: true, choice: 'vaak', round: 1 });
      await phones[retry]!.waitFor((v) => v.vote?.mine === 'vaak');
    }
    const after = await host.waitFor((v) => v.vote?.responded === result.answered + (retry >= 0 ? 1 : 0));
    expect(after.joined).toBe(20);
  });
});
