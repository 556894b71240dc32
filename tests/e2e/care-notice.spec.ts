// User stories about care around hard themes (issue 12) and help that fits who is asking (issue 11):
// a card's notice comes before its content on phone and beamer, a phone may skip the card, the help
// lists the card's own lines and the lines for this group's age or for a team, the help dialog fits
// at 200% zoom, and a phone that arrives after the end is not thanked for taking part.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { z } from 'zod';
import { NationalHelpLine, helpAudiencesOf, helpLinesFor, type Card } from '@protocol';
import { loadDecks } from '../../session-server/src/server/decks.ts';
import { BEAMER, PHONE, SMALL_LAPTOP, SMALL_PHONE, expectNoSeriousA11yViolations, newScreen } from '../support/browser.ts';
import { decksDir } from '../support/room-fixture.ts';

const shots = process.env.KRING_SCREENSHOTS ?? 'test-results/screenshots';
// Up to four browser contexts and several axe runs per story: more than the default 90 s on a busy machine.
test.describe.configure({ timeout: 240_000 });
const decks = loadDecks(decksDir);
const helpLines = z.array(NationalHelpLine).parse(parse(readFileSync(join(decksDir, '..', 'site', 'data', 'hulplijnen.yaml'), 'utf8')));
const lineName = (id: string) => helpLines.find((l) => l.id === id)!.name;

/** The first card of a class deck with a notice and help of its own: the tests follow the content, whatever it says. */
const [deckId, noticeCard] = [...decks]
  .filter(([, deck]) => deck.audience === 'klas')
  .flatMap(([id, deck]) => deck.cards.filter((c) => c.notice && c.help?.length && (c.vote || c.board)).map((c) => [id, c] as [string, Card]))[0]!;

/** Starts a session from the start form, for a class of the given age or a team deck. */
async function start(page: Page, deck: string, options: { age?: string; vertrouwenspersoon?: string } = {}) {
  await page.goto(`/start/${deck}/`);
  await expect(page.getByRole('button', { name: 'Start de sessie' })).toBeEnabled();
  if (options.age) await page.getByRole('radio', { name: options.age }).check();
  if (options.vertrouwenspersoon) await page.getByLabel('Naam', { exact: true }).fill(options.vertrouwenspersoon);
  await page.getByRole('button', { name: 'Start de sessie' }).click();
  await page.waitForURL(/\/host\/#[A-Z0-9]{6}$/);
  return new URL(page.url()).hash.slice(1);
}

/** axe on a page whose clock is paused: the clock moves in small steps while axe runs (it needs timers), a few seconds at most. */
async function axeWithHeldClock(page: Page, label: string) {
  let done = false;
  const check = expectNoSeriousA11yViolations(page, label, { heldClock: true }).finally(() => (done = true));
  for (let step = 0; step < 200 && !done; step++) await page.clock.runFor(20);
  await check;
}

async function helpDialogLines(phone: Page): Promise<string[]> {
  const dialog = phone.getByRole('dialog', { name: 'Hulp nodig?' });
  await expect(dialog).toBeVisible();
  // The lines come after the phone's first load (components/help/help-lines.ts): wait for them.
  const lines = dialog.locator('section[aria-labelledby="hulp-landelijk"] h4');
  await expect(lines.first()).toBeVisible();
  return lines.allInnerTexts();
}

test('a card with a notice: phone and beamer show the notice first, a phone may skip, and the help names the card’s lines', async ({ browser }) => {
  const host = await newScreen(browser, SMALL_LAPTOP);
  const code = await start(host.page, deckId, { age: '18 of ouder', vertrouwenspersoon: 'Mevrouw Bakker' });
  const beamer = await newScreen(browser, BEAMER);
  // The beamer's clock runs as usual, but the test may hold it while it looks at the notice.
  await beamer.context.clock.install();
  await beamer.page.goto((await host.page.getByRole('link', { name: /Open beamer/ }).getAttribute('href'))!);
  const skipper = await newScreen(browser, PHONE);
  const reader = await newScreen(browser, SMALL_PHONE);
  for (const phone of [skipper, reader]) {
    await phone.page.goto(`/j/${code}`);
    await expect(phone.page.getByRole('heading', { level: 1 })).toBeVisible();
  }

  await host.page.getByRole('navigation', { name: 'Kaarten' }).getByRole('button', { name: new RegExp(noticeCard.title) }).click();

  // Beamer: the notice in the card's place, the card only after "Toon de kaart" (or NOTICE_SECONDS).
  await expect(beamer.page.getByRole('heading', { level: 1, name: 'Let op' })).toBeVisible();
  // The beamer's clock holds while the test looks, so the notice does not time out on a busy machine.
  await beamer.page.clock.pauseAt((await beamer.page.evaluate(() => Date.now())) + 1000);
  await expect(beamer.page.getByText(noticeCard.notice!, { exact: true })).toBeVisible();
  await expect(beamer.page.getByRole('heading', { name: noticeCard.title })).toHaveCount(0);
  await beamer.page.screenshot({ path: `${shots}/beamer-notice.png` });
  await axeWithHeldClock(beamer.page, 'beamer notice');
  await expect(beamer.page.getByRole('heading', { level: 1, name: 'Let op' })).toBeVisible();
  await beamer.page.getByRole('button', { name: 'Toon de kaart' }).click();
  await expect(beamer.page.getByRole('heading', { level: 1, name: noticeCard.title })).toBeVisible();
  await beamer.page.clock.resume();
  await expect(beamer.page.getByText(`Let op: ${noticeCard.notice}`)).toBeVisible();
  if (noticeCard.hostNotes) await expect(beamer.page.getByText(noticeCard.hostNotes.split('\n')[0]!)).toHaveCount(0);

  // The host sees the notice and the deck's notes for this card; nobody else gets the notes.
  const care = host.page.getByRole('region', { name: 'Voor jou als gespreksleider' });
  await expect(care).toContainText(noticeCard.notice!);
  if (noticeCard.hostNotes) await expect(care).toContainText(noticeCard.hostNotes.split('\n')[0]!);
  await host.page.screenshot({ path: `${shots}/host-care-notes.png` });
  await expectNoSeriousA11yViolations(host.page, 'host console with care notes');

  // Phone: the notice before the content.
  for (const phone of [skipper, reader]) {
    await expect(phone.page.getByRole('heading', { level: 1, name: 'Let op' })).toBeVisible();
    await expect(phone.page.getByText(noticeCard.notice!)).toBeVisible();
    await expect(phone.page.getByRole('heading', { name: noticeCard.title })).toHaveCount(0);
  }
  await reader.page.screenshot({ path: `${shots}/phone-notice-320.png`, fullPage: true });
  await expectNoSeriousA11yViolations(reader.page, 'phone notice');

  // The notice's help opens the help: the card's own lines first, then the lines for 18 and older.
  await skipper.page.locator('.content-notice').getByRole('button', { name: 'Hulp nodig?' }).click();
  const listed = await helpDialogLines(skipper.page);
  const expected = helpLinesFor(helpLines, helpAudiencesOf('klas', '18-plus'), noticeCard.help!).map((l) => l.name);
  expect([...listed].sort()).toEqual([...expected].sort());
  expect(listed.slice(0, noticeCard.help!.length)).toEqual(noticeCard.help!.map(lineName));
  expect(listed).toContain(lineName('alles-oke-supportlijn'));
  expect(listed).not.toContain(lineName('kindertelefoon'));
  await skipper.page.screenshot({ path: `${shots}/phone-notice-help.png` });
  await expectNoSeriousA11yViolations(skipper.page, 'help dialog with the card’s lines');
  await skipper.page.getByRole('button', { name: 'Sluiten' }).click();

  // "Sla over": no content, no vote or board; "Verder": the card.
  await skipper.page.getByRole('button', { name: 'Sla over' }).click();
  await expect(skipper.page.getByRole('heading', { level: 1, name: 'Je slaat deze kaart over' })).toBeFocused();
  await expect(skipper.page.getByRole('heading', { name: noticeCard.title })).toHaveCount(0);
  await expect(skipper.page.locator('.phone-vote, .phone-board')).toHaveCount(0);
  await expectNoSeriousA11yViolations(skipper.page, 'phone that skipped a card');
  await reader.page.getByRole('button', { name: 'Verder' }).click();
  await expect(reader.page.getByRole('heading', { level: 1, name: noticeCard.title })).toBeVisible();
  await expect(reader.page.locator('.phone-vote, .phone-board').first()).toBeVisible();

  // The next card comes as usual on the phone that skipped.
  await host.page.getByRole('button', { name: /Volgende kaart/ }).click();
  await expect(skipper.page.getByRole('heading', { level: 1, name: 'Je slaat deze kaart over' })).toHaveCount(0);

  for (const screen of [host, beamer, skipper, reader]) await screen.context.close();
});

test('a team session: the start form asks for staff contacts and no age, and the phone’s help has no line for under 18', async ({ browser }) => {
  const teamDeck = [...decks].find(([, deck]) => deck.audience === 'team')![0];
  const host = await newScreen(browser, SMALL_LAPTOP);
  await host.page.goto(`/start/${teamDeck}/`);
  await expect(host.page.getByRole('group', { name: 'Vertrouwenspersoon voor personeel' })).toBeVisible();
  await expect(host.page.getByRole('radio')).toHaveCount(0);
  await expect(host.page.getByLabel(/Mentor/)).toHaveCount(0);
  await host.page.getByLabel('Nog iemand voor het team').fill('Bedrijfsmaatschappelijk werk: 030-123 45 67');
  await host.page.getByLabel('Naam', { exact: true }).fill('Meneer Jansen');
  await expectNoSeriousA11yViolations(host.page, 'start form for a team');
  await host.page.getByRole('button', { name: 'Start de sessie' }).click();
  await host.page.waitForURL(/\/host\/#[A-Z0-9]{6}$/);
  const code = new URL(host.page.url()).hash.slice(1);

  const phone = await newScreen(browser, PHONE);
  await phone.page.goto(`/j/${code}`);
  await expect(phone.page.getByRole('heading', { level: 1 })).toBeVisible();
  await phone.page.getByRole('link', { name: 'Hulp nodig?' }).click();
  const listed = await helpDialogLines(phone.page);
  expect(listed.sort()).toEqual(helpLinesFor(helpLines, ['team'], decks.get(teamDeck)!.cards[0]!.help ?? []).map((l) => l.name).sort());
  expect(listed).not.toContain(lineName('kindertelefoon'));
  const dialog = phone.page.getByRole('dialog', { name: 'Hulp nodig?' });
  await expect(dialog.getByRole('heading', { name: 'Vertrouwenspersoon voor personeel' })).toBeVisible();
  await expect(dialog.getByText('Bedrijfsmaatschappelijk werk: 030-123 45 67')).toBeVisible();
  await expect(dialog.getByRole('heading', { name: 'Mentor' })).toHaveCount(0);

  for (const screen of [host, phone]) await screen.context.close();
});

test('the help dialog fits at 200% zoom: the close button stays in view and every line can be reached', async ({ browser }) => {
  const host = await newScreen(browser, SMALL_LAPTOP);
  const code = await start(host.page, deckId, { vertrouwenspersoon: 'Mevrouw Bakker' });
  // 1280x720 at 200% zoom is 640x360 CSS pixels.
  const phone = await newScreen(browser, { width: 640, height: 360 });
  await phone.page.goto(`/j/${code}`);
  await expect(phone.page.getByRole('heading', { level: 1 })).toBeVisible();
  await phone.page.getByRole('link', { name: 'Hulp nodig?' }).click();
  const dialog = phone.page.getByRole('dialog', { name: 'Hulp nodig?' });
  const close = dialog.getByRole('button', { name: 'Sluiten' });
  await expect(close).toBeInViewport();
  const viewport = phone.page.viewportSize()!;
  const box = (await dialog.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
  expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
  // Every line is reachable: scrolled to, it shows inside the dialog, with the close button still in view.
  // The help's contents load after the page (components/help/help-lines.ts): wait for them.
  const headings = dialog.locator('h4');
  await expect.poll(() => headings.count()).toBeGreaterThan(3);
  for (const heading of await headings.all()) {
    await heading.scrollIntoViewIfNeeded();
    await expect(heading).toBeInViewport();
    await expect(close).toBeInViewport();
  }
  // Scrolled to the end, the last line's last words show whole.
  await dialog.locator('.dialog__body').evaluate((body) => body.scrollTo(0, body.scrollHeight));
  await expect(dialog.locator('.contact-list > li').last().locator('p').last()).toBeInViewport({ ratio: 1 });
  await expect(close).toBeInViewport({ ratio: 1 });
  await phone.page.screenshot({ path: `${shots}/phone-help-200pct.png` });
  await expectNoSeriousA11yViolations(phone.page, 'help dialog at 200% zoom');
  await close.click();
  await expect(dialog).toBeHidden();
  for (const screen of [host, phone]) await screen.context.close();
});

test('after the end, a phone that took part is thanked, and a phone that arrives late is only shown the help', async ({ browser }) => {
  const host = await newScreen(browser, SMALL_LAPTOP);
  const code = await start(host.page, deckId, { age: 'Onder de 18', vertrouwenspersoon: 'Mevrouw Bakker' });
  const inside = await newScreen(browser, PHONE);
  await inside.page.goto(`/j/${code}`);
  await expect(inside.page.getByRole('heading', { level: 1 })).toBeVisible();
  await host.page.getByRole('button', { name: 'Sessie afsluiten' }).click();
  await host.page.getByRole('button', { name: 'Ja, sluit af' }).click();
  await expect(inside.page.getByRole('heading', { level: 1, name: 'Bedankt voor het meedoen!' })).toBeVisible();
  // A reload keeps the thanks: this phone took part.
  await inside.page.reload();
  await expect(inside.page.getByRole('heading', { level: 1, name: 'Bedankt voor het meedoen!' })).toBeVisible();

  const late = await newScreen(browser, SMALL_PHONE);
  await late.page.goto(`/j/${code}`);
  await expect(late.page.getByRole('heading', { level: 1, name: 'Deze sessie is al afgelopen' })).toBeVisible();
  await expect(late.page.getByText(/Bedankt|Dank je wel/)).toHaveCount(0);
  await expect(late.page.getByRole('heading', { name: 'Vertrouwenspersoon' })).toBeVisible();
  // Under 18, and every card in play named its lines: all listed, Kindertelefoon too. The other lines
  // can show after the first heading (a CI run once read only "Vertrouwenspersoon"): wait for the last.
  await expect(late.page.getByRole('heading', { name: lineName('kindertelefoon') })).toBeVisible();
  const listed = await late.page.locator('section[aria-labelledby="einde-titel"] h3').allInnerTexts();
  const inPlay = decks.get(deckId)!.cards.flatMap((c) => c.help ?? []);
  for (const line of helpLinesFor(helpLines, ['klas-onder-18'], inPlay)) expect(listed).toContain(line.name);
  expect(listed).toContain(lineName('kindertelefoon'));
  await late.page.screenshot({ path: `${shots}/phone-late-after-end-320.png`, fullPage: true });
  await expectNoSeriousA11yViolations(late.page, 'closing screen for a late phone');
  for (const screen of [host, inside, late]) await screen.context.close();
});

test('the start form remembers the school’s contacts on this computer, until the host forgets them', async ({ browser }) => {
  const host = await newScreen(browser, SMALL_LAPTOP);
  await start(host.page, deckId, { vertrouwenspersoon: 'Mevrouw Bakker' });
  await host.page.goto(`/start/${deckId}/`);
  await expect(host.page.getByLabel('Naam', { exact: true })).toHaveValue('Mevrouw Bakker');
  await expect(host.page.getByText('Ze staan alleen op deze computer.')).toBeVisible();
  await host.page.getByRole('button', { name: 'Vergeet deze gegevens' }).click();
  await expect(host.page.getByLabel('Naam', { exact: true })).toHaveValue('');
  await host.page.reload();
  await expect(host.page.getByRole('button', { name: 'Start de sessie' })).toBeEnabled();
  await expect(host.page.getByLabel('Naam', { exact: true })).toHaveValue('');
  await expect(host.page.getByRole('button', { name: 'Vergeet deze gegevens' })).toHaveCount(0);
  await host.context.close();
});

test('the deck page shows each card’s notes for the host, and its print keeps them on a sheet of their own', async ({ page }) => {
  await page.goto(`/decks/${deckId}/`);
  const fold = page.locator(`details.fold:has-text("${noticeCard.title}")`).first();
  await fold.locator('summary').click();
  const notes = fold.getByRole('complementary', { name: `Voor de gespreksleider: ${noticeCard.title}` });
  await expect(notes).toContainText(noticeCard.notice!);
  if (noticeCard.hostNotes) await expect(notes).toContainText(noticeCard.hostNotes.split('\n')[0]!);
  await page.goto(`/decks/${deckId}/printen/`);
  const sheet = page.getByRole('region', { name: 'Voor de gespreksleider' });
  await expect(sheet).toContainText(noticeCard.title);
  if (noticeCard.hostNotes) await expect(page.locator('.print-card').getByText(noticeCard.hostNotes.split('\n')[0]!)).toHaveCount(0);
});
