// Which help lines a person sees: lines for their session's audiences, plus the lines a card names,
// from the one function phone help and closing screen share (protocol/help.ts helpLinesFor).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { ALL_HELP_AUDIENCES, NationalHelpLine, helpAudiencesOf, helpLinesFor, type HelpAudience } from '@protocol';
import { loadDecks } from '../../session-server/src/server/decks.ts';
import { decksDir } from '../support/room-fixture.ts';

const line = (id: string, audiences: HelpAudience[]): NationalHelpLine => ({ id, name: id, about: `Over ${id}.`, audiences, checked: 'test' });
const LINES = [
  line('voor-iedereen', ['klas-onder-18', 'klas-18-plus', 'team']),
  line('jongeren', ['klas-onder-18']),
  line('jongvolwassenen', ['klas-18-plus']),
  line('personeel', ['team']),
  line('alleen-bij-een-kaart', []),
];
const ids = (lines: NationalHelpLine[]) => lines.map((l) => l.id);

describe('helpLinesFor', () => {
  it('a team sees the lines for everyone and for staff, and none for young people', () => {
    expect(ids(helpLinesFor(LINES, ['team'], []))).toEqual(['voor-iedereen', 'personeel']);
  });

  it('a mixed class sees both class lines, and no staff line', () => {
    expect(ids(helpLinesFor(LINES, helpAudiencesOf('klas', 'gemengd'), []))).toEqual(['voor-iedereen', 'jongeren', 'jongvolwassenen']);
  });

  it('a card’s own lines come first, once, also a line kept for cards only', () => {
    expect(ids(helpLinesFor(LINES, ['klas-18-plus'], ['alleen-bij-een-kaart', 'voor-iedereen']))).toEqual([
      'voor-iedereen',
      'alleen-bij-een-kaart',
      'jongvolwassenen',
    ]);
  });

  it('a line kept for cards only never shows without its card, and an unknown id is left out', () => {
    expect(ids(helpLinesFor(LINES, ALL_HELP_AUDIENCES, ['bestaat-niet']))).not.toContain('alleen-bij-een-kaart');
    expect(ids(helpLinesFor(LINES, ALL_HELP_AUDIENCES, ['bestaat-niet']))).toHaveLength(4);
  });
});

describe('the help lines file', () => {
  const lines = z.array(NationalHelpLine).parse(parse(readFileSync(join(decksDir, '..', 'site', 'data', 'hulplijnen.yaml'), 'utf8')));

  it('gives a team session no line that is only for people under 18', () => {
    const team = helpLinesFor(lines, helpAudiencesOf('team', undefined), []);
    expect(team.length).toBeGreaterThan(0);
    expect(team.filter((l) => l.forWhom?.includes('tot 18'))).toEqual([]);
    expect(ids(team)).not.toContain('kindertelefoon');
  });

  it('gives every kind of session at least one line', () => {
    for (const audience of ALL_HELP_AUDIENCES) expect(helpLinesFor(lines, [audience], []).length).toBeGreaterThan(0);
  });

  it('a line without audiences is named by a card, or nobody would ever see it', () => {
    const named = new Set([...loadDecks(decksDir).values()].flatMap((deck) => deck.cards.flatMap((card) => card.help ?? [])));
    expect(lines.filter((l) => l.audiences.length === 0 && !named.has(l.id)).map((l) => l.id)).toEqual([]);
  });
});
