// Voting with a real server and real phones: exact tallies after batching, reconnecting phones that
// keep their one answer, and resent commands that are applied once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParticipantView, VoteChoice } from '@protocol';
import { startServer, type ServerProcess } from '../support/server-process.ts';
import { connectBeamer, connectHost, connectPhone, createRoom, type TestClient } from '../support/clients.ts';
import { clientPool, connectPhones, readStoredRoom, tokenOf } from '../support/sessions.ts';

let server: ServerProcess;
const pool = clientPool();
const keep = pool.keep;

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  pool.closeAll();
  await server.cleanup();
});

const ANSWERS: VoteChoice[] = ['nooit', 'soms', 'vaak'];

describe('voting', () => {
  it('the beamer shows exactly the tally of 30 phones after some changed their answer and some passed', async () => {
    const room = await createRoom(server.url);
    const host = keep(await connectHost(server.url, room));
    const beamer = keep(await connectBeamer(server.url, room));
    const phones = (await connectPhones(server.url, room, 30)).map(keep);
    await host.waitFor((v) => v.joined === 30);

    expect(await host.send({ type: 'card.goto', index: 1 })).toEqual({ ok: true });
    const shownCard = await host.waitFor((v) => v.cardIndex === 1);
    const cardId = shownCard.card!.id;
    expect(shownCard.vote?.open).toBe(true);

    // 25 answer, 5 pass, all at once; then 10 of those who answered change their mind.
    const first = phones.map((_, i): VoteChoice => (i < 25 ? ANSWERS[i % 3]! : 'pas'));
    const acks = await Promise.all(phones.map((p, i) => p.send({ type: 'vote.cast', cardId, choice: first[i] })));
    expect(acks.every((a) => a.ok)).toBe(true);
    const final = [...first];
    for (let i = 0; i < 10; i++) final[i] = ANSWERS[(i + 1) % 3]!;
    const changes = await Promise.all(phones.slice(0, 10).map((p, i) => p.send({ type: 'vote.cast', cardId, choice: final[i] })));
    expect(changes.every((a) => a.ok)).toBe(true);

    const expected: Record<string, number> = { nooit: 0, soms: 0, vaak: 0 };
    for (const choice of final) if (choice !== 'pas') expected[choice]! += 1;

    // The host's live numbers arrive in a batch, and are exact; the beamer still shows nothing.
    const live = await host.waitFor((v) => v.vote?.responded === 30);
    expect(live.vote?.result).toEqual({ state: 'hidden' });
    expect((await beamer.waitFor((v) => v.joined === 30)).vote?.result).toEqual({ state: 'hidden' });

    expect(await host.send({ type: 'result.reveal', cardId })).toEqual({ ok: true });
    const shown = { state: 'shown', counts: expected, answered: 25, passes: 5, split: true };
    const beamerView = await beamer.waitFor((v) => v.vote?.result.state === 'shown');
    expect(beamerView.vote?.result).toEqual(shown);
    expect((await host.waitFor((v) => v.vote?.revealed === true)).vote).toMatchObject({ responded: 30, result: shown });

    // Every phone sees its own final answer, and only that.
    await Promise.all(phones.map((p, i) => p.waitFor((v) => v.vote?.mine === final[i])));
  });

  it('an answer is acknowledged with its choice and sends its phone no view; a second tab of that phone gets one', async () => {
    const room = await createRoom(server.url);
    const host = keep(await connectHost(server.url, room));
    const phone = keep(await connectPhone(server.url, room));
    const secondTab = keep(await connectPhone(server.url, room, tokenOf(phone)));
    await host.send({ type: 'card.goto', index: 1 });
    const cardId = (await host.waitFor((v) => v.cardIndex === 1)).card!.id;
    await phone.waitFor((v) => v.card?.id === cardId);
    await secondTab.waitFor((v) => v.card?.id === cardId);

    const viewsAfter: ParticipantView[] = [];
    phone.socket.on('view', (v: ParticipantView) => viewsAfter.push(v));
    expect(await phone.send({ type: 'vote.cast', cardId, choice: 'soms' })).toEqual({ ok: true, choice: 'soms', round: 1 });
    expect(phone.view().vote?.mine).toBe('soms'); // folded in from the acknowledgement
    expect((await secondTab.waitFor((v) => v.vote?.mine === 'soms')).vote?.mine).toBe('soms');
    await new Promise((done) => setTimeout(done, 300));
    expect(viewsAfter).toEqual([]);
  });

  it('a phone that reconnects with the same token keeps its one answer and is counted once', async () => {
    const room = await createRoom(server.url, { minGroupSize: 3 });
    const host = keep(await connectHost(server.url, room));
    const beamer = keep(await connectBeamer(server.url, room));
    const others = (await connectPhones(server.url, room, 2)).map(keep);
    const phone = await connectPhone(server.url, room);
    const token = tokenOf(phone);
    await host.send({ type: 'card.goto', index: 1 });
    const cardId = (await host.waitFor((v) => v.cardIndex === 1)).card!.id;

    expect(await phone.send({ type: 'vote.cast', cardId, choice: 'soms' })).toEqual({ ok: true, choice: 'soms', round: 1 });
    phone.close();

    // Back with the same token (a reload, or a lost connection): the answer is still there.
    const again = keep(await connectPhone(server.url, room, token));
    expect(again.view().vote).toEqual({ open: true, revealed: false, round: 1, mine: 'soms' });
    expect(await again.send({ type: 'vote.cast', cardId, choice: 'vaak' })).toEqual({ ok: true, choice: 'vaak', round: 1 });
    await again.waitFor((v) => v.vote?.mine === 'vaak');
    await Promise.all(others.map((p) => p.send({ type: 'vote.cast', cardId, choice: 'nooit' })));

    const live = await host.waitFor((v) => v.vote?.responded === 3);
    expect(live.joined).toBe(3);
    await host.send({ type: 'result.reveal', cardId });
    const shown = await beamer.waitFor((v) => v.vote?.result.state === 'shown');
    expect(shown.joined).toBe(3);
    expect(shown.vote?.result).toEqual({ state: 'shown', counts: { nooit: 2, soms: 0, vaak: 1 }, answered: 3, passes: 0, split: false });
  });

  it('a resent command is applied once, even after a reconnect', async () => {
    const room = await createRoom(server.url, { deckId: 'focusgroep-team' });
    const host = keep(await connectHost(server.url, room));
    const phone = await connectPhone(server.url, room);
    await host.send({ type: 'card.goto', index: 1 });
    const shownCard = await host.waitFor((v) => v.cardIndex === 1);
    const cardId = shownCard.card!.id;
    expect(shownCard.board?.open).toBe(true);

    const add = { id: 'retry-post-it-0001', type: 'postIt.add', cardId, text: 'Eén keer, ook als mijn wifi hapert' };
    const firstAck = await phone.send(add);
    expect(firstAck).toMatchObject({ ok: true, postItId: expect.any(String) });
    expect(await phone.send(add)).toEqual({ ok: true, duplicate: true, postItId: firstAck.ok ? firstAck.postItId : undefined, text: add.text });
    await phone.waitFor((v) => v.board?.mine.length === 1);

    // The ack got lost and the phone reconnected before retrying: still one post-it.
    const token = tokenOf(phone);
    phone.close();
    const again = keep(await connectPhone(server.url, room, token));
    expect(await again.send(add)).toEqual({ ok: true, duplicate: true, postItId: firstAck.ok ? firstAck.postItId : undefined, text: add.text });
    expect(again.view().board?.mine).toEqual([{ id: (firstAck as { postItId: string }).postItId, text: add.text, columnId: null }]);
    const hostView = await host.waitFor((v) => (v.board?.postIts.length ?? 0) > 0);
    expect(hostView.board?.postIts.map((p) => p.text)).toEqual([add.text]);
  });

  it('a late retry of an old answer does not overwrite a newer one', async () => {
    const room = await createRoom(server.url, { minGroupSize: 3 });
    const host = keep(await connectHost(server.url, room));
    const phone: TestClient<ParticipantView> = keep(await connectPhone(server.url, room));
    await host.send({ type: 'card.goto', index: 1 });
    const cardId = (await host.waitFor((v) => v.cardIndex === 1)).card!.id;
    const old = { id: 'old-answer-00001', type: 'vote.cast', cardId, choice: 'vaak' };
    expect(await phone.send(old)).toEqual({ ok: true, choice: 'vaak', round: 1 });
    expect(await phone.send({ type: 'vote.cast', cardId, choice: 'nooit' })).toEqual({ ok: true, choice: 'nooit', round: 1 });
    // The duplicate repeats the first sending's acknowledgement; the phone does not take its choice as news.
    expect(await phone.send(old)).toEqual({ ok: true, duplicate: true, choice: 'vaak', round: 1 });
    expect((await phone.waitFor((v) => v.vote?.mine === 'nooit')).vote?.mine).toBe('nooit');
  });

  it('the same command id from two phones is two commands', async () => {
    const room = await createRoom(server.url, { deckId: 'focusgroep-team' });
    const host = keep(await connectHost(server.url, room));
    const [a, b] = (await connectPhones(server.url, room, 2)).map(keep);
    await host.send({ type: 'card.goto', index: 1 });
    const cardId = (await host.waitFor((v) => v.cardIndex === 1)).card!.id;
    const add = (text: string) => ({ id: 'same-id-from-both', type: 'postIt.add', cardId, text });
    expect(await a!.send(add('Van telefoon A'))).toMatchObject({ ok: true, postItId: expect.any(String) });
    expect(await b!.send(add('Van telefoon B'))).toMatchObject({ ok: true, postItId: expect.any(String) });
    const view = await host.waitFor((v) => v.board?.postIts.length === 2);
    expect(view.board?.postIts.map((p) => p.text).sort()).toEqual(['Van telefoon A', 'Van telefoon B']);
  });

  it('a script that changes its vote 20 times without waiting costs fewer writes, and the last answer counts', async () => {
    const room = await createRoom(server.url, { minGroupSize: 3 });
    const host = keep(await connectHost(server.url, room));
    const phone = keep(await connectPhone(server.url, room));
    await host.send({ type: 'card.goto', index: 1 });
    const cardId = (await host.waitFor((v) => v.cardIndex === 1)).card!.id;
    const choices = Array.from({ length: 20 }, (_, i): VoteChoice => ANSWERS[i % 3]!);
    const acks = await Promise.all(choices.map((choice) => phone.send({ type: 'vote.cast', cardId, choice })));
    expect(acks.every((a) => a.ok)).toBe(true);
    expect((await phone.waitFor((v) => v.vote?.mine === choices.at(-1))).vote?.mine).toBe(choices.at(-1));
    const stored = readStoredRoom(server.dataDir, room.code)!.events.filter((e) => e.type === 'voteCast');
    expect(stored.length).toBeLessThan(choices.length);
    expect(stored.at(-1)).toMatchObject({ choice: choices.at(-1) });
  });
});

