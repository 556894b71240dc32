// User stories about the connection: a phone behind a school proxy that blocks WebSockets still
// takes part over long-polling, and a phone the server turns away as busy gets in by itself a
// little later, without the person doing anything.
import { test, expect } from '@playwright/test';
import { nanoid } from 'nanoid';
import type { ParticipantView } from '@protocol';
import { FLOOD_LIMITS } from '../../session-server/src/server/flood-limits.ts';
import { PHONE, SMALL_PHONE, newScreen } from '../support/browser.ts';
import { connect, connectHost, createRoom } from '../support/clients.ts';
import { clientPool } from '../support/sessions.ts';

const shots = process.env.KRING_SCREENSHOTS ?? 'test-results/screenshots';

test('a phone behind a proxy that blocks WebSockets still joins and votes over long-polling', async ({ browser, baseURL }) => {
  const room = await createRoom(baseURL!, { minGroupSize: 3 });
  const host = await connectHost(baseURL!, room);
  await host.send({ type: 'card.goto', index: 1 });

  const phone = await newScreen(browser, PHONE);
  let blocked = 0;
  // Every WebSocket to the server is closed at once, the way a school proxy that blocks them behaves.
  await phone.page.routeWebSocket(/socket\.io/, (ws) => {
    blocked++;
    void ws.close();
  });
  await phone.page.goto(`/j/${room.code}`);
  await phone.page.getByRole('button', { name: 'Vaak', exact: true }).click();
  await expect(phone.page.getByText('Je koos: Vaak. Ontvangen ✓')).toBeVisible();
  await host.waitFor((v) => v.vote?.responded === 1 && v.joined === 1, 10_000);
  expect(blocked, 'the phone tried a WebSocket and was stopped').toBeGreaterThan(0);
  await expect(phone.page.getByText(/Geen verbinding/)).toHaveCount(0);

  host.close();
  await phone.context.close();
});

test('a phone the server turns away as busy joins by itself a little later', async ({ browser, baseURL }) => {
  test.setTimeout(150_000);
  const pool = clientPool();
  const room = await createRoom(baseURL!, {});
  // A burst of new phones from this one address uses up what the server lets in at once, and a
  // script keeps taking each new place as it comes free, until the phone below was turned away.
  for (let i = 0; i < FLOOD_LIMITS.newcomers.burstAtLeast; i++) {
    pool.keep(await connect<ParticipantView>(baseURL!, { role: 'participant', room: room.code, token: nanoid() }));
  }
  let flooding = true;
  const script = (async () => {
    while (flooding) {
      await connect<ParticipantView>(baseURL!, { role: 'participant', room: room.code, token: nanoid() }).then(pool.keep, () => {});
      await new Promise((done) => setTimeout(done, 100));
    }
  })();

  const phone = await newScreen(browser, SMALL_PHONE);
  await phone.page.goto(`/j/${room.code}`);
  await expect(phone.page.getByText(/Het is even druk\. Je telefoon probeert het zo vanzelf opnieuw\./)).toBeVisible();
  await expect(phone.page.getByRole('alert')).toHaveCount(0);
  await phone.page.screenshot({ path: `${shots}/phone-busy-320.png` });
  flooding = false;
  await script;
  await expect(phone.page.getByRole('heading', { level: 1, name: 'Onze afspraken' })).toBeVisible({ timeout: 110_000 });

  pool.closeAll();
  await phone.context.close();
});
