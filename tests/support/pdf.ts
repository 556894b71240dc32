// Reading PDFs that a page printed (Playwright's page.pdf): how many pages, and a page as a PNG to
// look at. MuPDF runs as WebAssembly, so this needs no system tools; it loads only when first used.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

type MuPdf = typeof import('mupdf');
let loaded: Promise<MuPdf> | undefined;
const mupdf = () => (loaded ??= import('mupdf'));

/** Opens a PDF, hands it to `use` and frees MuPDF's memory afterwards. */
async function withPdf<T>(pdf: Uint8Array, use: (doc: import('mupdf').Document, lib: MuPdf) => T): Promise<T> {
  const lib = await mupdf();
  const doc = lib.Document.openDocument(pdf, 'application/pdf');
  try {
    return use(doc, lib);
  } finally {
    doc.destroy();
  }
}

export async function pdfPageCount(pdf: Uint8Array): Promise<number> {
  return withPdf(pdf, (doc) => doc.countPages());
}

/** A page's size in millimetres (A4 portrait is about 210 × 297). */
export async function pdfPageSizeMm(pdf: Uint8Array, pageIndex: number): Promise<{ width: number; height: number }> {
  return withPdf(pdf, (doc) => {
    const page = doc.loadPage(pageIndex);
    try {
      const [x0, y0, x1, y1] = page.getBounds();
      const mm = (points: number) => Math.round((points * 25.4) / 72);
      return { width: mm(x1 - x0), height: mm(y1 - y0) };
    } finally {
      page.destroy();
    }
  });
}

/** The text on a page, e.g. to check that a card's title is there. */
export async function pdfPageText(pdf: Uint8Array, pageIndex: number): Promise<string> {
  return withPdf(pdf, (doc) => {
    const page = doc.loadPage(pageIndex);
    try {
      const text = page.toStructuredText('preserve-whitespace');
      try {
        return text.asText();
      } finally {
        text.destroy();
      }
    } finally {
      page.destroy();
    }
  });
}

/** Renders one page (0-based) to a PNG file at `dpi` (PDF units are 1/72 inch) and returns its path. */
export async function pdfPageToPng(pdf: Uint8Array, pageIndex: number, path: string, dpi = 96): Promise<string> {
  const png = await withPdf(pdf, (doc, lib) => {
    const page = doc.loadPage(pageIndex);
    try {
      const zoom = dpi / 72;
      const pixmap = page.toPixmap(lib.Matrix.scale(zoom, zoom), lib.ColorSpace.DeviceRGB, false, true);
      try {
        return pixmap.asPNG();
      } finally {
        pixmap.destroy();
      }
    } finally {
      page.destroy();
    }
  });
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, png);
  return path;
}
