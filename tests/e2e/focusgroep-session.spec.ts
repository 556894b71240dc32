// User story: a teacher runs the focusgroep lesson. The host starts a session, the beamer shows the
// code, three phones join, answer a theme, the result is held back below the minimum, shown once the
// host lowers it, and everyone ends on the closing screen.
import { test, expect, type Page } from '@playwright/test';
import { BEAMER, LAPTOP, PHONE, SMALL_PHONE, expectNoSeriousA11yViolations, newScreen, startSession } from '../support/browser.ts';

const shots = 'test-results/screenshots';

async function answer(phone: Page, choice: 'Nooit' | 'Soms' | 'Vaak' | 'Sla over') {
  await phone.getByRole('button', { name: choice, exact: true }).click();
  await expect(phone.getByText('Ontvangen')).toBeVisible();
}

test('a class runs a focusgroep session from start to closing screen', async ({ browser }) => {
  const host = await newScreen(browser, LAPTOP);
  const code = await startSession(host.page, { vertrouwenspersoon: 'Mevrouw Aydın' });
  await expect(host.page.getByText(code).first()).toBeVisible();

  // The beamer opens from the host console in its own tab, without the host key.
  const beamerHref = await host.page.getByRole('link', { name: /beamer/i }).first().getAttribute('href');
  expect(beamerHref).toMatch(/^\/beamer\/#code=[A-Z0-9]{6}&key=/);
  const beamer = await newScreen(browser, BEAMER);
  await beamer.page.goto(beamerHref!);
  await expect(beamer.page.getByText(code).first()).toBeVisible();
  await expect(beamer.page.getByRole('img', { name: /qr/i })).toBeVisible();

  // Three phones: two join by link, one types the code in lower case.
  const phones = await Promise.all([newScreen(browser, PHONE), newScreen(browser, PHONE), newScreen(browser, SMALL_PHONE)]);
  await phones[0]!.page.goto(`/j/${code}`);
  await phones[1]!.page.goto(`/j/${code}`);
  await phones[2]!.page.goto('/join/');
  await phones[2]!.page.getByLabel('Code').fill(code.toLowerCase());
  await phones[2]!.page.getByRole('button', { name: 'Doe mee' }).click();
  for (const { page } of phones) await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(beamer.page.getByText(/3 doen mee/)).toBeVisible();

  // Every phone has a quiet way to help, on every screen.
  await phones[0]!.page.getByRole('link', { name: 'Hulp nodig?' }).or(phones[0]!.page.getByRole('button', { name: 'Hulp nodig?' })).first().click();
  await expect(phones[0]!.page.getByText('Mevrouw Aydın').first()).toBeVisible();
  await expect(phones[0]!.page.getByText(/113/).first()).toBeVisible();
  await phones[0]!.page.keyboard.press('Escape');

  // The first theme: everybody answers; the result stays hidden below the minimum (5).
  await host.page.getByRole('button', { name: 'Volgende kaart' }).click();
  for (const { page } of phones) await expect(page.getByRole('button', { name: 'Vaak', exact: true })).toBeVisible();
  await answer(phones[0]!.page, 'Soms');
  await answer(phones[0]!.page, 'Vaak'); // changing the answer is allowed until voting closes
  await answer(phones[1]!.page, 'Soms');
  await answer(phones[2]!.page, 'Vaak');
  await expect(host.page.getByText(/3 van de 3 hebben gereageerd/).first()).toBeVisible();
  await expect(beamer.page.getByText(/vaak.*\d+%/i)).toHaveCount(0);

  await host.page.getByRole('button', { name: 'Toon resultaat' }).click();
  await expect(beamer.page.getByText(/te weinig antwoorden/i)).toBeVisible();
  await expect(host.page.getByText(/minder dan 5|minstens 5|minimaal 5/i).first()).toBeVisible();
  await expectNoSeriousA11yViolations(host.page, 'host console');

  // The host lowers the minimum to 3 and updates the result: now the distribution shows, with counts
  // and percentages.
  const minimum = host.page.getByLabel(/minimum|minstens|minimaal/i).first();
  await minimum.fill('3');
  await minimum.press('Enter');
  await host.page.getByRole('button', { name: 'Werk uitslag bij' }).click();
  await expect(beamer.page.getByText('67%')).toBeVisible();
  await expect(beamer.page.getByText('33%')).toBeVisible();
  await beamer.page.screenshot({ path: `${shots}/beamer-result.png` });
  await expectNoSeriousA11yViolations(beamer.page, 'beamer');

  await phones[0]!.page.screenshot({ path: `${shots}/phone-vote.png` });
  await phones[2]!.page.screenshot({ path: `${shots}/phone-vote-320.png` });
  await expectNoSeriousA11yViolations(phones[0]!.page, 'phone with a vote');
  await expectNoSeriousA11yViolations(phones[2]!.page, 'phone at 320 px');

  // Closing: every phone shows the closing screen with the school's contact.
  await host.page.getByRole('button', { name: 'Sessie afsluiten' }).click();
  await host.page.getByRole('button', { name: 'Ja, sluit af' }).click();
  for (const { page } of phones) await expect(page.getByText('Mevrouw Aydın').first()).toBeVisible();
  await expect(beamer.page.getByText(/afgelopen/i).first()).toBeVisible();
  await phones[0]!.page.screenshot({ path: `${shots}/phone-closing.png` });
  await expectNoSeriousA11yViolations(phones[0]!.page, 'closing screen');

  for (const screen of [host, beamer, ...phones]) await screen.context.close();
});

test('the join page explains an unknown code plainly and keeps what was typed', async ({ browser }) => {
  const phone = await newScreen(browser, SMALL_PHONE);
  await phone.page.goto('/join/');
  await phone.page.getByLabel('Code').fill('ZZZZZZ');
  await phone.page.getByRole('button', { name: 'Doe mee' }).click();
  await expect(phone.page.getByText(/kennen we niet/i)).toBeVisible();
  await expectNoSeriousA11yViolations(phone.page, 'join page with an error');
  await phone.context.close();
});
