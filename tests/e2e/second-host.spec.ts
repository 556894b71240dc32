// User story: a teacher's laptop is mirrored to the beamer. She opens the console on her phone too
// by scanning a QR code that only the console shows (behind a button), turns on the privacy screen
// on the laptop so no post-it text shows to the class, and approves post-its on her phone while the
// laptop follows along. The keys the console answers to are listed under "Toetsen" (or with ?).
import { test, expect, type Page } from '@playwright/test';
import { nanoid } from 'nanoid';
import type { ParticipantView } from '@protocol';
import { LAPTOP, expectNoSeriousA11yViolations, newScreen, startSession } from '../support/browser.ts';
import { clientPool } from '../support/sessions.ts';
import { connect } from '../support/clients.ts';
import { decodeQr, modulesFromSvg } from '../support/qr.ts';

/** What a phone camera would read from the console's QR code. */
async function scanQr(page: Page, name: string | RegExp): Promise<string> {
  const svg = await page
    .getByRole('img', { name })
    .locator('svg')
    .evaluate((el) => el.outerHTML);
  return decodeQr(modulesFromSvg(svg));
}

test('a second device opens the console from its QR code, with the key only in the fragment, and moderates while the laptop shows no texts', async ({
  browser,
  baseURL,
}) => {
  test.slow(); // two consoles, three phones and three axe runs on a shared 2-core machine
  const pool = clientPool();
  const laptop = await newScreen(browser, LAPTOP);
  const code = await startSession(laptop.page, { minGroupSize: 3 });

  // The QR code is not on screen until the teacher asks for it, and goes away when she is done.
  const qrName = 'QR-code die deze sessie op je telefoon opent';
  await expect(laptop.page.getByRole('img', { name: qrName })).toHaveCount(0);
  const open = laptop.page.getByRole('button', { name: 'Ook op je telefoon bedienen' });
  await open.click();
  await expect(open).toHaveAttribute('aria-expanded', 'true');
  const link = await scanQr(laptop.page, qrName);
  const url = new URL(link);
  expect(url.pathname).toBe('/host/');
  expect(url.search).toBe('');
  const fragment = new URLSearchParams(url.hash.slice(1));
  expect(fragment.get('code')).toBe(code);
  expect(fragment.get('key')).toMatch(/^[\w-]{32}$/);
  await expectNoSeriousA11yViolations(laptop.page, 'console with the second-device code');
  await laptop.page.getByRole('button', { name: 'Klaar, verberg de code' }).click();
  await expect(laptop.page.getByRole('img', { name: qrName })).toHaveCount(0);
  await expect(open).toBeFocused();

  // A phone with nothing stored opens the link: it is a console, and the key left the address bar.
  const phone = await newScreen(browser, { width: 320, height: 568 });
  const serverRequests: string[] = [];
  phone.page.on('request', (request) => serverRequests.push(request.url()));
  await phone.page.goto(link);
  await expect(phone.page.getByText(/^Kaart 1 van/)).toBeVisible();
  await expect(phone.page).toHaveURL(`${baseURL}/host/#${code}`);
  expect(await phone.page.evaluate(() => window.location.href)).not.toContain(fragment.get('key')!);
  expect(serverRequests.filter((r) => r.includes(fragment.get('key')!))).toEqual([]);
  // Nothing wider than the phone's screen.
  expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);

  // The phone changes the card; the laptop follows.
  await phone.page.getByRole('button', { name: 'Volgende kaart' }).click();
  await expect(laptop.page.getByText(/^Kaart 2 van/)).toBeVisible();
  await expect(phone.page.getByRole('button', { name: 'Volgende kaart' })).toBeFocused();

  // The laptop turns on its privacy screen; it stays on after a reload (this device, this session).
  const privacy = laptop.page.getByRole('button', { name: 'Privacyscherm' });
  await privacy.click();
  await expect(privacy).toHaveAttribute('aria-pressed', 'true');
  await expect(privacy).toBeFocused();
  await laptop.page.reload();
  await expect(laptop.page.getByRole('button', { name: 'Privacyscherm' })).toHaveAttribute('aria-pressed', 'true');

  // Three students write post-its, one with a name in it; they wait for the host.
  const students = await Promise.all(
    [0, 1, 2].map(async () => pool.keep(await connect<ParticipantView>(baseURL!, { role: 'participant', room: code, token: nanoid() }))),
  );
  const cardId = (await students[0]!.waitFor((v) => !!v.card?.board)).card!.id;
  const texts = ['Idee een', 'Idee twee', 'Pieter Jansen pest mij'];
  for (const [i, student] of students.entries()) {
    expect(await student.send({ type: 'postIt.add', cardId, text: texts[i]!, columnId: 'soms' })).toMatchObject({ ok: true });
  }
  await expect(laptop.page.getByText('3 post-its wachten.')).toBeVisible();
  await expect(laptop.page.locator('.host-postit').getByText('verborgen', { exact: true })).toHaveCount(3);
  for (const text of texts) await expect(laptop.page.getByText(text)).toHaveCount(0);
  await expect(laptop.page.getByText(/Lijkt een naam/)).toHaveCount(0);
  await expect(laptop.page.getByRole('button', { name: /^Goedkeuren post-it/ })).toHaveCount(0);
  await expectNoSeriousA11yViolations(laptop.page, 'console behind the privacy screen');

  // On the phone the texts are there; approving one there moves the laptop's count.
  await expect(phone.page.getByText('Idee een')).toBeVisible();
  await phone.page.getByRole('button', { name: 'Goedkeuren post-it 1' }).click();
  await expect(laptop.page.getByText('2 post-its wachten.')).toBeVisible();
  await expect(phone.page.getByRole('button', { name: 'Goedkeuren post-it 1' })).toBeFocused();
  await expectNoSeriousA11yViolations(phone.page, 'console on a 320 px phone');

  // On the laptop the teacher can read one post-it on purpose, and then approve that one.
  await laptop.page.getByRole('button', { name: 'Lezen post-it 1' }).click();
  await expect(laptop.page.getByRole('button', { name: 'Lezen post-it 1' })).toHaveAttribute('aria-pressed', 'true');
  const shown = await laptop.page.locator('.host-postit').first().locator('.host-paper__text').innerText();
  expect(texts).toContain(shown);
  await expect(laptop.page.locator('.host-postit').getByText('verborgen', { exact: true })).toHaveCount(1);
  await laptop.page.getByRole('button', { name: 'Goedkeuren post-it 1' }).click();
  await expect(laptop.page.getByText('1 post-it wacht.')).toBeVisible();
  await expect(laptop.page.getByRole('button', { name: 'Lezen post-it 1' })).toBeFocused();

  // The keys: "?" opens the list, and so does the "Toetsen" button.
  await laptop.page.locator('body').click({ position: { x: 5, y: 5 } });
  await laptop.page.keyboard.press('Shift+?');
  const keys = laptop.page.getByRole('region', { name: 'Toetsen' });
  await expect(keys).toBeVisible();
  await expect(keys.getByText('Page Down', { exact: true })).toBeVisible();
  await expect(laptop.page.getByRole('button', { name: 'Toetsen' })).toHaveAttribute('aria-expanded', 'true');
  await laptop.page.getByRole('button', { name: 'Toetsen' }).click();
  await expect(keys).toHaveCount(0);
  pool.closeAll();
});
