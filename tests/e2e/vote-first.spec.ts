// User story: "eerst alles stemmen, dan praten over de drie met de meeste soms en vaak". A teacher
// with a small class (minimum 3) lets three phones vote on all seven themes without post-its, sees
// the themes ranked by soms + vaak (one with too few votes listed apart) and talks about the top three.
import { test, expect } from '@playwright/test';
import { nanoid } from 'nanoid';
import type { ParticipantView, VoteChoice } from '@protocol';
import { LAPTOP, expectNoSeriousA11yViolations, newScreen, startSession } from '../support/browser.ts';
import { connect, type TestClient } from '../support/clients.ts';

test.use({ actionTimeout: 15_000, navigationTimeout: 20_000 });
test.setTimeout(300_000);

/** Per theme in deck order, what the three phones vote (null: that phone does not vote). */
const VOTES: (VoteChoice | null)[][] = [
  ['nooit', 'nooit', 'soms'], // 33%
  ['vaak', 'vaak', 'soms'], // 100%
  ['soms', 'vaak', null], // two votes: too few
  ['nooit', 'soms', 'vaak'], // 67%, one vaak
  ['nooit', 'nooit', 'nooit'], // 0%
  ['soms', 'soms', 'nooit'], // 67%, no vaak
  ['nooit', 'nooit', 'nooit'], // 0%
];

test('all themes are voted on first, then the three with the most soms and vaak are talked about', async ({ browser, baseURL }) => {
  const host = await newScreen(browser, LAPTOP);
  const page = host.page;
  const code = await startSession(page, { deck: 'focusgroep', minGroupSize: 3 });
  await page.getByRole('button', { name: 'Eerst alles stemmen' }).click();
  await expect(page.getByText(/^Stemronde:/)).toBeVisible();

  const phones: TestClient<ParticipantView>[] = await Promise.all(
    Array.from({ length: 3 }, () => connect<ParticipantView>(baseURL!, { role: 'participant', room: code, token: nanoid() })),
  );
  const titles: string[] = [];
  for (const [n, votes] of VOTES.entries()) {
    await page.getByRole('button', { name: 'Volgende kaart' }).click();
    const view = await phones[0]!.waitFor((v) => v.card?.kind === 'theme' && !titles.includes(v.card.title) && !!v.vote?.open);
    const card = view.card!;
    titles.push(card.title);
    // Only the vote: no board on the phones, none in the console.
    expect(view.board, `board of ${card.id}`).toBeNull();
    await expect(page.getByRole('region', { name: 'Post-its', exact: true })).toHaveCount(0);
    for (const [i, choice] of votes.entries()) {
      if (choice) expect(await phones[i]!.send({ type: 'vote.cast', cardId: card.id, choice })).toMatchObject({ ok: true });
    }
    // Answers reach the console in batches: reveal once all of them are in.
    await expect(page.locator('.host-facts span', { hasText: 'gereageerd' })).toContainText(`${votes.filter(Boolean).length} van de 3`);
    await page.getByRole('button', { name: 'Toon resultaat' }).click();
    if (n < VOTES.length - 1) await expect(page.getByText(/^Stemronde:/)).toBeVisible();
  }

  // On the last theme: the ranking, with the picks checked.
  const ranking = page.getByRole('list', { name: 'Thema’s op volgorde' });
  await expect(ranking.getByRole('listitem')).toHaveText([
    `${titles[1]}: 100% soms of vaak (3 stemmen)`,
    `${titles[3]}: 67% soms of vaak (3 stemmen)`,
    `${titles[5]}: 67% soms of vaak (3 stemmen)`,
    `${titles[0]}: 33% soms of vaak (3 stemmen)`,
    `${titles[4]}: 0% soms of vaak (3 stemmen)`,
    `${titles[6]}: 0% soms of vaak (3 stemmen)`,
  ]);
  await expect(page.getByText(`Te weinig stemmen: ${titles[2]}.`)).toBeVisible();
  const checked = await ranking.getByRole('checkbox').evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).checked));
  expect(checked).toEqual([true, true, true, false, false, false]);
  await expectNoSeriousA11yViolations(page, 'console with the ranking');

  await page.getByRole('button', { name: 'Bespreek deze drie' }).click();
  // The first pick is next, now with its board open for post-its.
  const talked = await phones[0]!.waitFor((v) => v.card?.title === titles[1] && !!v.board?.open);
  expect(talked.vote?.open).toBeDefined();
  await expect(page.getByRole('region', { name: 'Post-its', exact: true })).toBeVisible();
  await expect(page.getByText('De gekozen thema’s staan nu als volgende kaarten klaar')).toBeVisible();
  // The card list runs on with the other two picks, then the rest.
  const list = page.getByRole('navigation', { name: 'Kaarten' }).getByRole('listitem');
  const order = (await list.allTextContents()).map((t) => t.replace(/\s+/g, ' '));
  const at = (title: string) => order.findIndex((t) => t.includes(title));
  expect(at(titles[3]!)).toBe(at(titles[1]!) + 1);
  expect(at(titles[5]!)).toBe(at(titles[1]!) + 2);

  for (const phone of phones) phone.close();
  await host.context.close();
});
