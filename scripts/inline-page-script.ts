// Puts the join page's own module script inside the page instead of a file next to it: on a slow
// school network every file costs its response headers, and the phone's first load is counted in
// bytes (issue 11). Its imports become absolute ("/_astro/x.js"), as a script in the page resolves
// them against the page's address (/j/<code>). The server allows the inline script by its hash
// (session-server/src/server/security-headers.ts). After every `astro build`, after the preload
// hints (which read the script's imports) and before the compression (a hook in astro.config.mjs).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Pages whose module script goes inline. */
export const INLINED_PAGES = [join('join', 'index.html')];

const MODULE_SCRIPT = /<script type="module" src="\/(_astro\/[^"/]+\.js)"><\/script>/;
const RELATIVE = /(["'`])\.\/([^"'`/]+\.js)\1/g;

/** Inlines the module script of each page in INLINED_PAGES; returns the pages changed. */
export function inlinePageScripts(site: string): number {
  let pages = 0;
  for (const page of INLINED_PAGES) {
    const path = join(site, page);
    const html = readFileSync(path, 'utf8');
    const match = MODULE_SCRIPT.exec(html);
    if (!match) continue;
    const code = readFileSync(join(site, match[1]!), 'utf8')
      .replace(RELATIVE, (_, quote: string, file: string) => `${quote}/_astro/${file}${quote}`)
      .replace(/\n\/\/# sourceMappingURL=.*$/, '')
      .trim();
    // Text that would end or confuse the script element in HTML: leave the file as it is.
    if (/<\/script|<!--/i.test(code)) continue;
    writeFileSync(path, html.replace(match[0], () => `<script type="module">${code}</script>`));
    pages++;
  }
  return pages;
}
