// User story: a student wonders what happens with their answers, and a school's privacy officer
// needs a text for the AVG register. The privacy page is one tap away on the join page, the start
// form and the closing screen, and reads well on the smallest phone.
import { test, expect, type Page } from '@playwright/test';
import { LAPTOP, SMALL_PHONE, expectNoSeriousA11yViolations, newScreen } from '../support/browser.ts';
import { connectHost, createRoom } from '../support/clients.ts';

const shots = process.env.KRING_SCREENSHOTS ?? 'test-results/screenshots';
const TITLE = 'Privacy: wat Kring bewaart en wie wat ziet';

async function expectPrivacyPage(page: Page) {
  await page.waitForURL(/\/privacy\/?$/);
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
}

test('the privacy page is one tap from the join page, the start form and the closing screen', async ({ browser, baseURL }) => {
  const phone = await newScreen(browser, SMALL_PHONE);
  await phone.page.goto('/join/');
  await phone.page.getByRole('link', { name: 'Lees wat Kring bewaart' }).click();
  await expectPrivacyPage(phone.page);

  // At 320 px: nothing sideways, and axe finds nothing serious.
  const scrollWidth = await phone.page.evaluate(() => document.scrollingElement!.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(SMALL_PHONE.width);
  await expectNoSeriousA11yViolations(phone.page, 'privacy page at 320 px');
  await phone.page.screenshot({ path: `${shots}/privacy-320.png`, fullPage: true });
  // The facts a privacy officer copies: where it is stored, what is never stored, how long.
  await expect(phone.page.getByText('data/kring.sqlite').first()).toBeVisible();
  await expect(phone.page.getByRole('heading', { name: 'Wat Kring nooit bewaart of logt' })).toBeVisible();
  await expect(phone.page.getByText(/30 dagen na de start/).first()).toBeVisible();

  const host = await newScreen(browser, LAPTOP);
  await host.page.goto('/start/focusgroep/');
  await host.page.getByRole('link', { name: 'Privacy' }).click();
  await expectPrivacyPage(host.page);

  // The closing screen, after the host ends the session.
  const room = await createRoom(baseURL!, {});
  const hostClient = await connectHost(baseURL!, room);
  await phone.page.goto(`/j/${room.code}`);
  await expect(phone.page.getByRole('heading', { level: 1, name: 'Onze afspraken' })).toBeVisible();
  await hostClient.send({ type: 'session.end' });
  await expect(phone.page.getByRole('heading', { name: 'Bedankt voor het meedoen!' })).toBeVisible();
  await phone.page.screenshot({ path: `${shots}/phone-closing-320.png`, fullPage: true });
  await phone.page.getByRole('link', { name: 'Lees wat Kring bewaart en wie wat ziet' }).click();
  await expectPrivacyPage(phone.page);

  hostClient.close();
  await phone.context.close();
  await host.context.close();
});
