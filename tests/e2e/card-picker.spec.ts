// User stories about the host's hand of cards: a teacher picks a theme before the start and puts
// the cards in an order of their own; adds a situation from their own class during the session,
// which the phones vote on; and rearranges the cards while one is on the screen.
import { test, expect, type Page } from '@playwright/test';
import { LAPTOP, PHONE, SMALL_LAPTOP, SMALL_PHONE, expectNoSeriousA11yViolations, newScreen, startSession } from '../support/browser.ts';

const shots = process.env.KRING_SCREENSHOTS ?? 'test-results/screenshots';
const DECK = 'dilemmas-klas';
const OTHER_THEMES = ['Tussen klasgenoten', 'Met docenten en personeel', 'Op stage', 'Op straat en uitgaan'];

/** The text of each element before its parts (kind, theme), top to bottom. */
const leadingTexts = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((elements) =>
    elements.map((e) => [...e.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim())?.textContent?.trim() ?? ''),
  );
/** The titles in the picker's order list, top to bottom. */
const pickedTitles = (page: Page) => leadingTexts(page, '.card-picker__item .card-picker__title');
/** The titles in the console's card list, top to bottom. */
const consoleTitles = (page: Page) => leadingTexts(page, '.host-cards__item > span:nth-child(2)');

async function openStartPicker(page: Page) {
  await page.goto(`/start/${DECK}/`);
  await expect(page.getByRole('button', { name: 'Start de sessie' })).toBeEnabled();
  await page.getByText('Kies je kaarten').click();
  await expect(page.getByRole('status').filter({ hasText: 'kaarten gekozen' })).toHaveText('39 kaarten gekozen');
}

test('a teacher plays one theme in an order of their own, and the console follows that order', async ({ browser }) => {
  const host = await newScreen(browser, LAPTOP);
  await openStartPicker(host.page);

  // One theme: the others off. The opening, the afspraken and the closing card stay.
  for (const theme of OTHER_THEMES) await host.page.getByRole('checkbox', { name: new RegExp(`^${theme}`) }).uncheck();
  await expect(host.page.getByRole('checkbox', { name: /^Online/ })).toBeChecked();
  await expect(host.page.getByRole('status').filter({ hasText: 'kaarten gekozen' })).toHaveText('11 kaarten gekozen');

  await host.page.getByRole('button', { name: 'Schud de volgorde' }).click();
  const shuffled = await pickedTitles(host.page);
  expect(shuffled[0]).toBe('Zo doen we het vandaag');
  expect(shuffled.slice(-2)).toEqual(['Onze afspraken', 'Bedankt voor het meedenken']);

  // The fourth card one place up, with the keyboard; the focus stays on the card that moved.
  const moving = shuffled[3]!;
  const up = host.page.getByRole('button', { name: `Zet ‘${moving}’ eerder` });
  await up.focus();
  await host.page.keyboard.press('Enter');
  await expect(up).toBeFocused();
  const wanted = [...shuffled];
  wanted.splice(3, 1);
  wanted.splice(2, 0, moving);
  expect(await pickedTitles(host.page)).toEqual(wanted);
  await expect(host.page.getByText(`‘${moving}’ staat nu op plek 3 van 11.`)).toBeAttached();
  await host.page.screenshot({ path: `${shots}/start-card-picker.png`, fullPage: true });

  await host.page.getByRole('button', { name: 'Start de sessie' }).click();
  await host.page.waitForURL(/\/host\/#[A-Z0-9]{6}$/);
  await expect(host.page.getByText('Kaart 1 van 11')).toBeVisible();
  expect(await consoleTitles(host.page)).toEqual(wanted);
  await host.context.close();
});

test('a host adds a situation of the class’s own, and a phone votes on it on its own scale', async ({ browser }) => {
  const host = await newScreen(browser, SMALL_LAPTOP);
  await startSession(host.page, { deck: DECK });
  const phone = await newScreen(browser, PHONE);
  await phone.page.goto(`/j/${await codeOf(host.page)}`);
  await expect(phone.page.getByRole('heading', { level: 1, name: 'Zo doen we het vandaag' })).toBeVisible();

  // Folded until asked for, so the current card stays on top.
  const toggle = host.page.getByRole('button', { name: 'Eigen situatie toevoegen' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(host.page.getByLabel('Titel', { exact: true })).toBeHidden();
  await toggle.click();

  // Nothing filled in: told at the field, the focus goes there.
  await host.page.getByRole('button', { name: 'Voeg de situatie toe' }).click();
  await expect(host.page.getByLabel('Titel', { exact: true })).toBeFocused();
  await expect(host.page.getByLabel('Titel', { exact: true })).toHaveAccessibleDescription(/Geef de situatie een korte titel\./);

  const title = 'Een grap over iemands kleren';
  await host.page.getByLabel('Titel', { exact: true }).fill(title);
  const situation = 'In de pauze maakt een groepje steeds grappen over de kleren van een klasgenoot. Iedereen lacht mee.';
  await host.page.getByLabel('Wat gebeurt er?').fill(situation);
  await expect(host.page.getByText(`${situation.length} van 240 tekens`)).toBeVisible();
  await expect(host.page.getByLabel('Wat gebeurt er?')).toHaveAccessibleDescription(new RegExp(`Noem geen namen\\..*${situation.length} van 240 tekens`));
  await host.page.getByLabel('Antwoorden op de telefoon').selectOption({ label: 'Eens / oneens' });
  await host.page.getByRole('button', { name: 'Voeg de situatie toe' }).click();
  await expect(host.page.getByText('Toegevoegd: komt na deze kaart.')).toBeVisible();
  await expect(host.page.getByLabel('Titel', { exact: true })).toHaveValue('');
  expect((await consoleTitles(host.page)).slice(0, 3)).toEqual(['Zo doen we het vandaag', title, '‘Niemand mist hem’']);
  await host.page.screenshot({ path: `${shots}/host-own-card.png`, fullPage: true });

  await host.page.getByRole('button', { name: 'Volgende kaart' }).click();
  await expect(phone.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(phone.page.getByText('Ben je het hiermee eens?')).toBeVisible();
  await phone.page.getByRole('button', { name: 'Eens', exact: true }).click();
  await expect(phone.page.getByText('Je koos: Eens. Ontvangen ✓')).toBeVisible();
  await expect(host.page.getByText(/1 van de 1 heeft gereageerd/)).toBeVisible();
  await phone.page.screenshot({ path: `${shots}/phone-own-card.png`, fullPage: true });

  for (const screen of [host, phone]) await screen.context.close();
});

test('rearranging the cards during a session keeps the card that is on the screen', async ({ browser }) => {
  const host = await newScreen(browser, SMALL_LAPTOP);
  await startSession(host.page, { deck: DECK });
  const phone = await newScreen(browser, PHONE);
  await phone.page.goto(`/j/${await codeOf(host.page)}`);
  await host.page.getByRole('button', { name: 'Volgende kaart' }).click();
  await host.page.getByRole('button', { name: 'Volgende kaart' }).click();
  await expect(host.page.getByText('Kaart 3 van 39')).toBeVisible();
  const current = (await consoleTitles(host.page))[2]!;
  await expect(phone.page.getByRole('heading', { level: 1, name: current })).toBeVisible();

  await host.page.getByRole('button', { name: 'Kaarten kiezen' }).click();
  await host.page.getByText('Kies per kaart').click();
  const locked = host.page.getByRole('checkbox', { name: new RegExp(`^${current}`) });
  await expect(locked).toBeDisabled();
  await expect(locked).toHaveAccessibleDescription('staat nu op het scherm');

  // The current card's theme off: every card of it goes, except the one on the screen.
  await host.page.getByRole('checkbox', { name: /^Tussen klasgenoten/ }).uncheck();
  await expect(host.page.getByRole('checkbox', { name: /^Tussen klasgenoten/ })).toHaveJSProperty('indeterminate', true);
  await host.page.getByRole('button', { name: `Zet ‘${current}’ later` }).click();
  const wanted = await pickedTitles(host.page);
  expect(wanted.indexOf(current)).toBe(2);
  expect(wanted).toHaveLength(32);
  await host.page.getByRole('button', { name: 'Bewaar de volgorde' }).click();
  await expect(host.page.getByText('De volgorde is bewaard: 32 kaarten.')).toBeVisible();

  expect(await consoleTitles(host.page)).toEqual(wanted);
  await expect(host.page.getByText('Kaart 3 van 32')).toBeVisible();
  await expect(host.page.locator('.host-cards__item[aria-current="step"]')).toContainText(current);
  await expect(phone.page.getByRole('heading', { level: 1, name: current })).toBeVisible();
  await host.page.screenshot({ path: `${shots}/host-card-picker.png`, fullPage: true });

  for (const screen of [host, phone]) await screen.context.close();
});

test('the card picker has no serious accessibility problems on the start form, at 320 px too, and in the console', async ({ browser }) => {
  test.setTimeout(180_000); // axe on pages with every card of a deck takes a while
  const laptop = await newScreen(browser, LAPTOP);
  await openStartPicker(laptop.page);
  await laptop.page.getByText('Kies per kaart').click();
  await expectNoSeriousA11yViolations(laptop.page, 'start form with the card picker open');

  const small = await newScreen(browser, SMALL_PHONE);
  await openStartPicker(small.page);
  await small.page.getByText('Kies per kaart').click();
  await expectNoSeriousA11yViolations(small.page, 'start form with the card picker open at 320 px');
  const overflow = await small.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'no sideways scrolling at 320 px').toBeLessThanOrEqual(0);
  await small.page.screenshot({ path: `${shots}/start-card-picker-320.png`, fullPage: true });

  await startSession(laptop.page, { deck: DECK });
  await laptop.page.getByRole('button', { name: 'Kaarten kiezen' }).click();
  await laptop.page.getByText('Kies per kaart').click();
  await laptop.page.getByRole('button', { name: 'Eigen situatie toevoegen' }).click();
  await expectNoSeriousA11yViolations(laptop.page, 'console with the card picker and the own situation form open');

  for (const screen of [laptop, small]) await screen.context.close();
});

async function codeOf(host: Page) {
  return new URL(host.url()).hash.slice(1);
}
