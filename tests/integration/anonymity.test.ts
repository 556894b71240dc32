// The anonymity promises through the real server, written as the attacks a curious host or a
// classmate with a script would try (k = 5): differencing after a reveal, exporting twice, a host
// that reconnects or sends a command right after one answer, made-up phones, and a locked room.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateRoomResponse, HostView, ParticipantView, ResultsExport, VoteChoice } from '@protocol';
import { startServer, type ServerProcess } from '../support/server-process.ts';
import { connectBeamer, connectHost, connectPhone, createRoom, type TestClient } from '../support/clients.ts';
import { clientPool, connectPhones, refusalReason } from '../support/sessions.ts';

let server: ServerProcess;
const pool = clientPool();
const keep = pool.keep;
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));
/** Longer than one batch tick (1 s): anything that would reach host or beamer has arrived. */
const AFTER_A_TICK = 1600;

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  pool.closeAll();
  await server.cleanup();
});

async function themeRoom(body: Record<string, unknown> = {}) {
  const room = await createRoom(server.url, body);
  const host = keep(await connectHost(server.url, room));
  const beamer = keep(await connectBeamer(server.url, room));
  expect(await host.send({ type: 'card.goto', index: 1 })).toMatchObject({ ok: true });
  const cardId = (await host.waitFor((v) => v.cardIndex === 1)).card!.id;
  return { room, host, beamer, cardId };
}

const exportJson = async (room: CreateRoomResponse) =>
  (await (await fetch(`${server.url}/api/rooms/${room.code}/results.json`, { headers: { authorization: `Bearer ${room.hostKey}` } })).json()) as ResultsExport;

async function vote(phones: TestClient<ParticipantView>[], cardId: string, choices: VoteChoice[]) {
  const acks = await Promise.all(choices.map((choice, i) => phones[i]!.send({ type: 'vote.cast', cardId, choice })));
  expect(acks.every((a) => a.ok)).toBe(true);
}

describe('differencing after a reveal', () => {
  it('a sixth answer, a changed answer and a pass after the reveal move nothing on the beamer or in the export', async () => {
    const { room, host, beamer, cardId } = await themeRoom();
    const phones = (await connectPhones(server.url, room, 7)).map(keep);
    await vote(phones, cardId, ['nooit', 'nooit', 'soms', 'soms', 'vaak']);
    await host.waitFor((v) => v.vote?.responded === 5);
    expect(await host.send({ type: 'result.reveal', cardId })).toEqual({ ok: true });
    const shown = (await beamer.waitFor((v) => v.vote?.result.state === 'shown')).vote!.result;
    expect(shown).toEqual({ state: 'shown', counts: { nooit: 2, soms: 2, vaak: 1 }, answered: 5, passes: 0, split: true });
    const exported = (await exportJson(room)).cards.find((c) => c.id === cardId)!.vote;

    // The attack: one more phone answers "vaak", one changes its mind, one passes.
    expect(await phones[5]!.send({ type: 'vote.cast', cardId, choice: 'vaak' })).toEqual({ ok: true, choice: 'vaak', round: 1 });
    expect(await phones[0]!.send({ type: 'vote.cast', cardId, choice: 'vaak' })).toEqual({ ok: true, choice: 'vaak', round: 1 });
    expect(await phones[6]!.send({ type: 'vote.cast', cardId, choice: 'pas' })).toEqual({ ok: true, choice: 'pas', round: 1 });
    await host.waitFor((v) => v.vote?.responded === 7);
    await sleep(AFTER_A_TICK);
    expect(beamer.view().vote!.result).toEqual(shown);
    expect(host.view().vote!.result).toEqual(shown);
    expect((await exportJson(room)).cards.find((c) => c.id === cardId)!.vote).toEqual(exported);

    // A new reveal with only 3 new or changed answers is refused; the frozen result stays.
    expect(host.view().vote!.nextReveal).toBe('same');
    expect(await host.send({ type: 'result.reveal', cardId })).toMatchObject({ ok: false, error: 'conflict' });
    // Hiding and showing again shows the same frozen numbers.
    expect(await host.send({ type: 'result.hide', cardId })).toEqual({ ok: true });
    await beamer.waitFor((v) => v.vote?.result.state === 'hidden');
    expect(await host.send({ type: 'result.reveal', cardId })).toEqual({ ok: true });
    expect((await beamer.waitFor((v) => v.vote?.result.state === 'shown')).vote!.result).toEqual(shown);
  });

  it('an export before any reveal holds no counts, and exporting twice around one answer tells nothing', async () => {
    const { room, cardId } = await themeRoom();
    const phones = (await connectPhones(server.url, room, 6)).map(keep);
    await vote(phones, cardId, ['nooit', 'soms', 'vaak', 'vaak', 'soms']);
    const first = await exportJson(room);
    await vote([phones[5]!], cardId, ['vaak']);
    const second = await exportJson(room);
    const card = (r: ResultsExport) => r.cards.find((c) => c.id === cardId)!.vote!;
    expect(card(first)).toMatchObject({ status: 'nog niet getoond', counts: null, passes: null });
    expect(card(second)).toEqual(card(first));
    expect(JSON.stringify(second)).not.toMatch(/"vaak":\s*[1-9]/);
  });
});

describe('batching on every path', () => {
  async function roomWithFiveAnswers() {
    const setup = await themeRoom();
    const phones = (await connectPhones(server.url, setup.room, 6)).map(keep);
    await vote(phones, setup.cardId, ['nooit', 'soms', 'vaak', 'vaak', 'soms']);
    await setup.host.waitFor((v) => v.vote?.responded === 5);
    await sleep(AFTER_A_TICK);
    return { ...setup, phones };
  }

  it('a host that reconnects 5 ms after one answer does not see it counted yet', async () => {
    const { room, cardId, phones } = await roomWithFiveAnswers();
    expect(await phones[5]!.send({ type: 'vote.cast', cardId, choice: 'vaak' })).toEqual({ ok: true, choice: 'vaak', round: 1 });
    await sleep(5);
    const fresh = keep(await connectHost(server.url, room));
    expect(fresh.view().vote!.responded).toBe(5);
    // On the next tick it arrives, for everyone at once.
    await fresh.waitFor((v) => v.vote?.responded === 6, 3000);
  });

  it('a host command 5 ms after one answer does not bring the count along', async () => {
    const { host, cardId, phones } = await roomWithFiveAnswers();
    const views: HostView[] = [];
    host.onView((v) => views.push(v));
    expect(await phones[5]!.send({ type: 'vote.cast', cardId, choice: 'pas' })).toEqual({ ok: true, choice: 'pas', round: 1 });
    await sleep(5);
    expect(await host.send({ type: 'vote.close', cardId })).toEqual({ ok: true });
    const afterCommand = await host.waitFor((v) => v.vote?.open === false);
    expect(afterCommand.vote!.responded).toBe(5);
    await host.waitFor((v) => v.vote?.responded === 6, 3000);
    // Never a view with the answer counted before the tick: the first view with 6 came after the close.
    const firstWithSix = views.findIndex((v) => v.vote?.responded === 6);
    const closed = views.findIndex((v) => v.vote?.open === false);
    expect(closed).toBeGreaterThanOrEqual(0);
    expect(firstWithSix).toBeGreaterThan(closed);
  });

  it('"reageerde" is one number: the host cannot tell a pass from an answer', async () => {
    const { host, cardId, phones } = await roomWithFiveAnswers();
    const before = host.view().vote!;
    expect(await phones[5]!.send({ type: 'vote.cast', cardId, choice: 'pas' })).toEqual({ ok: true, choice: 'pas', round: 1 });
    const after = (await host.waitFor((v) => v.vote?.responded === 6)).vote!;
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    expect(after).not.toHaveProperty('passes');
    expect(after).not.toHaveProperty('answered');
  });
});

describe('made-up phones and a locked room', () => {
  it('the host sees more phones than expected, and the reveal warns', async () => {
    const { room, host } = await themeRoom({ expectedGroupSize: 2 });
    expect(host.view()).toMatchObject({ expectedGroupSize: 2, moreThanExpected: false });
    // One real phone and four a classmate made up.
    (await connectPhones(server.url, room, 5)).map(keep);
    const view = await host.waitFor((v) => v.joined === 5);
    expect(view.moreThanExpected).toBe(true);
  });

  it('a locked room refuses new phones, while a phone that joined comes back', async () => {
    const { room, host, beamer } = await themeRoom();
    const member = keep(await connectPhone(server.url, room));
    await host.waitFor((v) => v.joined === 1);
    expect(await host.send({ type: 'room.lock', locked: true })).toEqual({ ok: true });
    await beamer.waitFor((v) => v.locked);
    expect(await refusalReason(server.url, { role: 'participant', room: room.code, token: 'x'.repeat(21) })).toBe('locked');
    // The member's phone drops and reconnects with the same token.
    const token = (member.socket.auth as { token: string }).token;
    member.close();
    const back = keep(await connectPhone(server.url, room, token));
    expect(back.view().status).toBe('live');
    expect(await host.send({ type: 'room.lock', locked: false })).toEqual({ ok: true });
    keep(await connectPhone(server.url, room));
    expect((await host.waitFor((v) => v.joined === 2)).locked).toBe(false);
  });
});
