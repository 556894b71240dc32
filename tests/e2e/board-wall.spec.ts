// User story: a team fills the post-it wall and the teacher projects it. With 5 post-its the text is
// large; with 200 (long ones, one-word ones, Arabic, Hebrew, emoji) the wall pages by itself and no
// post-it leaves the screen or covers another. Hostile text stays text on beamer and phone, and a
// student on a small phone writes into a column of the class deck's writing card.
import { test, expect, type Page } from '@playwright/test';
import type { CreateRoomResponse } from '@protocol';
import { BEAMER, SMALL_PHONE, expectNoSeriousA11yViolations, newScreen } from '../support/browser.ts';
import { connectHost, connectPhone, createRoom } from '../support/clients.ts';

// KRING_SCREENSHOTS lets a second run beside another one keep its pictures apart.
const shots = process.env.KRING_SCREENSHOTS ?? 'test-results/screenshots';
const PER_PHONE = 5;

const LONG =
  'Op stage merk ik dat collega’s soms grappen maken over afkomst, en dat niemand er iets van zegt. Ik weet niet goed bij wie ik dat kan melden zonder dat het gedoe geeft. Een vast aanspreekpunt op school en een korte uitleg in de eerste week zou echt helpen, ook voor studenten die het minder makkelijk zeggen.';
const SAMPLES = [
  'Pesten in de kantine',
  'Meer toezicht op de gang tussen de lessen',
  LONG.slice(0, 280),
  'Schoolveiligheidsbeleidsevaluatiecommissievergaderingsverslagbesprekingsrondetafel',
  'أشعر بالأمان في المدرسة عندما يستمع المعلمون إلينا',
  'אני מרגיש בטוח בבית הספר כשיש מישהו לדבר איתו',
  'Meer 👍 dan 👎 op stage 😊🎉 maar de groepsapp 📱 is soms heftig',
  'Duidelijke afspraken over telefoons in de les',
  'Dat docenten ingrijpen als iemand wordt uitgescholden, ook als het ‘maar een grapje’ is.',
  'Een\nlijstje\nmet\nkorte\nregels',
];

function textFor(n: number): string {
  const sample = SAMPLES[n % SAMPLES.length]!;
  // Every text differs a little, so no two post-its are the same and all 280 long ones stay 280.
  return sample === SAMPLES[2] ? `${n} ${sample}`.slice(0, 280).trim() : `${sample} (${n})`;
}

async function roomAt(baseURL: string, body: Record<string, unknown>, cardId: string) {
  const room = await createRoom(baseURL, body);
  const host = await connectHost(baseURL, room);
  const index = host.view().cards.findIndex((c) => c.id === cardId);
  expect(index, `card ${cardId}`).toBeGreaterThanOrEqual(0);
  expect(await host.send({ type: 'card.goto', index })).toMatchObject({ ok: true });
  await host.waitFor((v) => v.card?.id === cardId && !!v.board?.open);
  return { room, host };
}

/** Phones that each write up to five post-its (the per-card limit), all at once. */
async function fillWall(
  baseURL: string,
  room: CreateRoomResponse,
  cardId: string,
  texts: string[],
  { columnOf, perPhone = PER_PHONE }: { columnOf?: (n: number) => string; perPhone?: number } = {},
) {
  const phoneCount = Math.ceil(texts.length / perPhone);
  const phones = await Promise.all(Array.from({ length: phoneCount }, () => connectPhone(baseURL, room)));
  await Promise.all(
    phones.map(async (phone, p) => {
      for (let k = 0; k < perPhone; k++) {
        const n = p * perPhone + k;
        if (n >= texts.length) break;
        const ack = await phone.send({ type: 'postIt.add', cardId, text: texts[n], columnId: columnOf?.(n) ?? null });
        expect(ack, `post-it ${n}`).toMatchObject({ ok: true });
      }
    }),
  );
  return phones;
}

async function openBeamer(browser: Parameters<typeof newScreen>[0], room: CreateRoomResponse) {
  const beamer = await newScreen(browser, BEAMER);
  await beamer.page.goto(`/beamer/#code=${room.code}&key=${room.beamerKey}`);
  return beamer;
}

/** Waits until the wall shows `count` post-its and no post-it is still fading in. */
async function wallSettled(page: Page, count: number) {
  await expect(page.locator('.wall__total')).toHaveText(`${count} post-its`, { timeout: 20_000 });
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Every post-it on the current page: inside the viewport and clear of every other one. */
async function expectPageFits(page: Page, label: string) {
  const viewport = page.viewportSize()!;
  const boxes = (await page.locator('.wall__page .wallpost').evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  )) as Box[];
  expect(boxes.length, `${label}: post-its shown`).toBeGreaterThan(0);
  // The same through Playwright's own boxes, for the first few (they agree with the bulk read).
  for (const item of (await page.locator('.wall__page .wallpost').all()).slice(0, 3)) {
    const box = await item.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height);
  }
  for (const [i, b] of boxes.entries()) {
    expect(b.x, `${label}: post-it ${i} left`).toBeGreaterThanOrEqual(0);
    expect(b.y, `${label}: post-it ${i} top`).toBeGreaterThanOrEqual(0);
    expect(b.x + b.width, `${label}: post-it ${i} right`).toBeLessThanOrEqual(viewport.width);
    expect(b.y + b.height, `${label}: post-it ${i} bottom`).toBeLessThanOrEqual(viewport.height);
    for (const [j, o] of boxes.entries()) {
      if (j <= i) continue;
      const overlap = b.x < o.x + o.width - 0.5 && o.x < b.x + b.width - 0.5 && b.y < o.y + o.height - 0.5 && o.y < b.y + b.height - 0.5;
      expect(overlap, `${label}: post-its ${i} and ${j} overlap`).toBe(false);
    }
  }
  const scroll = await page.evaluate(() => ({ w: document.scrollingElement!.scrollWidth, h: document.scrollingElement!.scrollHeight }));
  expect(scroll, `${label}: no scrollbars`).toEqual({ w: viewport.width, h: viewport.height });
  return boxes.length;
}

/** Holds the paging and visits every page from the first, running `visit` on each; returns the count. */
async function eachPage(page: Page, visit: (n: number, of: number) => Promise<void>) {
  const pages = Number(await page.locator('.wall').getAttribute('data-pages'));
  if (pages > 1) {
    const pause = page.getByRole('button', { name: 'Pauzeer het bladeren' });
    if ((await pause.getAttribute('aria-pressed')) !== 'true') await pause.click();
    await expect(page.getByText(/gepauzeerd/)).toBeVisible();
    while ((await page.locator('.wall').getAttribute('data-page')) !== '1') await page.keyboard.press('ArrowRight');
  }
  for (let n = 1; n <= pages; n++) {
    if (pages > 1) await expect(page.getByText(`Pagina ${n} van ${pages}`)).toBeVisible();
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
    await visit(n, pages);
    if (pages > 1) await page.keyboard.press('ArrowRight');
  }
  return pages;
}

/** The group titles as people see them ("Pesten · 12"), without the words only a screen reader reads. */
const visibleTitles = (page: Page) =>
  page.locator('.walltitle').evaluateAll((els) =>
    els.map((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.sr-only').forEach((n) => n.remove());
      return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
    }),
  );

const postItFontSize = (page: Page) =>
  page.locator('.wall__page .wallpost').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

test.describe.serial('the post-it wall on the beamer', () => {
  let fontAt200 = 0;

  test('200 post-its page by themselves at 1920x1080, none off screen or on top of another', async ({ browser, baseURL }) => {
    test.setTimeout(150_000);
    const { room, host } = await roomAt(baseURL!, { deckId: 'focusgroep-team', minGroupSize: 3 }, 'verzamelen');
    const texts = Array.from({ length: 200 }, (_, n) => textFor(n));
    const phones = await fillWall(baseURL!, room, 'verzamelen', texts);
    expect(await host.send({ type: 'board.reveal', cardId: 'verzamelen' })).toMatchObject({ ok: true });

    const beamer = await openBeamer(browser, room);
    await wallSettled(beamer.page, 200);
    await beamer.page.screenshot({ path: `${shots}/beamer-wall-200.png` });
    const wall = beamer.page.locator('.wall');
    const pages = Number(await wall.getAttribute('data-pages'));
    expect(pages).toBeGreaterThan(1);
    await expect(beamer.page.getByText(`Pagina 1 van ${pages}`)).toBeVisible();
    fontAt200 = await postItFontSize(beamer.page);
    expect(fontAt200).toBeGreaterThanOrEqual(20);
    await expectNoSeriousA11yViolations(beamer.page, 'beamer wall with 200 post-its');

    // The wall turns its pages by itself; asked for less motion, it still does, without animating.
    await beamer.page.emulateMedia({ reducedMotion: 'reduce' });
    await expect(beamer.page.getByText(`Pagina 2 van ${pages}`)).toBeVisible({ timeout: 15_000 });
    expect(await beamer.page.evaluate(() => document.getAnimations().length)).toBe(0);
    await beamer.page.emulateMedia({ reducedMotion: 'no-preference' });

    // Hold the paging and walk every page: each fits, and together they show every post-it once.
    const seen: string[] = [];
    await eachPage(beamer.page, async (n) => {
      await expectPageFits(beamer.page, `page ${n}`);
      seen.push(...(await beamer.page.locator('.wall__page .wallpost__text').allTextContents()));
      if (n === 2) await beamer.page.screenshot({ path: `${shots}/beamer-wall-200-page-2.png` });
    });
    expect(seen.sort()).toEqual([...texts].sort());
    await expect(beamer.page.getByText(`Pagina 1 van ${pages}`)).toBeVisible();

    // New post-its join at the end of the wall: the page being read keeps exactly what it showed,
    // and the newcomers land in free room on the last two pages, moving nothing that was there.
    const firstPage = await beamer.page.locator('.wall__page .wallpost__text').allTextContents();
    const late = await fillWall(
      baseURL!,
      room,
      'verzamelen',
      Array.from({ length: 10 }, (_, n) => `Later geschreven ${n}`),
    );
    await wallSettled(beamer.page, 210);
    expect(await beamer.page.locator('.wall__page .wallpost__text').allTextContents()).toEqual(firstPage);
    const pageOfLate: number[] = [];
    await eachPage(beamer.page, async (n) => {
      const onPage = await beamer.page.locator('.wall__page .wallpost__text').allTextContents();
      for (const text of onPage) if (text.startsWith('Later geschreven')) pageOfLate.push(n);
    });
    expect(pageOfLate).toHaveLength(10);
    expect(Math.min(...pageOfLate)).toBeGreaterThanOrEqual(pages - 1);

    // A smaller projector (1280x720): the wall plans again and still fits, page by page.
    await beamer.page.setViewportSize({ width: 1280, height: 720 });
    await expect(beamer.page.locator('.wall__page .wallpost').first()).toBeVisible();
    await beamer.page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
    let seenSmall = 0;
    await eachPage(beamer.page, async (n) => {
      seenSmall += await expectPageFits(beamer.page, `1280x720, page ${n}`);
    });
    expect(seenSmall).toBe(210);

    for (const c of [host, ...phones, ...late]) c.close();
    await beamer.context.close();
  });

  test('5 post-its fill the screen with large text', async ({ browser, baseURL }) => {
    const { room, host } = await roomAt(baseURL!, { deckId: 'focusgroep-team', minGroupSize: 3 }, 'verzamelen');
    const texts = [SAMPLES[0]!, SAMPLES[1]!, LONG.slice(0, 280), SAMPLES[4]!, SAMPLES[6]!];
    const phones = await Promise.all(texts.map(() => connectPhone(baseURL!, room)));
    await Promise.all(phones.map((phone, n) => phone.send({ type: 'postIt.add', cardId: 'verzamelen', text: texts[n] })));
    expect(await host.send({ type: 'board.reveal', cardId: 'verzamelen' })).toMatchObject({ ok: true });

    const beamer = await openBeamer(browser, room);
    await wallSettled(beamer.page, 5);
    await beamer.page.screenshot({ path: `${shots}/beamer-wall-5.png` });
    expect(await expectPageFits(beamer.page, '5 post-its')).toBe(5);
    await expect(beamer.page.locator('.wall')).toHaveAttribute('data-pages', '1');
    await expect(beamer.page.getByText(/Pagina \d+ van/)).toHaveCount(0);
    const fontAt5 = await postItFontSize(beamer.page);
    test.info().annotations.push({ type: 'font sizes', description: `5 post-its: ${fontAt5}px; 200 post-its: ${fontAt200}px` });
    console.log(`post-it font size: ${fontAt5}px with 5, ${fontAt200}px with 200`);
    expect(fontAt200).toBeGreaterThan(0);
    expect(fontAt5).toBeGreaterThan(fontAt200);
    await expectNoSeriousA11yViolations(beamer.page, 'beamer wall with 5 post-its');

    for (const c of [host, ...phones]) c.close();
    await beamer.context.close();
  });
});

test('a clustered wall names each group with its count, Overig last; highlights and merges show', async ({ browser, baseURL }) => {
  const { room, host } = await roomAt(baseURL!, { deckId: 'focusgroep-team', minGroupSize: 3 }, 'verzamelen');
  const texts = Array.from({ length: 24 }, (_, n) => textFor(n));
  const phones = await fillWall(baseURL!, room, 'verzamelen', texts);
  const view = await host.waitFor((v) => v.board?.postIts.length === 24);
  const ids = view.board!.postIts.map((p) => p.id);
  const pesten = await host.send({ type: 'cluster.create', cardId: 'verzamelen', name: 'Pesten' });
  const stage = await host.send({ type: 'cluster.create', cardId: 'verzamelen', name: 'Stage en veiligheid' });
  for (const [i, id] of ids.slice(0, 8).entries()) {
    const clusterId = (i % 2 ? stage : pesten) as { clusterId: string };
    expect(await host.send({ type: 'postIt.move', cardId: 'verzamelen', postItId: id, clusterId: clusterId.clusterId })).toMatchObject({ ok: true });
  }
  await host.send({ type: 'postIt.merge', cardId: 'verzamelen', postItId: ids[10]!, intoId: ids[0]! });
  await host.send({ type: 'postIt.merge', cardId: 'verzamelen', postItId: ids[11]!, intoId: ids[0]! });
  await host.send({ type: 'postIt.highlight', cardId: 'verzamelen', postItId: ids[2]!, highlighted: true });
  await host.send({ type: 'board.reveal', cardId: 'verzamelen' });

  const beamer = await openBeamer(browser, room);
  await wallSettled(beamer.page, 22);
  await beamer.page.screenshot({ path: `${shots}/beamer-wall-clusters.png` });
  const titles: string[] = [];
  let merged = 0;
  let starred = 0;
  await eachPage(beamer.page, async (n) => {
    await expectPageFits(beamer.page, `clustered wall, page ${n}`);
    titles.push(...(await visibleTitles(beamer.page)));
    merged += await beamer.page.locator('.wall__page .wallpost', { hasText: '3×' }).count();
    starred += await beamer.page.locator('.wall__page .wallpost--highlighted .wallpost__star').count();
  });
  // Each group once in the host's order, Overig last; a group that runs on to a new page is named again.
  expect(titles.filter((t) => !t.endsWith('(vervolg)'))).toEqual(['Pesten · 4', 'Stage en veiligheid · 4', 'Overig · 14']);
  expect({ merged, starred }).toEqual({ merged: 1, starred: 1 });

  for (const c of [host, ...phones]) c.close();
  await beamer.context.close();
});

test('a theme card shows its nooit/soms/vaak columns side by side beside the vote', async ({ browser, baseURL }) => {
  const { room, host } = await roomAt(baseURL!, { deckId: 'focusgroep', minGroupSize: 3 }, 'discriminatie');
  const columns = ['nooit', 'soms', 'vaak'];
  const texts = Array.from({ length: 30 }, (_, n) => textFor(n));
  const phones = await fillWall(baseURL!, room, 'discriminatie', texts, { columnOf: (n) => columns[n % 3]! });
  // The class deck moderates: the beamer counts what waits, then the host approves it.
  const waiting = await host.waitFor((v) => v.board?.postIts.length === 30);
  const ids = waiting.board!.postIts.map((p) => p.id);
  await host.send({ type: 'vote.open', cardId: 'discriminatie' });
  await Promise.all(phones.map((phone, n) => phone.send({ type: 'vote.cast', cardId: 'discriminatie', choice: columns[n % 3] })));
  await host.send({ type: 'result.reveal', cardId: 'discriminatie' });
  await host.send({ type: 'board.reveal', cardId: 'discriminatie' });

  const beamer = await openBeamer(browser, room);
  await expect(beamer.page.getByText('30 post-its wachten')).toBeVisible();
  await host.send({ type: 'postIt.approve', cardId: 'discriminatie', postItIds: ids.slice(0, 29) });
  await wallSettled(beamer.page, 29);
  await expect(beamer.page.getByText('1 post-it wacht', { exact: true })).toBeVisible();
  expect(await visibleTitles(beamer.page)).toEqual([expect.stringMatching(/^Nooit · \d+$/), expect.stringMatching(/^Soms · \d+$/), expect.stringMatching(/^Vaak · \d+$/)]);
  const heads = await beamer.page.locator('.walltitle').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().y));
  expect(new Set(heads.map(Math.round)).size, 'columns stand side by side').toBe(1);
  await expectPageFits(beamer.page, 'columns');
  await beamer.page.screenshot({ path: `${shots}/beamer-wall-columns.png` });
  await expectNoSeriousA11yViolations(beamer.page, 'beamer columns wall');

  for (const c of [host, ...phones]) c.close();
  await beamer.context.close();
});

test('hostile post-it text stays text on the beamer and on the phone', async ({ browser, baseURL }) => {
  const { room, host } = await roomAt(baseURL!, { deckId: 'focusgroep-team', minGroupSize: 3 }, 'verzamelen');
  const hostile = ['<script>window.__pwned=1</script>', '<img src=x onerror="window.__pwned=1">'];

  const phone = await newScreen(browser, SMALL_PHONE);
  await phone.page.goto(`/j/${room.code}`);
  for (const text of hostile) {
    await phone.page.getByLabel('Jouw post-it').fill(text);
    await phone.page.getByRole('button', { name: 'Plak' }).click();
    await expect(phone.page.locator('.own-postits').getByText(text, { exact: true })).toBeVisible();
  }
  const others = await fillWall(baseURL!, room, 'verzamelen', ['Veilig voelen in de pauze', 'Meer licht bij de fietsenstalling'], { perPhone: 1 });
  // This open board lets post-its through at once, except ones the server flags (code can look like
  // an @handle): those wait for the host, who lets them through one by one.
  const written = await host.waitFor((v) => v.board?.postIts.length === 4);
  for (const waiting of written.board!.postIts.filter((p) => p.status === 'pending')) {
    expect(await host.send({ type: 'postIt.approve', cardId: 'verzamelen', postItIds: [waiting.id] })).toMatchObject({ ok: true });
  }
  await host.send({ type: 'board.reveal', cardId: 'verzamelen' });

  const beamer = await openBeamer(browser, room);
  await wallSettled(beamer.page, 4);
  for (const text of hostile) await expect(beamer.page.locator('.wallpost').getByText(text, { exact: true })).toBeVisible();
  for (const page of [beamer.page, phone.page]) {
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  }
  await expect(beamer.page.locator('.wall img, .wall script')).toHaveCount(0);
  await expect(phone.page.locator('.own-postits img, .own-postits script')).toHaveCount(0);

  for (const c of [host, ...others]) c.close();
  await beamer.context.close();
  await phone.context.close();
});

test('before the reveal and with too few writers the beamer shows no post-its, and says why', async ({ browser, baseURL }) => {
  const { room, host } = await roomAt(baseURL!, { deckId: 'focusgroep', minGroupSize: 3 }, 'schrijven');
  const beamer = await openBeamer(browser, room);
  const secret = 'Bij de mentor van klas 2B';
  const [first] = await fillWall(baseURL!, room, 'schrijven', [secret], { columnOf: () => 'bij-wie-terecht' });

  // Open, not revealed: how to take part, and that one post-it waits for the host; not the post-it.
  await expect(beamer.page.getByText('Het bord staat open')).toBeVisible();
  await expect(beamer.page.getByText(/Schrijf je post-it op je telefoon/)).toBeVisible();
  await expect(beamer.page.getByText('1 post-it wacht', { exact: true })).toBeVisible();
  await expect(beamer.page.getByText(secret)).toHaveCount(0);
  await beamer.page.screenshot({ path: `${shots}/beamer-board-open.png` });

  // Revealed with one writer: the wall stays hidden, and the beamer says so plainly.
  const pending = await host.waitFor((v) => v.board?.postIts.length === 1);
  await host.send({ type: 'postIt.approve', cardId: 'schrijven', postItIds: [pending.board!.postIts[0]!.id] });
  await host.send({ type: 'board.reveal', cardId: 'schrijven' });
  await expect(beamer.page.getByText('De muur blijft verborgen tot genoeg mensen iets hebben geschreven.')).toBeVisible();
  await expect(beamer.page.getByText(secret)).toHaveCount(0);
  await beamer.page.screenshot({ path: `${shots}/beamer-board-too-few.png` });
  await expectNoSeriousA11yViolations(beamer.page, 'beamer board with too few writers');

  // Two more writers and the host's approval: the wall appears, in its two columns.
  const more = await fillWall(baseURL!, room, 'schrijven', ['Meer pauzetoezicht', 'De vertrouwenspersoon'], {
    columnOf: (n) => (n ? 'bij-wie-terecht' : 'wat-kan-de-school'),
    perPhone: 1,
  });
  const all = await host.waitFor((v) => v.board?.postIts.length === 3);
  await host.send({ type: 'postIt.approve', cardId: 'schrijven', postItIds: all.board!.postIts.map((p) => p.id) });
  await wallSettled(beamer.page, 3);
  await expect(beamer.page.locator('.wallpost').getByText(secret)).toBeVisible();
  expect(await visibleTitles(beamer.page)).toEqual([
    'Wat kan de school doen zodat jij je hier veiliger voelt? · 1',
    'Bij wie kun je terecht als er iets is? · 2',
  ]);
  await expectPageFits(beamer.page, 'writing card');
  await beamer.page.screenshot({ path: `${shots}/beamer-wall-writing.png` });

  for (const c of [host, first!, ...more]) c.close();
  await beamer.context.close();
});

test('a student on a 320px phone writes a post-it into a column of the writing card', async ({ browser, baseURL }) => {
  const { room, host } = await roomAt(baseURL!, { deckId: 'focusgroep' }, 'schrijven');
  const phone = await newScreen(browser, SMALL_PHONE);
  await phone.page.goto(`/j/${room.code}`);
  await expect(phone.page.getByRole('heading', { level: 1, name: 'Schrijf het op' })).toBeVisible();
  await expect(phone.page.getByText('0 van 5 post-its')).toBeVisible();

  await phone.page.getByRole('radio', { name: 'Bij wie kun je terecht als er iets is?' }).check();
  const text = 'Bij de mentor, en bij de vertrouwenspersoon als het over de mentor gaat 🙂';
  await phone.page.getByLabel('Jouw post-it').fill(text);
  await expect(phone.page.getByText(`${[...new Intl.Segmenter().segment(text)].length}/280`)).toBeVisible();
  await phone.page.getByRole('button', { name: 'Plak' }).click();

  await expect(phone.page.getByRole('heading', { name: 'Jouw post-its' })).toBeVisible();
  const mine = phone.page.locator('.own-postits > li');
  await expect(mine).toHaveCount(1);
  await expect(mine.getByText(text, { exact: true })).toBeVisible();
  await expect(mine.getByText('Bij wie kun je terecht als er iets is?')).toBeVisible();
  await expect(mine.getByText('Ontvangen ✓')).toBeVisible();
  await expect(phone.page.getByText('1 van 5 post-its')).toBeVisible();
  await expect(phone.page.getByLabel('Jouw post-it')).toHaveValue('');

  await phone.page.screenshot({ path: `${shots}/phone-board-320.png`, fullPage: true });
  await expectNoSeriousA11yViolations(phone.page, 'phone board at 320 px');
  const scrollWidth = await phone.page.evaluate(() => document.scrollingElement!.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(SMALL_PHONE.width);

  host.close();
  await phone.context.close();
});
