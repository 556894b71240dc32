// User story: a teacher shows the result of a theme while a late student still answers. The beamer
// keeps the result it showed; the host reads plainly why a new result has to wait, updates it once
// enough people answered again, and then starts a new round in which everyone answers afresh.
import { test, expect, type Page } from '@playwright/test';
import { nanoid } from 'nanoid';
import type { ParticipantView } from '@protocol';
import { BEAMER, PHONE, SMALL_LAPTOP, SMALL_PHONE, expectNoSeriousA11yViolations, newScreen, startSession } from '../support/browser.ts';
import { clientPool } from '../support/sessions.ts';
import { connect } from '../support/clients.ts';

const shots = process.env.KRING_SCREENSHOTS ?? 'test-results/screenshots';
const CARD = 'discriminatie';

test('a shown result stays on the beamer until enough people answered again, and a new round starts afresh', async ({ browser, baseURL }) => {
  const pool = clientPool();
  const host = await newScreen(browser, SMALL_LAPTOP);
  const code = await startSession(host.page, { minGroupSize: 3 });
  const beamer = await newScreen(browser, BEAMER);
  await beamer.page.goto((await host.page.getByRole('link', { name: /Open beamer/ }).getAttribute('href'))!);
  await host.page.getByRole('button', { name: 'Volgende kaart' }).click();

  // One student on a phone we look at, the others as socket.io clients.
  const phone = await newScreen(browser, PHONE);
  await phone.page.goto(`/j/${code}`);
  const others = async (count: number) =>
    Promise.all(
      Array.from({ length: count }, async () => {
        const client = pool.keep(await connect<ParticipantView>(baseURL!, { role: 'participant', room: code, token: nanoid() }));
        await client.waitFor((v) => v.card?.id === CARD && !!v.vote?.open);
        return client;
      }),
    );
  const answer = async (clients: Awaited<ReturnType<typeof others>>, choice: string) => {
    for (const client of clients) expect(await client.send({ type: 'vote.cast', cardId: CARD, choice })).toMatchObject({ ok: true });
  };

  await tap(phone.page, 'Vaak');
  await answer(await others(2), 'soms');
  await expect(host.page.getByText(/3 van de 3 hebben gereageerd/)).toBeVisible();

  await host.page.getByRole('button', { name: 'Toon resultaat' }).click();
  await expect(beamer.page.getByText('3 antwoorden · 0 keer overgeslagen')).toBeVisible();

  // A late answer: the host sees it counted, the beamer keeps the result it showed.
  await answer(await others(1), 'nooit');
  await expect(host.page.getByText(/4 van de 4 hebben gereageerd/)).toBeVisible();
  await expect(host.page.getByText(/Een nieuwe uitslag kan pas als er minstens 3 nieuwe antwoorden bij zijn gekomen/)).toBeVisible();
  await expect(host.page.getByRole('button', { name: 'Werk uitslag bij' })).toHaveCount(0);
  await expect(beamer.page.getByText('3 antwoorden · 0 keer overgeslagen')).toBeVisible();
  await expect(beamer.page.locator('.bar[data-option="nooit"] .bar__value')).toHaveText(/^0 /);
  await host.page.screenshot({ path: `${shots}/host-result-frozen.png`, fullPage: true });

  // Two more people: three new answers since the result, so a new one may be taken.
  await answer(await others(2), 'nooit');
  const update = host.page.getByRole('button', { name: 'Werk uitslag bij' });
  await expect(update).toBeVisible();
  await expect(host.page.getByText(/genoeg nieuwe antwoorden bij gekomen/)).toBeVisible();
  await update.click();
  await expect(beamer.page.getByText('6 antwoorden · 0 keer overgeslagen')).toBeVisible();
  await expect(beamer.page.locator('.bar[data-option="nooit"] .bar__value')).toHaveText(/^3 /);
  await expectNoSeriousA11yViolations(host.page, 'host console with an updated result');

  // A new round, after the host confirms: counts of its own, and every phone chooses again.
  await host.page.getByRole('button', { name: 'Nieuwe ronde' }).click();
  await expect(host.page.getByText(/De antwoorden van ronde 1 worden gewist/)).toBeFocused();
  await host.page.getByRole('button', { name: 'Ja, start ronde 2' }).click();
  await expect(host.page.getByText('Ronde 2 is begonnen. Iedereen kan opnieuw kiezen.')).toBeFocused();
  await expect(host.page.getByRole('heading', { name: /Stemmen\s*Ronde 2/ })).toBeVisible();
  await expect(host.page.getByText(/0 van de 6 hebben gereageerd/)).toBeVisible();
  await expect(beamer.page.getByText('Ronde 2', { exact: true })).toBeVisible();
  await expect(beamer.page.getByText('Stemmen staat open')).toBeVisible();
  await expect(beamer.page.getByText(/antwoorden · /)).toHaveCount(0);

  await expect(phone.page.getByText('Nieuwe ronde: kies opnieuw.')).toBeVisible();
  await expect(phone.page.getByRole('button', { name: 'Vaak', exact: true })).toHaveAttribute('aria-pressed', 'false');
  await phone.page.screenshot({ path: `${shots}/phone-new-round.png`, fullPage: true });
  await tap(phone.page, 'Soms');
  await expect(host.page.getByText(/1 van de 6 heeft gereageerd/)).toBeVisible();

  await host.page.screenshot({ path: `${shots}/host-round-2.png`, fullPage: true });
  await beamer.page.screenshot({ path: `${shots}/beamer-round-2.png` });
  await expectNoSeriousA11yViolations(beamer.page, 'beamer in round 2');

  // A late student on the smallest screen joins in round 2.
  const small = await newScreen(browser, SMALL_PHONE);
  await small.page.goto(`/j/${code}`);
  await expect(small.page.getByRole('button', { name: 'Soms', exact: true })).toBeVisible();
  await small.page.screenshot({ path: `${shots}/phone-round-2-320.png`, fullPage: true });
  await expectNoSeriousA11yViolations(small.page, 'phone at 320 px in round 2');

  pool.closeAll();
  for (const screen of [host, beamer, phone, small]) await screen.context.close();
});

async function tap(phone: Page, choice: 'Nooit' | 'Soms' | 'Vaak') {
  await phone.getByRole('button', { name: choice, exact: true }).click();
  await expect(phone.getByText(`Je koos: ${choice}. Ontvangen ✓`)).toBeVisible();
}
