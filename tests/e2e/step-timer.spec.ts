// User story: the host gives the group one minute. Beamer and phone count down together, and at
// zero the beamer says "Tijd is om" without moving on: the host decides when the next step starts.
import { test, expect } from '@playwright/test';
import { BEAMER, PHONE, SMALL_LAPTOP, expectNoSeriousA11yViolations, newScreen, startSession } from '../support/browser.ts';

const shots = process.env.KRING_SCREENSHOTS ?? 'test-results/screenshots';

test('a one-minute timer counts down on beamer and phone and ends with "Tijd is om", staying on the card', async ({ browser }) => {
  test.setTimeout(150_000);
  const host = await newScreen(browser, SMALL_LAPTOP);
  const code = await startSession(host.page);
  const beamer = await newScreen(browser, BEAMER);
  await beamer.page.goto((await host.page.getByRole('link', { name: /Open beamer/ }).getAttribute('href'))!);
  const phone = await newScreen(browser, PHONE);
  await phone.page.goto(`/j/${code}`);
  await expect(beamer.page.getByText(/1 doen mee/)).toBeVisible();

  // A card without a step: the timer is folded away in the console, and works the same.
  await host.page.getByText('Timer gebruiken').click();
  await host.page.getByLabel('Minuten').fill('1');
  await host.page.getByRole('button', { name: 'Start', exact: true }).click();

  const beamerTimer = beamer.page.getByRole('timer');
  const phoneTimer = phone.page.getByRole('timer');
  await expect(beamerTimer).toHaveText(/^0:5\d$|^1:00$/);
  await expect(phoneTimer).toHaveText(/^0:5\d$|^1:00$/);
  const first = await beamerTimer.textContent();
  await expect(beamerTimer).not.toHaveText(first!, { timeout: 3000 });
  await beamer.page.screenshot({ path: `${shots}/beamer-timer.png` });
  await phone.page.screenshot({ path: `${shots}/phone-timer.png` });
  await host.page.screenshot({ path: `${shots}/host-timer.png` });
  await expectNoSeriousA11yViolations(host.page, 'console with a running timer');
  await expectNoSeriousA11yViolations(phone.page, 'phone with a running timer');

  await expect(beamer.page.getByText('Tijd is om', { exact: true })).toBeVisible({ timeout: 75_000 });
  await expect(phone.page.getByText('Tijd is om', { exact: true })).toBeVisible();
  await expect(beamerTimer).toHaveText('0:00');
  await expect(beamer.page.getByText(/Kaart 1 van/)).toBeVisible();
  await beamer.page.screenshot({ path: `${shots}/beamer-timer-up.png` });

  // The host adds a minute: counting again, on the same card.
  await host.page.getByRole('button', { name: '+1 min' }).click();
  await expect(beamerTimer).toHaveText(/^0:5\d$|^1:00$/);
  await expect(beamer.page.getByText('Tijd is om', { exact: true })).toHaveCount(0);

  for (const screen of [host, beamer, phone]) await screen.context.close();
});
