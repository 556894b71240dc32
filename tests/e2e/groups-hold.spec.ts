// User story: groups that hold. On a theme board (nooit / soms / vaak) the host groups post-its from
// two columns; each keeps the column its writer chose, and the beamer shows the group inside both
// columns. Changing a column is a separate, deliberate act. In the team deck the card "Samen
// bespreken" shows the wall of "Verzamelen" with the host's groups.
import { test, expect, type Locator, type Page } from '@playwright/test';
import { nanoid } from 'nanoid';
import type { ParticipantView } from '@protocol';
import { BEAMER, LAPTOP, expectNoSeriousA11yViolations, newScreen, startSession } from '../support/browser.ts';
import { connect, type TestClient } from '../support/clients.ts';

test.use({ actionTimeout: 15_000, navigationTimeout: 20_000 });
// Two screens, three phones and axe twice: slow on a shared machine.
test.setTimeout(240_000);

const zone = (page: Page, name: string) => page.getByRole('group', { name, exact: true });
const postItIn = (area: Locator, text: string) => area.getByRole('listitem').filter({ hasText: text });

async function phones(baseURL: string, code: string, count: number, cardId: string) {
  const list: TestClient<ParticipantView>[] = await Promise.all(
    Array.from({ length: count }, () => connect<ParticipantView>(baseURL, { role: 'participant', room: code, token: nanoid() })),
  );
  for (const phone of list) await phone.waitFor((v) => v.card?.id === cardId && !!v.board?.open);
  return list;
}

async function write(phone: TestClient<ParticipantView>, cardId: string, text: string, columnId: string | null) {
  const ack = await phone.send({ type: 'postIt.add', cardId, text, columnId });
  expect(ack.ok, JSON.stringify(ack)).toBe(true);
}

/** A pointer drag by hand: the target zone grows while dragged over, which dragTo waits out forever. */
async function dragByMouse(page: Page, from: Locator, to: Locator) {
  await page.getByRole('heading', { name: 'Ordenen' }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + Math.min(b.height / 2, 30), { steps: 15 });
  await page.mouse.up();
}

async function openBeamer(browser: import('@playwright/test').Browser, host: Page) {
  const href = await host.getByRole('link', { name: /beamer/i }).first().getAttribute('href');
  const beamer = await newScreen(browser, BEAMER);
  await beamer.page.goto(href!);
  return beamer;
}

const PEST_SOMS = 'Soms grappen over afkomst in de app';
const PEST_VAAK = 'Vaak schelden in de groepsapp';
const STAGE = 'Op stage een rare opmerking';

test('a group on a theme board reaches the beamer, and grouping keeps each post-it in its column', async ({ browser, baseURL }) => {
  const host = await newScreen(browser, LAPTOP);
  const page = host.page;
  const code = await startSession(page, { deck: 'focusgroep', minGroupSize: 3 });
  await page.getByRole('button', { name: 'Volgende kaart' }).click();
  await expect(page.getByRole('heading', { name: 'Discriminatie, racisme en vooroordelen' }).first()).toBeVisible();
  const board = page.getByRole('region', { name: 'Post-its', exact: true });
  await expect(board.getByRole('button', { name: 'Bord sluiten' })).toBeVisible();

  const [a, b, c] = await phones(baseURL!, code, 3, 'discriminatie');
  await write(a!, 'discriminatie', PEST_SOMS, 'soms');
  await write(b!, 'discriminatie', PEST_VAAK, 'vaak');
  await write(c!, 'discriminatie', STAGE, 'soms');
  await board.getByRole('button', { name: 'Alles goedkeuren' }).click();
  await expect(zone(page, 'Soms · Zonder groep').getByRole('listitem')).toHaveCount(2);

  await page.getByLabel('Naam van de groep', { exact: true }).fill('Online pesten');
  await page.getByRole('button', { name: 'Maak groep', exact: true }).click();
  await expect(zone(page, 'Vaak · Groep: Online pesten')).toBeVisible();

  // Dragged into the group under "Soms", the "vaak" post-it joins the group and stays under Vaak.
  await dragByMouse(page, postItIn(zone(page, 'Vaak · Zonder groep'), PEST_VAAK).getByText(PEST_VAAK), zone(page, 'Soms · Groep: Online pesten'));
  await expect(postItIn(zone(page, 'Vaak · Groep: Online pesten'), PEST_VAAK)).toBeVisible();
  await expect(page.getByText('Post-it naar Groep: Online pesten. Hij blijft bij Vaak: dat koos de schrijver.')).toBeAttached();
  // The keyboard menu offers the groups in the post-it's own column only.
  await postItIn(zone(page, 'Soms · Zonder groep'), PEST_SOMS).getByRole('button', { name: 'Verplaats', exact: true }).click();
  const where = page.getByLabel('Waarheen?');
  await expect(where.locator('option')).toHaveText(['Soms · Zonder groep (staat hier nu)', 'Soms · Groep: Online pesten']);
  await where.selectOption({ label: 'Soms · Groep: Online pesten' });
  await page.getByRole('button', { name: 'Verplaats hierheen', exact: true }).click();
  await expect(postItIn(zone(page, 'Soms · Groep: Online pesten'), PEST_SOMS)).toBeVisible();

  // What the writers chose is unchanged: each phone still sees its post-it in its own column.
  await b!.waitFor((v) => v.board?.mine.some((p) => p.text === PEST_VAAK && p.columnId === 'vaak') ?? false);
  await a!.waitFor((v) => v.board?.mine.some((p) => p.text === PEST_SOMS && p.columnId === 'soms') ?? false);

  // Changing a column is its own act, with a warning.
  await postItIn(zone(page, 'Soms · Zonder groep'), STAGE).getByRole('button', { name: 'Andere kolom…' }).click();
  await expect(page.getByText('Dit verandert wat de schrijver koos.', { exact: false })).toBeVisible();
  await page.getByLabel('Naar welke kolom?').selectOption({ label: 'Nooit' });
  await page.getByRole('button', { name: 'Zet in deze kolom', exact: true }).click();
  await expect(postItIn(zone(page, 'Nooit · Zonder groep'), STAGE)).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'host console, groups on a theme board');

  await board.getByRole('button', { name: 'Toon op beamer' }).click();
  const beamer = await openBeamer(browser, page);
  // The group's title stands in both columns it holds post-its in, each with the post-it of that column.
  const groupTitles = beamer.page.getByRole('heading', { name: /^Online pesten\W+1\b/ });
  await expect(groupTitles).toHaveCount(2);
  const column = (label: string) => beamer.page.locator('.wall__column').filter({ has: beamer.page.getByRole('heading', { name: new RegExp(`^${label}\\W`) }) });
  await expect(column('Soms')).toContainText('Online pesten');
  await expect(column('Soms')).toContainText(PEST_SOMS);
  await expect(column('Vaak')).toContainText('Online pesten');
  await expect(column('Vaak')).toContainText(PEST_VAAK);
  await expect(column('Nooit')).toContainText(STAGE);
  await beamer.page.screenshot({ path: 'test-results/screenshots/beamer-theme-groups.png' });
  await expectNoSeriousA11yViolations(beamer.page, 'beamer, groups on a theme board');

  for (const phone of [a, b, c]) phone!.close();
  for (const screen of [host, beamer]) await screen.context.close();
});

test('the team card "Samen bespreken" shows the wall of "Verzamelen" with its groups', async ({ browser, baseURL }) => {
  const host = await newScreen(browser, LAPTOP);
  const page = host.page;
  const code = await startSession(page, { deck: 'focusgroep-team', minGroupSize: 3 });
  await page.getByRole('button', { name: 'Volgende kaart' }).click();
  await expect(page.getByRole('heading', { name: 'Verzamelen' }).first()).toBeVisible();

  const list = await phones(baseURL!, code, 3, 'verzamelen');
  const texts = ['Schelden op de gang', 'Pesten in de klassenapp', 'Niemand kent de vertrouwenspersoon'];
  for (const [i, phone] of list.entries()) await write(phone, 'verzamelen', texts[i]!, null);
  await expect(zone(page, 'Zonder groep').getByRole('listitem')).toHaveCount(3);
  await page.getByLabel('Naam van de groep', { exact: true }).fill('Pesten');
  await page.getByRole('button', { name: 'Maak groep', exact: true }).click();
  for (const text of texts.slice(0, 2)) {
    await postItIn(zone(page, 'Zonder groep'), text).getByText(text).dragTo(zone(page, 'Groep: Pesten'), { steps: 15 });
    await expect(postItIn(zone(page, 'Groep: Pesten'), text)).toBeVisible();
  }
  await page.getByRole('region', { name: 'Post-its', exact: true }).getByRole('button', { name: 'Toon op beamer' }).click();
  const beamer = await openBeamer(browser, page);
  await expect(beamer.page.getByRole('heading', { name: /^Pesten\W+2\b/ })).toBeVisible();

  await page.getByRole('button', { name: 'Volgende kaart' }).click();
  await expect(beamer.page.getByRole('heading', { name: 'Samen bespreken' })).toBeVisible();
  const pesten = beamer.page.getByRole('heading', { name: /^Pesten\W+2\b/ }).locator('xpath=ancestor::*[.//li][1]');
  await expect(pesten).toContainText(texts[0]!);
  await expect(pesten).toContainText(texts[1]!);
  await expect(beamer.page.getByRole('heading', { name: /^Overig\W+1\b/ })).toBeVisible();
  await expect(beamer.page.getByText('Speelt dit hier?')).toBeVisible();
  await beamer.page.screenshot({ path: 'test-results/screenshots/beamer-bespreken-wall.png' });
  await expectNoSeriousA11yViolations(beamer.page, 'beamer, talk card with the earlier wall');

  for (const phone of list) phone.close();
  for (const screen of [host, beamer]) await screen.context.close();
});
