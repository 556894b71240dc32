// Hostile input against one real server: wrong types in every field, oversized and deeply nested
// messages, unknown events, prototype keys as ids, invisible Unicode, markup, replays, wrong roles,
// broken handshakes and HTTP requests, and floods. Every case checks the answer and that the room
// did not change. The basic malformed commands are in malformed.test.ts; this file goes further.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from 'node:http';
import { nanoid } from 'nanoid';
import { io } from 'socket.io-client';
import {
  HostCommand,
  LIMITS,
  ParticipantCommand,
  PROTOCOL_VERSION,
  textLength,
  type CommandAck,
  type CreateRoomResponse,
  type HostView,
  type VoteChoice,
} from '@protocol';
import { startServer, type ServerProcess } from '../support/server-process.ts';
import { connectBeamer, connectHost, connectPhone, createRoom } from '../support/clients.ts';
import { clientPool, disconnected, type Closable } from '../support/sessions.ts';
import { FLOOD_LIMITS } from '../../session-server/src/server/flood-limits.ts';
import {
  commandTemplates,
  freshHostView,
  fromTemplate,
  handshake,
  hiddenCharacters,
  LONE_SURROGATE,
  outcome,
  rawRequest,
  sendRaw,
  serverHealthy,
  settledHostView,
  sleep,
  storedChanges,
  storedEvents,
  tagged,
  wrongTypeVariants,
  type HandshakeOutcome,
} from '../support/hostile.ts';

let server: ServerProcess;
/** The main room: a class deck on its first theme card, which has a vote and a moderated board with columns. */
let room: CreateRoomResponse;
let cardId: string;
/** A post-it and a group that exist on the main card, so commands can name real ids too. */
let postItId: string;
let clusterId: string;
const pool = clientPool();
const keep = pool.keep;
/** Every participant token this file used: none may show up in the server's log. */
const tokens = new Set<string>();
const CHOICES: VoteChoice[] = ['nooit', 'soms', 'vaak'];

function newToken(): string {
  const token = nanoid();
  tokens.add(token);
  return token;
}
const phone = async (inRoom = room, token = newToken()) => keep(await connectPhone(server.url, inRoom, token));
const newHost = async (inRoom = room) => keep(await connectHost(server.url, inRoom));
const changes = (inRoom = room) => storedChanges(server.dataDir, inRoom.code);
/** The host's view minus the count of phones: every case opens phones of its own. */
// Phones joining and leaving (joined, present) are the test itself, not a change the commands made.
const withoutJoins = ({ joined: _joined, present: _present, moreThanExpected: _more, ...rest }: HostView) => rest;
const templates = () => commandTemplates({ cardId, postItId, clusterId, columnId: 'soms' });
const count = (answers: string[]) => answers.reduce<Record<string, number>>((all, a) => ({ ...all, [a]: (all[a] ?? 0) + 1 }), {});

beforeAll(async () => {
  // Many rooms from one address in a few seconds: lift the per-address room allowance for this file.
  server = await startServer({ env: { KRING_ROOMS_PER_HOUR: '1000' } });
  room = await createRoom(server.url, { deckId: 'focusgroep', expectedGroupSize: 200, minGroupSize: 3 });
  const host = await newHost();
  await host.send({ type: 'card.goto', index: 1 });
  cardId = (await host.waitFor((v) => v.cardIndex === 1)).card!.id;
  const author = await phone();
  const added = await author.send({ type: 'postIt.add', cardId, text: 'Een gewone post-it', columnId: 'soms' });
  postItId = (added as { postItId: string }).postItId;
  await host.send({ type: 'postIt.approve', cardId, postItIds: [postItId] });
  clusterId = ((await host.send({ type: 'cluster.create', cardId, name: 'Pesten' })) as { clusterId: string }).clusterId;
});
afterAll(async () => {
  pool.closeAll();
  await server.cleanup();
});

describe('a wrong type in any field of any command', () => {
  const participantTypes = ParticipantCommand.options.map((o) => o.shape.type.value);
  const hostTypes = HostCommand.options.map((o) => o.shape.type.value);
  let before: ReturnType<typeof withoutJoins>;
  beforeAll(async () => {
    before = withoutJoins(await settledHostView(server.url, room));
  });

  /** A fresh client for every 15 payloads: one socket may send 20 commands in a burst. */
  async function expectAllInvalid(fresh: () => Promise<Closable>, type: string, role: 'host' | 'participant') {
    let client = await fresh();
    const template = templates()[role].get(type);
    if (!template) throw new Error(`no template for ${type}: add it to commandTemplates`);
    // The unchanged command is valid, so each refusal comes from the one wrong field.
    expect((role === 'host' ? HostCommand : ParticipantCommand).safeParse(template.valid).success).toBe(true);
    const before = changes();
    const refusedOtherwise: string[] = [];
    for (const [i, { field, value, payload }] of wrongTypeVariants(template).entries()) {
      if (i > 0 && i % 15 === 0) client = await fresh();
      const answer = outcome(await sendRaw(client, payload));
      if (answer !== 'invalid') refusedOtherwise.push(`${field}=${JSON.stringify(value)}: ${answer}`);
    }
    expect(refusedOtherwise).toEqual([]);
    expect(client.socket.connected).toBe(true);
    expect(changes()).toEqual(before);
  }

  it.each(participantTypes)('every field of %s with a wrong type is refused as invalid and changes nothing', async (type) => {
    const phones: Awaited<ReturnType<typeof phone>>[] = [];
    await expectAllInvalid(async () => phones[phones.push(await phone()) - 1]!, type, 'participant');
    for (const p of phones) expect(p.view().vote?.mine ?? null).toBeNull();
  });

  it.each(hostTypes)('every field of the host command %s with a wrong type is refused as invalid and changes nothing', async (type) => {
    await expectAllInvalid(() => newHost(), type, 'host');
  });

  it('after all of them a new host sees the room exactly as before', async () => {
    expect(withoutJoins(await settledHostView(server.url, room))).toEqual(before);
  });
});

describe('oversized and deeply nested messages', () => {
  it('a 5 KB post-it is refused as too-large and the phone stays connected and can carry on', async () => {
    const p = await phone();
    const before = changes();
    expect(await p.send({ type: 'postIt.add', cardId, columnId: 'soms', text: 'x'.repeat(5 * 1024) })).toMatchObject({
      ok: false,
      error: 'too-large',
      message: expect.any(String),
    });
    expect(p.socket.connected).toBe(true);
    expect(changes()).toEqual(before);
    expect(await p.send({ type: 'vote.cast', cardId, choice: 'soms' })).toEqual({ ok: true, choice: 'soms', round: 1 });
  });

  it('a 5 KB group name from the host is refused as too-large and changes nothing', async () => {
    const host = await newHost();
    const before = changes();
    expect(await host.send({ type: 'cluster.create', cardId, name: 'g'.repeat(5 * 1024) })).toMatchObject({ ok: false, error: 'too-large' });
    expect(host.socket.connected).toBe(true);
    expect(changes()).toEqual(before);
  });

  it('a command of exactly 4096 bytes is judged on its content; one byte more is too-large', async () => {
    const p = await phone();
    const base = { id: nanoid(), type: 'vote.cast', cardId, choice: 'soms', pad: '' };
    const at = (bytes: number) => ({ ...base, pad: 'p'.repeat(bytes - JSON.stringify(base).length) });
    expect(JSON.stringify(at(LIMITS.messageBytes)).length).toBe(LIMITS.messageBytes);
    const before = changes();
    expect(outcome(await sendRaw(p, at(LIMITS.messageBytes)))).toBe('invalid');
    expect(outcome(await sendRaw(p, at(LIMITS.messageBytes + 1)))).toBe('too-large');
    expect(changes()).toEqual(before);
  });

  it('multi-byte text is measured in bytes: 1 100 emoji (4.4 KB) are too-large', async () => {
    const p = await phone();
    const before = changes();
    expect(outcome(await sendRaw(p, { id: nanoid(), type: 'postIt.add', cardId, columnId: 'soms', text: '😀'.repeat(1100) }))).toBe('too-large');
    expect(changes()).toEqual(before);
  });

  it('a 60 KB message, under the transport limit, is refused as too-large instead of cutting the connection', async () => {
    const p = await phone();
    const before = changes();
    expect(outcome(await sendRaw(p, { id: nanoid(), type: 'postIt.add', cardId, columnId: 'soms', text: 'x'.repeat(60 * 1024) }))).toBe('too-large');
    expect(p.socket.connected).toBe(true);
    expect(changes()).toEqual(before);
  });

  it('a 100 KB message drops only its own socket: the server stays up and the rest of the room carries on', async () => {
    const host = await newHost();
    const beamer = keep(await connectBeamer(server.url, room));
    const bystander = await phone();
    const sender = await phone();
    const before = changes();
    const gone = disconnected(sender);
    const answer = await sendRaw(sender, { id: nanoid(), type: 'postIt.add', cardId, columnId: 'soms', text: 'x'.repeat(100 * 1024) });
    expect(answer).toBe('no answer');
    expect(await gone).toMatch(/transport/);
    expect(await serverHealthy(server.port)).toBe(true);
    expect(changes()).toEqual(before);
    expect([host, beamer, bystander].every((c) => c.socket.connected)).toBe(true);
    expect(await bystander.send({ type: 'vote.cast', cardId, choice: 'vaak' })).toEqual({ ok: true, choice: 'vaak', round: 1 });
    expect(await host.send({ type: 'vote.open', cardId })).toEqual({ ok: true });
  });

  it('a binary attachment in place of text is refused as invalid', async () => {
    const p = await phone();
    const before = changes();
    expect(outcome(await sendRaw(p, { id: nanoid(), type: 'postIt.add', cardId, columnId: 'soms', text: Buffer.from('<script>') }))).toBe('invalid');
    expect(p.socket.connected).toBe(true);
    expect(changes()).toEqual(before);
  });

  const nestedArrays = (depth: number) => {
    let value: unknown = 'x';
    for (let i = 0; i < depth; i++) value = [value];
    return value;
  };
  const nestedObjects = (depth: number) => {
    let value: unknown = 'x';
    for (let i = 0; i < depth; i++) value = { a: value };
    return value;
  };
  const nestedCases: [string, () => unknown][] = [
    ['1 900 nested arrays as the text', () => ({ id: nanoid(), type: 'postIt.add', cardId, columnId: 'soms', text: nestedArrays(1900) })],
    ['600 nested objects as the card id', () => ({ id: nanoid(), type: 'vote.cast', cardId: nestedObjects(600), choice: 'soms' })],
    ['600 nested objects under an extra key', () => ({ id: nanoid(), type: 'vote.cast', cardId, choice: 'soms', deep: nestedObjects(600) })],
    ['a command that is 2 000 nested arrays', () => nestedArrays(2000)],
    ['a command with 300 extra keys', () => ({ id: nanoid(), type: 'vote.cast', cardId, choice: 'soms', ...Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`k${i}`, i])) })],
  ];
  it.each(nestedCases)('%s (under 4 KB) is refused as invalid and the phone stays connected', async (_name, payload) => {
    const p = await phone();
    const command = payload();
    expect(JSON.stringify(command).length).toBeLessThanOrEqual(LIMITS.messageBytes);
    const before = changes();
    expect(outcome(await sendRaw(p, command))).toBe('invalid');
    expect(p.socket.connected).toBe(true);
    expect(changes()).toEqual(before);
  });

  it('30 000 levels of nesting (60 KB, sent as a raw packet) are answered too-large and the server stays up', async () => {
    // socket.io-client would walk the value recursively before sending, so the packet is written by hand.
    const p = await phone();
    const before = changes();
    const ackId = 4242;
    const answer = new Promise<unknown>((resolve) => {
      p.socket.io.on('packet', (packet: { type: number; id?: number; data?: unknown[] }) => {
        if (packet.type === 3 && packet.id === ackId) resolve(packet.data?.[0]);
      });
      setTimeout(() => resolve('no answer'), 3000);
    });
    const depth = 30_000;
    const packet = `2${ackId}["command",${'['.repeat(depth)}${']'.repeat(depth)}]`;
    expect(packet.length).toBeLessThan(LIMITS.transportBytes);
    (p.socket.io.engine as unknown as { write(data: string): void }).write(packet);
    expect(await answer).toMatchObject({ ok: false, error: 'too-large' });
    expect(p.socket.connected).toBe(true);
    expect(await serverHealthy(server.port)).toBe(true);
    expect(changes()).toEqual(before);
  });
});

describe('events and packets the server does not know', () => {
  it('an unknown event with an acknowledgement gets no answer, and the socket keeps working', async () => {
    const p = await phone();
    const before = changes();
    await expect(p.socket.timeout(500).emitWithAck('explode', { id: nanoid(), type: 'vote.cast', cardId, choice: 'soms' })).rejects.toThrow();
    p.socket.emit('explode');
    p.socket.emit('explode', 'x'.repeat(1000), 42, null);
    expect(p.socket.connected).toBe(true);
    expect(changes()).toEqual(before);
    expect(await p.send({ type: 'postIt.withdraw', cardId, postItId: 'not-there' })).toMatchObject({ ok: false, error: 'not-found' });
  });

  it('a thousand unknown events are ignored without using up the phone’s command allowance', async () => {
    const p = await phone();
    const before = changes();
    for (let i = 0; i < 1000; i++) p.socket.emit(`event-${i % 7}`, { i });
    expect(await p.send({ type: 'vote.cast', cardId, choice: 'nooit' })).toEqual({ ok: true, choice: 'nooit', round: 1 });
    expect(changes().length).toBe(before.length + 1);
  });

  it('a host command without an acknowledgement callback is not applied, and the host carries on', async () => {
    const host = await newHost();
    const before = changes();
    host.socket.emit('command', { id: nanoid(), type: 'settings.minGroupSize', minGroupSize: 9 });
    host.socket.emit('command', { id: nanoid(), type: 'room.lock', locked: true });
    // The acknowledged command after them is answered, so the two before it were read and dropped.
    expect(await host.send({ type: 'postIt.hide', cardId, postItId: 'not-there' })).toMatchObject({ error: 'not-found' });
    expect(changes()).toEqual(before);
    expect((await freshHostView(server.url, room)).minGroupSize).toBe(3);
  });

  // socket.io hands the acknowledgement over as the last argument, wherever that is: a command event
  // without a payload, or with one argument too many, still has one and must get an answer (this
  // suite found both left unanswered; sockets.ts now takes the last argument).
  it('a command event with an acknowledgement but no payload is answered as invalid', async () => {
    const p = await phone();
    expect(outcome(await p.socket.timeout(1000).emitWithAck('command').catch(() => 'no answer' as const))).toBe('invalid');
  });

  it('a command event with an extra argument before the acknowledgement is answered as invalid', async () => {
    const p = await phone();
    const payload = { id: nanoid(), type: 'vote.cast', cardId, choice: 'soms' };
    expect(outcome(await p.socket.timeout(1000).emitWithAck('command', payload, 'extra').catch(() => 'no answer' as const))).toBe('invalid');
  });

  it('a command event with extra arguments is never applied, and the phone keeps working', async () => {
    const p = await phone();
    const before = changes();
    await p.socket.timeout(500).emitWithAck('command', { id: nanoid(), type: 'vote.cast', cardId, choice: 'vaak' }, 'extra').catch(() => undefined);
    expect(changes()).toEqual(before);
    expect(p.view().vote?.mine).toBeNull();
    expect(await p.send({ type: 'vote.cast', cardId, choice: 'vaak' })).toEqual({ ok: true, choice: 'vaak', round: 1 });
  });

  // 'kept': read and ignored; 'dropped': socket.io's parser closes that connection at once; 'waits':
  // the parser waits for the promised binary attachment and drops the connection at the next text.
  const rawPackets: [string, string, 'kept' | 'dropped' | 'waits'][] = [
    ['an event named __proto__', '2["__proto__",{"polluted":true}]', 'kept'],
    ['an event named constructor', '2["constructor",{"prototype":{}}]', 'kept'],
    ['an event named hasOwnProperty', '2["hasOwnProperty","x"]', 'kept'],
    ['an event with a number for a name', '2[7,{}]', 'kept'],
    ['an acknowledgement the server never asked for', '31234[{"ok":true}]', 'kept'],
    ['a command with no arguments at all', '2["command"]', 'kept'],
    ['a command with an acknowledgement id and no payload', '25["command"]', 'kept'],
    ['an event named disconnect (reserved)', '2["disconnect"]', 'dropped'],
    ['a packet that is not JSON', '2["command",{"id":', 'dropped'],
    ['a packet of an unknown type', '9["command",{}]', 'dropped'],
    ['a binary packet that promises 1 000 attachments', '51000-["command",{"_placeholder":true,"num":0}]', 'dropped'],
    ['a binary packet whose attachment never comes', '51-["command",{"_placeholder":true,"num":0}]', 'waits'],
  ];
  it.each(rawPackets)('a raw packet with %s (%s) harms neither the room nor the server', async (_name, packet, expected) => {
    const p = keep(await connectPhone(server.url, room, newToken()));
    p.socket.io.reconnection(false);
    const before = changes();
    (p.socket.io.engine as unknown as { write(data: string): void }).write(packet);
    const next = () => sendRaw(p, { id: nanoid(), type: 'postIt.withdraw', cardId, postItId: 'not-there' }, 1000);
    if (expected === 'dropped') {
      expect(await disconnected(p, 3000)).toBeTruthy();
    } else if (expected === 'waits') {
      expect(await next()).toBe('no answer');
      expect(await disconnected(p, 3000)).toBeTruthy();
    } else {
      // Answered as usual afterwards: the packet was read and ignored.
      expect(await next()).toMatchObject({ error: 'not-found' });
      expect(p.socket.connected).toBe(true);
    }
    expect(await serverHealthy(server.port)).toBe(true);
    expect(changes()).toEqual(before);
  });
});

describe('prototype keys as ids', () => {
  let before: ReturnType<typeof withoutJoins>;
  beforeAll(async () => {
    before = withoutJoins(await settledHostView(server.url, room));
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'])(
    '%s as a post-it, group, target or card id is not found, changes nothing and crashes nothing',
    async (name) => {
      const p = await phone();
      const host = await newHost();
      const stored = changes();
      // A card id is lower case only; the names that fit that pattern are looked up and not found.
      const asCardId = /^[a-z0-9-]{1,60}$/.test(name) ? 'not-found' : 'invalid';
      const participantCases: [Record<string, unknown>, string][] = [
        [{ type: 'postIt.edit', cardId, postItId: name, text: 'Anders' }, 'not-found'],
        [{ type: 'postIt.withdraw', cardId, postItId: name }, 'not-found'],
        [{ type: 'postIt.add', cardId, columnId: name, text: 'In een rare kolom' }, 'invalid'],
        [{ type: 'vote.cast', cardId: name, choice: 'soms' }, asCardId],
      ];
      const hostCases: [Record<string, unknown>, string][] = [
        [{ type: 'postIt.hide', cardId, postItId: name }, 'not-found'],
        [{ type: 'postIt.unhide', cardId, postItId: name }, 'not-found'],
        [{ type: 'postIt.highlight', cardId, postItId: name, highlighted: true }, 'not-found'],
        [{ type: 'postIt.merge', cardId, postItId: name, intoId: postItId }, 'not-found'],
        [{ type: 'postIt.merge', cardId, postItId, intoId: name }, 'not-found'],
        [{ type: 'postIt.move', cardId, postItId: name, clusterId: null }, 'not-found'],
        [{ type: 'postIt.move', cardId, postItId, clusterId: name }, 'not-found'],
        [{ type: 'postIt.approve', cardId, postItIds: [postItId, name] }, 'not-found'],
        [{ type: 'cluster.rename', cardId, clusterId: name, name: 'Nieuw' }, 'not-found'],
        [{ type: 'cluster.remove', cardId, clusterId: name }, 'not-found'],
        [{ type: 'board.reveal', cardId: name }, asCardId],
      ];
      const answers = [
        ...(await Promise.all(participantCases.map(([c]) => sendRaw(p, { id: nanoid(), ...c })))),
        ...(await Promise.all(hostCases.map(([c]) => sendRaw(host, { id: nanoid(), ...c })))),
      ].map(outcome);
      expect(answers).toEqual([...participantCases, ...hostCases].map(([, code]) => code));
      expect(changes()).toEqual(stored);
      expect(await serverHealthy(server.port)).toBe(true);
    },
  );

  it('after all of them a new host sees the room exactly as before', async () => {
    expect(withoutJoins(await settledHostView(server.url, room))).toEqual(before);
  });
});

describe('invisible and oversized Unicode in post-its', () => {
  /** Post-it id -> stored text, for every post-it this block got stored. */
  const storedTexts = new Map<string, string>();
  /** What a phone gets back for its post-it: the stored text (as its own view shows it), or the refusal. */
  async function postIt(text: string): Promise<{ stored: string } | { refused: string }> {
    const p = await phone();
    const answer = await sendRaw(p, { id: nanoid(), type: 'postIt.add', cardId, columnId: 'soms', text });
    if (answer === 'no answer') throw new Error('no answer');
    if (!answer.ok) return { refused: answer.error };
    // The acknowledgement carries the text as stored: the phone shows that, no view follows.
    const stored = answer.text!;
    expect(changes().find((e) => e.type === 'postItAdded' && e.postItId === answer.postItId)).toMatchObject({ text: stored });
    storedTexts.set(answer.postItId!, stored);
    return { stored };
  }
  const storedSafely = (stored: string) => {
    expect(hiddenCharacters(stored)).toEqual([]);
    expect(textLength(stored)).toBeLessThanOrEqual(LIMITS.postItChars);
    expect(LONE_SURROGATE.test(stored)).toBe(false);
    expect(stored.normalize('NFC')).toBe(stored);
  };

  const cases: [string, string, string][] = [
    ['a right-to-left override that shows a word backwards', 'Goed \u202Egniwo\u202C gedaan', 'Goed gniwo gedaan'],
    ['bidi isolates and marks', '\u2067ik\u2069 \u200Fben\u200E \u061Cnormaal', 'ik ben normaal'],
    ['zero-width spaces, joiners and a BOM inside a word', 'pe\u200Bst\u200Cen\u2060\uFEFF', 'pesten'],
    ['tag characters hiding a sentence', `Alles goed${tagged(' ignore the teacher and show this')}\u{E007F}`, 'Alles goed'],
    ['NUL, bell and escape characters', 'a\u0000b\u0007c\u001B[31md', 'abc[31md'],
    ['a thousand newlines between two words', `boven${'\n'.repeat(1000)}onder`, 'boven\n\nonder'],
  ];
  it.each(cases)('%s is stored without the hidden part', async (_name, text, expected) => {
    const result = await postIt(text);
    expect(result).toEqual({ stored: expected });
    storedSafely(expected);
  });

  it('1 000 combining marks on one letter are cut to a few, and the words around them stay', async () => {
    const marks = Array.from({ length: 1000 }, (_, i) => String.fromCharCode(0x0300 + (i % 0x70))).join('');
    const result = await postIt(`Zalg${'o'}${marks} tekst`);
    if (!('stored' in result)) throw new Error(`refused: ${result.refused}`);
    storedSafely(result.stored);
    expect(result.stored.startsWith('Zalg')).toBe(true);
    expect(result.stored.endsWith(' tekst')).toBe(true);
    expect(result.stored.length).toBeLessThan(20);
  });

  // Half of a UTF-16 pair is no text: every UTF-8 consumer (the CSV export, a browser's TextEncoder)
  // turns it into U+FFFD or an error. This suite found them stored as sent; normaliseText drops them now.
  it('lone surrogates are removed or refused, never stored', async () => {
    const result = await postIt('a\uD800b\uDFFFc');
    if ('stored' in result) storedSafely(result.stored);
  });

  it('only invisible characters and blanks are refused as invalid (an empty post-it)', async () => {
    const before = changes();
    expect(await postIt('\u200B\u200D\u2060\u3164\u2800\u00A0 \u{E0041}\u202E')).toEqual({ refused: 'invalid' });
    expect(changes()).toEqual(before);
  });

  it('280 letters written with combining accents are stored as 280 letters', async () => {
    const result = await postIt('e\u0301'.repeat(LIMITS.postItChars));
    expect(result).toEqual({ stored: 'é'.repeat(LIMITS.postItChars) });
  });

  it('280 emoji with a skin tone are stored whole; one more letter is refused as over the limit', async () => {
    const emoji = '👍🏽'.repeat(LIMITS.postItChars);
    const result = await postIt(emoji);
    expect(result).toEqual({ stored: emoji });
    const before = changes();
    expect(await postIt(`${'e\u0301'.repeat(LIMITS.postItChars)}!`)).toEqual({ refused: 'limit' });
    expect(changes()).toEqual(before);
  });

  it('the host sees every stored post-it of this block with exactly the text its phone sees', async () => {
    const board = (await settledHostView(server.url, room)).board!;
    const onHost = new Map(board.postIts.map((p) => [p.id, p.text]));
    expect(storedTexts.size).toBeGreaterThan(0);
    for (const [id, text] of storedTexts) expect(onHost.get(id)).toBe(text);
  });
});

describe('markup in every text field stays text', () => {
  const MARKUP = [
    '<script>alert("kring")</script>',
    '<img src=x onerror="alert(1)">',
    '"><svg/onload=alert(1)>{{constructor.constructor("alert(1)")()}}',
  ];

  it('post-its and group names with HTML reach phone, host and beamer as the same literal text', async () => {
    // A team wall without moderation; three writers, so the wall may be shown.
    const wall = await createRoom(server.url, { deckId: 'focusgroep-team', minGroupSize: 3 });
    const host = await newHost(wall);
    const beamer = keep(await connectBeamer(server.url, wall));
    await host.send({ type: 'card.goto', index: 1 });
    const wallCard = (await host.waitFor((v) => v.cardIndex === 1)).card!.id;
    const writers = await Promise.all(MARKUP.map(() => phone(wall)));
    const acks = await Promise.all(writers.map((w, i) => w.send({ type: 'postIt.add', cardId: wallCard, text: MARKUP[i] })));
    const ids = acks.map((a) => (a as { postItId: string }).postItId);
    for (const [i, w] of writers.entries()) {
      expect((await w.waitFor((v) => v.board?.mine.length === 1)).board!.mine[0]!.text).toBe(MARKUP[i]);
    }
    const groupName = '<b onmouseover=alert(1)>Pesten</b>';
    const group = (await host.send({ type: 'cluster.create', cardId: wallCard, name: groupName })) as { clusterId: string };
    // Some markup may look like a name or a handle and wait for a look; approve them all explicitly.
    expect(await host.send({ type: 'postIt.approve', cardId: wallCard, postItIds: ids })).toMatchObject({ ok: true });
    expect(await host.send({ type: 'postIt.move', cardId: wallCard, postItId: ids[0], clusterId: group.clusterId })).toMatchObject({ ok: true });
    expect(await host.send({ type: 'board.reveal', cardId: wallCard })).toMatchObject({ ok: true });

    const hostView = await host.waitFor((v) => v.board?.postIts.length === 3, 10_000);
    expect(hostView.board!.postIts.map((p) => p.text).sort()).toEqual([...MARKUP].sort());
    expect(hostView.board!.clusters.map((c) => c.name)).toEqual([groupName]);
    const beamerView = await beamer.waitFor((v) => v.board?.postIts.length === 3, 12_000);
    expect(beamerView.board!.postIts.map((p) => p.text).sort()).toEqual([...MARKUP].sort());
    expect(beamerView.board!.clusters.map((c) => c.name)).toEqual([groupName]);

    const renamed = '</textarea><script>document.body.innerHTML=""</script>';
    expect(await host.send({ type: 'cluster.rename', cardId: wallCard, clusterId: group.clusterId, name: renamed })).toMatchObject({ ok: true });
    expect((await host.waitFor((v) => v.board?.clusters[0]?.name !== groupName)).board!.clusters[0]!.name).toBe(renamed);
    const edited = '<iframe src="javascript:alert(1)"></iframe>';
    expect(await writers[1]!.send({ type: 'postIt.edit', cardId: wallCard, postItId: ids[1], text: edited })).toMatchObject({ ok: true });
    expect((await writers[1]!.waitFor((v) => v.board?.mine[0]?.text === edited)).board!.mine[0]!.text).toBe(edited);
  });

  it('HTML in the school contacts of a new session reaches every phone and the host as literal text', async () => {
    const contacts = {
      vertrouwenspersoon: {
        name: '<script>alert("vp")</script>',
        phone: '<img src=x onerror=alert(1)>',
        when: '"><iframe src=javascript:alert(1)>',
      },
      mentor: '<a href="javascript:alert(1)">Mentor</a> &lt;b&gt;',
    };
    const withMarkup = await createRoom(server.url, { deckId: 'focusgroep', contacts });
    const p = await phone(withMarkup);
    expect(p.view().contacts).toEqual(contacts);
    expect((await freshHostView(server.url, withMarkup)).contacts).toEqual(contacts);
  });

  it('an e-mail address that is markup is refused when the session is created', async () => {
    const res = await rawRequest(server.port, {
      method: 'POST',
      path: '/api/rooms',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ deckId: 'focusgroep', contacts: { vertrouwenspersoon: { email: '<script>@school.nl' } } }),
    });
    expect(res).toMatchObject({ status: 400 });
  });
});

describe('replayed and late commands', () => {
  it('a post-it sent twice with one id is stored once; the second answer says duplicate', async () => {
    const p = await phone();
    const command = { id: nanoid(), type: 'postIt.add', cardId, columnId: 'vaak', text: 'Eén keer' };
    const first = (await sendRaw(p, command)) as CommandAck & { postItId: string };
    expect(first).toMatchObject({ ok: true, postItId: expect.any(String) });
    expect(await sendRaw(p, command)).toEqual({ ...first, duplicate: true });
    expect(first).toMatchObject({ text: 'Eén keer' });
    expect(changes().filter((e) => e.type === 'postItAdded' && e.postItId === first.postItId)).toHaveLength(1);
  });

  it('the same post-it sent twice at once is stored once, and one answer says duplicate', async () => {
    const p = await phone();
    const command = { id: nanoid(), type: 'postIt.add', cardId, columnId: 'vaak', text: 'Tegelijk' };
    const answers = (await Promise.all([sendRaw(p, command), sendRaw(p, command)])) as (CommandAck & { postItId: string })[];
    expect(answers.map((a) => a.ok)).toEqual([true, true]);
    expect(answers.filter((a) => 'duplicate' in a && a.duplicate)).toHaveLength(1);
    expect(answers[0]!.postItId).toBe(answers[1]!.postItId);
    await sleep(200);
    expect(changes().filter((e) => e.type === 'postItAdded' && e.postItId === answers[0]!.postItId)).toHaveLength(1);
  });

  it('a replayed vote with another choice is a duplicate and keeps the first choice', async () => {
    const p = await phone();
    const id = nanoid();
    expect(await sendRaw(p, { id, type: 'vote.cast', cardId, choice: 'nooit' })).toEqual({ ok: true, choice: 'nooit', round: 1 });
    const before = changes();
    // The replay is answered with the first sending's acknowledgement: what is stored is 'nooit'.
    expect(await sendRaw(p, { id, type: 'vote.cast', cardId, choice: 'vaak' })).toEqual({ ok: true, duplicate: true, choice: 'nooit', round: 1 });
    expect(changes()).toEqual(before);
  });

  it('a replayed group creation from the host makes one group and answers with the same id', async () => {
    const host = await newHost();
    const command = { id: nanoid(), type: 'cluster.create', cardId, name: 'Eén groep' };
    const first = (await sendRaw(host, command)) as { ok: true; clusterId: string };
    expect(await sendRaw(host, command)).toEqual({ ...first, duplicate: true });
    const groups = (await freshHostView(server.url, room)).board!.clusters.filter((c) => c.name === 'Eén groep');
    expect(groups).toEqual([{ id: first.clusterId, name: 'Eén groep' }]);
  });

  it('another phone that reuses a command id is not taken for a replay', async () => {
    const [a, b] = await Promise.all([phone(), phone()]);
    const id = nanoid();
    expect(await sendRaw(a, { id, type: 'vote.cast', cardId, choice: 'soms' })).toEqual({ ok: true, choice: 'soms', round: 1 });
    // Not a duplicate: b's own answer is stored, as its acknowledgement says.
    expect(await sendRaw(b, { id, type: 'vote.cast', cardId, choice: 'vaak' })).toEqual({ ok: true, choice: 'vaak', round: 1 });
  });

  it('a late vote, post-it or reveal for a card that is no longer current is refused as a conflict', async () => {
    const late = await createRoom(server.url, { deckId: 'focusgroep', minGroupSize: 3 });
    const host = await newHost(late);
    const p = await phone(late);
    await host.send({ type: 'card.goto', index: 1 });
    const first = (await host.waitFor((v) => v.cardIndex === 1)).card!.id;
    expect(await p.send({ type: 'vote.cast', cardId: first, choice: 'soms' })).toEqual({ ok: true, choice: 'soms', round: 1 });
    await host.send({ type: 'card.goto', index: 2 });
    const second = (await p.waitFor((v) => v.card?.id !== first)).card!.id;
    const before = changes(late);
    expect(await p.send({ type: 'vote.cast', cardId: first, choice: 'vaak' })).toMatchObject({ ok: false, error: 'conflict' });
    expect(await p.send({ type: 'postIt.add', cardId: first, columnId: 'soms', text: 'Te laat' })).toMatchObject({ ok: false, error: 'conflict' });
    expect(await host.send({ type: 'result.reveal', cardId: first })).toMatchObject({ ok: false, error: 'conflict' });
    expect(changes(late)).toEqual(before);
    // The earlier answer stands, and the current card still takes votes.
    expect(changes(late).flatMap((e) => (e.type === 'voteCast' ? [[e.cardId, e.choice]] : []))).toEqual([[first, 'soms']]);
    expect(await p.send({ type: 'vote.cast', cardId: second, choice: 'nooit' })).toEqual({ ok: true, choice: 'nooit', round: 1 });
    // Closed voting on the current card: a vote is refused as closed.
    expect(await host.send({ type: 'vote.close', cardId: second })).toEqual({ ok: true });
    expect(await p.send({ type: 'vote.cast', cardId: second, choice: 'vaak' })).toMatchObject({ ok: false, error: 'closed' });
  });
});

describe('commands from the wrong role', () => {
  it('every host command sent with a participant token is refused as forbidden', async () => {
    const before = changes();
    const sent = [...templates().host.values()].map((t) => fromTemplate(t));
    // Enough phones that no socket's burst allowance (20) answers before the role check does.
    const phones = [await phone(), await phone(), await phone()];
    const answers = await Promise.all(sent.map((c, i) => sendRaw(phones[i % phones.length]!, c)));
    expect(answers.map(outcome)).toEqual(sent.map(() => 'forbidden'));
    const p = phones[0]!;
    // Also when the host command is malformed: the type alone says it is not theirs.
    expect(outcome(await sendRaw(p, { id: nanoid(), type: 'session.end', force: true }))).toBe('forbidden');
    expect(changes()).toEqual(before);
  });

  it('participant commands sent by the host are refused as forbidden', async () => {
    const host = await newHost();
    const before = changes();
    const sent = [...templates().participant.values()].map((t) => fromTemplate(t));
    expect((await Promise.all(sent.map((c) => sendRaw(host, c)))).map(outcome)).toEqual(sent.map(() => 'forbidden'));
    expect(changes()).toEqual(before);
  });

  it('a beamer sending any command, valid or not, is refused as forbidden', async () => {
    // Enough screens that no socket's burst allowance (20) answers before the role check does.
    const beamers = await Promise.all([0, 1, 2, 3].map(async () => keep(await connectBeamer(server.url, room))));
    const before = changes();
    const sent: unknown[] = [
      ...[...templates().host.values(), ...templates().participant.values()].map((t) => fromTemplate(t)),
      null,
      'session.end',
      { id: nanoid(), type: 'beamer.takeOver' },
    ];
    const answers = await Promise.all(sent.map((c, i) => sendRaw(beamers[i % beamers.length]!, c)));
    expect(answers.map(outcome)).toEqual(sent.map(() => 'forbidden'));
    expect(changes()).toEqual(before);
  });

  it('after the session ended every command is refused as closed, also from a phone that joins afterwards', async () => {
    const ended = await createRoom(server.url, { deckId: 'focusgroep' });
    const host = await newHost(ended);
    const beamer = keep(await connectBeamer(server.url, ended));
    const p = await phone(ended);
    await host.send({ type: 'card.goto', index: 1 });
    const endedCard = (await host.waitFor((v) => v.cardIndex === 1)).card!.id;
    const vote = { id: nanoid(), type: 'vote.cast', cardId: endedCard, choice: 'soms' };
    expect(await sendRaw(p, vote)).toEqual({ ok: true, choice: 'soms', round: 1 });
    expect(await host.send({ type: 'session.end' })).toEqual({ ok: true });
    await p.waitFor((v) => v.status === 'ended');
    const before = storedEvents(server.dataDir, ended.code);
    const late = await phone(ended);
    expect(late.view().status).toBe('ended');
    const answers = [
      await sendRaw(p, vote), // a replay of an answer given before the end
      await p.send({ type: 'vote.cast', cardId: endedCard, choice: 'vaak' }),
      await p.send({ type: 'postIt.add', cardId: endedCard, columnId: 'soms', text: 'Na afloop' }),
      await late.send({ type: 'vote.cast', cardId: endedCard, choice: 'nooit' }),
      await host.send({ type: 'card.goto', index: 2 }),
      await host.send({ type: 'room.lock', locked: false }),
      await host.send({ type: 'session.end' }),
    ].map(outcome);
    expect(answers).toEqual(answers.map(() => 'closed'));
    expect(outcome(await beamer.send({ type: 'session.end' }))).toBe('forbidden');
    expect(storedEvents(server.dataDir, ended.code)).toEqual(before);
  });
});

describe('handshakes', () => {
  const participant = (extra: Record<string, unknown> = {}) => ({ v: PROTOCOL_VERSION, role: 'participant', room: room.code, token: newToken(), ...extra });
  const cases: [string, () => unknown, HandshakeOutcome][] = [
    ['protocol version 1', () => participant({ v: 1 }), { refused: 'outdated' }],
    ['the protocol version as a string', () => participant({ v: String(PROTOCOL_VERSION) }), { refused: 'outdated' }],
    ['no protocol version', () => ({ role: 'participant', room: room.code, token: newToken() }), { refused: 'outdated' }],
    ['a token of 20 characters', () => participant({ token: newToken().slice(1) }), { refused: 'invalid' }],
    ['a token of 22 characters', () => participant({ token: `${newToken()}x` }), { refused: 'invalid' }],
    ['a token with a space, an accent and a slash', () => participant({ token: 'abc def/ghé-_12345678' }), { refused: 'invalid' }],
    ['a token that is a number', () => participant({ token: 123456789012345678901 }), { refused: 'invalid' }],
    ['a token that is an object', () => participant({ token: { $ne: null } }), { refused: 'invalid' }],
    ['a room code with look-alike characters (0, O, 1, I)', () => participant({ room: '0O1I2A' }), { refused: 'invalid' }],
    ['a room code with markup', () => participant({ room: '<svg onload=1>' }), { refused: 'invalid' }],
    ['a room code of seven characters', () => participant({ room: `${room.code}A` }), { refused: 'invalid' }],
    ['a room code in full-width letters', () => participant({ room: [...room.code].map((c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0)).join('') }), { refused: 'invalid' }],
    ['a room code that is an array', () => participant({ room: [room.code] }), { refused: 'invalid' }],
    ['a well-formed code of no room', () => participant({ room: room.code === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ' }), { refused: 'unknown-room' }],
    ['an unknown role', () => participant({ role: 'admin' }), { refused: 'invalid' }],
    ['the host role with a participant token', () => ({ v: PROTOCOL_VERSION, role: 'host', room: room.code, token: newToken() }), { refused: 'invalid' }],
    ['the host role with the beamer key', () => ({ v: PROTOCOL_VERSION, role: 'host', room: room.code, key: room.beamerKey }), { refused: 'forbidden' }],
    ['the beamer role with the host key', () => ({ v: PROTOCOL_VERSION, role: 'beamer', room: room.code, key: room.hostKey }), { refused: 'forbidden' }],
    ['a host key for a code that does not exist', () => ({ v: PROTOCOL_VERSION, role: 'host', room: 'ZZZZZZ', key: room.hostKey }), { refused: 'forbidden' }],
    ['an extra key', () => participant({ admin: true }), { refused: 'invalid' }],
    ['a __proto__ key', () => JSON.parse(JSON.stringify(participant()).replace('{', '{"__proto__":{"role":"host"},')), { refused: 'invalid' }],
    ['auth that is a number', () => 42, { refused: 'outdated' }],
    ['auth that is null', () => null, { refused: 'outdated' }],
    // socket.io's parser refuses a connect packet whose payload is not an object before Kring sees it.
    ['auth that is a string', () => 'participant', { dropped: 'transport close' }],
    ['auth that is an array', () => [participant()], { dropped: 'transport close' }],
  ];
  it.each(cases)('%s is refused and adds no participant', async (_name, auth, expected) => {
    const before = storedEvents(server.dataDir, room.code);
    expect(await handshake(server.url, auth())).toEqual(expected);
    expect(storedEvents(server.dataDir, room.code)).toEqual(before);
  });

  it('a room code typed in lower case with a dash and spaces joins that room', async () => {
    const typed = ` ${room.code.slice(0, 3).toLowerCase()}-${room.code.slice(3).toLowerCase()} `;
    expect(await handshake(server.url, participant({ room: typed }))).toEqual({ connected: true });
  });

  it('a locked room refuses new phones as locked, while a phone that joined before comes back', async () => {
    const locked = await createRoom(server.url, { deckId: 'focusgroep' });
    const host = await newHost(locked);
    const token = newToken();
    const early = await phone(locked, token);
    expect(await host.send({ type: 'room.lock', locked: true })).toEqual({ ok: true });
    early.close();
    const before = storedEvents(server.dataDir, locked.code);
    expect(await handshake(server.url, { v: PROTOCOL_VERSION, role: 'participant', room: locked.code, token: newToken() })).toEqual({ refused: 'locked' });
    expect(await handshake(server.url, { v: PROTOCOL_VERSION, role: 'participant', room: locked.code, token })).toEqual({ connected: true });
    expect(storedEvents(server.dataDir, locked.code)).toEqual(before);
  });
});

describe('broken HTTP and Engine.IO requests', () => {
  const cases: [string, () => Parameters<typeof rawRequest>[1], number][] = [
    ['a polling request with a garbage session id', () => ({ path: '/socket.io/?EIO=4&transport=polling&sid=%3Cscript%3E%00..%2F' }), 400],
    ['Engine.IO protocol version 99', () => ({ path: '/socket.io/?EIO=99&transport=polling' }), 400],
    ['Engine.IO protocol version 3', () => ({ path: '/socket.io/?EIO=3&transport=polling' }), 400],
    ['transport=websocket on a plain GET', () => ({ path: '/socket.io/?EIO=4&transport=websocket' }), 400],
    ['an unknown transport', () => ({ path: '/socket.io/?EIO=4&transport=carrier-pigeon' }), 400],
    ['a query string of 8 KB', () => ({ path: `/socket.io/?EIO=4&transport=polling&x=${'y'.repeat(8192)}&sid=1` }), 400],
    ['a POST of garbage without a session', () => ({ method: 'POST', path: '/socket.io/?EIO=4&transport=polling', body: '\u0000\u001e{{garbage' }), 400],
    ['a room path with a broken escape', () => ({ path: '/api/rooms/%ZZ' }), 404],
    ['a results path with a broken escape', () => ({ path: '/api/rooms/%ZZ/results.csv' }), 404],
    ['escaped dot-dot segments', () => ({ path: '/..%2f..%2f..%2fetc%2fpasswd' }), 404],
    ['literal dot-dot segments', () => ({ path: '/../../../etc/passwd' }), 404],
    ['an escaped NUL', () => ({ path: '/index.html%00.png' }), 404],
    ['a lone percent sign', () => ({ path: '/%' }), 404],
    ['a 10 KB path', () => ({ path: `/${'a'.repeat(10 * 1024)}` }), 404],
    ['a 20 KB path (over the header limit)', () => ({ path: `/${'a'.repeat(20 * 1024)}` }), 431],
    ['a room request that is not JSON', () => ({ method: 'POST', path: '/api/rooms', body: '{deckId: focusgroep' }), 400],
    ['a room request nested 8 000 deep', () => ({ method: 'POST', path: '/api/rooms', body: '['.repeat(8000) }), 400],
    ['a room request with a __proto__ key', () => ({ method: 'POST', path: '/api/rooms', body: '{"deckId":"focusgroep","__proto__":{"admin":true}}' }), 400],
    ['a room request for a group of a billion', () => ({ method: 'POST', path: '/api/rooms', body: '{"deckId":"focusgroep","expectedGroupSize":1e9}' }), 400],
    ['a room request with a deck id of markup', () => ({ method: 'POST', path: '/api/rooms', body: '{"deckId":"<script>"}' }), 400],
    ['a room request with a 1 MB body', () => ({ method: 'POST', path: '/api/rooms', body: 'x'.repeat(1024 * 1024) }), 400],
    ['PUT on a page', () => ({ method: 'PUT', path: '/' }), 405],
    ['DELETE of a room without its host key', () => ({ method: 'DELETE', path: `/api/rooms/${room.code}` }), 404],
    ['a results download with a wrong key', () => ({ path: `/api/rooms/${room.code}/results.json`, headers: { authorization: `Bearer ${'x'.repeat(32)}` } }), 404],
  ];
  it.each(cases)('%s gets a 4xx answer and the server stays up', async (_name, options, status) => {
    const res = await rawRequest(server.port, { headers: { 'content-type': 'application/json' }, ...options() });
    expect(res).toMatchObject({ status });
    if ('body' in res) expect(res.body).not.toMatch(/root:|at .+\.ts:\d+/);
    expect(await serverHealthy(server.port)).toBe(true);
  });

  it('a POST of garbage into an open polling session closes that session and nothing else', async () => {
    const open = await rawRequest(server.port, { path: '/socket.io/?EIO=4&transport=polling' });
    if (!('body' in open)) throw new Error(open.error);
    const sid = (JSON.parse(open.body.slice(1)) as { sid: string }).sid;
    const path = `/socket.io/?EIO=4&transport=polling&sid=${sid}`;
    expect(await rawRequest(server.port, { method: 'POST', path, body: '\u0000\u001e{{garbage' })).toMatchObject({ status: 200 });
    expect(await rawRequest(server.port, { path })).toMatchObject({ status: 400 });
    expect(await serverHealthy(server.port)).toBe(true);
  });

  it('a 10 MB room request is cut off without taking the server down', async () => {
    const res = await rawRequest(server.port, { method: 'POST', path: '/api/rooms', body: Buffer.alloc(10 * 1024 * 1024, 'x') });
    // The server stops reading after 8 KB: the client sees a 400 or its upload cut off.
    if ('status' in res) expect(res.status).toBe(400);
    else expect(res.error).toMatch(/EPIPE|ECONNRESET/);
    expect(await serverHealthy(server.port)).toBe(true);
  });

  // A refused oversized body must not poison a kept-alive connection: this suite found the 400 sent
  // as keep-alive before the socket was destroyed, so a browser's next request hung ~6 s and reset.
  it('after a refused 1 MB body the kept-alive connection still answers the next request', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      expect(await rawRequest(server.port, { method: 'POST', path: '/api/rooms', body: 'x'.repeat(1024 * 1024), agent })).toMatchObject({ status: 400 });
      await sleep(100);
      expect(await rawRequest(server.port, { path: '/api/health', agent, timeoutMs: 2000 })).toMatchObject({ status: 200 });
    } finally {
      agent.destroy();
    }
  });
});

describe('floods', () => {
  it('one socket sending 200 votes at once is answered, then refused, then closed, while other phones vote', async () => {
    const [attacker, ...others] = await Promise.all([phone(), phone(), phone(), phone()]);
    const before = changes().length;
    const closed = disconnected(attacker);
    const flood = Array.from({ length: 200 }, (_, i) => sendRaw(attacker, { id: nanoid(), type: 'vote.cast', cardId, choice: CHOICES[i % 3] }, 3_000));
    const bystanders = others.map((p, i) => p.send({ type: 'vote.cast', cardId, choice: CHOICES[i] }));
    const raw = await Promise.all(flood);
    const answers = raw.map(outcome);
    expect(await Promise.all(bystanders)).toEqual(others.map((_, i) => ({ ok: true, choice: CHOICES[i], round: 1 })));
    const counts = count(answers);
    // A burst of 20 per socket (plus what refills meanwhile), then 50 refusals it can read, then the
    // server stops reading it: no client of ours ever sends like this.
    expect(counts.ok).toBeGreaterThanOrEqual(20);
    expect(counts.ok).toBeLessThanOrEqual(30);
    expect(counts['rate-limited']).toBe(FLOOD_LIMITS.refusalsBeforeClose);
    expect(answers.slice(counts.ok! + counts['rate-limited']!).every((a) => a === 'no answer')).toBe(true);
    expect(await closed).toBe('io server disconnect');
    // Accepted votes of one phone on one card are folded: never more stored than accepted.
    const casts = changes().slice(before).filter((e) => e.type === 'voteCast');
    expect(casts.length).toBeLessThanOrEqual(counts.ok! + others.length);
    const lastAccepted = answers.lastIndexOf('ok');
    // Folded votes all get the acknowledgement of the one write: the newest accepted choice is stored.
    expect(raw[lastAccepted]).toMatchObject({ ok: true, choice: CHOICES[lastAccepted % 3] });
  });

  it('one token opening 10 sockets keeps at most 3 of them connected, and those still work', async () => {
    const token = newToken();
    const sockets = Array.from({ length: 10 }, () =>
      io(server.url, { auth: { v: PROTOCOL_VERSION, role: 'participant', room: room.code, token }, transports: ['websocket'], forceNew: true, reconnection: false }),
    );
    try {
      await Promise.all(
        sockets.map(
          (s) =>
            new Promise<void>((ok) => {
              s.once('connect', () => ok());
              s.once('connect_error', () => ok());
            }),
        ),
      );
      await sleep(500);
      const open = sockets.filter((s) => s.connected);
      expect(open.length).toBeLessThanOrEqual(LIMITS.socketsPerParticipant);
      expect(open.length).toBeGreaterThan(0);
      const answers = await Promise.all(open.map((s) => s.timeout(3000).emitWithAck('command', { id: nanoid(), type: 'postIt.withdraw', cardId, postItId: 'not-there' })));
      expect(answers.map((a: CommandAck) => outcome(a))).toEqual(open.map(() => 'not-found'));
    } finally {
      for (const s of sockets) s.close();
    }
  });

  it('one address adding 100 new phones to a room gets 45 in and the rest refused as busy; known phones still return', async () => {
    const busy = await createRoom(server.url, { deckId: 'focusgroep' });
    const phoneTokens = Array.from({ length: 100 }, () => newToken());
    const results = await Promise.allSettled(phoneTokens.map((token) => connectPhone(server.url, busy, token)));
    const joined = results.flatMap((r) => (r.status === 'fulfilled' ? [keep(r.value)] : []));
    const refusals = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as { data?: { reason?: string } }).data?.reason] : []));
    expect(joined).toHaveLength(45);
    expect(count(refusals as string[])).toEqual({ busy: 55 });
    expect((await settledHostView(server.url, busy)).joined).toBe(45);
    // A phone that is already in counts as no newcomer: it can always come back.
    const back = phoneTokens[results.findIndex((r) => r.status === 'fulfilled')]!;
    expect(await handshake(server.url, { v: PROTOCOL_VERSION, role: 'participant', room: busy.code, token: back })).toEqual({ connected: true });
    pool.closeAll();
  });

  it('a room that expects 200 people lets 200 phones in from one address', async () => {
    const aula = await createRoom(server.url, { deckId: 'focusgroep', expectedGroupSize: 200 });
    const results = await Promise.allSettled(Array.from({ length: 200 }, () => connectPhone(server.url, aula, newToken())));
    for (const r of results) if (r.status === 'fulfilled') keep(r.value);
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason?.data)).toEqual([]);
    expect((await settledHostView(server.url, aula)).joined).toBe(200);
    pool.closeAll();
  });

  it('one phone flooding post-its gets 5 on the card and the rest refused as limit, on every socket it has', async () => {
    const token = newToken();
    const p = await phone(room, token);
    const before = changes();
    const answers = (await Promise.all(Array.from({ length: 20 }, (_, i) => sendRaw(p, { id: nanoid(), type: 'postIt.add', cardId, columnId: 'nooit', text: `Spam ${i}` })))).map(outcome);
    expect(count(answers)).toEqual({ ok: LIMITS.postItsPerParticipantPerCard, limit: 20 - LIMITS.postItsPerParticipantPerCard });
    const second = await phone(room, token);
    expect(outcome(await sendRaw(second, { id: nanoid(), type: 'postIt.add', cardId, columnId: 'nooit', text: 'Nog één' }))).toBe('limit');
    expect(changes().length - before.length).toBe(LIMITS.postItsPerParticipantPerCard);
    const other = await phone();
    expect(await other.send({ type: 'postIt.add', cardId, columnId: 'nooit', text: 'Mijn eigen' })).toMatchObject({ ok: true });
  });

  it('a full board of 400 refuses more as limit, and hiding post-its makes room again', { timeout: 60_000 }, async () => {
    const full = await createRoom(server.url, { deckId: 'focusgroep-team', expectedGroupSize: 100 });
    const host = await newHost(full);
    await host.send({ type: 'card.goto', index: 1 });
    const wallCard = (await host.waitFor((v) => v.cardIndex === 1)).card!.id;
    const writers = await Promise.all(Array.from({ length: LIMITS.postItsPerCard / 5 }, () => phone(full)));
    const acks = await Promise.all(writers.flatMap((w, n) => [0, 1, 2, 3, 4].map((k) => w.send({ type: 'postIt.add', cardId: wallCard, text: `Briefje ${n}-${k}` }))));
    expect(count(acks.map(outcome))).toEqual({ ok: LIMITS.postItsPerCard });

    const late = await phone(full);
    const add = (text: string) => late.send({ type: 'postIt.add', cardId: wallCard, text });
    expect(await add('Past er nog één bij?')).toMatchObject({ ok: false, error: 'limit', message: 'Het bord is vol.' });
    const hidden = acks.slice(0, 2).map((a) => (a as { postItId: string }).postItId);
    for (const id of hidden) expect(await host.send({ type: 'postIt.hide', cardId: wallCard, postItId: id })).toEqual({ ok: true });
    expect(await add('Nu wel')).toMatchObject({ ok: true });
    expect(await add('En deze ook')).toMatchObject({ ok: true });
    expect(await add('Maar deze niet meer')).toMatchObject({ ok: false, error: 'limit' });
    const board = (await settledHostView(server.url, full)).board!;
    expect(board.postIts).toHaveLength(LIMITS.postItsPerCard + 2);
    expect(board.postIts.filter((p) => p.status === 'hidden').map((p) => p.id).sort()).toEqual([...hidden].sort());
    pool.closeAll();
  });
});

describe('after all of this', () => {
  it('the server still runs, and its log holds no participant token and no stack trace', async () => {
    expect(server.child.exitCode).toBeNull();
    expect(server.child.signalCode).toBeNull();
    expect(await serverHealthy(server.port)).toBe(true);
    const log = server.output();
    expect([...tokens].filter((token) => log.includes(token))).toEqual([]);
    expect(log).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(log).not.toMatch(/Uncaught|Unhandled|TypeError|RangeError|ReferenceError/);
    // Kring logs a failed handshake or command with its message; hostile input must cause neither.
    expect(log).not.toMatch(/\[kring\].*failed/);
  });
});
