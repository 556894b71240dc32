// User story: a teacher with a presenter clicker changes cards with PageDown / PageUp; typing in a
// field never changes a card; R shows the result; after picking a card, "Toon resultaat" and
// approving a post-it the keyboard focus stays where the teacher was working.
import { test, expect } from '@playwright/test';
import { nanoid } from 'nanoid';
import type { ParticipantView } from '@protocol';
import { SMALL_LAPTOP, newScreen, startSession } from '../support/browser.ts';
import { clientPool } from '../support/sessions.ts';
import { connect } from '../support/clients.ts';

test('a clicker changes cards, fields keep their keys, and focus stays in the panel after reveal and approve', async ({ browser, baseURL }) => {
  const pool = clientPool();
  const host = await newScreen(browser, SMALL_LAPTOP);
  const code = await startSession(host.page, { minGroupSize: 3 });
  await expect(host.page.getByText(/^Kaart 1 van/)).toBeVisible();
  await host.page.locator('body').click({ position: { x: 5, y: 5 } });
  await host.page.keyboard.press('PageDown');
  await expect(host.page.getByText(/^Kaart 2 van/)).toBeVisible();
  await host.page.keyboard.press('PageUp');
  await expect(host.page.getByText(/^Kaart 1 van/)).toBeVisible();
  await host.page.keyboard.press('ArrowRight');
  await expect(host.page.getByText(/^Kaart 2 van/)).toBeVisible();

  // A card picked from the list keeps the focus (the list is not rebuilt by the new view), and
  // PageUp still works from a focused button.
  const third = host.page.getByRole('navigation', { name: 'Kaarten' }).getByRole('button').nth(2);
  await third.click();
  await expect(host.page.getByText(/^Kaart 3 van/)).toBeVisible();
  await expect(third).toBeFocused();
  await host.page.keyboard.press('PageUp');
  await expect(host.page.getByText(/^Kaart 2 van/)).toBeVisible();
  await expect(third).toBeFocused();

  // Keys typed into a field stay there.
  const field = host.page.getByRole('spinbutton').first();
  await field.focus();
  await host.page.keyboard.press('ArrowRight');
  await host.page.keyboard.press(' ');
  await expect(host.page.getByText(/^Kaart 2 van/)).toBeVisible();

  // Three students answer; "Toon resultaat" leaves focus on "Verberg resultaat".
  const phones = await Promise.all(
    [0, 1, 2].map(async () => pool.keep(await connect<ParticipantView>(baseURL!, { role: 'participant', room: code, token: nanoid() }))),
  );
  const cardId = (await phones[0]!.waitFor((v) => !!v.vote?.open)).card!.id;
  for (const phone of phones) expect(await phone.send({ type: 'vote.cast', cardId, choice: 'soms' })).toMatchObject({ ok: true });
  await expect(host.page.getByText(/3 van de 3 hebben gereageerd/)).toBeVisible();
  await host.page.getByRole('button', { name: 'Toon resultaat' }).click();
  await expect(host.page.getByRole('button', { name: 'Verberg resultaat' })).toBeFocused();
  // Hidden again, then R (what a clicker's "show" key can send) puts it back.
  await host.page.getByRole('button', { name: 'Verberg resultaat' }).click();
  await expect(host.page.getByRole('button', { name: 'Toon resultaat' })).toBeFocused();
  await host.page.locator('body').click({ position: { x: 5, y: 5 } });
  await host.page.keyboard.press('r');
  await expect(host.page.getByRole('button', { name: 'Verberg resultaat' })).toBeVisible();

  // Post-its wait on a class deck; approving one puts focus on the next one's first button.
  for (const [i, phone] of phones.entries()) {
    expect(await phone.send({ type: 'postIt.add', cardId, text: `Idee ${i + 1}`, columnId: 'soms' })).toMatchObject({ ok: true });
  }
  await expect(host.page.getByText('3 post-its wachten.')).toBeVisible();
  await host.page.getByRole('button', { name: 'Goedkeuren post-it 1' }).click();
  await expect(host.page.getByText('2 post-its wachten.')).toBeVisible();
  await expect(host.page.getByRole('button', { name: 'Goedkeuren post-it 1' })).toBeFocused();
  pool.closeAll();
});
