// User story (issue 11, "the phone puts the action first"): on a small phone a student sees the
// question and the answer buttons as soon as the card opens, without scrolling, while the card's
// examples (a theme's name alone misleads) stay on the card above; the post-it form follows below
// and the buttons never cover it for good.
import { test, expect, type Page } from '@playwright/test';
import { copyFileSync } from 'node:fs';
import { PHONE, expectNoSeriousA11yViolations, newScreen } from '../support/browser.ts';
import { connectHost, createRoom } from '../support/clients.ts';
import { realDeck } from '../support/room-fixture.ts';

const shots = process.env.KRING_SCREENSHOTS ?? 'test-results/screenshots';
/** The smallest phone still in use at school (iPhone SE, first generation). */
const TINY = { width: 320, height: 568 };

const CASES = [
  { name: 'a focusgroep theme', deck: 'focusgroep', cardId: 'discriminatie', postIts: true },
  { name: 'a dilemma with options of its own', deck: 'dilemmas-klas', cardId: 'schelden-in-de-bus', postIts: false },
];

/** Every button of the vote, and the question, lie inside the screen as it opened. */
async function expectVoteInReach(page: Page, viewport: { width: number; height: number }, options: number) {
  const buttons = page.locator('.vote-buttons button');
  await expect(buttons).toHaveCount(options + 1); // the options and "Sla over"
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  for (const target of [page.locator('#stemvraag'), ...(await buttons.all())]) {
    const box = (await target.boundingBox())!;
    expect(box.y, `${await target.textContent()} starts on screen`).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height, `${await target.textContent()} ends on screen`).toBeLessThanOrEqual(viewport.height);
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
  }
}

for (const { name, deck, cardId, postIts } of CASES) {
  test(`on ${name} card the vote is in reach on a small phone and the card stays whole`, async ({ browser, baseURL }) => {
    const cards = realDeck(deck).cards;
    const card = cards.find((c) => c.id === cardId)!;
    const options = card.vote?.scale && typeof card.vote.scale === 'object' ? card.vote.scale.options.length : 3;
    const room = await createRoom(baseURL!, { deckId: deck });
    const host = await connectHost(baseURL!, room);
    // The opening card stays (it is on the screen); the card under test comes next.
    expect(await host.send({ type: 'cards.arrange', cardIds: [cards[0]!.id, cardId] })).toEqual({ ok: true });
    expect(await host.send({ type: 'card.goto', index: 1 })).toEqual({ ok: true });

    const phone = await newScreen(browser, TINY);
    const { page } = phone;
    await page.goto(`/j/${room.code}`);
    await expect(page.getByRole('heading', { level: 1, name: card.title })).toBeVisible();
    await expectVoteInReach(page, TINY, options);

    // The examples (or a dilemma's story) are on the card, not hidden or folded away.
    await expect(page.getByText(card.summary)).toBeVisible();
    for (const example of card.subItems ?? []) await expect(page.getByText(example, { exact: true })).toBeVisible();
    await page.screenshot({ path: `${shots}/phone-action-first-${cardId}-320.png` });
    if (process.env.KRING_UPDATE_DOCS) copyFileSync(`${shots}/phone-action-first-${cardId}-320.png`, `docs/screenshots/phone-vote-320-${cardId}.png`);

    // Reading order: the card, then its question and buttons; the keyboard goes from "Hulp nodig?"
    // straight to the first answer.
    await page.getByRole('link', { name: 'Hulp nodig?' }).focus();
    await page.keyboard.press('Tab');
    await expect(page.locator('.vote-buttons button').first()).toBeFocused();
    await expectNoSeriousA11yViolations(page, `phone ${cardId} at 320×568`);

    await page.locator('.vote-buttons button').first().click();
    await expect(page.getByText(/Ontvangen ✓/)).toBeVisible();

    if (postIts) {
      // The post-it form follows below; scrolled to, the buttons are in their own place above it.
      const field = page.getByLabel('Jouw post-it');
      await field.scrollIntoViewIfNeeded();
      const fieldBox = (await field.boundingBox())!;
      const voteBox = (await page.locator('.phone-vote').boundingBox())!;
      expect(voteBox.y + voteBox.height, 'the vote ends above the post-it field').toBeLessThanOrEqual(fieldBox.y);
      await expect(page.getByRole('group', { name: 'Bij welk antwoord hoort je post-it?' })).toBeVisible();
    }

    // A common phone: the same, with room to spare.
    await page.setViewportSize(PHONE);
    await page.evaluate(() => window.scrollTo(0, 0));
    await expectVoteInReach(page, PHONE, options);

    host.close();
    await phone.context.close();
  });
}
