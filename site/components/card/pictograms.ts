// The deck pictograms, inlined so they take the text colour (they use currentColor). They come from
// the repository's own files, which is why rendering them as HTML is allowed.
const files = import.meta.glob<string>('../../../decks/pictograms/*.svg', { query: '?raw', import: 'default', eager: true });

const byName: Record<string, string> = Object.fromEntries(
  Object.entries(files).map(([path, svg]) => [path.slice(path.lastIndexOf('/') + 1, -'.svg'.length), svg]),
);

export function pictogramSvg(name: string | undefined): string | undefined {
  return name ? byName[name] : undefined;
}
