// The host's export over HTTP: counts per card, "te weinig antwoorden" below the minimum, nothing
// that identifies a phone, and nothing at all without the host key.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CreateRoomResponse } from '@protocol';
import type { ResultsExport } from '@protocol';
import { startServer, type ServerProcess } from '../support/server-process.ts';
import { connectHost, createRoom } from '../support/clients.ts';
import { clientPool, connectPhones, disconnected, participantHashes, tokenOf } from '../support/sessions.ts';

let server: ServerProcess;
let room: CreateRoomResponse;
let secrets: string[];
const pool = clientPool();
const HOSTILE = '=HYPERLINK("http://x.invalid";"klik hier")';

const get = (path: string, key?: string) =>
  fetch(`${server.url}/api/rooms/${room.code}/${path}`, { headers: key ? { authorization: `Bearer ${key}` } : {} });

beforeAll(async () => {
  server = await startServer();
  room = await createRoom(server.url, { deckId: 'focusgroep' }); // minimum group size 5
  const host = await connectHost(server.url, room);
  const phones = await connectPhones(server.url, room, 6);
  for (const c of [host, ...phones]) pool.keep(c);
  const tokens = phones.map(tokenOf);
  secrets = [...tokens, ...participantHashes(server.dataDir, room.code, tokens)];

  const goto = async (id: string) => {
    const index = host.view().cards.findIndex((c) => c.id === id);
    await host.send({ type: 'card.goto', index });
    return (await host.waitFor((v) => v.cardIndex === index)).card!;
  };
  // Six answer the first theme (enough), three the second (too few), nobody the rest. The host
  // reveals both; the export holds only what was revealed.
  const first = await goto('discriminatie');
  await Promise.all(phones.map((p, i) => p.send({ type: 'vote.cast', cardId: first.id, choice: (['vaak', 'soms', 'vaak', 'nooit', 'vaak', 'soms'] as const)[i] })));
  await host.send({ type: 'result.reveal', cardId: first.id });
  const second = await goto('online-veiligheid');
  await Promise.all(phones.slice(0, 3).map((p) => p.send({ type: 'vote.cast', cardId: second.id, choice: 'soms' })));
  await host.send({ type: 'result.reveal', cardId: second.id });
  const writing = await goto('schrijven');
  const ids = await Promise.all(
    phones.map(async (p, i) => {
      const text = i === 0 ? HOSTILE : `Een vast aanspreekpunt ${i}`;
      const ack = await p.send({ type: 'postIt.add', cardId: writing.id, text, columnId: writing.board!.columns![0]!.id });
      return ack.ok ? ack.postItId! : '';
    }),
  );
  await host.send({ type: 'postIt.approve', cardId: writing.id, postItIds: ids });
  await host.send({ type: 'board.reveal', cardId: writing.id });
  // Approved post-its join the wall on the next batch tick.
  await vi.waitFor(async () => {
    if ((await exportJson()).cards.find((c) => c.id === 'schrijven')!.board!.postIts.length !== 6) throw new Error('not on the wall yet');
  }, { timeout: 12_000, interval: 250 });
});

const exportJson = async () => (await (await get('results.json', room.hostKey)).json()) as ResultsExport;
afterAll(async () => {
  pool.closeAll();
  await server.cleanup();
});

describe('exporting results', () => {
  it('the JSON export has the counts per card and "te weinig antwoorden" below the minimum', async () => {
    const res = await get('results.json', room.hostKey);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="kring-focusgroep-\d{4}-\d{2}-\d{2}\.json"/);
    const results = (await res.json()) as ResultsExport;
    expect(results).toMatchObject({ deckId: 'focusgroep', minGroupSize: 5, joined: 6, endedAt: null });
    const card = (id: string) => results.cards.find((c) => c.id === id)!;
    expect(card('discriminatie').vote).toMatchObject({ status: 'ok', counts: { nooit: 1, soms: 2, vaak: 3 }, passes: 0 });
    expect(card('online-veiligheid').vote).toMatchObject({ status: 'te weinig antwoorden', counts: null, passes: null });
    // Never revealed: the export says nothing of it during the session.
    expect(card('lhbtiq').vote).toMatchObject({ status: 'nog niet getoond', counts: null });
    const board = card('schrijven').board!;
    expect(board.status).toBe('ok');
    expect(board.postIts.map((p) => p.text).sort()).toEqual([HOSTILE, ...[1, 2, 3, 4, 5].map((i) => `Een vast aanspreekpunt ${i}`)].sort());
  });

  it('the CSV export has the same counts, and a hostile post-it cannot become a formula', async () => {
    const res = await get('results.csv', room.hostKey);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const csv = await res.text();
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    // Every field is quoted, so no separator or line break in a post-it can shift a column.
    const discriminatie = lines.filter((l) => l.startsWith('"Discriminatie') && l.includes('"stemming"'));
    expect(discriminatie.map((l) => l.split(';').slice(5))).toEqual([
      ['"1"', '"Nooit"', '"1"', '"ok"'],
      ['"1"', '"Soms"', '"2"', '"ok"'],
      ['"1"', '"Vaak"', '"3"', '"ok"'],
      ['"1"', '"overgeslagen"', '"0"', '"ok"'],
    ]);
    expect(lines.filter((l) => l.startsWith('"Online veiligheid') && l.includes('"stemming"')).map((l) => l.split(';').slice(5))).toEqual([
      ['"1"', '""', '""', '"te weinig antwoorden"'],
    ]);
    expect(lines.filter(Boolean).every((l) => /^"(?:[^"]|"")*"(?:;"(?:[^"]|"")*")*$/.test(l))).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://x.invalid"";""klik hier"")"`);
    expect(csv).not.toMatch(/(^|;)"?=/m);
  });

  it('neither export contains a participant token or hash', async () => {
    for (const path of ['results.json', 'results.csv']) {
      const body = await (await get(path, room.hostKey)).text();
      for (const secret of secrets) expect(body.includes(secret), `${path} contains ${secret}`).toBe(false);
    }
  });

  it('with the beamer key, without a key or with a wrong key there is nothing to export', async () => {
    const other = await createRoom(server.url);
    for (const path of ['results.json', 'results.csv']) {
      for (const key of [room.beamerKey, undefined, other.hostKey, 'x'.repeat(32)]) {
        const res = await get(path, key);
        expect(res.status, `${path} with ${key ? 'a wrong key' : 'no key'}`).toBe(404);
        expect(await res.text()).not.toContain('nooit');
      }
      const basic = await fetch(`${server.url}/api/rooms/${room.code}/${path}`, { headers: { authorization: `Basic ${room.hostKey}` } });
      expect(basic.status).toBe(404);
    }
  });

  it('an unknown room answers exactly like a wrong key, so codes cannot be probed', async () => {
    const unknown = room.code === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ';
    const a = await fetch(`${server.url}/api/rooms/${unknown}/results.json`, { headers: { authorization: `Bearer ${room.hostKey}` } });
    const b = await get('results.json', room.beamerKey);
    expect([a.status, b.status]).toEqual([404, 404]);
    expect(await a.text()).toBe(await b.text());
  });

  it('after the session ended, the export keeps the same counts', async () => {
    const before = (await (await get('results.json', room.hostKey)).json()) as ResultsExport;
    const host = await connectHost(server.url, room);
    pool.keep(host);
    expect(await host.send({ type: 'session.end' })).toEqual({ ok: true });
    const after = (await (await get('results.json', room.hostKey)).json()) as ResultsExport;
    expect(after.endedAt).not.toBeNull();
    // What was shown stays exactly as it was; what was never shown is now reported as too few.
    for (const card of before.cards) {
      const later = after.cards.find((c) => c.id === card.id)!;
      if (card.vote && card.vote.status !== 'nog niet getoond') expect(later.vote, card.id).toEqual(card.vote);
      if (card.board && card.board.status !== 'nog niet getoond') expect(later.board, card.id).toEqual(card.board);
    }
    expect(JSON.stringify(after)).not.toContain('nog niet getoond');
  });

  it('the host deletes the session at once: everyone is disconnected and nothing can be exported', async () => {
    const notAllowed = await fetch(`${server.url}/api/rooms/${room.code}`, { method: 'DELETE', headers: { authorization: `Bearer ${room.beamerKey}` } });
    expect(notAllowed.status).toBe(404);
    expect((await get('results.json', room.hostKey)).status).toBe(200);

    const host = await connectHost(server.url, room);
    const gone = disconnected(host);
    const res = await fetch(`${server.url}/api/rooms/${room.code}`, { method: 'DELETE', headers: { authorization: `Bearer ${room.hostKey}` } });
    expect(res.status).toBe(200);
    expect(await gone).toBe('io server disconnect');
    host.close();
    expect((await get('results.json', room.hostKey)).status).toBe(404);
  });
});
