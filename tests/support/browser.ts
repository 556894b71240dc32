// Browser helpers for the user journeys: a host, a beamer and phones as separate contexts, and
// an axe check that fails on serious or critical violations.
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const PHONE = { width: 390, height: 844 };
export const SMALL_PHONE = { width: 320, height: 640 };
export const BEAMER = { width: 1920, height: 1080 };
export const LAPTOP = { width: 1366, height: 900 };
/** The host console's screenshots: a common school laptop. */
export const SMALL_LAPTOP = { width: 1366, height: 768 };

export async function newScreen(browser: Browser, viewport: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, locale: 'nl-NL' });
  const page = await context.newPage();
  return { context, page };
}

/**
 * Runs axe on the page as it is now; serious and critical violations fail the test.
 * `heldClock`: the page's context has a paused clock that the caller moves with `clock.runFor`.
 * axe then runs in its legacy mode: otherwise it finishes in a blank page it opens and closes in
 * the same context, and a `runFor` (which steps every page of the context) that meets that page
 * closing fails with "Target page, context or browser has been closed" (seen in CI).
 */
export async function expectNoSeriousA11yViolations(page: Page, label: string, options: { heldClock?: boolean } = {}) {
  const results = await new AxeBuilder({ page }).setLegacyMode(options.heldClock ?? false).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = serious.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  expect(summary, `axe on ${label}`).toEqual([]);
}

/** Starts a session from a deck page the way a teacher does and returns the join code. */
export async function startSession(
  page: Page,
  options: { deck?: string; vertrouwenspersoon?: string; minGroupSize?: number; expectedGroupSize?: number; groupName?: string } = {},
) {
  await page.goto(`/decks/${options.deck ?? 'focusgroep'}/`);
  await page.getByRole('link', { name: 'Start een sessie' }).first().click();
  if (options.groupName) await page.getByLabel('Naam van de groep').fill(options.groupName);
  if (options.vertrouwenspersoon) await page.getByLabel('Naam', { exact: true }).fill(options.vertrouwenspersoon);
  if (options.minGroupSize) await page.getByLabel(/minimum|minstens/i).fill(String(options.minGroupSize));
  if (options.expectedGroupSize) await page.getByLabel('Hoeveel deelnemers verwacht je?').fill(String(options.expectedGroupSize));
  await page.getByRole('button', { name: 'Start de sessie' }).click();
  await page.waitForURL(/\/host\/#[A-Z0-9]{6}$/);
  return new URL(page.url()).hash.slice(1);
}
