// User story: a team leader with no training in the method hosts a moreel beraad with four
// colleagues on their phones: the case typed on a phone, the dilemma in one sentence, a post-it
// round, a vote on the choice, an agreed action, a private "wat neem ik mee", and a one-page report
// printed to PDF that holds the dilemma, the conclusion and the action but never the case.
import { test, expect, type Page } from '@playwright/test';
import { copyFileSync, mkdirSync } from 'node:fs';
import { BEAMER, PHONE, SMALL_LAPTOP, expectNoSeriousA11yViolations, newScreen, startSession } from '../support/browser.ts';
import { realDeck } from '../support/room-fixture.ts';
import { pdfPageCount, pdfPageText, pdfPageToPng } from '../support/pdf.ts';

const shots = process.env.KRING_SCREENSHOTS ?? 'test-results/screenshots';
const deck = realDeck('moreel-beraad');
const CASE = 'Een collega blijft na de les vaak alleen met dezelfde leerling van 15 in een lokaal met de deur dicht.';
const DILEMMA = 'Spreek ik mijn collega zelf aan, of meld ik het eerst bij de teamleider?';
const CONCLUSION = 'We spreken een collega eerst zelf aan, met de gedragscode erbij.';
const PRIVATE = 'Ik merk dat ik dit spannend vind';

test('a team leader runs a moreel beraad with four phones, from the case to the printed report', async ({ browser }) => {
  test.setTimeout(240_000);
  const host = await newScreen(browser, SMALL_LAPTOP);
  const code = await startSession(host.page, { deck: 'moreel-beraad', minGroupSize: 3, groupName: 'Team onderbouw' });
  const beamer = await newScreen(browser, BEAMER);
  await beamer.page.goto((await host.page.getByRole('link', { name: /Open beamer/ }).getAttribute('href'))!);
  const phones: Page[] = [];
  for (let i = 0; i < 4; i++) {
    const phone = await newScreen(browser, PHONE);
    await phone.page.goto(`/j/${code}`);
    phones.push(phone.page);
  }
  await expect(beamer.page.locator('.beamer__joined strong')).toHaveText('4');
  const next = async (id: string) => {
    await host.page.getByRole('button', { name: 'Volgende kaart' }).click();
    const title = deck.cards.find((c) => c.id === id)!.title;
    await expect(beamer.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  };

  // The case: the inbrenger types it on a phone; the console reminds first, then puts it on the beamer.
  await next('casus');
  await expect(host.page.getByText(/nooit met hun naam/).first()).toBeVisible();
  await phones[0]!.getByRole('textbox', { name: 'De casus' }).fill(CASE);
  await phones[0]!.getByRole('button', { name: 'Stuur naar de gespreksleider' }).click();
  await expect(phones[0]!.getByText('De gespreksleider heeft je casus.', { exact: false })).toBeVisible();
  await expectNoSeriousA11yViolations(phones[0]!, 'phone typing the case');
  await expect(host.page.locator('.meeting-drafts__text')).toHaveText(CASE);
  await host.page.getByRole('button', { name: 'Neem over om te bewerken' }).click();
  await host.page.getByRole('button', { name: 'Zet op de beamer' }).click();
  await expect(beamer.page.locator('.beamer-case__text')).toHaveText(CASE);
  await expectNoSeriousA11yViolations(host.page, 'console with the case');

  // The dilemma in one sentence; the case stays on the beamer.
  await next('dilemma');
  await host.page.getByRole('textbox', { name: 'Het dilemma in één zin' }).fill(DILEMMA);
  await host.page.getByRole('button', { name: 'Bewaar het dilemma' }).click();
  await expect(beamer.page.getByText(DILEMMA)).toBeVisible();
  await expect(beamer.page.locator('.beamer-case__text')).toHaveText(CASE);
  await beamer.page.screenshot({ path: `${shots}/beamer-moreel-beraad-dilemma.png` });

  // Who is involved: a post-it round on the phones.
  await next('betrokkenen');
  const perspectives = ['De leerling zelf', 'De collega', 'De ouders', 'Het team'];
  for (const [i, phone] of phones.entries()) {
    await phone.getByLabel('Jouw post-it').fill(perspectives[i]!);
    await phone.getByRole('button', { name: 'Plak' }).click();
  }
  await host.page.getByRole('button', { name: 'Toon op beamer' }).click();
  await expect(beamer.page.locator('.wallpost')).toHaveCount(4, { timeout: 20_000 });

  await next('waarden-regels');
  await next('mogelijkheden');

  // The choice: an anonymous vote, then the host writes the conclusion down.
  await next('keuze');
  for (const [i, phone] of phones.entries()) await phone.getByRole('button', { name: i < 3 ? 'Oké' : 'Twijfel', exact: true }).click();
  await expect(host.page.getByText(/4 van de 4 hebben gereageerd/)).toBeVisible();
  await host.page.getByRole('button', { name: 'Toon resultaat' }).click();
  await expect(beamer.page.locator('.bar[data-option="oke"] .bar__value')).toHaveText(/^3 /);
  await host.page.getByRole('textbox', { name: 'Nieuwe conclusie' }).fill(CONCLUSION);
  await host.page.getByRole('button', { name: 'Voeg conclusie toe' }).click();
  await expect(beamer.page.getByText(CONCLUSION)).toBeVisible();

  // What the team needs: an action by a role, never a name.
  await next('acties');
  await host.page.getByRole('textbox', { name: 'Wat', exact: true }).fill('De gedragscode over één-op-één gesprekken bespreken');
  await host.page.getByRole('textbox', { name: 'Wie (een rol)' }).fill('de teamleider');
  await host.page.getByRole('textbox', { name: 'Wanneer' }).fill('voor de kerstvakantie');
  await host.page.getByRole('button', { name: 'Voeg actie toe' }).click();
  await expect(beamer.page.getByRole('cell', { name: 'de teamleider' })).toBeVisible();

  // Wat neem ik mee: private by default; three share their action point.
  await next('wat-neem-ik-mee');
  for (const [i, phone] of phones.entries()) {
    await phone.locator('.reflection-statement').first().getByLabel('Eens', { exact: true }).check();
    await phone.getByLabel('Jouw notities').fill(`${PRIVATE} (${i})`);
    await phone.getByLabel(deck.cards.find((c) => c.id === 'wat-neem-ik-mee')!.reflection!.action).fill(`Actiepunt van collega ${i + 1}`);
    if (i < 3) await phone.getByLabel('Deel mijn actiepunt met de groep (zonder naam)').check();
    await phone.getByRole('button', { name: 'Bewaar' }).click();
    await expect(phone.getByText(/^Bewaard\./)).toBeVisible();
  }
  await expectNoSeriousA11yViolations(phones[3]!, 'phone with wat neem ik mee');
  await expect(host.page.getByText(PRIVATE)).toHaveCount(0);
  await expect(beamer.page.getByText(PRIVATE)).toHaveCount(0);
  await expect(beamer.page.getByText('Actiepunt van collega 4')).toHaveCount(0);

  await host.page.getByRole('button', { name: 'Sessie afsluiten' }).click();
  await host.page.getByRole('button', { name: 'Ja, sluit af' }).click();
  await expect(beamer.page.getByRole('heading', { name: 'Wat we hebben afgesproken' })).toBeVisible();
  await expect(beamer.page.getByText('Actiepunt van collega 1')).toBeVisible();
  await beamer.page.screenshot({ path: `${shots}/beamer-moreel-beraad-einde.png` });

  // The report: one A4 page; the dilemma, the conclusion and the action, never the case or a private note.
  const report = await host.context.newPage();
  await report.goto(`/print/verslag/#${code}`);
  await expect(report.getByRole('heading', { name: 'Verslag' })).toBeVisible();
  await expectNoSeriousA11yViolations(report, 'report');
  await report.emulateMedia({ media: 'print' });
  const pdf = await report.pdf({ format: 'A4', printBackground: true });
  expect(await pdfPageCount(pdf)).toBe(1);
  const text = (await pdfPageText(pdf, 0)).replace(/\s+/g, ' ');
  for (const expected of ['Verslag', deck.title, 'Team onderbouw', DILEMMA, CONCLUSION, 'de teamleider', 'voor de kerstvakantie']) expect(text).toContain(expected);
  expect(text).not.toContain('deur dicht');
  expect(text).not.toContain(PRIVATE);
  mkdirSync('test-results', { recursive: true });
  const png = await pdfPageToPng(pdf, 0, 'test-results/verslag-moreel-beraad.png', 72);
  if (process.env.KRING_UPDATE_DOCS) copyFileSync(png, 'docs/screenshots/verslag-moreel-beraad.png');
});
