// Drops from the join page's inlined stylesheet the rules the phone can never use: the page brings
// base.css, forms.css and cards.css, which the host, the beamer and the deck pages share, and a phone
// on a slow school network should not download their selectors (issue 11). After every `astro build`,
// before the preload hints and the compression (a hook in astro.config.mjs).
//
// A rule goes only when it cannot match: one of its classes (outside :not(), :is() and the like)
// appears nowhere in the page's HTML or in any script the page may run (its module scripts and every
// file they import, statically or later). A class the code builds, as in `vote-button--${n}`, counts
// as used by every class that starts with the fixed part. The same for custom properties (--name):
// a declaration goes when nothing reads it. Everything else (@keyframes, @font-face…) stays as it is.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Pages whose inlined stylesheet is pruned (their CSS is inlined: astro.config.mjs). */
export const PRUNED_PAGES = [join('join', 'index.html')];

const IMPORT = /["'`](\.\/[^"'`]+\.js)["'`]/g;
const MODULE_SCRIPT = /<script type="module" src="\/(_astro\/[^"]+\.js)"/g;
const STYLE = /<style>([\s\S]*?)<\/style>/;

/** Every script file a page may run: its module scripts and what they import, now or later. */
function pageScripts(site: string, html: string): string[] {
  const seen = new Set<string>();
  const queue = [...html.matchAll(MODULE_SCRIPT)].map(([, src]) => src!);
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const [, relative] of readFileSync(join(site, file), 'utf8').matchAll(IMPORT)) queue.push(join(dirname(file), relative!));
  }
  return [...seen];
}

/** Whether `name` (a class, or a custom property with its dashes) can occur in `text`: literally,
 *  or as the fixed start of a name the code builds (`x--${…}`, `'x--' + …`). */
export function mentioned(text: string, name: string): boolean {
  if (text.includes(name)) return true;
  for (let i = 1; i < name.length; i++) {
    if (name[i - 1] !== '-' && name[i - 1] !== '_') continue;
    const start = name.slice(0, i);
    if (!/[a-z0-9]/i.test(start)) continue; // "-" or "--" alone says nothing
    if (['${', '`+', '"+', "'+", '` +', '" +', "' +"].some((join) => text.includes(start + join))) return true;
  }
  return false;
}

interface Block {
  prelude: string;
  /** Declarations (a style rule, @font-face…) or nested blocks (@media, @supports). */
  body: string;
}

/** Splits CSS into top-level statements and blocks, respecting strings, parentheses and comments. */
function parse(css: string): (Block | string)[] {
  const items: (Block | string)[] = [];
  let start = 0;
  let depth = 0;
  let parens = 0;
  let prelude = '';
  for (let i = 0; i < css.length; i++) {
    const c = css[i];
    if (c === '"' || c === "'") {
      const end = css.indexOf(c, i + 1);
      i = end < 0 ? css.length : end;
    } else if (c === '/' && css[i + 1] === '*') {
      const end = css.indexOf('*/', i + 2);
      i = end < 0 ? css.length : end + 1;
    } else if (c === '(') parens++;
    else if (c === ')') parens--;
    else if (parens > 0) continue;
    else if (c === '{') {
      if (depth++ === 0) {
        prelude = css.slice(start, i);
        start = i + 1;
      }
    } else if (c === '}') {
      if (--depth === 0) {
        items.push({ prelude: prelude.trim(), body: css.slice(start, i) });
        start = i + 1;
      }
    } else if (c === ';' && depth === 0) {
      items.push(css.slice(start, i + 1));
      start = i + 1;
    }
  }
  const rest = css.slice(start).trim();
  if (rest) items.push(rest);
  return items;
}

/** Splits at top-level commas (not those inside parentheses). */
function splitList(list: string): string[] {
  const parts: string[] = [];
  let parens = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    if (list[i] === '(') parens++;
    else if (list[i] === ')') parens--;
    else if (list[i] === ',' && parens === 0) {
      parts.push(list.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(list.slice(start));
  return parts;
}

/** The classes an element must have for `selector` to match it: those outside functional pseudo-classes. */
function requiredClasses(selector: string): string[] {
  let plain = selector;
  // Innermost parentheses first, until none are left: :not(.a:is(.b)) goes as a whole.
  while (/\([^()]*\)/.test(plain)) plain = plain.replace(/\([^()]*\)/g, '');
  plain = plain.replace(/\[[^\]]*\]/g, '');
  return [...plain.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map(([, name]) => name!);
}

/** Drops the declarations of custom properties that nothing reads. */
function pruneDeclarations(body: string, keepProperty: (name: string) => boolean): string {
  if (!body.includes('--')) return body;
  const declarations = splitDeclarations(body);
  return declarations.filter((d) => !/^\s*--/.test(d) || keepProperty(d.slice(0, d.indexOf(':')).trim())).join(';');
}

function splitDeclarations(body: string): string[] {
  const parts: string[] = [];
  let parens = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '"' || c === "'") {
      const end = body.indexOf(c, i + 1);
      i = end < 0 ? body.length : end;
    } else if (c === '(') parens++;
    else if (c === ')') parens--;
    else if (c === ';' && parens === 0) {
      parts.push(body.slice(start, i));
      start = i + 1;
    }
  }
  if (body.slice(start).trim()) parts.push(body.slice(start));
  return parts;
}

const GROUPS = /^@(media|supports|layer|container)\b/i;

function pruneRules(css: string, keepClass: (name: string) => boolean, keepProperty: (name: string) => boolean): string {
  let out = '';
  for (const item of parse(css)) {
    if (typeof item === 'string') {
      out += item;
    } else if (GROUPS.test(item.prelude)) {
      const inner = pruneRules(item.body, keepClass, keepProperty);
      if (inner.trim()) out += `${item.prelude}{${inner}}`;
    } else if (item.prelude.startsWith('@')) {
      out += `${item.prelude}{${item.body}}`;
    } else {
      const selectors = splitList(item.prelude).filter((selector) => requiredClasses(selector).every(keepClass));
      if (!selectors.length) continue;
      const body = pruneDeclarations(item.body, keepProperty);
      if (body.trim()) out += `${selectors.join(',')}{${body}}`;
    }
  }
  return out;
}

/** Prunes `css` for a page whose markup and scripts are `text`. */
export function pruneCss(css: string, text: string): string {
  const keepClass = (name: string) => mentioned(text, name);
  // First the rules; then the custom properties that the remaining CSS or the scripts read.
  const rules = pruneRules(css, keepClass, () => true);
  const readers = text + rules.replace(/(^|[{;])\s*--[\w-]+\s*:/g, '$1');
  return pruneRules(rules, keepClass, (name) => mentioned(readers, name));
}

/** Prunes the inlined stylesheet of each page in PRUNED_PAGES; returns the bytes saved. */
export function prunePageCss(site: string): number {
  let saved = 0;
  for (const page of PRUNED_PAGES) {
    const path = join(site, page);
    const html = readFileSync(path, 'utf8');
    const match = STYLE.exec(html);
    if (!match) continue;
    const markup = html.replace(STYLE, '');
    const text = [markup, ...pageScripts(site, html).map((file) => readFileSync(join(site, file), 'utf8'))].join('\n');
    const css = pruneCss(match[1]!, text);
    saved += match[1]!.length - css.length;
    writeFileSync(path, html.replace(STYLE, () => `<style>${css}</style>`));
  }
  return saved;
}
