// What is kept after a session: anonymise() drops every link to a phone, and the export holds only
// aggregates and post-it texts, with small groups and spreadsheet formulas made harmless.
import { describe, expect, it } from 'vitest';
import type { VoteChoice } from '@protocol';
import { anonymise, tallyOf } from '../../session-server/src/room/apply.ts';
import { beamerView, hostView } from '../../session-server/src/room/views.ts';
import { TOO_FEW } from '@protocol';
import { exportResults, resultsToCsv } from '../../session-server/src/room/export.ts';
import { findSecrets, makeRoom } from '../support/room-fixture.ts';

/** A room with answers on two vote cards (one above, one below the minimum) and a written wall. */
function finishedRoom(texts: string[] = ['Meer toezicht in de kantine', 'Betere verlichting bij de fietsen', 'Een vast aanspreekpunt']) {
  const room = makeRoom({ participants: 8 });
  room.goto('pesten');
  const choices: VoteChoice[] = ['vaak', 'vaak', 'soms', 'nooit', 'soms', 'vaak', 'pas', 'pas'];
  choices.forEach((choice, i) => room.must(i, { type: 'vote.cast', cardId: 'pesten', choice }));
  room.must('host', { type: 'result.reveal', cardId: 'pesten' });
  room.goto('online');
  (['soms', 'soms', 'pas'] as VoteChoice[]).forEach((choice, i) => room.must(i, { type: 'vote.cast', cardId: 'online', choice }));
  room.goto('muur');
  for (let i = 0; i < 6; i++) room.must(i, { type: 'postIt.add', cardId: 'muur', text: texts[i % texts.length]! });
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
    expect(kept.participants).toEqual({});
    for (const vote of Object.values(kept.votes)) expect(vote.choices).toEqual({});
    for (const board of Object.values(kept.boards)) {
      expect(board.authors).toEqual({});
      for (const postIt of Object.values(board.postIts)) expect(postIt.author).toBeNull();
    }
  });

  it('keeps the tallies, the number who joined and the post-it texts', () => {
    const room = finishedRoom();
    room.must('host', { type: 'session.end' });
    const kept = anonymise(room.state);
    expect(tallyOf(kept.votes.pesten!)).toEqual({ nooit: 1, soms: 2, vaak: 3, pas: 2 });
    expect(tallyOf(kept.votes.online!)).toEqual({ nooit: 0, soms: 2, vaak: 0, pas: 1 });
    expect(kept.joined).toBe(8);
    expect(kept.boards.muur!.authorCount).toBe(6);
    expect(Object.values(kept.boards.muur!.postIts).map((p) => p.text).sort()).toEqual(
      Object.values(room.state.boards.muur!.postIts).map((p) => p.text).sort(),
    );
    expect(exportResults(kept)).toEqual(exportResults(room.state));
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

  it('exports a card below the minimum as "te weinig antwoorden" without any counts', () => {
    const results = exportResults(finishedRoom().state);
    const online = results.cards.find((c) => c.id === 'online')!;
    expect(online.vote).toEqual({ question: expect.any(String), status: TOO_FEW, minimumReached: false, counts: null, passes: null });
    expect(TOO_FEW).toBe('te weinig antwoorden');
  });

  it('exports a card nobody answered as "te weinig antwoorden"', () => {
    const results = exportResults(makeRoom().state);
    expect(results.cards.map((c) => c.id)).toEqual(['pesten', 'online', 'muur', 'kolommen']);
    for (const card of results.cards) expect(card.vote?.status ?? card.board?.status).toBe(TOO_FEW);
  });

  it('exports a wall with too few writers without its post-its', () => {
    const room = makeRoom({ participants: 3 });
    room.goto('muur');
    for (let i = 0; i < 3; i++) room.must(i, { type: 'postIt.add', cardId: 'muur', text: `Mijn idee ${i}` });
    const board = exportResults(room.state).cards.find((c) => c.id === 'muur')!.board!;
    expect(board).toMatchObject({ status: TOO_FEW, postIts: [] });
    expect(resultsToCsv(exportResults(room.state))).not.toContain('Mijn idee');
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

  it('the CSV has one row per vote card with the counts, and "te weinig antwoorden" below the minimum', () => {
    const rows = parseCsv(resultsToCsv(exportResults(finishedRoom().state)).slice(1));
    const header = rows[0]!;
    const column = (name: string) => header.indexOf(name);
    const pesten = rows.find((r) => r[0] === 'Thema pesten')!;
    expect([pesten[column('nooit')], pesten[column('soms')], pesten[column('vaak')], pesten[column('overgeslagen')], pesten[column('status')]]).toEqual(['1', '2', '3', '2', 'ok']);
    const online = rows.find((r) => r[0] === 'Thema online')!;
    expect([online[column('nooit')], online[column('soms')], online[column('vaak')], online[column('status')]]).toEqual(['', '', '', TOO_FEW]);
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
