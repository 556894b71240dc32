// Reads a QR code as Kring draws it (uqr's SVG: one square path per dark module), so a test can
// follow the code the way a phone camera would instead of trusting the link printed beside it.
// A clean rendering needs no error correction: the decoder reads the format, removes the mask,
// undoes the block interleaving and parses the data segments (byte, alphanumeric, numeric).

// Per error correction level (L, M, Q, H) and version 1–40, from the QR code standard (ISO/IEC 18004, table 9).
const ECC_CODEWORDS_PER_BLOCK = [
  [
    -1, 7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28, 28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30,
    30, 30, 30, 30, 30, 30, 30,
  ],
  [
    -1, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28,
    28, 28, 28, 28, 28, 28, 28,
  ],
  [
    -1, 13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30, 28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30,
    30, 30, 30, 30, 30, 30, 30,
  ],
  [
    -1, 17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28, 30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
    30, 30, 30, 30, 30, 30, 30,
  ],
];
const ERROR_CORRECTION_BLOCKS = [
  [
    -1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8, 8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24,
    25,
  ],
  [
    -1, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40,
    43, 45, 47, 49,
  ],
  [
    -1, 1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20, 23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56,
    59, 62, 65, 68,
  ],
  [
    -1, 1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25, 25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63,
    66, 70, 74, 77, 81,
  ],
];
/** The 2-bit level in the format information, to the row in the tables above. */
const LEVEL_OF_FORMAT_BITS = [1, 0, 3, 2];
const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

const MASKS: ((x: number, y: number) => boolean)[] = [
  (x, y) => (x + y) % 2 === 0,
  (_x, y) => y % 2 === 0,
  (x) => x % 3 === 0,
  (x, y) => (x + y) % 3 === 0,
  (x, y) => (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0,
  (x, y) => ((x * y) % 2) + ((x * y) % 3) === 0,
  (x, y) => (((x * y) % 2) + ((x * y) % 3)) % 2 === 0,
  (x, y) => (((x + y) % 2) + ((x * y) % 3)) % 2 === 0,
];

/** The dark modules of uqr's SVG as rows of booleans, without the quiet border. */
export function modulesFromSvg(svg: string): boolean[][] {
  const cell = Number(/h(\d+)v/.exec(svg)?.[1]);
  const squares = [...svg.matchAll(/M(\d+),(\d+)h/g)].map((m) => ({ x: Number(m[1]) / cell, y: Number(m[2]) / cell }));
  if (!squares.length) throw new Error('no QR modules in this SVG');
  const border = Math.min(...squares.map((s) => s.x));
  const size = Math.max(...squares.map((s) => s.x)) - border + 1;
  const rows = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  for (const { x, y } of squares) rows[y - border]![x - border] = true;
  return rows;
}

function alignmentCentres(version: number, size: number): number[] {
  if (version === 1) return [];
  const count = Math.floor(version / 7) + 2;
  const step = Math.floor((version * 8 + count * 3 + 5) / (count * 4 - 4)) * 2;
  const centres = [6];
  for (let pos = size - 7; centres.length < count; pos -= step) centres.splice(1, 0, pos);
  return centres;
}

/** Where the finders, timing, alignment, format and version patterns are: no data there. */
function functionModules(version: number, size: number): boolean[][] {
  const fn = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  const mark = (x0: number, y0: number, w: number, h: number) => {
    for (let y = Math.max(0, y0); y < Math.min(size, y0 + h); y++)
      for (let x = Math.max(0, x0); x < Math.min(size, x0 + w); x++) fn[y]![x] = true;
  };
  mark(0, 0, 9, 9); // finder, separator and format bits, top left
  mark(size - 8, 0, 8, 9);
  mark(0, size - 8, 9, 8); // including the dark module
  mark(6, 0, 1, size); // timing
  mark(0, 6, size, 1);
  const centres = alignmentCentres(version, size);
  for (const [i, cy] of centres.entries()) {
    for (const [j, cx] of centres.entries()) {
      const onFinder = (i === 0 && j === 0) || (i === 0 && j === centres.length - 1) || (i === centres.length - 1 && j === 0);
      if (!onFinder) mark(cx - 2, cy - 2, 5, 5);
    }
  }
  if (version >= 7) {
    mark(size - 11, 0, 3, 6);
    mark(0, size - 11, 6, 3);
  }
  return fn;
}

class BitReader {
  private at = 0;
  private readonly bytes: number[];
  constructor(bytes: number[]) {
    this.bytes = bytes;
  }
  read(n: number): number {
    let value = 0;
    for (let i = 0; i < n; i++, this.at++) value = (value << 1) | ((this.bytes[this.at >> 3]! >> (7 - (this.at & 7))) & 1);
    return value;
  }
  get left(): number {
    return this.bytes.length * 8 - this.at;
  }
}

/** The text a QR code holds, read from its modules (rows of booleans, dark = true). */
export function decodeQr(modules: boolean[][]): string {
  const size = modules.length;
  const version = (size - 17) / 4;
  if (!Number.isInteger(version) || version < 1 || version > 40) throw new Error(`not a QR code size: ${size}`);
  const dark = (x: number, y: number) => modules[y]![x]!;

  // Format: 15 bits beside the top-left finder, masked with 0x5412 (the first copy is enough here).
  const formatPositions: [number, number][] = [
    ...[0, 1, 2, 3, 4, 5, 7, 8].map((y): [number, number] => [8, y]),
    ...[7, 5, 4, 3, 2, 1, 0].map((x): [number, number] => [x, 8]),
  ];
  const format = formatPositions.reduce((bits, [x, y], i) => bits | (Number(dark(x, y)) << i), 0) ^ 0x5412;
  const level = LEVEL_OF_FORMAT_BITS[format >> 13]!;
  const mask = MASKS[(format >> 10) & 7]!;

  // Data modules in the zigzag order, two columns at a time from the bottom right.
  const fn = functionModules(version, size);
  const bits: number[] = [];
  for (let right = size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5;
    for (let vert = 0; vert < size; vert++) {
      for (let j = 0; j < 2; j++) {
        const x = right - j;
        const y = ((right + 1) & 2) === 0 ? size - 1 - vert : vert;
        if (!fn[y]![x]) bits.push(Number(dark(x, y) !== mask(x, y)));
      }
    }
  }
  const codewords = Array.from({ length: Math.floor(bits.length / 8) }, (_, i) =>
    bits.slice(i * 8, i * 8 + 8).reduce((b, bit) => (b << 1) | bit, 0),
  );

  // Undo the interleaving: the first blocks are one data codeword shorter than the last ones.
  const blockCount = ERROR_CORRECTION_BLOCKS[level]![version]!;
  const eccLength = ECC_CODEWORDS_PER_BLOCK[level]![version]!;
  const shortBlocks = blockCount - (codewords.length % blockCount);
  const shortLength = Math.floor(codewords.length / blockCount);
  const blocks = Array.from({ length: blockCount }, () => [] as number[]);
  let next = 0;
  for (let i = 0; i <= shortLength; i++) {
    for (const [j, block] of blocks.entries()) {
      if (i !== shortLength - eccLength || j >= shortBlocks) block[i] = codewords[next++]!;
    }
  }
  const data = blocks.flatMap((block, j) =>
    j < shortBlocks ? block.slice(0, shortLength - eccLength) : block.slice(0, shortLength - eccLength + 1),
  );

  // Segments until the terminator.
  const reader = new BitReader(data);
  const bytes: number[] = [];
  let text = '';
  const countBits = (small: number, medium: number, large: number) => (version < 10 ? small : version < 27 ? medium : large);
  while (reader.left >= 4) {
    const mode = reader.read(4);
    if (mode === 0) break;
    if (mode === 0b0100) {
      const count = reader.read(countBits(8, 16, 16));
      for (let i = 0; i < count; i++) bytes.push(reader.read(8));
      text += new TextDecoder().decode(new Uint8Array(bytes.splice(0)));
    } else if (mode === 0b0010) {
      let count = reader.read(countBits(9, 11, 13));
      for (; count >= 2; count -= 2) {
        const pair = reader.read(11);
        text += ALPHANUMERIC[Math.floor(pair / 45)]! + ALPHANUMERIC[pair % 45]!;
      }
      if (count === 1) text += ALPHANUMERIC[reader.read(6)]!;
    } else if (mode === 0b0001) {
      let count = reader.read(countBits(10, 12, 14));
      for (; count >= 3; count -= 3) text += String(reader.read(10)).padStart(3, '0');
      if (count === 2) text += String(reader.read(7)).padStart(2, '0');
      if (count === 1) text += String(reader.read(4));
    } else {
      throw new Error(`QR mode ${mode} is not read here`);
    }
  }
  return text;
}
