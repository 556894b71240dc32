// User story: a student on a shaky school wifi taps an answer while the connection is gone. The phone
// says it is still sending, and once the connection is back the answer arrives and is counted once.
import { test, expect } from '@playwright/test';
import { PHONE, newScreen } from '../support/browser.ts';
import { connectHost, createRoom } from '../support/clients.ts';

test('an answer given offline is sent when the connection returns', async ({ browser, baseURL }) => {
  const room = await createRoom(baseURL!, { minGroupSize: 3 });
  const host = await connectHost(baseURL!, room);
  await host.send({ type: 'card.goto', index: 1 });

  const phone = await newScreen(browser, PHONE);
  await phone.page.goto(`/j/${room.code}`);
  await expect(phone.page.getByRole('button', { name: 'Vaak', exact: true })).toBeVisible();

  await phone.context.setOffline(true);
  await expect(phone.page.getByText(/Geen verbinding/i).first()).toBeVisible({ timeout: 30_000 });
  await phone.page.getByRole('button', { name: 'Vaak', exact: true }).click();
  await expect(phone.page.getByText(/Wordt verstuurd/i).first()).toBeVisible();
  await expect(phone.page.getByRole('button', { name: 'Vaak', exact: true })).toHaveAttribute('aria-pressed', 'true');

  await phone.context.setOffline(false);
  await expect(phone.page.getByText(/Ontvangen/).first()).toBeVisible({ timeout: 30_000 });
  // Counted once: one phone, one reaction, also after the resend.
  await host.waitFor((v) => v.vote?.responded === 1, 10_000);
  await phone.page.waitForTimeout(1500);
  expect(host.view().vote?.responded).toBe(1);

  host.close();
  await phone.context.close();
});
