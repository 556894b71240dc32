// A team meeting over real sockets: a case typed on a phone reaches the host as text and the beamer
// only through the host; a private "wat neem ik mee" reaches its author's devices and nobody else,
// not even the export; after the end only the record for the report is left.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BeamerView, CreateRoomResponse, HostView, ParticipantView, ResultsExport } from '@protocol';
import { startServer, type ServerProcess } from '../support/server-process.ts';
import { connectBeamer, connectHost, connectPhone, createRoom, type TestClient } from '../support/clients.ts';
import { clientPool, connectPhones, tokenOf } from '../support/sessions.ts';

let server: ServerProcess;
let room: CreateRoomResponse;
let host: TestClient<HostView>;
let beamer: TestClient<BeamerView>;
let phones: TestClient<ParticipantView>[];
const pool = clientPool();
const CASE = 'Een collega appt een leerling van 16 laat op de avond over het huiswerk.';
const PRIVATE = 'Ik vind het lastig om een collega aan te spreken';

beforeAll(async () => {
  server = await startServer();
  room = await createRoom(server.url, { deckId: 'moreel-beraad', minGroupSize: 3 });
  host = pool.keep(await connectHost(server.url, room));
  beamer = pool.keep(await connectBeamer(server.url, room));
  phones = (await connectPhones(server.url, room, 4)).map((p) => pool.keep(p));
});
afterAll(async () => {
  pool.closeAll();
  await server.cleanup();
});

const goto = async (cardId: string) => {
  const index = host.view().cards.findIndex((c) => c.id === cardId);
  expect(await host.send({ type: 'card.goto', index })).toEqual({ ok: true });
  await Promise.all(phones.map((p) => p.waitFor((v) => v.card?.id === cardId)));
};
const exported = async () =>
  (await (await fetch(`${server.url}/api/rooms/${room.code}/results.json`, { headers: { authorization: `Bearer ${room.hostKey}` } })).json()) as ResultsExport;

describe('the case', () => {
  it('goes from a phone to the host as text, and to the beamer only when the host puts it there', async () => {
    await goto('casus');
    expect(await phones[0]!.send({ type: 'case.draft', text: CASE })).toEqual({ ok: true });
    const seen = await host.waitFor((v) => (v.meeting.caseDrafts ?? []).length === 1);
    expect(seen.meeting.caseDrafts![0]!.text).toBe(CASE);
    expect(beamer.view().meeting.case).toBeNull();
    expect(JSON.stringify(phones[1]!.view())).not.toContain('huiswerk');
    expect(await phones[1]!.send({ type: 'case.set', text: 'x' })).toMatchObject({ ok: false });
    expect(await host.send({ type: 'case.set', text: CASE })).toEqual({ ok: true });
    await beamer.waitFor((v) => v.meeting.case === CASE);
  });
});

describe('wat neem ik mee', () => {
  it('reaches its author on every device and nobody else, not the export either', async () => {
    await goto('wat-neem-ik-mee');
    const cardId = 'wat-neem-ik-mee';
    expect(
      await phones[1]!.send({ type: 'reflection.save', cardId, answers: { '0': 'eens' }, notes: PRIVATE, action: 'Ik vraag feedback', shared: false }),
    ).toEqual({ ok: true });
    await phones[1]!.waitFor((v) => v.meeting?.reflection?.notes === PRIVATE);
    // The same colleague on a second device (same phone code) gets it back.
    const second = pool.keep(await connectPhone(server.url, room, tokenOf(phones[1]!)));
    expect((await second.waitFor((v) => !!v.meeting?.reflection)).meeting!.reflection!.notes).toBe(PRIVATE);
    // Nobody else: other phones, host, beamer, export.
    await new Promise((r) => setTimeout(r, 1500)); // past a batch tick
    for (const view of [phones[0]!.view(), phones[2]!.view(), host.view(), beamer.view(), await exported()]) {
      expect(JSON.stringify(view)).not.toContain(PRIVATE);
      expect(JSON.stringify(view)).not.toContain('Ik vraag feedback');
    }
  });

  it('shared action points show once three shared, without who; after the end the case and notes are gone', async () => {
    const cardId = 'wat-neem-ik-mee';
    for (const i of [0, 2]) {
      expect(await phones[i]!.send({ type: 'reflection.save', cardId, answers: {}, notes: '', action: `Gedeeld punt ${i}`, shared: true })).toEqual({ ok: true });
    }
    await new Promise((r) => setTimeout(r, 1500));
    expect(beamer.view().meeting.sharedActions).toEqual([]);
    expect(await phones[3]!.send({ type: 'reflection.save', cardId, answers: {}, notes: '', action: 'Gedeeld punt 3', shared: true })).toEqual({ ok: true });
    await beamer.waitFor((v) => v.meeting.sharedActions.length === 3);
    expect(await host.send({ type: 'dilemma.set', text: 'Grijp ik in of niet?' })).toEqual({ ok: true });
    expect(await host.send({ type: 'session.end' })).toEqual({ ok: true });
    const after = await exported();
    expect(after.meeting).toMatchObject({ dilemma: 'Grijp ik in of niet?', sharedActions: ['Gedeeld punt 0', 'Gedeeld punt 2', 'Gedeeld punt 3'] });
    expect(JSON.stringify(after)).not.toContain('huiswerk');
    expect(JSON.stringify(after)).not.toContain(PRIVATE);
  });
});
