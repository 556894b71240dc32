// The QR reader the browser tests use to follow a code as a phone would: it must read uqr faithfully.
import { test, expect } from 'vitest';
import { renderSVG } from 'uqr';
import { decodeQr, modulesFromSvg } from '../support/qr.ts';
test('the QR reader gets back what uqr drew, in every mode and level', () => {
  const samples = [
    'http://127.0.0.1:4613/host/#code=ABCD12&key=abcdefghijklmnopqrstuvwxyz012345&beamer=ABCDEFGHIJKLMNOPQRSTUVWXYZ_-0123',
    'HELLO WORLD',
    '0123456789012',
    'https://kring.school.nl/j/ABC123',
    'x'.repeat(300),
    'é ü €',
  ];
  for (const s of samples)
    for (const ecc of ['L', 'M', 'Q', 'H'] as const) expect(decodeQr(modulesFromSvg(renderSVG(s, { border: 2, ecc })))).toBe(s);
});
