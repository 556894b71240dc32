// Both socket.io transports through the real server: WebSocket, and long-polling (what a phone falls
// back to behind a school proxy that blocks WebSockets). A raw polling request, as curl sends it,
// must be answered by Engine.IO and leave the server up.
import { withServerClock } from '../support/server-clock.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type ServerProcess } from '../support/server-process.ts';
import { connectBeamer, connectHost, connectPhone, createRoom, type Transports } from '../support/clients.ts';
import { clientPool, participantHashes, readStoredRoom, tokenOf } from '../support/sessions.ts';
import { outcome, sendRaw, storedChanges } from '../support/hostile.ts';
import { LIMITS, type HostView } from '@protocol';
import type { TestClient } from '../support/clients.ts';

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

/** The host puts the deck's first card up (index 1, with a vote); its id. */
async function showFirstCard(host: TestClient<HostView>): Promise<string> {
  expect(await host.send({ type: 'card.goto', index: 1 })).toEqual({ ok: true });
  return (await host.waitFor((v) => v.cardIndex === 1)).card!.id;
}

describe('a raw long-polling request', () => {
  it('gets an Engine.IO handshake, and the server keeps answering', async () => {
    const res = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`);
    expect(res.status).toBe(200);
    const body = await res.text();
    // Engine.IO's open packet: "0" followed by the handshake JSON with a session id.
    expect(body).toMatch(/^0\{"sid":/);
    expect(server.child.exitCode).toBeNull();
    const health = await fetch(`${server.url}/api/health`);
    expect(await health.json()).toEqual({ ok: true });
    // The site's own pages still come from the site, not from Engine.IO.
    expect((await fetch(`${server.url}/`)).status).toBe(200);
    expect(server.output()).not.toMatch(/ERR_HTTP_HEADERS_SENT/);
  });

  it.each([
    ['no query at all', '/socket.io/'],
    ['an unknown transport', '/socket.io/?EIO=4&transport=carrier-pigeon'],
    ['an old protocol', '/socket.io/?EIO=2&transport=polling'],
    ['a made-up session id', '/socket.io/?EIO=4&transport=polling&sid=AAAAAAAAAAAAAAAAAAAA'],
    ['a broken percent escape', '/socket.io/?EIO=4&transport=polling&sid=%E0%A4%A'],
  ])('with %s is answered with an error and the server stays up', async (_name, path) => {
    const res = await fetch(server.url + path);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    expect(server.child.exitCode).toBeNull();
  });
});

describe('a second server on the same port', () => {
  it('stops with a plain Dutch message, not a stack trace, and the first keeps running', async () => {
    const second = startServer({ port: server.port });
    await expect(second).rejects.toThrow(/Poort \d+ is al in gebruik\. Draait Kring al/);
    await expect(second).rejects.not.toThrow(/EADDRINUSE|\n\s+at /);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });
});

describe('no cookies', () => {
  it('neither a page, the API nor an Engine.IO handshake sets a cookie', async () => {
    const responses = await Promise.all([
      fetch(`${server.url}/`),
      fetch(`${server.url}/api/health`),
      fetch(`${server.url}/api/rooms`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ deckId: 'focusgroep' }) }),
      fetch(`${server.url}/socket.io/?EIO=4&transport=polling`),
    ]);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 201, 200]);
    for (const res of responses) expect(res.headers.get('set-cookie')).toBeNull();
  });
});

describe.each<[string, Transports]>([
  ['long-polling only', ['polling']],
  ['WebSocket only', ['websocket']],
  ['polling, then upgrade (as a browser does)', ['polling', 'websocket']],
])('a whole round over %s', (_name, transports) => {
  it('host, beamer and phones take part: join, vote, reveal', async () => {
    const room = await createRoom(server.url, { minGroupSize: 3 });
    const host = keep(await connectHost(server.url, room, transports));
    const beamer = keep(await connectBeamer(server.url, room, transports));
    const phones = await Promise.all([0, 1, 2].map(() => connectPhone(server.url, room, undefined, transports).then(keep)));
    await host.waitFor((v) => v.joined === 3);

    expect(await host.send({ type: 'card.goto', index: 1 })).toMatchObject({ ok: true });
    const cardId = (await host.waitFor((v) => v.cardIndex === 1)).card!.id;
    await Promise.all(phones.map((p) => p.waitFor((v) => v.card?.id === cardId)));
    const acks = await Promise.all(phones.map((p) => p.send({ type: 'vote.cast', cardId, choice: 'vaak' })));
    expect(acks.every((a) => a.ok)).toBe(true);
    await Promise.all(phones.map((p) => p.waitFor((v) => v.vote?.mine === 'vaak')));

    await host.waitFor((v) => (v.vote?.responded ?? 0) >= 3);
    expect(await host.send({ type: 'result.reveal', cardId })).toMatchObject({ ok: true });
    const shown = await beamer.waitFor((v) => v.vote?.result.state === 'shown');
    expect(shown.vote?.result).toMatchObject({ state: 'shown', counts: { nooit: 0, soms: 0, vaak: 3 } });
  });
});

// What a phone behind a proxy that blocks WebSockets does with this stop's features: every new
// command and the clock sync run over long-polling only, as they would on such a phone.
describe('the new paths over long-polling only', () => {
  const polling: Transports = ['polling'];

  it('a polling-only phone syncs its clock to the server within 250 ms, even with its own clock 37 s off', async () => {
    const room = await createRoom(server.url, { deckId: 'moreel-beraad', minGroupSize: 3 });
    const phone = keep(await connectPhone(server.url, room, undefined, polling));
    expect(phone.socket.io.engine.transport.name).toBe('polling');
    const clock = withServerClock(phone, 37_000);
    await clock.synced();
    expect(Math.abs(clock.localNow() + clock.offset() - Date.now())).toBeLessThan(250);
  });

  it('supports an afspraak, drafts a case and saves a private reflection over polling, each counted once', async () => {
    const room = await createRoom(server.url, { deckId: 'dilemmas-klas', minGroupSize: 3 });
    const host = keep(await connectHost(server.url, room, polling));
    const phones = await Promise.all([0, 1, 2].map(() => connectPhone(server.url, room, undefined, polling).then(keep)));
    expect(host.socket.io.engine.transport.name).toBe('polling');
    const index = (await host.waitFor((v) => v.cards.length > 0)).cards.findIndex((c) => c.id === 'onze-afspraken');
    expect(await host.send({ type: 'card.goto', index })).toMatchObject({ ok: true });
    await Promise.all(phones.map((p) => p.waitFor((v) => v.card?.id === 'onze-afspraken')));
    for (const [i, p] of phones.entries()) expect(await p.send({ type: 'postIt.add', cardId: 'onze-afspraken', text: `voorstel ${i}` })).toMatchObject({ ok: true });
    await host.waitFor((v) => v.board?.postIts.length === 3);
    expect(await host.send({ type: 'postIt.approveAll', cardId: 'onze-afspraken' })).toEqual({ ok: true });
    expect(await host.send({ type: 'board.reveal', cardId: 'onze-afspraken' })).toEqual({ ok: true });
    const proposals = (await phones[0]!.waitFor((v) => v.board?.proposals?.length === 3, 20_000)).board!.proposals!;
    // The same support sent twice (a poll that was retried) still counts once.
    const command = { id: 'poll-retry-0001', type: 'postIt.support', cardId: 'onze-afspraken', postItId: proposals[0]!.id, support: true };
    expect(await phones[0]!.send(command)).toEqual({ ok: true });
    expect(await phones[0]!.send(command)).toMatchObject({ ok: true });
    expect(await phones[1]!.send({ ...command, id: 'poll-retry-0002' })).toEqual({ ok: true });
    await host.waitFor((v) => v.board?.postIts.find((p) => p.id === proposals[0]!.id)?.supports === 2);

    const team = await createRoom(server.url, { deckId: 'moreel-beraad', minGroupSize: 3 });
    const lead = keep(await connectHost(server.url, team, polling));
    const colleague = keep(await connectPhone(server.url, team, undefined, polling));
    const casus = (await lead.waitFor((v) => v.cards.length > 0)).cards.findIndex((c) => c.id === 'casus');
    expect(await lead.send({ type: 'card.goto', index: casus })).toMatchObject({ ok: true });
    await colleague.waitFor((v) => v.card?.id === 'casus');
    expect(await colleague.send({ type: 'case.draft', text: 'Een collega en een leerling van 15.' })).toEqual({ ok: true });
    await lead.waitFor((v) => (v.meeting.caseDrafts ?? []).length === 1);
    const last = lead.view().cards.findIndex((c) => c.id === 'wat-neem-ik-mee');
    expect(await lead.send({ type: 'card.goto', index: last })).toMatchObject({ ok: true });
    await colleague.waitFor((v) => v.card?.id === 'wat-neem-ik-mee');
    expect(
      await colleague.send({ type: 'reflection.save', cardId: 'wat-neem-ik-mee', answers: {}, notes: 'alleen voor mij', action: '', shared: false }),
    ).toEqual({ ok: true });
    await colleague.waitFor((v) => v.meeting?.reflection?.notes === 'alleen voor mij');
    expect(JSON.stringify(lead.view())).not.toContain('alleen voor mij');
  });
});

// The care and console paths of 30 November over long-polling only: help by audience, host notes
// that stay on the console, a content notice, the join panel and the beamer's response count.
describe('care and the join panel over long-polling only', () => {
  const polling: Transports = ['polling'];

  it('a team phone gets team help and a notice without host notes; the host moves the join panel; the beamer counts answers', async () => {
    const room = await createRoom(server.url, { deckId: 'focusgroep-team', minGroupSize: 3 });
    const host = keep(await connectHost(server.url, room, polling));
    const beamer = keep(await connectBeamer(server.url, room, polling));
    const phones = await Promise.all([0, 1, 2].map(() => connectPhone(server.url, room, undefined, polling).then(keep)));
    expect(beamer.socket.io.engine.transport.name).toBe('polling');
    for (const phone of phones) expect((await phone.waitFor((v) => !!v.help)).help.audiences).toEqual(['team']);

    expect(await host.send({ type: 'join.panel', open: false })).toEqual({ ok: true });
    await beamer.waitFor((v) => v.joinPanelOpen === false);

    const cards = (await host.waitFor((v) => v.cards.length > 0)).cards;
    const index = cards.findIndex((c) => c.id === 'seksueel-geweld-team');
    expect(await host.send({ type: 'card.goto', index })).toMatchObject({ ok: true });
    const onHost = (await host.waitFor((v) => v.card?.id === 'seksueel-geweld-team')).card!;
    expect(onHost.hostNotes).toBeTruthy();
    const onPhone = (await phones[0]!.waitFor((v) => v.card?.id === 'seksueel-geweld-team')).card!;
    expect(onPhone.notice).toBeTruthy();
    expect(JSON.stringify(phones[0]!.view())).not.toContain(onHost.hostNotes!);
    expect(JSON.stringify((await beamer.waitFor((v) => v.card?.id === 'seksueel-geweld-team')))).not.toContain(onHost.hostNotes!);

    expect(onHost.vote).toBeTruthy();
    for (const phone of phones) expect(await phone.send({ type: 'vote.cast', cardId: onHost.id, choice: 'soms' })).toMatchObject({ ok: true });
    await beamer.waitFor((v) => v.vote?.responded === 3, 20_000);
  });

  it('a class of 18 or older gets the lines for its age over polling', async () => {
    const room = await createRoom(server.url, { deckId: 'focusgroep', minGroupSize: 3, age: '18-plus' });
    const phone = keep(await connectPhone(server.url, room, undefined, polling));
    expect((await phone.waitFor((v) => !!v.help)).help.audiences).toEqual(['klas-18-plus']);
  });
  it('an answer over polling is acknowledged with its choice and sends its phone no view; a second tab of that phone, also polling, gets one', async () => {
    const room = await createRoom(server.url, { minGroupSize: 3 });
    const host = keep(await connectHost(server.url, room, polling));
    const phone = keep(await connectPhone(server.url, room, undefined, polling));
    const secondTab = keep(await connectPhone(server.url, room, (phone.socket.auth as { token: string }).token, polling));
    const cardId = await showFirstCard(host);
    await Promise.all([phone, secondTab].map((p) => p.waitFor((v) => v.card?.id === cardId)));
    const viewsAfter: unknown[] = [];
    phone.socket.on('view', (v: unknown) => viewsAfter.push(v));
    expect(await phone.send({ type: 'vote.cast', cardId, choice: 'vaak' })).toEqual({ ok: true, choice: 'vaak', round: 1 });
    expect(phone.view().vote?.mine).toBe('vaak');
    await secondTab.waitFor((v) => v.vote?.mine === 'vaak');
    await host.waitFor((v) => v.vote?.responded === 1);
    expect(viewsAfter).toEqual([]);
  });

  it('a new post-it over polling is acknowledged with its text as stored and sends its phone no view; a second tab, also polling, gets one', async () => {
    const room = await createRoom(server.url, { deckId: 'focusgroep-team' });
    const host = keep(await connectHost(server.url, room, polling));
    const phone = keep(await connectPhone(server.url, room, undefined, polling));
    const secondTab = keep(await connectPhone(server.url, room, (phone.socket.auth as { token: string }).token, polling));
    expect(await host.send({ type: 'card.goto', index: 1 })).toEqual({ ok: true });
    const cardId = (await host.waitFor((v) => v.cardIndex === 1 && !!v.board?.open)).card!.id;
    await Promise.all([phone, secondTab].map((p) => p.waitFor((v) => v.card?.id === cardId && !!v.board?.open)));
    const viewsAfter: unknown[] = [];
    phone.socket.on('view', (v: unknown) => viewsAfter.push(v));
    // Blanks and an invisible character: the acknowledgement carries the text as stored, not as sent.
    const ack = await phone.send({ type: 'postIt.add', cardId, text: '  Te  weinig\u200B pauze  ' });
    expect(ack).toEqual({ ok: true, postItId: expect.any(String), text: 'Te weinig pauze' });
    const mine = [{ id: (ack as { postItId: string }).postItId, text: 'Te weinig pauze', columnId: null }];
    expect(phone.view().board?.mine).toEqual(mine);
    expect((await secondTab.waitFor((v) => v.board?.mine.length === 1)).board?.mine).toEqual(mine);
    await host.waitFor((v) => v.board?.postIts.length === 1);
    expect(viewsAfter).toEqual([]);
  });

  it('host and beamer on polling get patches after their first view, and what they build equals a whole view', async () => {
    const room = await createRoom(server.url, { deckId: 'focusgroep-team' });
    const host = keep(await connectHost(server.url, room, polling));
    const beamer = keep(await connectBeamer(server.url, room, polling));
    const patches = { host: 0, beamer: 0 };
    host.socket.on('view:patch', () => patches.host++);
    beamer.socket.on('view:patch', () => patches.beamer++);
    const phones = await Promise.all([0, 1, 2].map(() => connectPhone(server.url, room, undefined, polling).then(keep)));
    const cardId = await showFirstCard(host);
    for (const [i, p] of phones.entries()) expect(await p.send({ type: 'postIt.add', cardId, text: `gedachte ${i}` })).toMatchObject({ ok: true });
    await host.waitFor((v) => v.board?.postIts.length === 3 && v.present === 3);
    expect(patches.host).toBeGreaterThan(0);
    expect(patches.beamer).toBeGreaterThan(0);
    const freshHost = keep(await connectHost(server.url, room, polling));
    const freshBeamer = keep(await connectBeamer(server.url, room, polling));
    const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
    await host.waitFor((v) => same(v, freshHost.view()));
    await beamer.waitFor((v) => same(v, freshBeamer.view()));
  });
});

// The paths this round rewrote, over long-polling only: "doen mee" read from socket.io's own room
// events, the cap of three sockets per phone, the shared command handler with its per-socket budget
// (closing a flooding socket), and a vote changed while the first waits for its write.
describe('presence, socket cap, flood budget and vote folding over long-polling only', () => {
  const polling: Transports = ['polling'];

  it('counts polling phones once, down when their last socket closes, and closes the oldest of four', async () => {
    const room = await createRoom(server.url, { minGroupSize: 3 });
    const host = keep(await connectHost(server.url, room, polling));
    const phones = await Promise.all([0, 1, 2].map(() => connectPhone(server.url, room, undefined, polling).then(keep)));
    expect(phones[0]!.socket.io.engine.transport.name).toBe('polling');
    await host.waitFor((v) => v.present === 3 && v.joined === 3);
    // Three more sockets of the first phone: it keeps three, the oldest is closed, and it counts once.
    const token = tokenOf(phones[0]!);
    const tabs = [];
    for (let i = 0; i < 3; i++) tabs.push(keep(await connectPhone(server.url, room, token, polling)));
    await until(() => !phones[0]!.socket.connected);
    expect(tabs.every((t) => t.socket.connected)).toBe(true);
    await new Promise((r) => setTimeout(r, 1200));
    expect(host.view().present).toBe(3);
    for (const t of tabs) t.close();
    phones[1]!.close();
    await host.waitFor((v) => v.present === 1 && v.joined === 3);
  });

  it('answers a flooding polling socket with rate-limited, then closes it, while another polling phone votes', async () => {
    const room = await createRoom(server.url, { minGroupSize: 3 });
    const host = keep(await connectHost(server.url, room, polling));
    const [attacker, other] = await Promise.all([0, 1].map(() => connectPhone(server.url, room, undefined, polling).then(keep)));
    const cardId = await showFirstCard(host);
    await Promise.all([attacker!, other!].map((p) => p.waitFor((v) => v.card?.id === cardId)));
    const closed = new Promise<void>((done) => attacker!.socket.once('disconnect', () => done()));
    const answers = await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        attacker!.socket
          .timeout(5000)
          .emitWithAck('command', { id: `flood-poll-${String(i).padStart(4, '0')}`, type: 'vote.cast', cardId, choice: 'vaak' })
          .then((a: { ok: boolean; error?: string }) => (a.ok ? 'ok' : a.error!), () => 'no answer'),
      ),
    );
    expect(answers).toContain('ok');
    expect(answers).toContain('rate-limited');
    await closed;
    expect(await other!.send({ type: 'vote.cast', cardId, choice: 'soms' })).toEqual({ ok: true, choice: 'soms', round: 1 });
  });

  it('folds a vote changed while the first waits into one answer, each acknowledged with the stored choice', async () => {
    const room = await createRoom(server.url, { minGroupSize: 3 });
    const host = keep(await connectHost(server.url, room, polling));
    const phone = keep(await connectPhone(server.url, room, undefined, polling));
    const cardId = await showFirstCard(host);
    await phone.waitFor((v) => v.card?.id === cardId);
    // Sent together, the three arrive in one poll: the later ones join the first while it waits.
    const acks = await Promise.all(['nooit', 'soms', 'vaak'].map((choice) => phone.send({ type: 'vote.cast', cardId, choice })));
    expect(acks.every((a) => a.ok)).toBe(true);
    expect(acks.at(-1)).toEqual({ ok: true, choice: 'vaak', round: 1 });
    await host.waitFor((v) => v.vote?.responded === 1);
    // The same id again is a duplicate with the acknowledgement it had, not a second answer.
    const again = await phone.socket.timeout(5000).emitWithAck('command', { id: 'fold-poll-0001', type: 'vote.cast', cardId, choice: 'nooit' });
    expect(again).toEqual({ ok: true, choice: 'nooit', round: 1 });
    expect(await phone.socket.timeout(5000).emitWithAck('command', { id: 'fold-poll-0001', type: 'vote.cast', cardId, choice: 'nooit' })).toEqual({
      ok: true,
      choice: 'nooit',
      round: 1,
      duplicate: true,
    });
  });
});

async function until(check: () => boolean, ms = 5000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

// The paths the fourth round of 30 November changed, over long-polling only: shared vote
// acknowledgements and resends, a second token from one browser, and the meeting part of the host's
// view, which is now reused between ticks until the meeting changes.
describe('the size of a command over long-polling only', () => {
  const polling: Transports = ['polling'];

  it('a command of exactly 4096 bytes is judged on its content, one byte more is too-large, and a 70 KB body is refused while the phone keeps going', async () => {
    const room = await createRoom(server.url, { minGroupSize: 3 });
    const host = keep(await connectHost(server.url, room, polling));
    const phone = keep(await connectPhone(server.url, room, undefined, polling));
    expect(phone.socket.io.engine.transport.name).toBe('polling');
    const cardId = await showFirstCard(host);
    // Escaped characters count as what they take in JSON: a newline is two bytes, é two in UTF-8.
    const base = { id: 'size-check-0001', type: 'vote.cast', cardId, choice: 'soms', pad: '' };
    const at = (bytes: number) => ({ ...base, pad: 'é\n'.repeat(Math.floor((bytes - JSON.stringify(base).length) / 4)) + 'p'.repeat((bytes - JSON.stringify(base).length) % 4) });
    expect(Buffer.byteLength(JSON.stringify(at(LIMITS.messageBytes)))).toBe(LIMITS.messageBytes);
    expect(outcome(await sendRaw(phone, at(LIMITS.messageBytes)))).toBe('invalid');
    expect(outcome(await sendRaw(phone, at(LIMITS.messageBytes + 1)))).toBe('too-large');
    // A raw POST on the phone's own polling session, larger than the transport takes: refused
    // before it is read, and the server keeps answering.
    const sid = phone.socket.io.engine.id;
    const tooLarge = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling&sid=${sid}`, { method: 'POST', body: 'x'.repeat(70 * 1024) });
    expect(tooLarge.status).toBe(413);
    expect(server.child.exitCode).toBeNull();
    // The phone comes back with the same token, and its answer counts.
    const again = keep(await connectPhone(server.url, room, tokenOf(phone), polling));
    expect(await again.send({ type: 'vote.cast', cardId, choice: 'vaak' })).toEqual({ ok: true, choice: 'vaak', round: 1 });
    await host.waitFor((v) => v.vote?.responded === 1);
  });
});

describe('shared acknowledgements and the reused meeting view over long-polling only', () => {
  const polling: Transports = ['polling'];

  it('a resend after an answer change gets its own first answer; another phone with the same choice gets an equal one; a second token is another phone', async () => {
    const room = await createRoom(server.url, { minGroupSize: 3 });
    const host = keep(await connectHost(server.url, room, polling));
    const first = keep(await connectPhone(server.url, room, undefined, polling));
    const other = keep(await connectPhone(server.url, room, undefined, polling));
    expect(first.socket.io.engine.transport.name).toBe('polling');
    const cardId = await showFirstCard(host);
    await Promise.all([first, other].map((p) => p.waitFor((v) => v.card?.id === cardId)));

    const vaak = { id: 'shared-ack-0001', type: 'vote.cast', cardId, choice: 'vaak' };
    expect(await first.send(vaak)).toEqual({ ok: true, choice: 'vaak', round: 1 });
    expect(await other.send({ ...vaak, id: 'shared-ack-0002' })).toEqual({ ok: true, choice: 'vaak', round: 1 });
    expect(await first.send({ id: 'shared-ack-0003', type: 'vote.cast', cardId, choice: 'soms' })).toEqual({ ok: true, choice: 'soms', round: 1 });
    // The first command again (its answer got lost on a poll): the answer it had, applied no second time.
    expect(await first.send(vaak)).toEqual({ ok: true, choice: 'vaak', round: 1, duplicate: true });
    // The other phone's id from the first phone is the first phone's own new command.
    expect(await first.send({ ...vaak, id: 'shared-ack-0002', choice: 'nooit' })).toEqual({ ok: true, choice: 'nooit', round: 1 });

    // A second token from the same browser and address joins as one more phone, not as the first.
    const again = keep(await connectPhone(server.url, room, undefined, polling));
    await again.waitFor((v) => v.card?.id === cardId);
    expect(again.view().vote?.mine ?? null).toBeNull();
    expect(await again.send({ ...vaak, id: 'shared-ack-0001' })).toEqual({ ok: true, choice: 'vaak', round: 1 });
    await host.waitFor((v) => v.joined === 3 && v.vote?.responded === 3);
    expect(await host.send({ type: 'result.reveal', cardId })).toMatchObject({ ok: true });
    const shown = await host.waitFor((v) => v.vote?.result.state === 'shown');
    expect(shown.vote?.result).toMatchObject({ state: 'shown', counts: { nooit: 1, soms: 0, vaak: 2 } });
  });

  it('a second case draft reaches the host after the first, and the beamer shows the case only on the steps that show it', async () => {
    const team = await createRoom(server.url, { deckId: 'moreel-beraad', minGroupSize: 3 });
    const lead = keep(await connectHost(server.url, team, polling));
    const beamer = keep(await connectBeamer(server.url, team, polling));
    const colleagues = await Promise.all([0, 1].map(() => connectPhone(server.url, team, undefined, polling).then(keep)));
    const cards = (await lead.waitFor((v) => v.cards.length > 0)).cards;
    expect(await lead.send({ type: 'card.goto', index: cards.findIndex((c) => c.id === 'casus') })).toMatchObject({ ok: true });
    await Promise.all(colleagues.map((c) => c.waitFor((v) => v.card?.id === 'casus')));
    expect(await colleagues[0]!.send({ type: 'case.draft', text: 'Een leerling vertelt iets in vertrouwen.' })).toEqual({ ok: true });
    await lead.waitFor((v) => (v.meeting.caseDrafts ?? []).length === 1);
    expect(await colleagues[1]!.send({ type: 'case.draft', text: 'Een ouder belt boos op.' })).toEqual({ ok: true });
    const drafts = (await lead.waitFor((v) => (v.meeting.caseDrafts ?? []).length === 2)).meeting.caseDrafts!;
    expect(drafts.map((d) => d.text)).toEqual(['Een leerling vertelt iets in vertrouwen.', 'Een ouder belt boos op.']);

    expect(await lead.send({ type: 'case.set', text: 'Een ouder belt boos op.' })).toEqual({ ok: true });
    await beamer.waitFor((v) => v.meeting.case === 'Een ouder belt boos op.');
    // "dilemma" shows the case on the beamer, "acties" does not (decks/moreel-beraad.yaml).
    expect(await lead.send({ type: 'card.goto', index: cards.findIndex((c) => c.id === 'dilemma') })).toMatchObject({ ok: true });
    await beamer.waitFor((v) => v.card?.id === 'dilemma' && v.meeting.case === 'Een ouder belt boos op.');
    expect(await lead.send({ type: 'card.goto', index: cards.findIndex((c) => c.id === 'acties') })).toMatchObject({ ok: true });
    await beamer.waitFor((v) => v.card?.id === 'acties' && v.meeting.case === null);
    expect(lead.view().meeting.case).toBe('Een ouder belt boos op.');
  });
});

// This round's paths (stop 23) over both transports, as a phone behind a proxy that blocks
// WebSockets stays on long-polling: joins that wait up to 5 ms to share a commit, and an answer
// checked without zod when it is exactly well-formed (anything else meets the schema).
describe.each<[string, Transports]>([
  ['long-polling only', ['polling']],
  ['WebSocket only', ['websocket']],
])('joins sharing a commit and answers checked without zod, over %s', (_name, transports) => {
  it('twelve phones joining at once all get in, each stored before its first view and counted once; one coming back is no newcomer', async () => {
    const room = await createRoom(server.url, { minGroupSize: 3 });
    const host = keep(await connectHost(server.url, room, transports));
    const phones = await Promise.all(Array.from({ length: 12 }, () => connectPhone(server.url, room, undefined, transports).then(keep)));
    expect(phones.map((p) => p.socket.io.engine.transport.name)).toEqual(phones.map(() => transports[0]));
    // A phone gets its first view only after the commit that holds its join: all twelve are stored.
    const stored = () => readStoredRoom(server.dataDir, room.code)!.events.filter((e) => e.type === 'participantJoined');
    const hashes = participantHashes(server.dataDir, room.code, phones.map(tokenOf));
    expect(new Set(stored().map((e) => (e as { participant: string }).participant))).toEqual(new Set(hashes));
    await host.waitFor((v) => v.joined === 12 && v.present === 12);
    // The same token again, after its socket closed: the same phone, not a thirteenth.
    phones[0]!.close();
    keep(await connectPhone(server.url, room, tokenOf(phones[0]!), transports));
    await new Promise((r) => setTimeout(r, 1200)); // past a batch tick
    expect(host.view().joined).toBe(12);
    expect(stored()).toHaveLength(12);
  });

  it('takes a well-formed answer as it came, and refuses one with anything extra or off as the schema does, storing nothing of it', async () => {
    const room = await createRoom(server.url, { minGroupSize: 3 });
    const host = keep(await connectHost(server.url, room, transports));
    const phone = keep(await connectPhone(server.url, room, undefined, transports));
    const cardId = await showFirstCard(host);
    await phone.waitFor((v) => v.card?.id === cardId);
    const answer = { id: 'fast-path-0001', type: 'vote.cast', cardId, choice: 'soms' };
    const off = [
      { ...answer, id: 'fast-path-0002', extra: 1 },
      // A key `__proto__` as JSON carries it (JSON.parse makes it an own key, as on the server).
      JSON.parse(JSON.stringify({ ...answer, id: 'fast-path-0003' }).replace('{', '{"__proto__":{"choice":"vaak"},')) as object,
      { ...answer, id: 'fast-path-0004', choice: 7 },
      { ...answer, id: 'fast-path-0005', choice: 'a'.repeat(41) },
      { ...answer, id: 'fast-path-0006', type: 'vote.cast ' },
      { ...answer, id: 'short' },
      { id: 'fast-path-0007', type: 'vote.cast', cardId },
    ];
    const before = storedChanges(server.dataDir, room.code);
    for (const raw of off) expect(outcome(await sendRaw(phone, raw)), JSON.stringify(raw)).toBe('invalid');
    expect(storedChanges(server.dataDir, room.code)).toEqual(before);
    expect(await sendRaw(phone, answer)).toEqual({ ok: true, choice: 'soms', round: 1 });
    const [hash] = participantHashes(server.dataDir, room.code, [tokenOf(phone)]);
    expect(storedChanges(server.dataDir, room.code).filter((e) => e.type === 'voteCast')).toEqual([{ type: 'voteCast', cardId, participant: hash, choice: 'soms' }]);
    await host.waitFor((v) => v.vote?.responded === 1);
  });
});
