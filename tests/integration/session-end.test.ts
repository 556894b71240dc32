// Ending a session: every phone gets the closing screen with the school's contacts, and afterwards
// nothing stored ties an answer or a post-it to a phone; the server's output never names a phone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BeamerView, CreateRoomResponse, HostView, ParticipantView, SchoolContacts } from '@protocol';
import type { RoomState } from '../../session-server/src/room/state.ts';
import { startServer, type ServerProcess } from '../support/server-process.ts';
import { connectBeamer, connectHost, connectPhone, createRoom, type TestClient } from '../support/clients.ts';
import { connectPhones, participantHashes, rawDatabase as rawDatabaseIn, readStoredRoom, tokenOf } from '../support/sessions.ts';

const contacts: SchoolContacts = {
  vertrouwenspersoon: { name: 'Mevrouw Yilmaz', phone: '010-7654321', email: 'vertrouwenspersoon@school.example', when: 'ma t/m do, lokaal B1.12' },
  mentor: 'Je mentor: meneer De Vries, lokaal 2.14',
};

let server: ServerProcess;
let room: CreateRoomResponse;
let host: TestClient<HostView>;
let beamer: TestClient<BeamerView>;
let phones: TestClient<ParticipantView>[];
let tokens: string[];
let hashes: string[];

const rawDatabase = () => rawDatabaseIn(server.dataDir);

beforeAll(async () => {
  server = await startServer();
  room = await createRoom(server.url, { deckId: 'focusgroep', minGroupSize: 3, contacts });
  host = await connectHost(server.url, room);
  beamer = await connectBeamer(server.url, room);
  phones = await connectPhones(server.url, room, 6);
  tokens = phones.map(tokenOf);
  hashes = participantHashes(server.dataDir, room.code, tokens);

  // A short class session: a vote, then post-its on the writing card, approved and shown.
  await host.send({ type: 'card.goto', index: 1 });
  const vote = (await host.waitFor((v) => v.cardIndex === 1)).card!;
  await Promise.all(phones.map((p, i) => p.send({ type: 'vote.cast', cardId: vote.id, choice: (['nooit', 'soms', 'vaak', 'pas'] as const)[i % 4] })));
  await host.send({ type: 'result.reveal', cardId: vote.id });
  const index = host.view().cards.findIndex((c) => c.id === 'schrijven');
  await host.send({ type: 'card.goto', index });
  const writing = (await host.waitFor((v) => v.cardIndex === index)).card!;
  const ids = await Promise.all(
    phones.map(async (p, i) => {
      const ack = await p.send({ type: 'postIt.add', cardId: writing.id, text: `Meer uitleg over regel ${i + 1}`, columnId: writing.board!.columns![i % 2]!.id });
      return ack.ok ? ack.postItId! : '';
    }),
  );
  await host.send({ type: 'postIt.approve', cardId: writing.id, postItIds: ids });
  await host.send({ type: 'board.reveal', cardId: writing.id });
  await beamer.waitFor((v) => v.board?.postIts.length === 6);
});
afterAll(async () => {
  for (const c of [host, beamer, ...phones]) c?.close();
  await server.cleanup();
});

describe('ending a session', () => {
  it('before the end, the stored history does tie answers to phones (so the checks below mean something)', () => {
    const stored = readStoredRoom(server.dataDir, room.code)!;
    expect(stored.participantKey).not.toBeNull();
    const raw = rawDatabase();
    expect(hashes.some((h) => raw.includes(h))).toBe(true);
  });

  it('every phone gets the closing screen with the contacts the host filled in', async () => {
    expect(await host.send({ type: 'session.end' })).toEqual({ ok: true });
    for (const phone of phones) {
      const view = await phone.waitFor((v) => v.status === 'ended');
      expect(view).toMatchObject({ status: 'ended', card: null, vote: null, board: null });
      expect(view.contacts).toEqual(contacts);
    }
    expect((await host.waitFor((v) => v.status === 'ended')).status).toBe('ended');
    expect((await beamer.waitFor((v) => v.status === 'ended')).status).toBe('ended');
  });

  it('a phone that comes back after the end sees the closing screen and is not counted again', async () => {
    const back = await connectPhone(server.url, room, tokens[0]);
    const late = await connectPhone(server.url, room);
    try {
      for (const view of [back.view(), late.view()]) expect(view).toMatchObject({ status: 'ended', contacts });
      expect(await back.send({ type: 'vote.cast', cardId: 'discriminatie', choice: 'vaak' })).toMatchObject({ ok: false });
      const fresh = await connectHost(server.url, room);
      expect(fresh.view()).toMatchObject({ status: 'ended', joined: 6 });
      fresh.close();
    } finally {
      back.close();
      late.close();
    }
  });

  it('the host can change nothing after the end', async () => {
    expect(await host.send({ type: 'card.goto', index: 2 })).toMatchObject({ ok: false, error: 'closed' });
    expect(await host.send({ type: 'session.end' })).toMatchObject({ ok: false, error: 'closed' });
  });

  it('the stored room keeps one anonymous snapshot: no participant key, no hashes, no authors', () => {
    const stored = readStoredRoom(server.dataDir, room.code)!;
    expect(stored.participantKey).toBeNull();
    expect(stored.events).toHaveLength(1);
    expect(stored.commandKeys).toEqual([null]);
    const snapshot = stored.events[0]!;
    expect(snapshot.type).toBe('snapshot');
    const state = (snapshot as { state: RoomState }).state;
    expect(state.status).toBe('ended');
    // Stored as JSON: the persistent set of who joined is an empty array, each vote's choices an empty object.
    expect(state.participants as unknown).toEqual([]);
    expect(state.joined).toBe(6);
    for (const vote of Object.values(state.votes)) expect(vote.choices as unknown).toEqual({});
    expect(state.votes.discriminatie?.final).toEqual({ nooit: 2, soms: 2, vaak: 1, pas: 1 });
    const boards = Object.values(state.boards);
    expect(boards.length).toBeGreaterThan(0);
    for (const board of boards) {
      expect(board.authors).toEqual({});
      for (const postIt of Object.values(board.postIts)) expect(postIt.author).toBeNull();
    }
    expect(Object.values(state.boards.schrijven!.postIts).map((p) => p.text).sort()).toEqual(
      [1, 2, 3, 4, 5, 6].map((i) => `Meer uitleg over regel ${i}`),
    );
  });

  it('no participant hash or token is left anywhere in the database files', () => {
    const raw = rawDatabase();
    for (const secret of [...hashes, ...tokens]) expect(raw.includes(secret), secret).toBe(false);
  });

  it('the server’s output never contains a participant token or a client address', () => {
    const output = server.output();
    for (const token of tokens) expect(output).not.toContain(token);
    for (const hash of hashes) expect(output).not.toContain(hash);
    // The startup line names the address the server itself listens on; nothing else may name one.
    const rest = output
      .split('\n')
      .filter((line) => !line.includes('klaar op'))
      .join('\n');
    expect(rest).not.toMatch(/127\.0\.0\.1|::1|::ffff:|\b\d{1,3}(\.\d{1,3}){3}\b/);
  });
});
