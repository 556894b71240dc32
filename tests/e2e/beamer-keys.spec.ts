// Issue 11, the beamer's keys: a teacher at the laptop presses F for full screen, pages the post-it
// wall with the arrows or a presenter's clicker (PageUp/PageDown), and finds the keys under ? (or
// the small button), with a hint on first load that fades. A key typed into a field is never taken.
import { test, expect, type Page } from '@playwright/test';
import { BEAMER, PHONE, expectNoSeriousA11yViolations, newScreen, startSession } from '../support/browser.ts';
import { connectHost, connectPhone, createRoom } from '../support/clients.ts';

const CARD = 'verzamelen';
const LONG =
  'Op stage merk ik dat collega’s soms grappen maken over afkomst, en dat niemand er iets van zegt. Ik weet niet goed bij wie ik dat kan melden zonder dat het gedoe geeft. Een vast aanspreekpunt zou echt helpen.';

/** Records every full-screen request, so the test sees it even where headless Chromium refuses one. */
async function watchFullscreen(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { fullscreenRequests: number };
    w.fullscreenRequests = 0;
    const request = Element.prototype.requestFullscreen;
    Element.prototype.requestFullscreen = function (this: Element, options?: FullscreenOptions) {
      w.fullscreenRequests++;
      return request.call(this, options);
    };
  });
}
const fullscreenRequests = (page: Page) => page.evaluate(() => (window as unknown as { fullscreenRequests: number }).fullscreenRequests);
const wallPage = (page: Page) => page.locator('.wall').getAttribute('data-page');

test('F, ? and the paging keys work on the beamer, and the help is accessible', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const room = await createRoom(baseURL!, { deckId: 'focusgroep-team', minGroupSize: 3 });
  const host = await connectHost(baseURL!, room);
  const index = host.view().cards.findIndex((c) => c.id === CARD);
  expect(await host.send({ type: 'card.goto', index })).toMatchObject({ ok: true });
  await host.waitFor((v) => v.card?.id === CARD && !!v.board?.open);
  // Enough long post-its for a wall of several pages.
  const phones = await Promise.all(Array.from({ length: 10 }, () => connectPhone(baseURL!, room)));
  await Promise.all(
    phones.map(async (phone, p) => {
      for (let k = 0; k < 5; k++) {
        expect(await phone.send({ type: 'postIt.add', cardId: CARD, text: `${p * 5 + k}. ${LONG}`, columnId: null })).toMatchObject({ ok: true });
      }
    }),
  );
  expect(await host.send({ type: 'board.reveal', cardId: CARD })).toMatchObject({ ok: true });

  const beamer = await newScreen(browser, BEAMER);
  const page = beamer.page;
  await watchFullscreen(page);
  await page.goto(`/beamer/#code=${room.code}&key=${room.beamerKey}`);
  await expect(page.locator('.wall__total')).toHaveText('50 post-its', { timeout: 20_000 });

  // The hint on first load names the keys, and fades by itself.
  const hint = page.locator('.beamer-keys__hint');
  await expect(hint).toContainText('voor de toetsen');
  await expect(hint).toHaveCount(0, { timeout: 15_000 });

  // F asks for full screen; F again leaves it.
  await page.keyboard.press('f');
  await expect.poll(() => fullscreenRequests(page)).toBe(1);
  const entered = await page.evaluate(() => !!document.fullscreenElement);
  if (entered) {
    await page.keyboard.press('f');
    await expect.poll(() => page.evaluate(() => !!document.fullscreenElement)).toBe(false);
  }

  // The wall: P holds the paging clock, then → / PageDown and ← / PageUp turn the pages.
  const pages = Number(await page.locator('.wall').getAttribute('data-pages'));
  expect(pages, 'pages of the wall').toBeGreaterThan(1);
  await page.keyboard.press('p');
  await expect(page.locator('.wall__page-number')).toContainText('gepauzeerd');
  const first = await wallPage(page);
  const firstTexts = await page.locator('.wall__page .wallpost__text').allTextContents();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => wallPage(page)).toBe(String((Number(first) % pages) + 1));
  expect(await page.locator('.wall__page .wallpost__text').allTextContents()).not.toEqual(firstTexts);
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => wallPage(page)).toBe(first);
  await page.keyboard.press('PageDown');
  await expect.poll(() => wallPage(page)).toBe(String((Number(first) % pages) + 1));
  await page.keyboard.press('PageUp');
  await expect.poll(() => wallPage(page)).toBe(first);

  // ? shows the keys, ? again hides them; Escape closes; the button opens them for a mouse.
  const help = page.getByRole('region', { name: 'Toetsen' });
  await page.keyboard.press('?');
  await expect(help).toBeVisible();
  for (const key of ['F', 'PageDown', 'PageUp', '?']) await expect(help.locator('kbd', { hasText: key }).first()).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'beamer with the key help open');
  await page.keyboard.press('?');
  await expect(help).toHaveCount(0);
  const button = page.getByRole('button', { name: 'Toetsen' });
  await button.click();
  await expect(help).toBeVisible();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, 'beamer wall after the keys');

  // A key typed into a field stays in the field: no full screen, no page turned, no help.
  await page.evaluate(() => {
    const field = document.createElement('input');
    field.setAttribute('aria-label', 'Proefveld');
    document.body.append(field);
  });
  const field = page.getByLabel('Proefveld');
  await field.focus();
  const before = await wallPage(page);
  await page.keyboard.type('f?p');
  await page.keyboard.press('ArrowRight');
  await expect(field).toHaveValue('f?p');
  expect(await fullscreenRequests(page)).toBe(1);
  expect(await wallPage(page)).toBe(before);
  await expect(help).toHaveCount(0);

  for (const phone of phones) phone.close();
  host.close();
  await beamer.context.close();
});

test('the host moves the join panel to a corner and back; the code stays readable and phones can still join', async ({ browser }) => {
  const hostScreen = await newScreen(browser, { width: 1366, height: 900 });
  const code = await startSession(hostScreen.page, { deck: 'focusgroep' });
  const beamerLink = await hostScreen.page.getByRole('link', { name: /Open beamer/ }).getAttribute('href');
  const beamer = await newScreen(browser, BEAMER);
  await beamer.page.goto(beamerLink!);
  const qr = beamer.page.getByRole('img', { name: /QR-code/ });
  await expect(qr).toBeVisible();

  await hostScreen.page.getByRole('button', { name: 'Iedereen is binnen' }).click();
  const corner = beamer.page.locator('.beamer__join--small');
  await expect(corner).toBeVisible();
  await expect(qr).toHaveCount(0);
  await expect(corner).toContainText(code.slice(0, 3));
  const box = (await corner.boundingBox())!;
  // A corner: a small part of the screen, at the bottom right.
  expect(box.width * box.height).toBeLessThan(BEAMER.width * BEAMER.height * 0.05);
  expect(box.x + box.width).toBeGreaterThan(BEAMER.width - 2);
  expect(box.y + box.height).toBeGreaterThan(BEAMER.height - 2);
  await expectNoSeriousA11yViolations(beamer.page, 'beamer with the join panel in its corner');

  // Phones can still join with the code while it is small.
  const phone = await newScreen(browser, PHONE);
  await phone.page.goto(`/j/${code}`);
  await expect(corner.locator('.beamer__joined')).toContainText('1 doen mee', { timeout: 15_000 });

  await hostScreen.page.getByRole('button', { name: 'Laat de code weer groot zien' }).click();
  await expect(qr).toBeVisible();
  await expectNoSeriousA11yViolations(hostScreen.page, 'host console with the join panel button');
  for (const screen of [hostScreen, beamer, phone]) await screen.context.close();
});
