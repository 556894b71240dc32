// Download names: kring-<groep>-<kaartset>-<datum>, safe on every file system and in a header.
import { describe, expect, it } from 'vitest';
import { fileSlug, resultsFileName } from '../../session-server/src/protocol/file-names.ts';

describe('the results file name', () => {
  it('names the group, the deck and the date', () => {
    expect(resultsFileName({ groupName: 'Klas 3B', deckId: 'focusgroep', startedAt: '2026-11-30T09:00:00.000Z' })).toBe('kring-klas-3b-focusgroep-2026-11-30');
  });

  it('leaves the group out when there is none, or nothing of it is safe', () => {
    expect(resultsFileName({ groupName: null, deckId: 'focusgroep-team', startedAt: '2026-11-30T09:00:00.000Z' })).toBe('kring-focusgroep-team-2026-11-30');
    expect(resultsFileName({ groupName: '🙂 !!', deckId: 'focusgroep', startedAt: '2026-11-30T09:00:00.000Z' })).toBe('kring-focusgroep-2026-11-30');
  });

  it('drops accents, spaces, quotes, slashes and dots that would break a file name or a header', () => {
    expect(fileSlug('Café “Zorg & Welzijn” 2/3')).toBe('cafe-zorg-welzijn-2-3');
    expect(fileSlug('../../etc/passwd')).toBe('etc-passwd');
    expect(fileSlug('naam"; filename="x.exe')).toBe('naam-filename-x-exe');
    expect(fileSlug('İstanbul ŞÇ groep')).toBe('istanbul-sc-groep');
  });

  it('is at most 40 characters and never ends on a dash', () => {
    const slug = fileSlug('team onderbouw en bovenbouw van de afdeling zorg en welzijn');
    expect(slug.length).toBeLessThanOrEqual(40);
    expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});
