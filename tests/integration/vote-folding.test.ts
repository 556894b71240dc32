// Votes changed while the first waits for its write are folded into one write (server/live-rooms.ts):
// every id gets the acknowledgement of that write, and an id sent again while it waits (a lost
// acknowledgement, resent) changes nothing, so the phone's newest choice is the one stored.
import { expect, it } from "vitest";
import type { Command } from "@protocol";
import { LiveRooms } from "../../session-server/src/server/live-rooms.ts";
import { openSqliteStore } from "../../session-server/src/storage/sqlite-store.ts";
import type { Actor } from "../../session-server/src/room/state.ts";
import { makeParticipant, randomSessionDeck } from "../support/room-fixture.ts";

it("folds waiting votes into one write, and a resent earlier id does not undo the newest choice", async () => {
  const store = openSqliteStore(":memory:");
  const rooms = new LiveRooms(
    store,
    new Map([["willekeurig", randomSessionDeck()]]),
    Date.now,
  );
  const { code } = await rooms.create({
    deckId: "willekeurig",
    minGroupSize: 3,
  });
  const room = (await rooms.get(code))!;
  await rooms.run(
    room,
    { role: "host" },
    { id: "h0", type: "card.goto", index: 1 },
  );
  const person = makeParticipant(1);
  await rooms.join(room, person.hash);
  const phone: Actor = { role: "participant", participant: person.hash };
  const vote = (id: string, choice: string) =>
    ({ id, type: "vote.cast", cardId: "pesten", choice }) as Command;

  // All three in one turn of the event loop: they wait for the same batch.
  const outcomes = await Promise.all([
    rooms.run(room, phone, vote("vote-0001", "nooit")),
    rooms.run(room, phone, vote("vote-0002", "vaak")),
    rooms.run(room, phone, vote("vote-0001", "nooit")),
  ]);
  expect(outcomes.map((o) => o.ack)).toEqual(
    [0, 1, 2].map(() => ({ ok: true, choice: "vaak", round: 1 })),
  );
  expect(outcomes[0]!.events).toHaveLength(1);
  expect(room.state.votes["pesten"]?.choices.get(person.hash)).toBe("vaak");
  // Both ids are remembered: sent again later, each is a duplicate of that one write.
  expect(
    (await rooms.run(room, phone, vote("vote-0001", "nooit"))).ack,
  ).toEqual({ ok: true, choice: "vaak", round: 1, duplicate: true });
  expect(room.commands.keys()).toEqual([
    `host:h0`,
    `p:${person.hash}:vote-0001`,
    `p:${person.hash}:vote-0002`,
  ]);
  await store.close();
});
