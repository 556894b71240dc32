// What is kept after a session: anonymise() drops every link to a phone, and the export holds only
// aggregates and post-it texts, with small groups and spreadsheet formulas made harmless.
import { describe, expect, it } from 'vitest';
import type { VoteChoice } from '@protocol';
import { anonymise } from '../../session-server/src/room/apply.ts';
import { tallyOf } from '../../session-server/src/room/votes.ts';
import { beamerView, hostView } from '../../session-server/src/room/views.ts';
import { NOT_SHOWN, TOO_FEW } from '@protocol';
import { exportResults, resultsToCsv } from '../../session-server/src/room/export.ts';
import { findSecrets, makeRoom } from '../support/room-fixture.ts';

/**
 * A room with answers on two vote cards, both revealed (one above, one below the minimum), and a
 * written wall that the host let through after a look (flagged ones included) and revealed.
 */
function finishedRoom(texts: string[] = ['Meer toezicht in de kantine', 'Betere verlichting bij de fietsen', 'Een vast aanspreekpunt']) {
  const room = makeRoom({ participants: 8 });
  room.goto('pesten');
  const choices: VoteChoice[] = ['vaak', 'vaak', 'soms', 'nooit', 'soms', 'vaak', 'pas', 'pas'];
  choices.forEach((choice, i) => room.must(i, { type: 'vote.cast', cardId: 'pesten', choice }));
  room.must('host', { type: 'result.reveal', cardId: 'pesten' });
  room.goto('online');
  (['soms', 'soms', 'pas'] as VoteChoice[]).forEach((choice, i) => room.must(i, { type: 'vote.cast', cardId: 'online', choice }));
  room.must('host', { type: 'result.reveal', cardId: 'online' });
  room.goto('muur');
  for (let i = 0; i < 6; i++) room.must(i, { type: 'postIt.add', cardId: 'muur', text: texts[i % texts.length]! });
  const waiting = Object.values(room.state.boards.muur!.postIts).filter((p) => p.status === 'pending');
  if (waiting.length) room.must('host', { type: 'postIt.approve', cardId: 'muur', postItIds: waiting.map((p) => p.id) });
  room.publish();
  room.must('host', { type: 'board.reveal', cardId: 'muur' });
  return room;
}

describe('anonymise', () => {
  it('leaves no participant hash anywhere in the kept state', () => {
    const room = finishedRoom();
    room.must('host', { type: 'session.end' });
    const hashes = room.participants.map((p) => p.hash);
    expect(findSecrets(room.state, hashes).length).toBeGreaterThan(0); // the live state does know them
    const kept = anonymise(room.state);
    expect(findSecrets(kept, hashes)).toEqual([]);
    expect(kept.participants.size).toBe(0);
    for (const vote of Object.values(kept.votes)) expect(vote.choices.size).toBe(0);
    for (const board of Object.values(kept.boards)) {
      expect(board.authors).toEqual({});
      for (const postIt of Object.values(board.postIts)) expect(postIt.author).toBeNull();
    }
  });

  it('keeps the shown tallies, the number who joined and the post-it texts', () => {
    const room = finishedRoom();
    expect(tallyOf(room.state.votes.pesten!.choices, ['nooit', 'soms', 'vaak'])).toEqual({ nooit: 1, soms: 2, vaak: 3, pas: 2 });
    const shownBefore = exportResults(room.state);
    room.must('host', { type: 'session.end' });
    const kept = anonymise(room.state);
    expect(kept.votes.pesten!.final).toEqual({ nooit: 1, soms: 2, vaak: 3, pas: 2 });
    // Below the minimum nothing was shown, and nothing is kept.
    expect(kept.votes.online!.final).toBeNull();
    expect(kept.joined).toBe(8);
    expect(kept.boards.muur!.authorCount).toBe(6);
    expect(Object.values(kept.boards.muur!.postIts).map((p) => p.text).sort()).toEqual(
      Object.values(room.state.boards.muur!.postIts).map((p) => p.text).sort(),
    );
    // The report after the end says what the beamer showed ('kolommen' was never opened: its status
    // changes from "nog niet getoond" to "te weinig antwoorden").
    const shownCards = (cards: typeof shownBefore.cards) => cards.filter((c) => c.id !== 'kolommen');
    expect(shownCards(exportResults(kept).cards)).toEqual(shownCards(shownBefore.cards));
  });

  it('what the beamer shows does not change when the session is anonymised', () => {
    const room = finishedRoom();
    room.must('host', { type: 'session.end' });
    const kept = anonymise(room.state);
    expect(beamerView(kept)).toEqual({ ...beamerView(room.state), board: { ...beamerView(room.state).board!, open: false } });
    expect(hostView(kept).board?.postIts).toEqual(hostView(room.state).board?.postIts);
  });

  it('anonymising twice changes nothing more', () => {
    const room = finishedRoom();
    room.must('host', { type: 'session.end' });
    const once = anonymise(room.state);
    expect(anonymise(once)).toEqual(once);
  });
});

describe('export', () => {
  it('exports counts for a card that reached the minimum', () => {
    const results = exportResults(finishedRoom().state);
    const pesten = results.cards.find((c) => c.id === 'pesten')!;
    expect(pesten.vote).toMatchObject({ status: 'ok', minimumReached: true, counts: { nooit: 1, soms: 2, vaak: 3 }, passes: 2 });
    expect(results.joined).toBe(8);
  });

  it('exports a revealed card below the minimum as "te weinig antwoorden" without any counts', () => {
    const results = exportResults(finishedRoom().state);
    const online = results.cards.find((c) => c.id === 'online')!;
    expect(online.vote).toEqual({
      question: expect.any(String),
      options: [
        { id: 'nooit', label: 'Nooit' },
        { id: 'soms', label: 'Soms' },
        { id: 'vaak', label: 'Vaak' },
      ],
      round: 1,
      status: TOO_FEW,
      nobodyAnswered: false,
      minimumReached: false,
      counts: null,
      passes: null,
      split: false,
      earlierRounds: [],
    });
    expect(TOO_FEW).toBe('te weinig antwoorden');
  });

  it('during the session a vote and a wall never revealed are exported as "nog niet getoond", without counts or texts', () => {
    const room = makeRoom({ participants: 6 });
    room.goto('pesten');
    for (let i = 0; i < 6; i++) room.must(i, { type: 'vote.cast', cardId: 'pesten', choice: 'vaak' });
    room.goto('muur');
    for (let i = 0; i < 6; i++) room.must(i, { type: 'postIt.add', cardId: 'muur', text: `Mijn idee ${i}` });
    room.publish();
    const results = exportResults(room.state);
    expect(results.cards.find((c) => c.id === 'pesten')!.vote).toMatchObject({ status: NOT_SHOWN, counts: null, passes: null });
    expect(results.cards.find((c) => c.id === 'muur')!.board).toMatchObject({ status: NOT_SHOWN, postIts: [] });
    expect(resultsToCsv(results)).not.toContain('Mijn idee');
    expect(NOT_SHOWN).toBe('nog niet getoond');
  });

  it('exports cards nobody answered as "nog niet getoond" during the session and "te weinig antwoorden" after it', () => {
    const room = makeRoom();
    const during = exportResults(room.state);
    expect(during.cards.map((c) => c.id)).toEqual(['pesten', 'online', 'muur', 'kolommen']);
    for (const card of during.cards) expect(card.vote?.status ?? card.board?.status).toBe(NOT_SHOWN);
    room.must('host', { type: 'session.end' });
    for (const card of exportResults(anonymise(room.state)).cards) expect(card.vote?.status ?? card.board?.status).toBe(TOO_FEW);
  });

  it('exports a revealed wall with too few writers without its post-its', () => {
    const room = makeRoom({ participants: 3 });
    room.goto('muur');
    for (let i = 0; i < 3; i++) room.must(i, { type: 'postIt.add', cardId: 'muur', text: `Mijn idee ${i}` });
    room.publish();
    room.must('host', { type: 'board.reveal', cardId: 'muur' });
    const board = exportResults(room.state).cards.find((c) => c.id === 'muur')!.board!;
    expect(board).toMatchObject({ status: TOO_FEW, postIts: [] });
    expect(resultsToCsv(exportResults(room.state))).not.toContain('Mijn idee');
  });

  it('after the end the export holds every kept wall, revealed or not', () => {
    const room = makeRoom({ participants: 5 });
    room.goto('muur');
    for (let i = 0; i < 5; i++) room.must(i, { type: 'postIt.add', cardId: 'muur', text: `Mijn idee ${i}` });
    room.must('host', { type: 'session.end' });
    const board = exportResults(anonymise(room.state)).cards.find((c) => c.id === 'muur')!.board!;
    expect(board.status).toBe('ok');
    expect(board.postIts.map((p) => p.text)).toEqual([0, 1, 2, 3, 4].map((i) => `Mijn idee ${i}`));
  });

  it('exports the shown results of earlier rounds beside the current round', () => {
    const room = makeRoom({ participants: 6 });
    room.goto('pesten');
    for (let i = 0; i < 6; i++) room.must(i, { type: 'vote.cast', cardId: 'pesten', choice: 'vaak' });
    room.must('host', { type: 'result.reveal', cardId: 'pesten' });
    room.must('host', { type: 'vote.newRound', cardId: 'pesten' });
    for (let i = 0; i < 5; i++) room.must(i, { type: 'vote.cast', cardId: 'pesten', choice: 'nooit' });
    room.must('host', { type: 'result.reveal', cardId: 'pesten' });
    const vote = exportResults(room.state).cards.find((c) => c.id === 'pesten')!.vote!;
    expect(vote).toMatchObject({
      round: 2,
      status: 'ok',
      counts: { nooit: 5, soms: 0, vaak: 0 },
      passes: 0,
      earlierRounds: [{ round: 1, counts: { nooit: 0, soms: 0, vaak: 6 }, passes: 0 }],
    });
    const rows = parseCsv(resultsToCsv(exportResults(room.state)).slice(1));
    const column = (name: string) => rows[0]!.indexOf(name);
    const pesten = rows.filter((r) => r[0] === 'Thema pesten' && ['Nooit', 'Vaak'].includes(r[column('antwoord')]!));
    expect(pesten.map((r) => [r[column('ronde')], r[column('antwoord')], r[column('aantal')]])).toEqual([
      ['1', 'Nooit', '0'],
      ['1', 'Vaak', '6'],
      ['2', 'Nooit', '5'],
      ['2', 'Vaak', '0'],
    ]);
  });

  it('exports merged duplicates once, with how many there were, and leaves hidden post-its out', () => {
    const room = finishedRoom();
    const ids = Object.values(room.state.boards.muur!.postIts);
    const [a, b] = ids.filter((p) => p.text === 'Meer toezicht in de kantine');
    room.must('host', { type: 'postIt.merge', cardId: 'muur', postItId: b!.id, intoId: a!.id });
    const hidden = ids.find((p) => p.text === 'Een vast aanspreekpunt')!;
    room.must('host', { type: 'postIt.hide', cardId: 'muur', postItId: hidden.id });
    const board = exportResults(room.state).cards.find((c) => c.id === 'muur')!.board!;
    expect(board.postIts.find((p) => p.text === 'Meer toezicht in de kantine')).toMatchObject({ count: 2 });
    expect(board.postIts.filter((p) => p.text === 'Een vast aanspreekpunt')).toHaveLength(1);
  });

  it('the export holds no participant hash', () => {
    const room = finishedRoom();
    const hashes = room.participants.map((p) => p.hash);
    const results = exportResults(room.state);
    expect(findSecrets(results, hashes)).toEqual([]);
    const csv = resultsToCsv(results);
    for (const hash of hashes) expect(csv).not.toContain(hash);
  });

  it('neutralises CSV cells that a spreadsheet would read as a formula', () => {
    const hostile = ['=HYPERLINK("http://x.invalid";"klik")', '+31 cmd', '-2+3', '@SUM(A1:A9)', 'gewoon; met "quotes"'];
    const room = finishedRoom(hostile);
    const csv = resultsToCsv(exportResults(room.state));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const cells = parseCsv(csv.slice(1)).flat();
    for (const text of hostile.slice(0, 4)) {
      expect(cells).toContain(`'${text}`);
      expect(cells).not.toContain(text);
    }
    expect(cells).toContain('gewoon; met "quotes"');
    for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('quotes every CSV field, so a separator, quote or line break in a post-it cannot shift the columns', () => {
    const room = finishedRoom(['een;twee', 'regel een\r\nregel twee', 'zo "gezegd"']);
    const csv = resultsToCsv(exportResults(room.state)).slice(1);
    for (const line of csv.split('\r\n').filter(Boolean).filter((l) => l.startsWith('"'))) expect(line).toMatch(/^"(?:[^"]|"")*"(?:;"(?:[^"]|"")*")*$/);
    const rows = parseCsv(csv);
    const header = rows[0]!;
    for (const row of rows) expect(row).toHaveLength(header.length);
    expect(rows.map((r) => r[header.indexOf('tekst')])).toEqual(expect.arrayContaining(['een;twee', 'zo "gezegd"']));
  });

  it('the CSV has a row per answer option with its count, and "te weinig antwoorden" below the minimum', () => {
    const rows = parseCsv(resultsToCsv(exportResults(finishedRoom().state)).slice(1));
    const header = rows[0]!;
    const column = (name: string) => header.indexOf(name);
    const pesten = rows.filter((r) => r[0] === 'Thema pesten');
    expect(pesten.map((r) => [r[column('ronde')], r[column('antwoord')], r[column('aantal')], r[column('status')]])).toEqual([
      ['1', 'Nooit', '1', 'ok'],
      ['1', 'Soms', '2', 'ok'],
      ['1', 'Vaak', '3', 'ok'],
      ['1', 'overgeslagen', '2', 'ok'],
    ]);
    const online = rows.filter((r) => r[0] === 'Thema online');
    expect(online.map((r) => [r[column('antwoord')], r[column('aantal')], r[column('status')]])).toEqual([['', '', TOO_FEW]]);
  });
});

/** A small parser for the export's CSV: ; separated, "" quoting, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') endCell();
    else if (ch === '\r' && text[i + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else cell += ch;
  }
  if (cell || row.length) {
    endCell();
    rows.push(row);
  }
  return rows;
}
