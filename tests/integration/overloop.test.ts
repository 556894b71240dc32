// Overloopdebat with a real server: a host, a beamer and 12 phones take sides and switch in phases;
// the server takes points on its own clock (set small here through KRING_OVERLOOP_SAMPLE_MS), and
// the beamer's series follows the switches exactly. Below the minimum group size a point shows nothing.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { BeamerView, ParticipantView, VoteChoice } from '@protocol';
import { startServer, type ServerProcess } from '../support/server-process.ts';
import { connectBeamer, connectHost, createRoom, type TestClient } from '../support/clients.ts';
import { clientPool, connectPhones, readStoredRoom } from '../support/sessions.ts';
import { makeDeck, voteCard } from '../support/room-fixture.ts';

const SAMPLE_MS = 300;
const CARD = 'foto-doorsturen';

let server: ServerProcess;
let decksDir: string;
const pool = clientPool();
const keep = pool.keep;

beforeAll(async () => {
  decksDir = mkdtempSync(join(tmpdir(), 'kring-decks-'));
  mkdirSync(join(decksDir, 'pictograms'));
  const deck = makeDeck({
    title: 'Overloopdebat',
    cards: [
      { id: 'welkom', kind: 'opening', title: 'Welkom', summary: 'We beginnen.' },
      voteCard(CARD, { kind: 'step', title: 'Stelling', vote: { question: 'Een foto van een ander doorsturen mag als het grappig is.', scale: 'eens-oneens', overloop: true } }),
    ],
  });
  writeFileSync(join(decksDir, 'overloop.yaml'), stringify(deck));
  server = await startServer({ env: { KRING_OVERLOOP_SAMPLE_MS: String(SAMPLE_MS), KRING_DECKS_DIR: decksDir } });
});
afterAll(async () => {
  pool.closeAll();
  await server.cleanup();
  rmSync(decksDir, { recursive: true, force: true });
});

const lastPoint = (view: BeamerView) => view.vote?.series?.at(-1);

/** Opens a room on the overloop card with a host, a beamer and `count` phones. */
async function debate(count: number, minGroupSize: number) {
  const room = await createRoom(server.url, { deckId: 'overloop', minGroupSize });
  const host = keep(await connectHost(server.url, room));
  const beamer = keep(await connectBeamer(server.url, room));
  const phones = (await connectPhones(server.url, room, count)).map(keep);
  await host.waitFor((v) => v.joined === count);
  expect(await host.send({ type: 'card.goto', index: 1 })).toEqual({ ok: true });
  await beamer.waitFor((v) => v.cardIndex === 1 && v.vote?.open === true);
  return { room, host, beamer, phones };
}

async function castAll(phones: TestClient<ParticipantView>[], indices: number[], choice: VoteChoice) {
  const acks = await Promise.all(indices.map((i) => phones[i]!.send({ type: 'vote.cast', cardId: CARD, choice })));
  expect(acks).toEqual(indices.map(() => ({ ok: true, choice, round: 1 })));
}

describe('overloopdebat', () => {
  it('the beamer follows 12 phones switching sides in phases, one point per phase', async () => {
    const { room, host, beamer, phones } = await debate(12, 12);
    const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
    // Each phase moves exactly the minimum group size (k) of people, which the host sets before it:
    // a point needs k moves since the last one, so a tick that falls while a phase's answers are
    // still arriving takes no point in between, and the series is exactly one point per phase.
    // (The first phase is all 12 with k = 12: before all have chosen, a point shows no counts.)
    const phases: { k: number; moves: [number[], VoteChoice][]; counts: Record<string, number> }[] = [
      { k: 12, moves: [[range(0, 8), 'eens'], [range(8, 12), 'oneens']], counts: { eens: 8, oneens: 4 } },
      { k: 3, moves: [[[0, 1, 2], 'oneens']], counts: { eens: 5, oneens: 7 } },
      { k: 5, moves: [[[3, 4, 5, 6, 7], 'oneens']], counts: { eens: 0, oneens: 12 } },
      { k: 5, moves: [[[0, 1, 2, 3, 4], 'eens']], counts: { eens: 5, oneens: 7 } },
    ];
    let points = 0;
    for (const phase of phases) {
      if (phase.k !== 12) expect(await host.send({ type: 'settings.minGroupSize', minGroupSize: phase.k })).toEqual({ ok: true });
      await Promise.all(phase.moves.map(([indices, choice]) => castAll(phones, indices, choice)));
      const view = await beamer.waitFor((v) => v.vote!.series!.filter((p) => p.counts).length > points, 10_000);
      expect(lastPoint(view)?.counts).toEqual(phase.counts);
      points++;
    }
    const series = beamer.view().vote!.series!;
    // Exactly the phases, after at most one point from before the first phase was complete.
    expect(series.filter((p) => p.counts).map((p) => p.counts)).toEqual(phases.map((p) => p.counts));
    expect(series.length - points).toBeLessThanOrEqual(1);
    expect(series.slice(series.length - points).every((p) => p.counts)).toBe(true);

    // Points come on the server's clock, never faster.
    const gaps = series.slice(1).map((p, i) => p.at - series[i]!.at);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(SAMPLE_MS - 50);
    console.log(`[overloop] points ${series.length}, gaps between points (ms): ${gaps.join(', ')}`);

    // The host sees the same series; closing keeps it; nothing in any view names a phone.
    const hostView = await host.waitFor((v) => (v.vote?.series?.length ?? 0) === series.length);
    expect(hostView.vote?.series).toEqual(series);
    expect(await host.send({ type: 'vote.close', cardId: CARD })).toEqual({ ok: true });
    expect((await beamer.waitFor((v) => v.vote?.open === false)).vote?.series).toEqual(series);

    // Stored as events of the room, so a restart rebuilds the same series.
    const stored = readStoredRoom(server.dataDir, room.code)!.events.filter((e) => e.type === 'overloopSampled');
    expect(stored.map((e) => (e as { counts: unknown }).counts)).toEqual(series.map((p) => p.counts));
    await server.kill();
    server = await server.restart();
    const again = keep(await connectBeamer(server.url, room));
    expect(again.view().vote?.series).toEqual(series);
  });

  it('with only 3 of 12 phones on a side and a minimum of 5, the point shows no counts', async () => {
    const { host, beamer, phones } = await debate(12, 5);
    await castAll(phones, [0, 1], 'eens');
    await castAll(phones, [2], 'oneens');
    await castAll(phones, [3, 4, 5], 'pas');
    const view = await beamer.waitFor((v) => (v.vote?.series?.length ?? 0) > 0, 10_000);
    expect(view.vote?.series).toEqual([{ at: expect.any(Number), counts: null }]);
    expect(view.vote?.result).toEqual({ state: 'hidden' });
    expect((await host.waitFor((v) => (v.vote?.series?.length ?? 0) > 0)).vote?.series).toEqual(view.vote?.series);
    // Two more take a side: now five have one, and the counts show.
    await castAll(phones, [6, 7], 'oneens');
    const shown = await beamer.waitFor((v) => !!lastPoint(v)?.counts, 10_000);
    expect(lastPoint(shown)?.counts).toEqual({ eens: 2, oneens: 3 });
  });
});
