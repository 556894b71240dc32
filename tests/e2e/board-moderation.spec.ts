// User story: post-its that may name or reach someone wait for the host, also on an open board.
// "Alles goedkeuren" lets the plain ones through and says which stay waiting; the host looks at
// each flagged one, hides one and lets the other through.
import { test, expect } from '@playwright/test';
import { nanoid } from 'nanoid';
import type { ParticipantView } from '@protocol';
import { SMALL_LAPTOP, expectNoSeriousA11yViolations, newScreen, startSession } from '../support/browser.ts';
import { connect } from '../support/clients.ts';
import { clientPool } from '../support/sessions.ts';

const shots = process.env.KRING_SCREENSHOTS ?? 'test-results/screenshots';
const POSTCODE = 'Ik woon in 1234 AB, ver van school';
const EMAIL = 'Mail me: hulp@example.nl';

async function write(baseURL: string, code: string, cardId: string, texts: string[], columnId: string | null) {
  const pool = clientPool();
  for (const text of texts) {
    const phone = pool.keep(await connect<ParticipantView>(baseURL, { role: 'participant', room: code, token: nanoid() }));
    await phone.waitFor((v) => v.card?.id === cardId && !!v.board?.open);
    expect(await phone.send({ type: 'postIt.add', cardId, text, columnId })).toMatchObject({ ok: true });
  }
  return pool;
}

test('on a moderated board "Alles goedkeuren" leaves flagged post-its waiting and says so', async ({ browser, baseURL }) => {
  const host = await newScreen(browser, SMALL_LAPTOP);
  const code = await startSession(host.page, { minGroupSize: 3 });
  await host.page.getByRole('button', { name: /Schrijf het op/ }).click();
  const pool = await write(baseURL!, code, 'schrijven', ['Meer toezicht in de pauze', 'Een vast aanspreekpunt op school', POSTCODE], 'wat-kan-de-school');

  await expect(host.page.getByText('3 post-its wachten.')).toBeVisible();
  const approveAll = host.page.getByRole('button', { name: 'Alles goedkeuren' });
  await expect(approveAll).toHaveAccessibleDescription('Post-its met een mogelijke naam, nummer of adres blijven wachten: bekijk die één voor één.');
  await expect(host.page.getByText('Let op: Lijkt een postcode te bevatten')).toBeVisible();
  await host.page.getByRole('heading', { name: 'Wacht op jou' }).scrollIntoViewIfNeeded();
  await host.page.screenshot({ path: `${shots}/host-board-waiting.png` });
  await expectNoSeriousA11yViolations(host.page, 'host board with waiting post-its');

  await approveAll.click();
  await expect(host.page.getByText('1 post-it wacht.')).toBeVisible();
  // Only the flagged one is left, so there is nothing for "Alles goedkeuren" to do.
  await expect(approveAll).toHaveCount(0);
  await expect(host.page.locator('.host-postit[data-status="pending"]')).toHaveText(/1234 AB/);

  pool.closeAll();
  await host.context.close();
});

test('on an open board a flagged post-it waits for the host, who hides one and lets another through', async ({ browser, baseURL }) => {
  const host = await newScreen(browser, SMALL_LAPTOP);
  const code = await startSession(host.page, { deck: 'focusgroep-team', minGroupSize: 3 });
  await host.page.getByRole('button', { name: 'Volgende kaart' }).click();
  await expect(host.page.getByRole('heading', { name: 'Verzamelen' })).toBeVisible();
  const pool = await write(baseURL!, code, 'verzamelen', ['Betere verlichting bij de fietsenstalling', POSTCODE, EMAIL], null);

  // The plain post-it is through at once; the two flagged ones wait, each with its reason.
  await expect(host.page.getByRole('heading', { name: 'Wacht op jou' })).toBeVisible();
  await expect(host.page.getByText(/Alleen als er misschien een naam, nummer of adres in staat/)).toBeVisible();
  await expect(host.page.getByText('2 post-its wachten.')).toBeVisible();
  await expect(host.page.getByText('Let op: Lijkt een e-mailadres te bevatten')).toBeVisible();
  await expect(host.page.getByText('Let op: Lijkt een postcode te bevatten')).toBeVisible();
  await expect(host.page.getByRole('button', { name: 'Alles goedkeuren' })).toHaveCount(0);
  await host.page.getByRole('heading', { name: 'Wacht op jou' }).scrollIntoViewIfNeeded();
  await host.page.screenshot({ path: `${shots}/host-open-board-flagged.png` });

  const waiting = host.page.locator('.host-postit[data-status="pending"]');
  await waiting.filter({ hasText: EMAIL }).getByRole('button', { name: /^Verbergen/ }).click();
  await waiting.filter({ hasText: POSTCODE }).getByRole('button', { name: /^Goedkeuren/ }).click();
  await expect(host.page.getByRole('heading', { name: 'Wacht op jou' })).toHaveCount(0);
  await expect(host.page.getByRole('heading', { name: 'Verborgen' })).toBeVisible();
  await expect(host.page.locator('.host-postit[data-status="hidden"]')).toHaveText(new RegExp(EMAIL));

  pool.closeAll();
  await host.context.close();
});
