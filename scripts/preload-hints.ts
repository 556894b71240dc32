// Lets a page's browser fetch every script file it will run at once, instead of one layer of
// imports after the other: on a slow school network each layer is another round trip (issue 11).
// After every `astro build`, before precompress (a hook in astro.config.mjs), for each page:
//  - a <link rel="modulepreload"> in <head> for each file its module scripts import, directly or not;
//  - on the join page, also for the phone's session part (a dynamic import), but only when the
//    address is a join link /j/<code>: then the phone joins at once, while /join first shows the form.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const STATIC_IMPORT = /(?:from|import)\s*["'`](\.\/[^"'`]+\.js)["'`]/g;
const DYNAMIC_IMPORT = /import\(\s*["'`](\.\/[^"'`]+\.js)["'`]\s*\)/g;
const MODULE_SCRIPT = /<script type="module" src="(\/_astro\/[^"]+\.js)"/g;
/** Pages that a join link (/j/<code>) also serves, and the test a page script does for it. */
const JOIN_LINK_PAGES: Record<string, string> = { [join('join', 'index.html')]: '/^\\/j\\//.test(location.pathname)' };

function* htmlFiles(dir: string, root = dir): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(path, root);
    else if (entry.name.endsWith('.html')) yield relative(root, path);
  }
}

/** The files a script imports statically, directly or not, as site paths ("/_astro/x.js"). */
function staticClosure(site: string, src: string, seen = new Set<string>()): Set<string> {
  const code = readFileSync(join(site, src), 'utf8');
  for (const [, relative] of code.matchAll(STATIC_IMPORT)) {
    const path = join(dirname(src), relative!);
    if (seen.has(path)) continue;
    seen.add(path);
    staticClosure(site, path, seen);
  }
  return seen;
}

function dynamicImports(site: string, src: string): string[] {
  const code = readFileSync(join(site, src), 'utf8');
  return [...code.matchAll(DYNAMIC_IMPORT)].map(([, relative]) => join(dirname(src), relative!));
}

const link = (href: string) => `<link rel="modulepreload" href="${href}">`;

/** Adds the hints to every page of the built site in `site`; returns how many pages got any. */
export function addPreloadHints(site: string): number {
  let pages = 0;
  for (const page of htmlFiles(site)) {
    const path = join(site, page);
    const html = readFileSync(path, 'utf8');
    if (html.includes('rel="modulepreload"')) continue; // already done
    const scripts = [...html.matchAll(MODULE_SCRIPT)].map(([, src]) => src!);
    if (!scripts.length) continue;
    const files = new Set<string>();
    for (const src of scripts) for (const file of staticClosure(site, src)) if (!scripts.includes(file)) files.add(file);
    let hints = [...files].map(link).join('');
    const joinLink = JOIN_LINK_PAGES[page];
    if (joinLink) {
      const later = new Set<string>();
      for (const src of scripts) {
        for (const chunk of dynamicImports(site, src)) {
          if (!files.has(chunk)) later.add(chunk);
          for (const file of staticClosure(site, chunk)) if (!files.has(file) && !scripts.includes(file)) later.add(file);
        }
      }
      const hrefs = JSON.stringify([...later]);
      if (later.size) {
        hints += `<script>if(${joinLink})for(const h of ${hrefs})document.head.append(Object.assign(document.createElement('link'),{rel:'modulepreload',href:h}))</script>`;
      }
    }
    if (!hints) continue;
    writeFileSync(path, html.replace('</head>', `${hints}</head>`));
    pages++;
  }
  return pages;
}
