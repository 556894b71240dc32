// User story: a student types the address wrong. Kring answers in Dutch with status 404, offers the
// join page and the home page, and the page passes axe at phone width.
import { test, expect } from '@playwright/test';
import { PHONE, expectNoSeriousA11yViolations, newScreen } from '../support/browser.ts';

test('a mistyped address gets a Dutch 404 page with a way to join and a way home', async ({ browser }) => {
  const { page, context } = await newScreen(browser, PHONE);
  const response = await page.goto('/jion/ABC234');
  expect(response?.status()).toBe(404);
  await expect(page).toHaveTitle(/Pagina niet gevonden/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Deze pagina bestaat niet');
  await expect(page.getByText(/npm start|gebouwd/)).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Vul hier de code in' })).toHaveAttribute('href', '/join/');
  await expectNoSeriousA11yViolations(page, '404 page');
  await page.getByRole('link', { name: 'Ga naar de startpagina van Kring' }).click();
  await expect(page).toHaveURL(/\/$/);
  await context.close();
});
