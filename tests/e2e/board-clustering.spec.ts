// User story: a team writes post-its on the free wall of the team deck. The host makes groups, puts
// one post-it in a group by dragging it and another with the keyboard only, merges a duplicate and
// marks one; the beamer then shows the groups with their counts and the post-its under them.
import { test, expect, type Locator, type Page } from '@playwright/test';
import { nanoid } from 'nanoid';
import type { ParticipantView } from '@protocol';
import { BEAMER, LAPTOP, expectNoSeriousA11yViolations, newScreen, startSession } from '../support/browser.ts';
import { connect, type TestClient } from '../support/clients.ts';

const shots = 'test-results/screenshots';

// An action that cannot happen should fail with its own message, not as the whole test's timeout.
test.use({ actionTimeout: 15_000, navigationTimeout: 20_000 });

const SCHELDEN = 'Schelden op de gang, ook tegen docenten';
const GROEPSAPP = 'Pesten in de groepsapp van de klas';
const STAGE = 'Op stage grappen over afkomst';
const VERTROUWEN = 'Niemand weet wie de vertrouwenspersoon is';
const ARABISCH = 'التنمر في الممر بعد المدرسة';
const LANG_WOORD = 'Veiligheidsbeleidsuitvoeringsafsprakenoverlegstructuurvergaderingen';

/** The zone on the host's board with this name ("Zonder groep", "Groep: Pesten"). */
const zone = (page: Page, name: string) => page.getByRole('group', { name, exact: true });
const postItIn = (area: Locator, text: string) => area.getByRole('listitem').filter({ hasText: text });

async function tabUntilFocused(page: Page, target: Locator, maxPresses = 120) {
  for (let i = 0; i < maxPresses; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('Tab never reached the target');
}

test('a host groups post-its by dragging and by keyboard, and the beamer shows the groups', async ({ browser, baseURL }) => {
  const host = await newScreen(browser, LAPTOP);
  const code = await startSession(host.page, { deck: 'focusgroep-team', minGroupSize: 3 });
  await host.page.getByRole('button', { name: 'Volgende kaart' }).click();
  await expect(host.page.getByRole('heading', { name: 'Verzamelen' })).toBeVisible();

  // Four colleagues write from their phones (real socket.io clients: the phone screens are tested elsewhere).
  const phones: TestClient<ParticipantView>[] = await Promise.all(
    Array.from({ length: 4 }, () => connect<ParticipantView>(baseURL!, { role: 'participant', room: code, token: nanoid() })),
  );
  const texts = [[SCHELDEN, GROEPSAPP], [GROEPSAPP, VERTROUWEN], [STAGE], [ARABISCH, LANG_WOORD]];
  for (const [i, phone] of phones.entries()) {
    await phone.waitFor((v) => v.card?.id === 'verzamelen' && !!v.board?.open);
    for (const text of texts[i]!) {
      const ack = await phone.send({ type: 'postIt.add', cardId: 'verzamelen', text, columnId: null });
      expect(ack.ok, JSON.stringify(ack)).toBe(true);
    }
  }

  const page = host.page;
  const loose = zone(page, 'Zonder groep');
  await expect(loose.getByRole('listitem')).toHaveCount(7);

  // Hostile-looking text stays text: right-to-left reads right, a very long word wraps inside its post-it.
  const arabicPaper = postItIn(loose, ARABISCH).locator('[dir="auto"]', { hasText: ARABISCH });
  await expect(arabicPaper).toHaveText(ARABISCH);
  expect(await arabicPaper.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  const longPaper = postItIn(loose, LANG_WOORD).locator('[dir="auto"]', { hasText: LANG_WOORD });
  expect(await longPaper.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);

  // Two groups; the name field counts characters.
  const name = page.getByLabel('Naam van de groep', { exact: true });
  await name.fill('Pesten');
  await expect(page.getByText('6/60')).toBeVisible();
  await page.getByRole('button', { name: 'Maak groep', exact: true }).click();
  await expect(zone(page, 'Groep: Pesten')).toBeVisible();
  await name.fill('Stage');
  await page.getByRole('button', { name: 'Maak groep', exact: true }).click();
  await expect(zone(page, 'Groep: Stage')).toBeVisible();
  await expect(name).toHaveValue('');
  await name.fill('pesten');
  await page.getByRole('button', { name: 'Maak groep', exact: true }).click();
  await expect(page.getByText('Er is al een groep met deze naam.')).toBeVisible();
  await expect(name).toBeFocused();
  await name.fill('');
  const status = page.getByRole('status').filter({ hasText: /Groep Stage gemaakt/ });
  await expect(status).toHaveCount(1);

  // Drag and drop: solid-dnd listens to pointer events, which Playwright's mouse sends.
  await postItIn(loose, SCHELDEN).getByText(SCHELDEN).dragTo(zone(page, 'Groep: Pesten'), { steps: 15 });
  await expect(postItIn(zone(page, 'Groep: Pesten'), SCHELDEN)).toBeVisible();
  await expect(page.getByText('Post-it verplaatst naar Groep: Pesten')).toBeAttached();

  // Keyboard only: Tab to the post-it's Verplaats, Enter, arrow keys in "Waarheen?", confirm.
  const stageItem = postItIn(loose, STAGE);
  await page.getByRole('button', { name: 'Maak groep', exact: true }).focus();
  await tabUntilFocused(page, stageItem.getByRole('button', { name: 'Verplaats', exact: true }));
  await page.keyboard.press('Enter');
  const where = page.getByLabel('Waarheen?');
  await expect(where).toBeFocused();
  for (let i = 0; i < 10; i++) {
    if ((await where.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent)) === 'Groep: Stage') break;
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Verplaats hierheen', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  const movedByKeyboard = postItIn(zone(page, 'Groep: Stage'), STAGE);
  await expect(movedByKeyboard).toBeVisible();
  await expect(movedByKeyboard).toBeFocused();
  await expect(page.getByText('Post-it verplaatst naar Groep: Stage')).toBeAttached();

  // The duplicate is merged: one post-it remains, marked 2×; then it joins its group too.
  await postItIn(loose, GROEPSAPP).first().getByRole('button', { name: 'Voeg samen…' }).click();
  await page.getByLabel('Samenvoegen met…').selectOption({ label: `“${GROEPSAPP}” — Zonder groep` });
  await page.getByRole('button', { name: 'Samenvoegen', exact: true }).click();
  await expect(postItIn(loose, GROEPSAPP)).toHaveCount(1);
  await expect(postItIn(loose, GROEPSAPP).getByText('2×')).toBeVisible();
  await postItIn(loose, GROEPSAPP).getByText(GROEPSAPP).dragTo(zone(page, 'Groep: Pesten'), { steps: 15 });
  await expect(postItIn(zone(page, 'Groep: Pesten'), GROEPSAPP)).toBeVisible();

  // A group is renamed in place.
  const stageGroup = page.getByRole('listitem').filter({ has: page.getByText('Stage', { exact: true }) });
  await stageGroup.getByRole('button', { name: 'Hernoem', exact: true }).click();
  const newName = page.getByLabel('Nieuwe naam voor groep Stage');
  await expect(newName).toBeFocused();
  await newName.fill('Stage en werkplek');
  await newName.press('Enter');
  await expect(zone(page, 'Groep: Stage en werkplek')).toBeVisible();

  // One post-it is marked for the conversation.
  await postItIn(loose, VERTROUWEN).getByRole('button', { name: 'Markeer', exact: true }).click();
  await expect(postItIn(loose, VERTROUWEN).getByRole('button', { name: 'Markering weg', exact: true })).toBeVisible();

  await expect(zone(page, 'Groep: Pesten').getByRole('listitem')).toHaveCount(2);
  await expect(loose.getByRole('listitem')).toHaveCount(3);
  await page.getByRole('heading', { name: 'Ordenen' }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: `${shots}/host-clusters.png` });
  await page.screenshot({ path: `${shots}/host-clusters-full.png`, fullPage: true });
  await expectNoSeriousA11yViolations(page, 'host console with groups');

  // The printable report is one click away during the session.
  await expect(page.getByRole('link', { name: /Afdrukken \(A4\)/ })).toHaveAttribute('href', `/print/#${code}`);

  // On the beamer: each group's name with its count, and the moved post-its under it.
  await page.getByRole('button', { name: 'Toon op beamer' }).click();
  const beamerHref = await page
    .getByRole('link', { name: /beamer/i })
    .first()
    .getAttribute('href');
  const beamer = await newScreen(browser, BEAMER);
  await beamer.page.goto(beamerHref!);
  const groupOnBeamer = (title: RegExp) => beamer.page.getByRole('heading', { name: title }).locator('xpath=ancestor::*[.//li][1]');
  const pesten = groupOnBeamer(/^Pesten\W+2\b/);
  await expect(pesten).toContainText(SCHELDEN);
  await expect(pesten).toContainText(GROEPSAPP);
  await expect(pesten).toContainText('2×');
  await expect(pesten).not.toContainText(STAGE);
  const stage = groupOnBeamer(/^Stage en werkplek\W+1\b/);
  await expect(stage).toContainText(STAGE);
  await expect(stage).not.toContainText(SCHELDEN);
  await beamer.page.screenshot({ path: `${shots}/beamer-clusters.png` });

  for (const phone of phones) phone.close();
  for (const screen of [host, beamer]) await screen.context.close();
});
