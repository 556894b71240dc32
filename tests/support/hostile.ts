// Helpers for hostile-input tests: commands, handshakes and HTTP requests sent exactly as given (no
// id added, no URL cleaned up), what a room stored, and commands with a wrong type in each field.
import { request, type Agent, type IncomingHttpHeaders } from 'node:http';
import { io } from 'socket.io-client';
import { nanoid } from 'nanoid';
import type { CommandAck, CreateRoomResponse, HostView } from '@protocol';
import type { RoomEvent } from '../../session-server/src/room/state.ts';
import { OBSERVER_BATCH_MS } from '../../session-server/src/server/observer-batches.ts';
import { connectHost } from './clients.ts';
import { readStoredRoom, type Closable } from './sessions.ts';

export const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** What a command got: the server's acknowledgement, or nothing within the timeout. */
export type Answer = CommandAck | 'no answer';

/** Emits exactly this payload on the command event (no id added) and waits for the acknowledgement. */
export async function sendRaw(client: Closable, payload: unknown, timeoutMs = 3000): Promise<Answer> {
  try {
    return (await client.socket.timeout(timeoutMs).emitWithAck('command', payload)) as CommandAck;
  } catch {
    return 'no answer';
  }
}

/** The error code of an answer, 'ok', or 'no answer': one word per command, easy to count. */
export const outcome = (answer: Answer): string => (answer === 'no answer' ? answer : answer.ok ? 'ok' : answer.error);

/**
 * What a room stored that a command could have caused: every event except phones joining (each case
 * opens its own phones) and the wall's timed publishing. The room's state is these events replayed,
 * so an unchanged list means an unchanged room, at once, without waiting for the batch tick.
 */
export function storedChanges(dataDir: string, code: string): RoomEvent[] {
  const room = readStoredRoom(dataDir, code);
  if (!room) throw new Error(`room ${code} is not stored`);
  return room.events.filter((e) => e.type !== 'participantJoined' && e.type !== 'postItsPublished');
}

/** Every stored event, joins included: for handshakes, which must not even add a participant. */
export const storedEvents = (dataDir: string, code: string): RoomEvent[] => readStoredRoom(dataDir, code)?.events ?? [];

/** The first view of a newly connected host: the room as the teacher's console shows it now. */
export async function freshHostView(url: string, room: CreateRoomResponse): Promise<HostView> {
  const host = await connectHost(url, room);
  try {
    return host.view();
  } finally {
    host.close();
  }
}

/** A fresh host view after a batch tick, so it includes what phones did just before. */
export async function settledHostView(url: string, room: CreateRoomResponse): Promise<HostView> {
  await sleep(OBSERVER_BATCH_MS + 300);
  return freshHostView(url, room);
}

export type HandshakeOutcome = { connected: true } | { refused: string } | { dropped: string };

/**
 * Opens a socket with exactly this auth payload (no protocol version added) and reports how the
 * handshake ended: connected, refused with a reason (connect_error data.reason), or the connection
 * dropped before any answer.
 */
export function handshake(url: string, auth: unknown, timeoutMs = 5000): Promise<HandshakeOutcome> {
  const socket = io(url, { auth: auth as Record<string, unknown>, transports: ['websocket'], forceNew: true, reconnection: false });
  return new Promise((resolve, reject) => {
    // Closing the socket fires 'disconnect' at once; the first outcome is the one that counts.
    const done = (result: HandshakeOutcome) => {
      clearTimeout(timer);
      resolve(result);
      socket.close();
    };
    const timer = setTimeout(() => {
      socket.close();
      reject(new Error('no answer to the handshake'));
    }, timeoutMs);
    socket.once('connect', () => done({ connected: true }));
    socket.once('connect_error', (error: Error & { data?: { reason?: string } }) =>
      done(error.data?.reason ? { refused: error.data.reason } : { dropped: error.message }),
    );
    socket.once('disconnect', (reason) => done({ dropped: reason }));
  });
}

export type RawResponse = { status: number; headers: IncomingHttpHeaders; body: string } | { error: string };

/**
 * One HTTP request with the path sent byte for byte (fetch would clean up `..` and odd escapes) on
 * its own connection unless an agent is given. No answer within the timeout is an error 'timeout'.
 */
export function rawRequest(
  port: number,
  options: { method?: string; path: string; body?: string | Buffer; headers?: Record<string, string>; agent?: Agent; timeoutMs?: number },
): Promise<RawResponse> {
  return new Promise((resolve) => {
    const req = request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers, agent: options.agent ?? false },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        res.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    req.setTimeout(options.timeoutMs ?? 10_000, () => {
      resolve({ error: 'timeout' });
      req.destroy();
    });
    req.end(options.body);
  });
}

/** Whether the server still answers its health check. */
export async function serverHealthy(port: number): Promise<boolean> {
  const res = await rawRequest(port, { path: '/api/health' });
  return 'status' in res && res.status === 200;
}

// ---------------------------------------------------------------------------------------------
// Commands with a wrong type in one field

/** What a field holds, so each can get values of every other type. */
type FieldKind = 'id' | 'string' | 'nullable' | 'number' | 'boolean' | 'ids' | 'choice' | 'record';

const WRONG_VALUES: Record<FieldKind, unknown[]> = {
  id: [42, null, true, { $ne: null }, ['abcdefgh12']],
  string: [42, true, null, { $ne: null }, ['x'], []],
  // null is allowed here (no column, no group), so it is not a wrong value.
  nullable: [42, false, { $ne: null }, ['nooit'], []],
  number: ['1', null, true, [1], { $gt: 0 }],
  boolean: ['true', 1, 0, null, [], {}],
  ids: ['abcd1234', [42], [null], [{}], [['abcd1234']], { 0: 'abcd1234', length: 1 }, null],
  choice: [['soms'], 1, null, {}, true],
  record: ['x', 1, null, ['eens'], { '0': 1 }, { x: 'eens' }],
};

export interface CommandTemplate {
  /** A command the schema accepts. */
  valid: Record<string, unknown>;
  /** Each field and what it holds. */
  fields: Record<string, FieldKind>;
}

/** One schema-valid command of every type, for a room on `cardId`; ids need not exist. */
export function commandTemplates(ids: { cardId: string; postItId: string; clusterId: string; columnId: string }) {
  const { cardId, postItId, clusterId, columnId } = ids;
  const t = (type: string, valid: Record<string, unknown>, fields: Record<string, FieldKind>): [string, CommandTemplate] => [
    type,
    { valid: { id: 'template-0001', type, ...valid }, fields: { id: 'id', ...fields } },
  ];
  const onCard = { cardId }, card: Record<string, FieldKind> = { cardId: 'string' };
  const onPostIt = { cardId, postItId }, postIt: Record<string, FieldKind> = { cardId: 'string', postItId: 'string' };
  return {
    participant: new Map([
      t('vote.cast', { cardId, choice: 'soms' }, { ...card, choice: 'choice' }),
      t('postIt.add', { cardId, text: 'Hallo', columnId }, { ...card, text: 'string', columnId: 'nullable' }),
      t('postIt.edit', { ...onPostIt, text: 'Hallo' }, { ...postIt, text: 'string' }),
      t('postIt.withdraw', onPostIt, postIt),
      t('postIt.support', { ...onPostIt, support: true }, { ...postIt, support: 'boolean' }),
      t('case.draft', { text: 'De casus.' }, { text: 'string' }),
      t('reflection.save', { cardId, answers: {}, notes: '', action: '', shared: false }, { ...card, answers: 'record', notes: 'string', action: 'string', shared: 'boolean' }),
    ]),
    host: new Map([
      t('card.goto', { index: 1 }, { index: 'number' }),
      t('case.set', { text: 'De casus.' }, { text: 'string' }),
      t('dilemma.set', { text: 'Het dilemma.' }, { text: 'string' }),
      t('conclusion.add', { text: 'Een conclusie.' }, { text: 'string' }),
      t('conclusion.remove', { recordId: postItId }, { recordId: 'string' }),
      t('action.add', { what: 'Iets', who: 'de mentor', when: 'morgen' }, { what: 'string', who: 'string', when: 'string' }),
      t('action.remove', { recordId: postItId }, { recordId: 'string' }),
      t('cards.arrange', { cardIds: [cardId] }, { cardIds: 'ids' }),
      t('card.add', { title: 'Eigen kaart', situation: 'Wat er gebeurde.', scale: 'eens-oneens' }, { title: 'string', situation: 'string', scale: 'choice' }),
      t('postIt.adopt', { ...onPostIt, adopted: true }, { ...postIt, adopted: 'boolean' }),
      ...(['vote.open', 'vote.close', 'result.reveal', 'result.hide', 'vote.newRound', 'board.open', 'board.close', 'board.hide', 'postIt.approveAll'] as const).map(
        (type) => t(type, onCard, card),
      ),
      // Board commands may name a small group; one of them checks that field.
      t('board.reveal', { cardId, group: 1 }, { ...card, group: 'number' }),
      t('postIt.approve', { cardId, postItIds: [postItId] }, { ...card, postItIds: 'ids' }),
      t('postIt.hide', onPostIt, postIt),
      t('postIt.unhide', onPostIt, postIt),
      t('postIt.highlight', { ...onPostIt, highlighted: true }, { ...postIt, highlighted: 'boolean' }),
      t('postIt.merge', { ...onPostIt, intoId: postItId }, { ...postIt, intoId: 'string' }),
      t('postIt.move', { ...onPostIt, columnId, clusterId }, { ...postIt, columnId: 'nullable', clusterId: 'nullable' }),
      t('cluster.create', { cardId, name: 'Groep' }, { ...card, name: 'string' }),
      t('cluster.rename', { cardId, clusterId, name: 'Groep' }, { ...card, clusterId: 'string', name: 'string' }),
      t('cluster.remove', { cardId, clusterId }, { ...card, clusterId: 'string' }),
      t('settings.minGroupSize', { minGroupSize: 5 }, { minGroupSize: 'number' }),
      t('room.lock', { locked: true }, { locked: 'boolean' }),
      t('join.panel', { open: false }, { open: 'boolean' }),
      t('session.end', {}, {}),
      t('groups.start', { size: 4, cardIds: [cardId] }, { size: 'number', cardIds: 'ids' }),
      t('groups.end', {}, {}),
      t('timer.start', { cardId, minutes: 5 }, { ...card, minutes: 'number' }),
      t('timer.pause', onCard, card),
      t('timer.extend', { cardId, minutes: 1 }, { ...card, minutes: 'number' }),
      t('timer.skip', onCard, card),
    ]),
  };
}

/** The template with one field at a time replaced by each value of a wrong type, each with a fresh id. */
export function wrongTypeVariants(template: CommandTemplate): { field: string; value: unknown; payload: Record<string, unknown> }[] {
  return Object.entries(template.fields).flatMap(([field, kind]) =>
    WRONG_VALUES[kind].map((value) => ({ field, value, payload: { ...template.valid, id: nanoid(), [field]: value } })),
  );
}

/** A valid command from a template, with a fresh id and any fields replaced. */
export const fromTemplate = (template: CommandTemplate, fields: Record<string, unknown> = {}) => ({ ...template.valid, id: nanoid(), ...fields });

// ---------------------------------------------------------------------------------------------
// Text

/** Unicode tag characters spelling `ascii`: invisible in every renderer, yet they carry text. */
export const tagged = (ascii: string) => [...ascii].map((c) => String.fromCodePoint(0xe0000 + c.charCodeAt(0))).join('');

/** Characters that draw as nothing or reorder text: none may survive into a stored post-it. */
export const HIDDEN_CHARACTERS = /[\p{Default_Ignorable_Code_Point}\p{Cc}\u{E0000}-\u{E007F}]/u;
// Plain newlines are a post-it's own line breaks, not a hidden character.
export const hiddenCharacters = (text: string) => [...text.replace(/\n/g, '')].filter((c) => HIDDEN_CHARACTERS.test(c));

/** A lone surrogate (half of a UTF-16 pair): not text, and turned into U+FFFD or an error on the way out. */
export const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
