// User story: a teacher prints the report after a focus group with "Klas 3B". The vote that reached
// the minimum shows as bars with counts, the board with post-its shows its groups, the themes nobody
// got to are not in it at all, and the files are named after the group.
import { test, expect } from '@playwright/test';
import { copyFileSync } from 'node:fs';
import { nanoid } from 'nanoid';
import type { ParticipantView } from '@protocol';
import { LAPTOP, expectNoSeriousA11yViolations, newScreen, startSession } from '../support/browser.ts';
import { connect, type TestClient } from '../support/clients.ts';
import { pdfPageCount, pdfPageText, pdfPageToPng } from '../support/pdf.ts';

test.use({ actionTimeout: 15_000, navigationTimeout: 20_000 });
test.setTimeout(240_000);

test('the report shows the vote as bars with counts, the board with its groups, and nothing for empty boards', async ({ browser, baseURL }) => {
  const host = await newScreen(browser, LAPTOP);
  const page = host.page;
  const code = await startSession(page, { deck: 'focusgroep', minGroupSize: 3, groupName: 'Klas 3B' });
  await expect(page.getByText('Groep: Klas 3B')).toBeVisible();
  await page.getByRole('button', { name: 'Volgende kaart' }).click();
  await expect(page.getByRole('heading', { name: 'Discriminatie, racisme en vooroordelen' }).first()).toBeVisible();

  const phones: TestClient<ParticipantView>[] = await Promise.all(
    Array.from({ length: 3 }, () => connect<ParticipantView>(baseURL!, { role: 'participant', room: code, token: nanoid() })),
  );
  const choices = ['soms', 'soms', 'vaak'];
  for (const [i, phone] of phones.entries()) {
    await phone.waitFor((v) => v.card?.id === 'discriminatie' && !!v.vote?.open && !!v.board?.open);
    expect(await phone.send({ type: 'vote.cast', cardId: 'discriminatie', choice: choices[i]! })).toMatchObject({ ok: true });
    expect(await phone.send({ type: 'postIt.add', cardId: 'discriminatie', text: `Grappen in de app ${i + 1}`, columnId: choices[i]! })).toMatchObject({ ok: true });
  }
  const board = page.getByRole('region', { name: 'Post-its', exact: true });
  await board.getByRole('button', { name: 'Alles goedkeuren' }).click();
  await page.getByLabel('Naam van de groep', { exact: true }).fill('Online');
  await page.getByRole('button', { name: 'Maak groep', exact: true }).click();
  await page.getByRole('button', { name: 'Verplaats', exact: true }).first().click();
  await page.getByLabel('Waarheen?').selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Verplaats hierheen', exact: true }).click();
  await expect(page.getByRole('group', { name: /Groep: Online$/ }).getByRole('listitem')).toHaveCount(1);
  await page.getByRole('button', { name: 'Toon resultaat' }).click();
  await board.getByRole('button', { name: 'Toon op beamer' }).click();
  // The next theme opens its board and vote, but nobody answers there.
  await page.getByRole('button', { name: 'Volgende kaart' }).click();
  await expect(page.getByRole('heading', { name: 'Online veiligheid' }).first()).toBeVisible();

  await page.getByRole('button', { name: 'Sessie afsluiten' }).click();
  await page.getByRole('button', { name: 'Ja, sluit af' }).click();
  // The download is named after the group.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download uitslagen (CSV)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^kring-klas-3b-focusgroep-\d{4}-\d{2}-\d{2}\.csv$/);

  await page.goto(`/print/#${code}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Focusgroep sociale veiligheid – Klas 3B');
  const bars = page.getByRole('list', { name: 'Uitslag van 3 antwoorden' });
  await expect(bars.getByRole('listitem')).toHaveText([/Nooit\s*0 \(0%\)/, /Soms\s*2 \(67%\)/, /Vaak\s*1 \(33%\)/]);
  await expect(page.getByRole('heading', { name: 'Groep: Online' })).toBeVisible();
  // Online veiligheid: opened, nobody wrote. One line for its vote, nothing for its board.
  await expect(page.getByText('Te weinig stemmen om te tonen (minder dan 3): Online veiligheid.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Online veiligheid' })).toHaveCount(0);
  await expect(page.getByText(/Te weinig (antwoorden|schrijvers)/)).toHaveCount(0);
  await expect(page.getByText('Veilig zijn als LHBTIQ+')).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, 'print report');

  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  // The votes, then one page for the one board with post-its.
  expect(await pdfPageCount(pdf)).toBe(2);
  const first = (await pdfPageText(pdf, 0)).replace(/\s+/g, ' ');
  expect(first).toContain('Klas 3B');
  expect(first).toMatch(/Soms 2 \(67%\)/);
  const second = (await pdfPageText(pdf, 1)).replace(/\s+/g, ' ');
  expect(second).toContain('Groep: Online');
  expect(second).not.toContain('Online veiligheid');
  const png = await pdfPageToPng(pdf, 0, 'test-results/print-report-p1.png', 80);
  if (process.env.KRING_UPDATE_DOCS) copyFileSync(png, 'docs/screenshots/verslag-focusgroep.png');

  for (const phone of phones) phone.close();
  await host.context.close();
});
