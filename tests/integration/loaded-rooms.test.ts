// A command reaches a room held in memory without waiting a turn (LiveRooms.loaded). That shortcut
// must never hand out a room that is not, or no longer, the one in memory: not before its load
// finished, not for a code that does not exist, not after it was forgotten, lost or deleted.
import { expect, it } from 'vitest';
import { LiveRooms } from '../../session-server/src/server/live-rooms.ts';
import { openSqliteStore } from '../../session-server/src/storage/sqlite-store.ts';
import { randomSessionDeck } from '../support/room-fixture.ts';

it('gives a room only while it is the loaded one in memory', async () => {
  const store = openSqliteStore(':memory:');
  const decks = new Map([['willekeurig', randomSessionDeck()]]);
  const rooms = new LiveRooms(store, decks, Date.now);
  const { code } = await rooms.create({ deckId: 'willekeurig', minGroupSize: 3 });
  const created = await rooms.get(code);
  expect(rooms.loaded(code)).toBe(created);

  expect(rooms.loaded('ZZZZZZ')).toBeUndefined();
  expect(await rooms.get('ZZZZZZ')).toBeNull();
  expect(rooms.loaded('ZZZZZZ')).toBeUndefined();

  // Forgotten (as after retention): loaded again from storage, and only once that load finished.
  rooms.forget(code);
  expect(rooms.loaded(code)).toBeUndefined();
  const loading = rooms.get(code);
  expect(rooms.loaded(code)).toBeUndefined();
  const reloaded = await loading;
  expect(reloaded).not.toBe(created);
  expect(rooms.loaded(code)).toBe(reloaded);

  // Lost (another process took it over): no longer handed out.
  rooms.lose(code);
  expect(rooms.loaded(code)).toBeUndefined();

  const again = (await rooms.get(code))!;
  await rooms.delete(again);
  expect(rooms.loaded(code)).toBeUndefined();
  await store.close();
});
