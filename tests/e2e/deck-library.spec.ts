// User story: a teacher prepares a lesson without starting a session. She browses every card, finds
// the ones for her mbo class or on one theme, opens a card from a deck's table of contents by
// keyboard, reads how to run the lesson, and prints the cards for a class without phones.
import { test, expect, type Page } from '@playwright/test';
import { resolve } from 'node:path';
import { loadDecks } from '../../session-server/src/server/decks.ts';
import type { Card, Deck } from '../../session-server/src/protocol/index.ts';
import { LAPTOP, SMALL_PHONE, expectNoSeriousA11yViolations, newScreen } from '../support/browser.ts';
import { pdfPageCount, pdfPageSizeMm, pdfPageText, pdfPageToPng } from '../support/pdf.ts';

const decks = [...loadDecks(resolve(import.meta.dirname, '../../decks'))].sort(([a], [b]) => a.localeCompare(b));
const allCards = decks.flatMap(([, deck]) => deck.cards.map((card) => ({ deck, card })));
const CARDS_PER_SHEET = 4;

/** Who a card is for: what it names, or else its deck's audience (a class is vo and mbo). */
const audienceOf = (card: Card, deck: Deck) => card.audience ?? (deck.audience === 'team' ? ['team'] : ['vo', 'mbo']);

const libraryCards = (page: Page) => page.locator('.library-cards > li');

async function expectNoSidewaysScroll(page: Page, width: number) {
  const scrollWidth = await page.evaluate(() => document.scrollingElement!.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(width);
}

test('the library lists every deck and every card, and reads well at 320 px', async ({ browser }) => {
  const { page, context } = await newScreen(browser, SMALL_PHONE);
  await page.goto('/');
  await page.getByRole('link', { name: 'bekijk alle kaarten' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Alle kaarten' })).toBeVisible();

  for (const [id, deck] of decks) {
    const heading = page.getByRole('heading', { level: 2, name: deck.title, exact: true });
    await expect(heading).toBeVisible();
    await expect(heading.getByRole('link')).toHaveAttribute('href', `/decks/${id}/`);
  }
  await expect(libraryCards(page)).toHaveCount(allCards.length);
  await expect(page.getByRole('status')).toContainText(`${allCards.length} kaarten`);

  await expectNoSidewaysScroll(page, SMALL_PHONE.width);
  await expectNoSeriousA11yViolations(page, 'library at 320 px');
  await context.close();
});

test('filtering by theme and by audience narrows the cards and says how many are left', async ({ browser }) => {
  const { page, context } = await newScreen(browser, LAPTOP);
  await page.goto('/decks/');
  const themed = allCards.find(({ card }) => card.theme)!;
  const theme = themed.deck.themes!.find((t) => t.id === themed.card.theme)!;
  const withTheme = allCards.filter(({ card }) => card.theme === theme.id).length;

  const themes = page.getByRole('group', { name: 'Thema' });
  await themes.getByRole('checkbox', { name: theme.title }).check();
  await expect(libraryCards(page)).toHaveCount(withTheme);
  expect(withTheme).toBeLessThan(allCards.length);
  await expect(page.getByRole('status')).toContainText(`${withTheme} van de ${allCards.length} kaarten`);
  for (const chip of await libraryCards(page).locator('.theme-chip').allTextContents()) expect(chip).toContain(theme.title);

  // Both filters: the cards of that theme that are for mbo.
  const audiences = page.getByRole('group', { name: 'Voor wie?' });
  await audiences.getByRole('checkbox', { name: 'MBO' }).check();
  const themeAndMbo = allCards.filter(({ card, deck }) => card.theme === theme.id && audienceOf(card, deck).includes('mbo')).length;
  await expect(libraryCards(page)).toHaveCount(themeAndMbo);

  // Only an audience: team cards come from team decks and from cards written for a team.
  await page.getByRole('button', { name: 'Zet alle filters uit' }).click();
  await expect(libraryCards(page)).toHaveCount(allCards.length);
  await audiences.getByRole('checkbox', { name: 'Team' }).check();
  const forTeams = allCards.filter(({ card, deck }) => audienceOf(card, deck).includes('team')).length;
  expect(forTeams).toBeLessThan(allCards.length);
  await expect(libraryCards(page)).toHaveCount(forTeams);
  await expectNoSeriousA11yViolations(page, 'library with filters');

  // A card in the library opens, unfolded, on its deck's page.
  const first = libraryCards(page).first();
  const title = (await first.getByRole('heading').textContent())!;
  await first.getByRole('link').click();
  await expect(page.locator('details.fold[open] summary').filter({ hasText: title })).toBeFocused();
  await context.close();
});

test('a card opens from the table of contents by keyboard, and the deck page passes axe', async ({ browser }) => {
  test.slow(); // axe reads a page with every card of a large deck open
  const [id, deck] = decks.find(([, d]) => d.themes?.length)!;
  const { page, context } = await newScreen(browser, LAPTOP);
  await page.goto(`/decks/${id}/`);
  await expect(page.getByRole('link', { name: 'Start een sessie' }).first()).toBeVisible();
  await expectNoSeriousA11yViolations(page, `deck page ${id}`);

  const card = deck.cards.find((c) => c.theme)!;
  const fold = page.locator(`details#kaart-${card.id}`);
  await expect(fold).not.toHaveAttribute('open');
  const toc = page.getByRole('navigation', { name: 'Inhoud' });
  await toc.getByRole('link', { name: card.title, exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(fold).toHaveAttribute('open');
  const summary = fold.locator('summary');
  await expect(summary).toBeFocused();
  await expect(summary).toBeInViewport();
  await expect(fold.getByText(card.talk!.questions[0]!)).toBeVisible();
  // The summary folds the card again, by keyboard too.
  await page.keyboard.press('Enter');
  await expect(fold).not.toHaveAttribute('open');

  // The theme shows as a chip in its colour, with its name.
  const theme = deck.themes!.find((t) => t.id === card.theme)!;
  await expect(summary.locator('.theme-chip')).toHaveAttribute('data-colour', theme.colour);
  await expect(summary.locator('.theme-chip')).toContainText(theme.title);

  await page.getByRole('button', { name: 'Open alle kaarten' }).click();
  await expect(page.locator('details.fold:not([open])')).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, `deck page ${id} with every card open`);

  await page.getByRole('link', { name: 'Zo gebruik je deze kaartset' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(deck.title);
  await context.close();
});

for (const [id, deck] of decks) {
  test(`the usage page of ${id} shows the lesson plan on a running clock and where to get help`, async ({ browser }) => {
    const { page, context } = await newScreen(browser, SMALL_PHONE);
    await page.goto(`/decks/${id}/gebruik/`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(deck.title);
    if (deck.usage) {
      const plan = page.locator('.plan > li');
      await expect(plan).toHaveCount(deck.usage.steps.length);
      const first = deck.usage.steps[0]!.minutes;
      await expect(plan.first()).toContainText(`0:00–0:${String(first).padStart(2, '0')}`);
      const total = deck.usage.steps.reduce((sum, step) => sum + step.minutes, 0);
      await expect(page.getByText(`Samen ${total} minuten.`)).toBeVisible();
    }
    await expect(page.getByRole('heading', { level: 2, name: 'Afsluiten: waar kun je terecht?' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'www.113.nl' })).toBeVisible();
    await expectNoSidewaysScroll(page, SMALL_PHONE.width);
    await expectNoSeriousA11yViolations(page, `usage page ${id} at 320 px`);
    await context.close();
  });

  test(`${id} prints as A4 sheets of four cards: the expected number of pages, nothing cut off`, async ({ browser }) => {
    test.slow(); // axe on every card, then a PDF read back by MuPDF
    const { page, context } = await newScreen(browser, LAPTOP);
    await page.goto(`/decks/${id}/printen/`);
    await expect(page.getByRole('button', { name: 'Print de kaarten' })).toBeVisible();
    await expectNoSeriousA11yViolations(page, `print page ${id}`);
    const expectedPages = Math.ceil(deck.cards.length / CARDS_PER_SHEET);
    await expect(page.getByTestId('sheet-count')).toHaveText(String(expectedPages));

    await page.emulateMedia({ media: 'print' });
    // Every card's text fits its A6 cell: the last line ends above the card's bottom padding.
    const overflowing = await page.locator('.print-card__body').evaluateAll((bodies) =>
      bodies
        .filter((body) => {
          const style = getComputedStyle(body);
          const bottom = body.getBoundingClientRect().bottom - parseFloat(style.paddingBottom);
          return body.lastElementChild!.getBoundingClientRect().bottom > bottom + 0.5;
        })
        .map((body) => body.querySelector('h2')?.textContent),
    );
    expect(overflowing, `cards of ${id} that do not fit`).toEqual([]);

    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    // The host's notes come after the cards, on sheets of their own, never on a card a group handles.
    const pages = await pdfPageCount(pdf);
    if (deck.cards.some((card) => card.hostNotes || card.notice)) {
      expect(pages, `pages for ${deck.cards.length} cards of ${id} and the notes`).toBeGreaterThan(expectedPages);
      expect(await pdfPageText(pdf, expectedPages)).toContain('Voor de gespreksleider');
      for (let i = 0; i < expectedPages; i++) expect(await pdfPageText(pdf, i)).not.toContain('Voor de gespreksleider');
    } else {
      expect(pages, `pages for ${deck.cards.length} cards of ${id}`).toBe(expectedPages);
    }
    expect(await pdfPageSizeMm(pdf, 0)).toEqual({ width: 210, height: 297 });
    const firstPage = (await pdfPageText(pdf, 0)).replace(/\s+/g, ' ');
    for (const card of deck.cards.slice(0, CARDS_PER_SHEET)) expect(firstPage).toContain(card.title);
    await pdfPageToPng(pdf, 0, `test-results/deck-print-${id}-p1.png`, 110);
    await context.close();
  });
}

test('the print page stacks the cards on a small phone', async ({ browser }) => {
  const [id] = decks.find(([, d]) => d.themes?.length)!;
  const { page, context } = await newScreen(browser, SMALL_PHONE);
  await page.goto(`/decks/${id}/printen/`);
  await expectNoSidewaysScroll(page, SMALL_PHONE.width);
  await expectNoSeriousA11yViolations(page, `print page ${id} at 320 px`);
  await context.close();
});
