// User stories about who gets in: the host closes the session once the class is in (a new phone is
// told so, a phone that joined comes back), and sees when more phones joined than expected.
import { test, expect } from '@playwright/test';
import { nanoid } from 'nanoid';
import type { ParticipantView } from '@protocol';
import { BEAMER, PHONE, SMALL_LAPTOP, SMALL_PHONE, expectNoSeriousA11yViolations, newScreen, startSession } from '../support/browser.ts';
import { connect } from '../support/clients.ts';
import { clientPool } from '../support/sessions.ts';

const shots = process.env.KRING_SCREENSHOTS ?? 'test-results/screenshots';

test('a host closes the session to new phones: a new phone is told so, a phone that joined comes back', async ({ browser }) => {
  const host = await newScreen(browser, SMALL_LAPTOP);
  const code = await startSession(host.page);
  const beamer = await newScreen(browser, BEAMER);
  await beamer.page.goto((await host.page.getByRole('link', { name: /Open beamer/ }).getAttribute('href'))!);
  await expect(beamer.page.getByRole('img', { name: /QR-code/ })).toBeVisible();

  const inside = await newScreen(browser, PHONE);
  await inside.page.goto(`/j/${code}`);
  await expect(inside.page.getByRole('heading', { level: 1, name: 'Onze afspraken' })).toBeVisible();
  await expect(host.page.getByText(/1 telefoon doet mee/)).toBeVisible();

  await host.page.getByRole('button', { name: 'Sluit voor nieuwe deelnemers' }).click();
  await expect(host.page.getByText('Gesloten: nieuwe telefoons kunnen niet meer meedoen.')).toBeVisible();
  await expect(host.page.getByRole('button', { name: 'Zet weer open' })).toHaveAccessibleDescription('Telefoons die al meedoen, kunnen altijd terugkomen.');
  await expect(beamer.page.getByText('Gesloten voor nieuwe deelnemers')).toBeVisible();
  await expect(beamer.page.getByRole('img', { name: /QR-code/ })).toHaveCount(0);
  await beamer.page.screenshot({ path: `${shots}/beamer-locked.png` });
  await expectNoSeriousA11yViolations(beamer.page, 'beamer of a closed session');
  await host.page.screenshot({ path: `${shots}/host-locked.png` });

  // A new phone types the code: refused in plain Dutch, with the code kept in the field.
  const late = await newScreen(browser, SMALL_PHONE);
  await late.page.goto('/join/');
  await late.page.getByLabel('Code').fill(code);
  await late.page.getByRole('button', { name: 'Doe mee' }).click();
  await expect(late.page.getByRole('alert')).toHaveText(/Deze sessie is gesloten voor nieuwe deelnemers\. Wil je toch meedoen\?/);
  await expect(late.page.getByLabel('Code')).toHaveValue(code);
  await late.page.screenshot({ path: `${shots}/phone-locked-320.png`, fullPage: true });
  await expectNoSeriousA11yViolations(late.page, 'phone refused by a closed session');

  // The phone that joined before reloads and is back on the card.
  await inside.page.reload();
  await expect(inside.page.getByRole('heading', { level: 1, name: 'Onze afspraken' })).toBeVisible();
  await expect(inside.page.getByRole('alert')).toHaveCount(0);

  // Open again: the late phone gets in with the same button.
  await host.page.getByRole('button', { name: 'Zet weer open' }).click();
  await expect(beamer.page.getByRole('img', { name: /QR-code/ })).toBeVisible();
  await late.page.getByRole('button', { name: 'Doe mee' }).click();
  await expect(late.page.getByRole('heading', { level: 1, name: 'Onze afspraken' })).toBeVisible();
  await expect(beamer.page.getByText(/2 doen mee/)).toBeVisible();

  for (const screen of [host, beamer, inside, late]) await screen.context.close();
});

test('the host is warned beside the result when more phones joined than expected', async ({ browser, baseURL }) => {
  const pool = clientPool();
  const host = await newScreen(browser, SMALL_LAPTOP);
  const code = await startSession(host.page, { expectedGroupSize: 2, minGroupSize: 3 });
  await expect(host.page.getByText(/0 telefoons doen mee\s*,?\s*je verwachtte 2/)).toBeVisible();
  for (let i = 0; i < 3; i++) pool.keep(await connect<ParticipantView>(baseURL!, { role: 'participant', room: code, token: nanoid() }));
  await expect(host.page.getByText(/3 telefoons doen mee\s*,?\s*je verwachtte 2/)).toBeVisible();

  await host.page.getByRole('button', { name: 'Volgende kaart' }).click();
  const warning = host.page.getByText('Er doen meer telefoons mee (3) dan je verwachtte (2).');
  await expect(warning).toBeVisible();
  await expect(host.page.getByText(/Misschien doet iemand mee met meer dan één telefoon/)).toBeVisible();
  // Beside "Toon resultaat": the warning follows the button row it belongs to.
  const buttonBottom = (await host.page.getByRole('button', { name: 'Toon resultaat' }).boundingBox())!;
  const warningTop = (await warning.boundingBox())!;
  expect(warningTop.y - (buttonBottom.y + buttonBottom.height)).toBeLessThan(80);
  await host.page.screenshot({ path: `${shots}/host-more-than-expected.png` });
  await expectNoSeriousA11yViolations(host.page, 'host console with more phones than expected');

  // Closing the session leaves the warning, without the advice to close it.
  await host.page.getByRole('button', { name: 'Sluit voor nieuwe deelnemers' }).click();
  await expect(host.page.getByText(/Is iedereen binnen\?/)).toHaveCount(0);
  await expect(warning).toBeVisible();

  pool.closeAll();
  await host.context.close();
});
