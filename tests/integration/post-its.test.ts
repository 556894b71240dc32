// Post-its with real phones: 30 phones writing at once end up on the wall exactly once, the host
// hides one from every beamer, and nobody can withdraw another phone's post-it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BeamerView, CreateRoomResponse, HostView, ParticipantView } from '@protocol';
import { startServer, type ServerProcess } from '../support/server-process.ts';
import { connectBeamer, connectHost, createRoom, type TestClient } from '../support/clients.ts';
import { connectPhones } from '../support/sessions.ts';

let server: ServerProcess;
let room: CreateRoomResponse;
let host: TestClient<HostView>;
let beamers: TestClient<BeamerView>[];
let phones: TestClient<ParticipantView>[];
let cardId: string;
/** Post-it id -> text, for every post-it whose add was acknowledged. */
const written = new Map<string, string>();

beforeAll(async () => {
  server = await startServer();
  // The team deck's "verzamelen" card: a free wall without moderation.
  room = await createRoom(server.url, { deckId: 'focusgroep-team' });
  host = await connectHost(server.url, room);
  beamers = await Promise.all([connectBeamer(server.url, room), connectBeamer(server.url, room)]);
  phones = await connectPhones(server.url, room, 30);
  await host.send({ type: 'card.goto', index: 1 });
  cardId = (await host.waitFor((v) => v.cardIndex === 1)).card!.id;
});
afterAll(async () => {
  for (const c of [host, ...beamers, ...phones]) c?.close();
  await server.cleanup();
});

const wallIds = (view: BeamerView | HostView) => (view.board?.postIts ?? []).map((p) => p.id).sort();

describe('a wall of post-its', () => {
  it('30 phones writing 3 post-its each at once all reach the host and every beamer, once', async () => {
    expect(cardId).toBe('verzamelen');
    const acks = await Promise.all(
      phones.flatMap((phone, n) =>
        [0, 1, 2].map(async (k) => {
          const text = `Gedachte ${k + 1} van telefoon ${n + 1}`;
          const ack = await phone.send({ type: 'postIt.add', cardId, text });
          if (ack.ok && ack.postItId) written.set(ack.postItId, text);
          return ack;
        }),
      ),
    );
    expect(acks.filter((a) => !a.ok)).toEqual([]);
    expect(written.size).toBe(90);

    // Each phone sees its own three, and only those.
    for (const [n, phone] of phones.entries()) {
      const view = await phone.waitFor((v) => v.board?.mine.length === 3);
      expect(view.board!.mine.map((p) => p.text).sort()).toEqual([1, 2, 3].map((k) => `Gedachte ${k} van telefoon ${n + 1}`));
    }

    // The host sees all of them (approved: no moderation on a team wall), and how many people wrote.
    const hostView = await host.waitFor((v) => v.board?.postIts.length === 90 && v.board.enoughWriters);
    expect(hostView.board!.postIts.every((p) => p.status === 'approved')).toBe(true);
    expect(new Set(hostView.board!.postIts.map((p) => p.id))).toEqual(new Set(written.keys()));

    // Nothing on the beamers until the host reveals the wall; then exactly the 90, after publishing.
    for (const beamer of beamers) expect(beamer.view().board?.postIts).toEqual([]);
    expect(await host.send({ type: 'board.reveal', cardId })).toEqual({ ok: true });
    for (const beamer of beamers) {
      const view = await beamer.waitFor((v) => v.board?.postIts.length === 90);
      expect(wallIds(view)).toEqual([...written.keys()].sort());
      for (const p of view.board!.postIts) expect(p.text).toBe(written.get(p.id));
      expect(view.board).toMatchObject({ revealed: true, tooFew: false, waiting: 0 });
    }
  });

  it('a new post-it on a wall of 90 reaches the host as a small patch, and patched views equal whole ones', async () => {
    const frames: { host: string[]; beamer: string[] } = { host: [], beamer: [] };
    host.socket.on('view:patch', (change: unknown) => frames.host.push(JSON.stringify(change)));
    beamers[0]!.socket.on('view:patch', (change: unknown) => frames.beamer.push(JSON.stringify(change)));
    const ack = await phones[0]!.send({ type: 'postIt.add', cardId, text: 'Nog één gedachte' });
    if (!ack.ok) throw new Error(ack.message);
    const hostView = await host.waitFor((v) => v.board!.postIts.some((p) => p.id === ack.postItId));
    // Every change after the first view came as a patch, each far smaller than the whole view.
    expect(frames.host.length).toBeGreaterThan(0);
    for (const frame of frames.host) expect(frame.length).toBeLessThan(JSON.stringify(hostView).length / 4);
    for (const frame of frames.beamer) expect(frame.length).toBeLessThan(JSON.stringify(beamers[0]!.view()).length / 4);
    // What the patches built is what a screen that connects now is sent whole.
    const freshHost = await connectHost(server.url, room);
    const freshBeamer = await connectBeamer(server.url, room);
    const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
    try {
      await host.waitFor((v) => same(v, freshHost.view()));
      await beamers[0]!.waitFor((v) => same(v, freshBeamer.view()));
    } finally {
      freshHost.close();
      freshBeamer.close();
    }
    // Withdrawn again, so the tests below count the wall as before.
    expect(await phones[0]!.send({ type: 'postIt.withdraw', cardId, postItId: ack.postItId! })).toEqual({ ok: true });
    await host.waitFor((v) => !v.board!.postIts.some((p) => p.id === ack.postItId));
  });

  it('a post-it the host hides disappears from every beamer and from the host’s visible wall', async () => {
    const [hidden] = [...written.keys()].sort();
    expect(await host.send({ type: 'postIt.hide', cardId, postItId: hidden! })).toEqual({ ok: true });
    for (const beamer of beamers) {
      const view = await beamer.waitFor((v) => !v.board!.postIts.some((p) => p.id === hidden));
      expect(view.board!.postIts).toHaveLength(89);
    }
    const hostView = await host.waitFor((v) => v.board!.postIts.find((p) => p.id === hidden)?.status === 'hidden');
    expect(hostView.board!.postIts.filter((p) => p.status === 'approved')).toHaveLength(89);

    // Its author still sees it on their phone (it is theirs), but it stays off the wall.
    const author = phones.find((p) => p.view().board?.mine.some((m) => m.id === hidden));
    expect(author).toBeDefined();
  });

  it('a phone cannot withdraw another phone’s post-it', async () => {
    const [mine, theirs] = [phones[0]!, phones[1]!];
    // Not the post-it the test above hid (the first by id), which may be theirs.
    const [hidden] = [...written.keys()].sort();
    const target = theirs.view().board!.mine.find((m) => m.id !== hidden)!;
    expect(await mine.send({ type: 'postIt.withdraw', cardId, postItId: target.id })).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await mine.send({ type: 'postIt.edit', cardId, postItId: target.id, text: 'Overgenomen' })).toMatchObject({ ok: false, error: 'forbidden' });
    const fresh = await connectHost(server.url, room);
    expect(fresh.view().board!.postIts.find((p) => p.id === target.id)).toMatchObject({ text: target.text, status: 'approved' });
    fresh.close();
    for (const beamer of beamers) expect(beamer.view().board!.postIts.some((p) => p.id === target.id)).toBe(true);
  });

  it('a phone withdraws its own post-it and it leaves every beamer', async () => {
    const phone = phones[2]!;
    const own = phone.view().board!.mine[0]!;
    expect(await phone.send({ type: 'postIt.withdraw', cardId, postItId: own.id })).toEqual({ ok: true });
    await phone.waitFor((v) => v.board!.mine.length === 2);
    for (const beamer of beamers) await beamer.waitFor((v) => !v.board!.postIts.some((p) => p.id === own.id));
    await host.waitFor((v) => !v.board!.postIts.some((p) => p.id === own.id));
  });

  it('a phone cannot put more than its share on the wall', async () => {
    const phone = phones[3]!;
    expect(await phone.send({ type: 'postIt.add', cardId, text: 'Vier' })).toMatchObject({ ok: true });
    expect(await phone.send({ type: 'postIt.add', cardId, text: 'Vijf' })).toMatchObject({ ok: true });
    expect(await phone.send({ type: 'postIt.add', cardId, text: 'Zes' })).toMatchObject({ ok: false, error: 'limit' });
    expect((await phone.waitFor((v) => v.board!.mine.length === 5)).board!.mine.map((p) => p.text)).not.toContain('Zes');
  });
});

describe('a moderated class board', () => {
  it('post-its reach the beamer only after the host approves them', async () => {
    const klas = await createRoom(server.url, { deckId: 'focusgroep', minGroupSize: 3 });
    const klasHost = await connectHost(server.url, klas);
    const klasBeamer = await connectBeamer(server.url, klas);
    const klasPhones = await connectPhones(server.url, klas, 4);
    try {
      const index = klasHost.view().cards.findIndex((c) => c.id === 'schrijven');
      await klasHost.send({ type: 'card.goto', index });
      const writing = (await klasHost.waitFor((v) => v.cardIndex === index)).card!;
      const column = writing.board!.columns![0]!.id;
      const ids = await Promise.all(
        klasPhones.map(async (p, n) => {
          const ack = await p.send({ type: 'postIt.add', cardId: writing.id, text: `Briefje ${n + 1}`, columnId: column });
          return ack.ok ? ack.postItId! : '';
        }),
      );
      await klasHost.send({ type: 'board.reveal', cardId: writing.id });
      const waiting = await klasBeamer.waitFor((v) => v.board?.waiting === 4);
      expect(waiting.board?.postIts).toEqual([]);

      expect(await klasHost.send({ type: 'postIt.approve', cardId: writing.id, postItIds: ids.slice(0, 3) })).toEqual({ ok: true });
      const shown = await klasBeamer.waitFor((v) => v.board?.postIts.length === 3);
      expect(shown.board!.postIts.map((p) => p.text).sort()).toEqual(['Briefje 1', 'Briefje 2', 'Briefje 3']);
      expect(shown.board!.waiting).toBe(1);
      expect(shown.board!.postIts.every((p) => p.columnId === column)).toBe(true);
    } finally {
      for (const c of [klasHost, klasBeamer, ...klasPhones]) c.close();
    }
  });

  it('"Alles goedkeuren" on a full board of 400 approves all of them in one small command, except the flagged', async () => {
    const klas = await createRoom(server.url, { deckId: 'focusgroep', minGroupSize: 3, expectedGroupSize: 81 });
    const klasHost = await connectHost(server.url, klas);
    const klasPhones = await connectPhones(server.url, klas, 81);
    try {
      const index = klasHost.view().cards.findIndex((c) => c.id === 'schrijven');
      await klasHost.send({ type: 'card.goto', index });
      const writing = (await klasHost.waitFor((v) => v.cardIndex === index)).card!;
      const column = writing.board!.columns![0]!.id;
      // 80 phones × 5 post-its fill the card's 400; one of them carries a phone number.
      const acks = await Promise.all(
        klasPhones.slice(0, 80).map(async (p, n) => {
          const out = [];
          for (let i = 0; i < 5; i++) {
            const text = n === 7 && i === 0 ? 'Bel me op 06-12345678' : `Briefje ${n}-${i}`;
            out.push(await p.send({ type: 'postIt.add', cardId: writing.id, text, columnId: column }));
          }
          return out;
        }),
      );
      expect(acks.flat().every((a) => a.ok)).toBe(true);
      expect(await klasPhones[80]!.send({ type: 'postIt.add', cardId: writing.id, text: 'Nummer 401', columnId: column })).toMatchObject({
        ok: false,
        error: 'limit',
      });
      await klasHost.waitFor((v) => v.board?.postIts.length === 400, 10_000);

      // The console's command stays small, whatever the board's size.
      const approveAll = { id: 'approve-all-0001', type: 'postIt.approveAll', cardId: writing.id };
      expect(JSON.stringify(approveAll).length).toBeLessThan(200);
      expect(await klasHost.send(approveAll)).toEqual({ ok: true });
      const after = await klasHost.waitFor((v) => v.board?.postIts.filter((p) => p.status === 'approved').length === 399, 10_000);
      const waiting = after.board!.postIts.filter((p) => p.status === 'pending');
      expect(waiting.map((p) => [p.text, p.flags])).toEqual([['Bel me op 06-12345678', ['phone']]]);

      // Hiding spam frees room on the board for the class.
      expect(await klasHost.send({ type: 'postIt.hide', cardId: writing.id, postItId: waiting[0]!.id })).toEqual({ ok: true });
      expect(await klasPhones[80]!.send({ type: 'postIt.add', cardId: writing.id, text: 'Nu past het', columnId: column })).toMatchObject({ ok: true });
    } finally {
      for (const c of [klasHost, ...klasPhones]) c.close();
    }
  });
});
