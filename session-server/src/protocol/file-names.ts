// Names for a session's downloads: kring-<groep>-<kaartset>-<datum>, so a teacher with three classes
// tells the files apart. The slug is safe on every file system and in a Content-Disposition header.

/** Lower case a-z, 0-9 and single dashes; accents dropped ("Klas 3B – Zorg & Welzijn" → "klas-3b-zorg-welzijn"). */
export function fileSlug(text: string, max = 40): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, max).replace(/-+$/, '');
}

/** Without an extension; the group's name is left out when it has none (or nothing of it is safe). */
export function resultsFileName(results: { groupName: string | null; deckId: string; startedAt: string }): string {
  const parts = ['kring', fileSlug(results.groupName ?? ''), fileSlug(results.deckId), results.startedAt.slice(0, 10)];
  return parts.filter(Boolean).join('-');
}
