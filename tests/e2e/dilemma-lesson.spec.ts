// User story: a burgerschapsdocent plays three dilemma cards that ask in different ways (oké / twijfel
// / niet oké, "wat zou jij doen?" A/B/C, eens / oneens), the class proposes afspraken on their phones,
// supports them, the teacher adopts two, the beamer ends with them, and the poster "Onze afspraken"
// prints on one A4 page with the group's name and the date.
import { test, expect, type Page } from '@playwright/test';
import { copyFileSync, mkdirSync } from 'node:fs';
import { nanoid } from 'nanoid';
import { scaleOptions, type HostView, type ParticipantView } from '@protocol';
import { BEAMER, PHONE, SMALL_LAPTOP, SMALL_PHONE, expectNoSeriousA11yViolations, newScreen, startSession } from '../support/browser.ts';
import { clientPool } from '../support/sessions.ts';
import { connect, type TestClient } from '../support/clients.ts';
import { realDeck } from '../support/room-fixture.ts';
import { pdfPageCount, pdfPageText, pdfPageToPng } from '../support/pdf.ts';

const shots = process.env.KRING_SCREENSHOTS ?? 'test-results/screenshots';
const deck = realDeck('dilemmas-klas');
const card = (id: string) => deck.cards.find((c) => c.id === id)!;
// Three cards, three scales.
const PLAYED = ['niemand-mist-hem', 'schelden-in-de-bus', 'zo-praten-wij-nou-eenmaal'];
const AFSPRAKEN = ['we laten elkaar uitpraten', 'we maken geen grappen over iemands afkomst', 'we delen geen filmpjes zonder te vragen', 'we zeggen er iets van', 'we helpen nieuwe klasgenoten op weg'];

test('a class plays three cards with different scales and adopts two afspraken, which print on a poster', async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const pool = clientPool();
  const host = await newScreen(browser, SMALL_LAPTOP);
  const code = await startSession(host.page, { deck: 'dilemmas-klas', minGroupSize: 3, groupName: 'klas 4B' });

  // The teacher picked these cards; the console's picker is tested on its own (card-picker.spec.ts).
  const keys = JSON.parse((await host.page.evaluate((c) => localStorage.getItem(`kring:host:${c}`), code))!);
  const remote = pool.keep(await connect<HostView>(baseURL!, { role: 'host', room: code, key: keys.hostKey }));
  expect(await remote.send({ type: 'cards.arrange', cardIds: ['welkom', ...PLAYED, 'onze-afspraken', 'afsluiting'] })).toEqual({ ok: true });
  await expect(host.page.getByText('Kaart 1 van 6')).toBeVisible();

  const beamer = await newScreen(browser, BEAMER);
  await beamer.page.goto((await host.page.getByRole('link', { name: /Open beamer/ }).getAttribute('href'))!);
  const phone = await newScreen(browser, PHONE);
  await phone.page.goto(`/j/${code}`);
  const small = await newScreen(browser, SMALL_PHONE);
  await small.page.goto(`/j/${code}`);
  const others: TestClient<ParticipantView>[] = [];
  for (let i = 0; i < 3; i++) others.push(pool.keep(await connect<ParticipantView>(baseURL!, { role: 'participant', room: code, token: nanoid() })));
  await expect(beamer.page.getByText('5', { exact: true })).toBeVisible();

  const next = () => host.page.getByRole('button', { name: 'Volgende kaart' }).click();
  const othersVote = async (cardId: string, choices: string[]) => {
    for (const [i, client] of others.entries()) {
      await client.waitFor((v) => v.card?.id === cardId && !!v.vote?.open);
      expect(await client.send({ type: 'vote.cast', cardId, choice: choices[i]! })).toMatchObject({ ok: true });
    }
  };

  // 1. Oké / twijfel / niet oké.
  await next();
  await expect(phone.page.getByRole('heading', { name: card(PLAYED[0]!).title })).toBeVisible();
  await phone.page.getByRole('button', { name: 'Niet oké' }).click();
  await small.page.getByRole('button', { name: 'Twijfel' }).click();
  await othersVote(PLAYED[0]!, ['niet-oke', 'niet-oke', 'oke']);
  await expect(host.page.getByText(/5 van de 5 hebben gereageerd/)).toBeVisible();
  await host.page.getByRole('button', { name: 'Toon resultaat' }).click();
  await expect(beamer.page.locator('.bar[data-option="niet-oke"] .bar__value')).toHaveText(/^3 /);
  await expect(beamer.page.locator('.bar__label')).toHaveText(['Oké', 'Twijfel', 'Niet oké']);
  await beamer.page.screenshot({ path: `${shots}/beamer-oke-twijfel.png` });

  // 2. The deck's own options: "wat zou jij doen?" A / B / C, each with its text on the phone.
  await next();
  const options = scaleOptions(card(PLAYED[1]!).vote);
  await expect(phone.page.locator('.vote-button')).toHaveCount(options.length);
  await expect(phone.page.locator(`[data-option="${options[0]!.id}"]`)).toContainText(options[0]!.text!);
  await small.page.screenshot({ path: `${shots}/phone-own-options-320.png`, fullPage: true });
  await phone.page.locator(`[data-option="${options[0]!.id}"]`).click();
  await small.page.locator(`[data-option="${options[1]!.id}"]`).click();
  await othersVote(PLAYED[1]!, [options[2]!.id, options[0]!.id, options[1]!.id]);
  await expect(phone.page.getByText(`Je koos: ${options[0]!.label}. Ontvangen ✓`)).toBeVisible();
  await expectNoSeriousA11yViolations(small.page, 'phone with a deck’s own options at 320 px');
  await host.page.getByRole('button', { name: 'Toon resultaat' }).click();
  await expect(beamer.page.locator('.bar__label')).toHaveText(options.map((o) => o.label));
  // 2 – 2 – 1 over three options: no clear majority, and the beamer says so.
  await expect(beamer.page.getByText('We denken hier verschillend over.')).toBeVisible();

  // 3. Eens / oneens.
  await next();
  await phone.page.getByRole('button', { name: 'Eens', exact: true }).click();
  await small.page.getByRole('button', { name: 'Oneens' }).click();
  await othersVote(PLAYED[2]!, ['eens', 'eens', 'eens']);
  await host.page.getByRole('button', { name: 'Toon resultaat' }).click();
  await expect(beamer.page.locator('.bar__label')).toHaveText(['Eens', 'Oneens']);
  await expect(beamer.page.locator('.bar[data-option="eens"] .bar__value')).toHaveText(/^4 /);

  // 4. Afspraken: everyone proposes, the teacher lets them through and shows them.
  await next();
  await phone.page.getByLabel('Jouw post-it').fill(AFSPRAKEN[0]!);
  await phone.page.getByRole('button', { name: 'Plak' }).click();
  await small.page.getByLabel('Jouw post-it').fill(AFSPRAKEN[1]!);
  await small.page.getByRole('button', { name: 'Plak' }).click();
  for (const [i, client] of others.entries()) {
    await client.waitFor((v) => v.card?.id === 'onze-afspraken' && !!v.board?.open);
    expect(await client.send({ type: 'postIt.add', cardId: 'onze-afspraken', text: AFSPRAKEN[i + 2]! })).toMatchObject({ ok: true });
  }
  await expect(host.page.getByText('5 post-its wachten.')).toBeVisible();
  await host.page.getByRole('button', { name: 'Alles goedkeuren' }).click();
  await host.page.getByRole('button', { name: 'Toon op beamer' }).click();
  // The wall publishes in batches; then every phone lists the proposals.
  const support = (page: Page, text: string) => page.locator('.proposal', { hasText: text }).getByRole('button', { name: 'Ik steun dit' });
  await expect(support(phone.page, AFSPRAKEN[1]!)).toBeVisible({ timeout: 20_000 });
  await support(phone.page, AFSPRAKEN[1]!).click();
  await support(phone.page, AFSPRAKEN[0]!).click();
  await expect(support(phone.page, AFSPRAKEN[1]!)).toHaveAttribute('aria-pressed', 'true');
  await support(small.page, AFSPRAKEN[1]!).click();
  const proposals = (await others[0]!.waitFor((v) => (v.board?.proposals?.length ?? 0) >= 5)).board!.proposals!;
  const idOf = (text: string) => proposals.find((p) => p.text === text)!.id;
  for (const client of others) {
    expect(await client.send({ type: 'postIt.support', cardId: 'onze-afspraken', postItId: idOf(AFSPRAKEN[1]!), support: true })).toEqual({ ok: true });
  }
  await expect(host.page.locator('.afspraken-host__item', { hasText: AFSPRAKEN[1]! })).toContainText('5 steunen dit');
  await expectNoSeriousA11yViolations(phone.page, 'phone supporting proposals');
  await phone.page.screenshot({ path: `${shots}/phone-proposals.png`, fullPage: true });

  // The teacher adopts two.
  for (const text of [AFSPRAKEN[1]!, AFSPRAKEN[0]!]) {
    await host.page.locator('.afspraken-host__item', { hasText: text }).getByRole('button', { name: 'Neem aan als afspraak' }).click();
  }
  await expect(beamer.page.locator('.beamer-proposal--adopted')).toHaveCount(2);
  await expect(phone.page.getByText('Aangenomen als afspraak ✓')).toHaveCount(2);
  await expectNoSeriousA11yViolations(host.page, 'host console adopting afspraken');
  await expectNoSeriousA11yViolations(beamer.page, 'beamer with proposals');
  await beamer.page.screenshot({ path: `${shots}/beamer-afspraken.png` });

  // The session ends with the afspraken on the beamer.
  await host.page.getByRole('button', { name: 'Sessie afsluiten' }).click();
  await host.page.getByRole('button', { name: 'Ja, sluit af' }).click();
  await expect(beamer.page.getByRole('heading', { name: 'Onze afspraken' })).toBeVisible();
  await expect(beamer.page.locator('.afspraken-list li')).toHaveText([AFSPRAKEN[1]!, AFSPRAKEN[0]!]);
  await expect(beamer.page.getByText('klas 4B')).toBeVisible();
  await beamer.page.screenshot({ path: `${shots}/beamer-onze-afspraken.png` });

  // The poster: one A4 page with the group's name, the date and both afspraken.
  const poster = await host.context.newPage();
  await poster.goto(`/print/afspraken/#${code}`);
  await expect(poster.getByRole('heading', { name: 'Onze afspraken' })).toBeVisible();
  await expectNoSeriousA11yViolations(poster, 'poster Onze afspraken');
  await poster.emulateMedia({ media: 'print' });
  const pdf = await poster.pdf({ format: 'A4', printBackground: true });
  expect(await pdfPageCount(pdf)).toBe(1);
  const text = (await pdfPageText(pdf, 0)).replace(/\s+/g, ' ');
  for (const expected of ['Onze afspraken', 'klas 4B', AFSPRAKEN[0]!, AFSPRAKEN[1]!]) expect(text).toContain(expected);
  expect(text).not.toContain(AFSPRAKEN[2]!);
  expect(text).toMatch(new RegExp(new Date().toLocaleDateString('nl-NL', { dateStyle: 'long' })));
  mkdirSync('test-results', { recursive: true });
  const png = await pdfPageToPng(pdf, 0, 'test-results/poster-afspraken.png', 72);
  if (process.env.KRING_UPDATE_DOCS) copyFileSync(png, 'docs/screenshots/poster-afspraken.png');

  pool.closeAll();
});
