// Writes a .br and a .gz copy next to every text file of the built site, so the server sends phones
// compressed files without compressing on each request. Runs after every `astro build` (a hook in
// astro.config.mjs); by hand: node scripts/precompress.ts [dist]
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Types worth compressing; images and fonts (png, woff2) are compressed already. */
const TEXT = new Set(['.html', '.js', '.mjs', '.css', '.svg', '.json', '.txt', '.xml', '.webmanifest']);

/** Below this a compressed copy saves less than a network packet's worth. */
const MIN_BYTES = 1024;

export interface PrecompressReport {
  files: number;
  bytes: number;
  brotliBytes: number;
  gzipBytes: number;
}

function* textFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* textFiles(path);
    else if (entry.isFile() && TEXT.has(extname(entry.name))) yield path;
  }
}

export function precompress(dir: string): PrecompressReport {
  const report: PrecompressReport = { files: 0, bytes: 0, brotliBytes: 0, gzipBytes: 0 };
  for (const path of textFiles(dir)) {
    const body = readFileSync(path);
    if (body.length < MIN_BYTES) continue;
    const brotli = brotliCompressSync(body, {
      params: {
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    });
    const gzip = gzipSync(body, { level: 9 });
    report.files++;
    report.bytes += body.length;
    // A copy that is not smaller is left out; the server then sends the original.
    if (brotli.length < body.length) writeFileSync(`${path}.br`, brotli);
    if (gzip.length < body.length) writeFileSync(`${path}.gz`, gzip);
    report.brotliBytes += Math.min(brotli.length, body.length);
    report.gzipBytes += Math.min(gzip.length, body.length);
  }
  return report;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

export function describe(report: PrecompressReport): string {
  return `${report.files} bestanden gecomprimeerd: ${kb(report.bytes)} → ${kb(report.brotliBytes)} brotli, ${kb(report.gzipBytes)} gzip`;
}

// Run as a script (import.meta.main would need Node 24; Kring supports 22.13).
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = resolve(process.argv[2] ?? join(import.meta.dirname, '..', 'dist'));
  if (!statSync(join(dir, 'index.html'), { throwIfNoEntry: false })) {
    console.error(`[kring] ${dir} is geen gebouwde site; draai eerst: npm run build`);
    process.exit(1);
  }
  console.log(`[kring] ${describe(precompress(dir))}`);
}
