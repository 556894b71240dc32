// What a room remembers of applied commands (server/recent-commands.ts): each actor's last
// RECENT_KEYS_PER_ACTOR ids with their acknowledgements, the oldest forgotten first, a released id
// forgotten at once, and the stored keys (p:<hash>:<id>, host:<id>) in and out unchanged.
import { describe, expect, it } from 'vitest';
import { ACCEPTED, RECENT_KEYS_PER_ACTOR, RecentCommands, commandKey, type AcceptedAck } from '../../session-server/src/server/recent-commands.ts';

const ack = (n: number) => ({ ok: true, round: n }) as AcceptedAck;
const id = (n: number) => `command-${String(n).padStart(4, '0')}`;

describe('recent commands', () => {
  it('remembers the last ids of each actor with their acknowledgement, and forgets the oldest first', () => {
    const commands = new RecentCommands<never>();
    const phone = commands.of('hashOfPhone1234567890a');
    const total = RECENT_KEYS_PER_ACTOR * 2 + 5;
    for (let n = 0; n < total; n++) phone.remember(id(n), ack(n));
    expect(phone.ackOf(id(total - 1))).toEqual(ack(total - 1));
    expect(phone.ackOf(id(total - RECENT_KEYS_PER_ACTOR))).toEqual(ack(total - RECENT_KEYS_PER_ACTOR));
    expect(phone.ackOf(id(total - RECENT_KEYS_PER_ACTOR - 1))).toBeUndefined();
    expect(phone.recent()).toEqual(Array.from({ length: RECENT_KEYS_PER_ACTOR }, (_, i) => id(total - RECENT_KEYS_PER_ACTOR + i)));
    // Another actor's ids are its own.
    expect(commands.of('host').ackOf(id(total - 1))).toBeUndefined();
  });

  it('forgets a released id at once, and never carries it into the stored keys', () => {
    const commands = new RecentCommands<never>();
    const host = commands.of('host');
    host.remember(id(1), ack(1));
    host.remember(id(2), ack(2));
    host.release(id(1));
    expect(host.ackOf(id(1))).toBeUndefined();
    expect(host.ackOf('')).toBeUndefined();
    expect(commands.keys()).toEqual([`host:${id(2)}`]);
  });

  it('reads and writes the stored keys of phones and host unchanged, each actor oldest first', () => {
    const stored = [`p:phoneA:${id(1)}`, `host:${id(2)}`, `p:phoneA:${id(3)}`, `system:unattended-end`];
    const commands = new RecentCommands<never>();
    for (const key of stored) commands.rememberKey(key, { ok: true });
    expect(commands.keys()).toEqual([`p:phoneA:${id(1)}`, `p:phoneA:${id(3)}`, `host:${id(2)}`, `system:unattended-end`]);
    for (const key of stored) expect(commands.has(key), key).toBe(true);
    expect(commands.has(`p:phoneB:${id(1)}`)).toBe(false);
    expect(commands.of('phoneA').ackOf(id(3))).toEqual({ ok: true });
    expect(commandKey('phoneA', id(4))).toBe(`p:phoneA:${id(4)}`);
    expect(commandKey('host', id(4))).toBe(`host:${id(4)}`);
  });

  it('knows whether any actor has a vote waiting', () => {
    const commands = new RecentCommands<{ cardId: string }>();
    expect(commands.voteWaiting()).toBe(false);
    commands.of('phoneA').waitingVote = { cardId: 'c1' };
    expect(commands.voteWaiting()).toBe(true);
    commands.of('phoneA').waitingVote = null;
    expect(commands.voteWaiting()).toBe(false);
  });

  it('shares vote acknowledgements per round and choice, frozen, and builds any other one anew', () => {
    const commands = new RecentCommands<never>();
    const soms = commands.accepted({ choice: 'soms', round: 1 });
    expect(soms).toEqual({ ok: true, choice: 'soms', round: 1 });
    expect(commands.accepted({ choice: 'soms', round: 1 })).toBe(soms);
    expect(Object.isFrozen(soms)).toBe(true);
    // Another choice or round is another acknowledgement.
    expect(commands.accepted({ choice: 'vaak', round: 1 })).toEqual({ ok: true, choice: 'vaak', round: 1 });
    expect(commands.accepted({ choice: 'soms', round: 2 })).toEqual({ ok: true, choice: 'soms', round: 2 });
    expect(commands.accepted({ choice: 'soms', round: 2 })).not.toBe(soms);
    // No data: the one shared acknowledgement.
    expect(commands.accepted(undefined)).toBe(ACCEPTED);
    expect(commands.accepted({})).toBe(ACCEPTED);
    // A post-it's has fields of its own: its own acknowledgement, not frozen.
    const postIt = commands.accepted({ postItId: 'p1', text: 'Een tekst' });
    expect(postIt).toEqual({ ok: true, postItId: 'p1', text: 'Een tekst' });
    expect(commands.accepted({ postItId: 'p1', text: 'Een tekst' })).not.toBe(postIt);
    // Each phone remembers the shared one, and a resend gets what it answered, whatever came after.
    commands.of('phoneA').remember(id(1), soms);
    commands.of('phoneB').remember(id(1), commands.accepted({ choice: 'soms', round: 1 }));
    commands.of('phoneA').remember(id(2), commands.accepted({ choice: 'vaak', round: 1 }));
    expect(commands.of('phoneA').ackOf(id(1))).toEqual({ ok: true, choice: 'soms', round: 1 });
    expect(commands.of('phoneB').ackOf(id(1))).toBe(soms);
  });
});
