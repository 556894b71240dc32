// The deck format: the real decks validate, a broken deck is refused with the file and the field
// named, and every pictogram a card names exists.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { z } from 'zod';
import { Deck, NationalHelpLine, describeDeckError } from '@protocol';
import { loadDecks } from '../../session-server/src/server/decks.ts';
import { decksDir } from '../support/room-fixture.ts';

/** A valid deck as plain data, the way a deck author writes it; each test breaks one thing. */
function deckData() {
  return {
    title: 'Proefset',
    audience: 'klas',
    summary: 'Een kaartset om het schema te testen.',
    cards: [
      { id: 'welkom', kind: 'opening', title: 'Welkom', summary: 'We beginnen.', points: ['Delen mag, maar hoeft niet.'] },
      { id: 'pesten', kind: 'theme', title: 'Pesten', summary: 'Over pesten.', vote: { question: 'Hoe vaak zie je dit?' } },
      {
        id: 'schrijven',
        kind: 'writing',
        title: 'Schrijf het op',
        summary: 'Anoniem.',
        board: { prompt: 'Wat kan beter?', layout: 'columns', columns: [{ id: 'school', label: 'De school', colour: 'groen' }] },
      },
    ],
  } as Record<string, unknown> & { cards: Record<string, unknown>[] };
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Writes one deck to its own folder and loads it the way the server does; returns the error message. */
function loadError(data: unknown, file = 'kapot.yaml'): string {
  const dir = mkdtempSync(join(tmpdir(), 'kring-decks-'));
  dirs.push(dir);
  writeFileSync(join(dir, file), stringify(data));
  try {
    loadDecks(dir);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the broken deck loaded');
}

describe('the real decks', () => {
  const decks = loadDecks(decksDir);

  it('every deck in decks/ validates', () => {
    const files = readdirSync(decksDir).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThan(0);
    expect([...decks.keys()].sort()).toEqual(files.map((f) => f.replace(/\.yaml$/, '')).sort());
  });

  it('every pictogram a card names exists in decks/pictograms', () => {
    const named = [...decks.values()].flatMap((deck) => deck.cards.flatMap((card) => (card.pictogram ? [card.pictogram] : [])));
    expect(named.length).toBeGreaterThan(0);
    const missing = named.filter((name) => !existsSync(join(decksDir, 'pictograms', `${name}.svg`)));
    expect(missing).toEqual([]);
  });

  it('every help line a card names exists in site/data/hulplijnen.yaml', () => {
    const lines = z.array(NationalHelpLine).parse(parse(readFileSync(join(decksDir, '..', 'site', 'data', 'hulplijnen.yaml'), 'utf8')));
    const known = new Set(lines.map((l) => l.id));
    expect(known.size).toBe(lines.length);
    const missing = [...decks.entries()].flatMap(([deckId, deck]) =>
      deck.cards.flatMap((card) => (card.help ?? []).filter((id) => !known.has(id)).map((id) => `${deckId}/${card.id}: ${id}`)),
    );
    expect(missing).toEqual([]);
  });

  it('the deck built for the tests is valid, so each broken variant fails for one reason', () => {
    expect(Deck.safeParse(deckData()).success).toBe(true);
  });
});

describe('a broken deck', () => {
  it('without a title is refused, naming the file and the field', () => {
    const { title: _title, ...data } = deckData();
    const message = loadError(data, 'zonder-titel.yaml');
    expect(message).toContain('zonder-titel.yaml');
    expect(message).toMatch(/^\s+- title: /m);
  });

  it('with a duplicate card id is refused, naming the second card', () => {
    const data = deckData();
    data.cards.push({ ...data.cards[1], title: 'Nog eens pesten' });
    const message = loadError(data);
    expect(message).toContain('kapot.yaml');
    expect(message).toContain('cards.3.id');
    expect(message).toContain('"pesten"');
  });

  it('with a board in columns but no columns is refused', () => {
    const data = deckData();
    data.cards[2] = { ...data.cards[2], board: { prompt: 'Wat kan beter?', layout: 'columns' } };
    expect(loadError(data)).toContain('cards.2.board.columns');
  });

  it('with a wall that names columns is refused', () => {
    const data = deckData();
    data.cards[2] = { ...data.cards[2], board: { prompt: 'Wat?', layout: 'wall', columns: [{ id: 'a', label: 'A', colour: 'groen' }] } };
    expect(loadError(data)).toContain('cards.2.board.columns');
  });

  it('with a colour that does not exist is refused', () => {
    const data = deckData();
    data.cards[2] = {
      ...data.cards[2],
      board: { prompt: 'Wat?', layout: 'columns', columns: [{ id: 'school', label: 'De school', colour: 'turquoise' }] },
    };
    expect(loadError(data)).toContain('cards.2.board.columns.0.colour');
  });

  it('with a key the format does not know is refused, naming the key', () => {
    const data = deckData();
    data.cards[1] = { ...data.cards[1], stemming: 'ja' };
    const message = loadError(data);
    expect(message).toContain('cards.1');
    expect(message).toContain('stemming');
  });

  it('with an id in capitals is refused with a hint', () => {
    const data = deckData();
    data.cards[0] = { ...data.cards[0], id: 'Welkom' };
    expect(loadError(data)).toMatch(/cards\.0\.id: gebruik kleine letters/);
  });

  it('takes host notes, a notice and help lines on a card, and keeps the host notes’ line breaks', () => {
    const data = deckData();
    data.cards[1] = { ...data.cards[1], hostNotes: '  Let op wie stil wordt.\nGeef ruimte.  ', notice: 'Over geweld.', help: ['veilig-thuis'] };
    const card = Deck.parse(data).cards[1]!;
    expect(card.hostNotes).toBe('Let op wie stil wordt.\nGeef ruimte.');
    expect(card.notice).toBe('Over geweld.');
    expect(card.help).toEqual(['veilig-thuis']);
  });

  it('with host notes over 800 characters, an empty notice or a help line named twice is refused', () => {
    const data = deckData();
    data.cards[1] = { ...data.cards[1], hostNotes: 'x'.repeat(801), notice: '  ', help: ['a', 'a'] };
    const message = loadError(data);
    expect(message).toContain('cards.1.hostNotes');
    expect(message).toContain('cards.1.notice');
    expect(message).toContain('cards.1.help');
  });

  it('with no cards is refused', () => {
    expect(loadError({ ...deckData(), cards: [] })).toContain('cards');
  });

  it('describeDeckError lists every problem on its own line', () => {
    const data = deckData();
    delete data.title;
    data.cards[1] = { ...data.cards[1], kind: 'quiz' };
    const result = Deck.safeParse(data);
    expect(result.success).toBe(false);
    const message = describeDeckError('decks/proef.yaml', result.error!);
    expect(message.split('\n')[0]).toContain('decks/proef.yaml');
    expect(message).toContain('- title:');
    expect(message).toContain('- cards.1.kind:');
  });
});
