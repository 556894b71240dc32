// User story: a student is halfway through a post-it when the teacher moves on to the next theme.
// The draft must not be filed under the new theme; when the teacher goes back, it is still there.
import { test, expect } from '@playwright/test';
import { PHONE, newScreen } from '../support/browser.ts';
import { connectHost, createRoom } from '../support/clients.ts';

test('a half-written post-it stays with its theme when the teacher moves on, and comes back with it', async ({ browser, baseURL }) => {
  const room = await createRoom(baseURL!, { deckId: 'focusgroep' });
  const host = await connectHost(baseURL!, room);
  const goto = async (id: string) => {
    const index = host.view().cards.findIndex((c) => c.id === id);
    expect(await host.send({ type: 'card.goto', index })).toMatchObject({ ok: true });
    await host.waitFor((v) => v.card?.id === id);
  };
  await goto('discriminatie');

  const phone = await newScreen(browser, PHONE);
  await phone.page.goto(`/j/${room.code}`);
  const field = phone.page.getByLabel('Jouw post-it');
  await field.fill('Op stage werd er een grap gemaakt over');
  await phone.page.getByRole('radio', { name: 'Vaak' }).check();

  // The teacher moves on: the next theme starts with an empty field and no column chosen.
  await goto('online-veiligheid');
  await expect(phone.page.getByRole('heading', { level: 1, name: 'Online veiligheid' })).toBeVisible();
  await expect(field).toHaveValue('');
  await expect(phone.page.getByRole('radio', { name: 'Vaak' })).not.toBeChecked();

  // Back to the first theme: the draft and its column are still there, unsent.
  await goto('discriminatie');
  await expect(field).toHaveValue('Op stage werd er een grap gemaakt over');
  await expect(phone.page.getByRole('radio', { name: 'Vaak' })).toBeChecked();
  expect(host.view().board?.postIts ?? []).toEqual([]);

  host.close();
  await phone.context.close();
});
