// User story: a team leader splits six colleagues into two groups of three. Each phone says which
// group it is in and shows that group's board; everyone writes; the host shows both groups on the
// beamer, side by side; "Iedereen terug" brings every phone back to the room's card.
import { test, expect, type Page } from '@playwright/test';
import { BEAMER, LAPTOP, PHONE, SMALL_PHONE, expectNoSeriousA11yViolations, newScreen, startSession } from '../support/browser.ts';

const shots = process.env.KRING_SCREENSHOTS ?? 'test-results/screenshots';

async function groupNumber(page: Page): Promise<number> {
  const banner = page.locator('.phone-group strong');
  await expect(banner).toHaveText(/Je zit in groepje \d/);
  return Number((await banner.textContent())!.match(/\d+/)![0]);
}

test.setTimeout(240_000);

test('six phones in two groups of three write on their own boards, and the beamer shows both groups', async ({ browser }) => {
  const host = await newScreen(browser, LAPTOP);
  const code = await startSession(host.page, { deck: 'focusgroep-team', minGroupSize: 3 });
  const beamerHref = await host.page.getByRole('link', { name: /beamer/i }).first().getAttribute('href');
  const beamer = await newScreen(browser, BEAMER);
  await beamer.page.goto(beamerHref!);

  const phones = await Promise.all(Array.from({ length: 6 }, (_, i) => newScreen(browser, i === 5 ? SMALL_PHONE : PHONE)));
  for (const { page } of phones) await page.goto(`/j/${code}`);
  for (const { page } of phones) await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(beamer.page.getByText(/6 doen mee/)).toBeVisible();

  // The host goes to the wall card and makes groups of three on it.
  await host.page.getByRole('button', { name: 'Volgende kaart' }).click();
  await expect(host.page.getByRole('heading', { name: 'Verzamelen' }).first()).toBeVisible();
  const panel = host.page.getByRole('region', { name: 'Groepjes' });
  await panel.getByLabel('3 personen').check();
  await expect(panel.getByRole('checkbox', { name: /Verzamelen/ })).toBeChecked();
  await panel.getByRole('heading', { name: 'Groepjes' }).scrollIntoViewIfNeeded();
  await host.page.screenshot({ path: `${shots}/host-groups-start.png` });
  await expectNoSeriousA11yViolations(host.page, 'host groups form');
  await panel.getByRole('button', { name: 'Maak groepjes' }).click();
  await expect(panel.getByRole('heading', { name: /Groepje 1/ })).toBeVisible();
  await expect(panel.getByRole('heading', { name: /Groepje 2/ })).toBeVisible();

  // Every phone knows its group and writes on its board.
  const groups: number[] = [];
  for (const [i, { page }] of phones.entries()) {
    groups[i] = await groupNumber(page);
    await page.getByLabel('Jouw post-it').fill(`Idee van groepje ${groups[i]}, nummer ${i + 1}`);
    await page.getByRole('button', { name: 'Plak' }).click();
    await expect(page.getByText(`Idee van groepje ${groups[i]}, nummer ${i + 1}`)).toBeVisible();
  }
  expect([...groups].sort()).toEqual([1, 1, 1, 2, 2, 2]);
  await phones[5]!.page.screenshot({ path: `${shots}/phone-group-small.png`, fullPage: true });
  await phones[0]!.page.screenshot({ path: `${shots}/phone-group.png`, fullPage: true });
  await expectNoSeriousA11yViolations(phones[0]!.page, 'phone in a group');
  // A phone never sees what the other group wrote.
  for (const [i, { page }] of phones.entries()) await expect(page.getByText(`Idee van groepje ${3 - groups[i]!}`)).toHaveCount(0);

  // Before the reveal the beamer shows the groups, but no post-its.
  const tiles = beamer.page.locator('.beamer-group');
  await expect(tiles).toHaveCount(2);
  await expect(beamer.page.locator('.beamer-group .wallpost')).toHaveCount(0);

  await panel.getByRole('button', { name: 'Toon alle groepjes op beamer' }).click();
  for (const g of [1, 2]) {
    const tile = tiles.filter({ has: beamer.page.getByRole('heading', { name: `Groepje ${g}` }) });
    await expect(tile.locator('.wallpost')).toHaveCount(3, { timeout: 20_000 });
    await expect(tile.locator('.wallpost').filter({ hasText: `groepje ${3 - g}` })).toHaveCount(0);
  }
  await beamer.page.waitForFunction(() => document.getAnimations().every((anim) => anim.playState !== 'running'));
  // Side by side: the two tiles share a row and neither leaves the screen.
  const [a, b] = [await tiles.nth(0).boundingBox(), await tiles.nth(1).boundingBox()];
  expect(Math.abs(a!.y - b!.y)).toBeLessThan(2);
  expect(a!.x + a!.width).toBeLessThanOrEqual(b!.x);
  expect(b!.y + b!.height).toBeLessThanOrEqual(BEAMER.height);
  await beamer.page.screenshot({ path: `${shots}/beamer-groups.png` });
  await expectNoSeriousA11yViolations(beamer.page, 'beamer with groups');
  await beamer.page.setViewportSize({ width: 1366, height: 768 });
  await beamer.page.screenshot({ path: `${shots}/beamer-groups-1366.png` });
  await host.page.screenshot({ path: `${shots}/host-groups-running.png`, fullPage: true });
  await expectNoSeriousA11yViolations(host.page, 'host with groups');

  // Everyone back: phones leave their group, the beamer shows one card again.
  await panel.getByRole('button', { name: 'Iedereen terug' }).click();
  for (const { page } of phones) await expect(page.locator('.phone-group')).toHaveCount(0);
  await expect(tiles).toHaveCount(0);
  await expect(beamer.page.getByRole('heading', { level: 1, name: 'Verzamelen' })).toBeVisible();

  for (const screen of [host, beamer, ...phones]) await screen.context.close();
});
