// Board rules: who may add, change, moderate and arrange post-its. Called by decide() after AUTH
// and the current-card check, so every command here names the card its actor sees; `target` says
// which board that is (the card's own, or a small group's: room/groups.ts).
import { LIMITS, textLength, type Card, type Command, type PostItFlag } from '../protocol/index.ts';
import type { BoardState, DecideContext, RoomEvent, RoomState } from '../room/state.ts';
import { accept, refuse, type Decision } from '../room/decision.ts';
import { boardModerated } from '../room/cards.ts';
import type { Target } from '../room/groups.ts';
import { normaliseText } from './text.ts';
import { flagsFor } from './flags.ts';
import { own } from '../room/own.ts';

type BoardCommand = Extract<Command, { type: `board.${string}` | `postIt.${string}` | `cluster.${string}` }>;

export function isBoardCommand(command: Command): command is BoardCommand {
  return /^(board|postIt|cluster)\./.test(command.type);
}

function cleanText(raw: string, max: number): { ok: true; text: string } | { ok: false; decision: Decision } {
  const text = normaliseText(raw);
  if (!text) return { ok: false, decision: refuse('invalid', 'Schrijf eerst iets op.') };
  if (textLength(text) > max) return { ok: false, decision: refuse('limit', `Hoogstens ${max} tekens.`) };
  return { ok: true, text };
}

export function decideBoard(state: RoomState, command: BoardCommand, ctx: DecideContext, target: Target): Decision {
  const card = target.card;
  if (!card.board) return refuse('invalid', 'Op deze kaart is geen bord.');
  const board = own(state.boards, target.boardKey);
  if (!board) return refuse('closed', 'Dit bord is nog niet geopend.');
  // Events name the board they change; for a group's board that is its key, not the card's id.
  const cardId = target.boardKey;
  const postIt = 'postItId' in command ? own(board.postIts, command.postItId) : undefined;
  if ('postItId' in command && !postIt) return refuse('not-found', 'Deze post-it bestaat niet (meer).');

  switch (command.type) {
    case 'board.open':
    case 'board.close':
      if (board.open === (command.type === 'board.open')) return accept([]);
      return accept([{ type: command.type === 'board.open' ? 'boardOpened' : 'boardClosed', cardId }]);
    case 'board.reveal':
    case 'board.hide':
      if (board.revealed === (command.type === 'board.reveal')) return accept([]);
      return accept([{ type: command.type === 'board.reveal' ? 'boardRevealed' : 'boardHidden', cardId }]);

    case 'postIt.add': {
      if (ctx.actor.role !== 'participant') return refuse('forbidden', 'Alleen deelnemers schrijven post-its.');
      if (!board.open) return refuse('closed', 'Het bord is gesloten.');
      const columnId = command.columnId ?? null;
      const columns = card.board.columns ?? [];
      if (card.board.layout === 'columns' && !columns.some((c) => c.id === columnId)) {
        return refuse('invalid', 'Kies een kolom.');
      }
      if (card.board.layout === 'wall' && columnId !== null) return refuse('invalid', 'Dit bord heeft geen kolommen.');
      const author = ctx.actor.participant;
      const mine = Object.values(board.postIts).filter((p) => p.author === author).length;
      if (mine >= LIMITS.postItsPerParticipantPerCard) {
        return refuse('limit', `Je kunt hier hoogstens ${LIMITS.postItsPerParticipantPerCard} post-its plakken.`);
      }
      // Hidden post-its do not take room: hiding spam frees the board for the class.
      const onBoard = Object.values(board.postIts).filter((p) => p.status !== 'hidden').length;
      if (onBoard >= LIMITS.postItsPerCard) return refuse('limit', 'Het bord is vol.');
      const clean = cleanText(command.text, LIMITS.postItChars);
      if (!clean.ok) return clean.decision;
      const postItId = ctx.newId();
      const flags = flagsFor(clean.text);
      return accept(
        [{ type: 'postItAdded', cardId, postItId, author, text: clean.text, columnId, status: arrivalStatus(state, card, flags), flags }],
        { postItId, text: clean.text },
      );
    }
    case 'postIt.edit':
    case 'postIt.withdraw': {
      if (ctx.actor.role !== 'participant' || postIt!.author !== ctx.actor.participant) {
        return refuse('forbidden', 'Je kunt alleen je eigen post-its aanpassen.');
      }
      if (!board.open) return refuse('closed', 'Het bord is gesloten.');
      if (command.type === 'postIt.withdraw') return accept([{ type: 'postItWithdrawn', cardId, postItId: postIt!.id }]);
      const clean = cleanText(command.text, LIMITS.postItChars);
      if (!clean.ok) return clean.decision;
      if (clean.text === postIt!.text) return accept([]);
      const flags = flagsFor(clean.text);
      return accept([
        {
          type: 'postItEdited',
          cardId,
          postItId: postIt!.id,
          text: clean.text,
          // A post-it the host hid stays hidden: editing it must not put it back on the wall.
          status: postIt!.status === 'hidden' ? 'hidden' : arrivalStatus(state, card, flags),
          flags,
        },
      ]);
    }

    case 'postIt.approve': {
      const ids = [...new Set(command.postItIds)].filter((id) => own(board.postIts, id)?.status === 'pending');
      if (command.postItIds.some((id) => !own(board.postIts, id))) return refuse('not-found', 'Een post-it bestaat niet (meer).');
      return accept(ids.length ? [{ type: 'postItsApproved', cardId, postItIds: ids }] : []);
    }
    case 'postIt.approveAll': {
      // Flagged post-its (a name, a number) each need a look of their own; "all" leaves them waiting.
      const ids = Object.values(board.postIts)
        .filter((p) => p.status === 'pending' && !p.flags.length)
        .map((p) => p.id)
        .sort();
      return accept(ids.length ? [{ type: 'postItsApproved', cardId, postItIds: ids }] : []);
    }
    case 'postIt.hide':
      return postIt!.status === 'hidden' ? accept([]) : accept([{ type: 'postItHidden', cardId, postItId: postIt!.id }]);
    case 'postIt.unhide': {
      if (postIt!.status !== 'hidden') return accept([]);
      const onBoard = Object.values(board.postIts).filter((p) => p.status !== 'hidden').length;
      if (onBoard >= LIMITS.postItsPerCard) return refuse('limit', 'Het bord is vol. Verberg eerst een andere post-it.');
      return accept([{ type: 'postItUnhidden', cardId, postItId: postIt!.id }]);
    }
    case 'postIt.support': {
      if (ctx.actor.role !== 'participant') return refuse('forbidden', 'Alleen deelnemers steunen een voorstel.');
      if (card.kind !== 'afspraken') return refuse('invalid', 'Op dit bord worden geen afspraken gemaakt.');
      if (!board.open) return refuse('closed', 'Het bord is gesloten.');
      // A proposal merged into another since the phone last looked: the support goes where it went.
      const target = postIt!.mergedInto ? own(board.postIts, postIt!.mergedInto) : postIt;
      if (!target || target.status !== 'approved' || !board.wall.includes(target.id)) {
        return refuse('not-found', 'Dit voorstel staat niet (meer) op het bord.');
      }
      const supports = !!target.supporters && Object.hasOwn(target.supporters, ctx.actor.participant);
      if (supports === command.support) return accept([]);
      return accept([{ type: 'postItSupported', cardId, postItId: target.id, participant: ctx.actor.participant, support: command.support }]);
    }
    case 'postIt.adopt':
      if (card.kind !== 'afspraken') return refuse('invalid', 'Op dit bord worden geen afspraken gemaakt.');
      if (postIt!.status !== 'approved' || postIt!.mergedInto) return refuse('invalid', 'Neem een goedgekeurd voorstel aan dat zelf op het bord staat.');
      if ((postIt!.adopted ?? false) === command.adopted) return accept([]);
      return accept([{ type: 'postItAdopted', cardId, postItId: postIt!.id, adopted: command.adopted }]);
    case 'postIt.highlight':
      if (postIt!.highlighted === command.highlighted) return accept([]);
      return accept([{ type: 'postItHighlighted', cardId, postItId: postIt!.id, highlighted: command.highlighted }]);
    case 'postIt.merge': {
      const into = own(board.postIts, command.intoId);
      if (!into) return refuse('not-found', 'Deze post-it bestaat niet (meer).');
      if (into.id === postIt!.id || into.mergedInto || into.status !== 'approved') {
        return refuse('invalid', 'Voeg samen met een goedgekeurde post-it die zelf op het bord staat.');
      }
      const events: RoomEvent[] = [{ type: 'postItMerged', cardId, postItId: postIt!.id, intoId: into.id }];
      // Duplicates of the merged one follow it, so merging never leaves a chain.
      for (const p of Object.values(board.postIts)) {
        if (p.mergedInto === postIt!.id) events.push({ type: 'postItMerged', cardId, postItId: p.id, intoId: into.id });
      }
      return accept(events);
    }
    case 'postIt.move': {
      const columnId = command.columnId === undefined ? postIt!.columnId : command.columnId;
      const clusterId = command.clusterId === undefined ? postIt!.clusterId : command.clusterId;
      if (card.board.layout === 'columns' && !(card.board.columns ?? []).some((c) => c.id === columnId)) {
        return refuse('invalid', 'Deze kolom bestaat niet.');
      }
      if (card.board.layout === 'wall' && columnId !== null) return refuse('invalid', 'Dit bord heeft geen kolommen.');
      if (clusterId !== null && !board.clusters.some((c) => c.id === clusterId)) return refuse('not-found', 'Deze groep bestaat niet.');
      if (columnId === postIt!.columnId && clusterId === postIt!.clusterId) return accept([]);
      // Grouping and changing a column are separate acts: the column is what the writer chose
      // (nooit / soms / vaak), so a move into a group never changes it along the way.
      if (columnId !== postIt!.columnId && clusterId !== postIt!.clusterId) {
        return refuse('invalid', 'Zet een post-it in een groep óf in een andere kolom, niet allebei tegelijk.');
      }
      return accept([{ type: 'postItMoved', cardId, postItId: postIt!.id, columnId, clusterId }]);
    }

    case 'cluster.create': {
      if (board.clusters.length >= LIMITS.clustersPerCard) return refuse('limit', `Hoogstens ${LIMITS.clustersPerCard} groepen.`);
      const clean = cleanClusterName(command.name);
      if (!clean.ok) return clean.decision;
      if (nameTaken(board, clean.text)) return refuse('conflict', 'Er is al een groep met deze naam.');
      const clusterId = ctx.newId();
      return accept([{ type: 'clusterCreated', cardId, clusterId, name: clean.text }], { clusterId });
    }
    case 'cluster.rename': {
      if (!board.clusters.some((c) => c.id === command.clusterId)) return refuse('not-found', 'Deze groep bestaat niet.');
      const clean = cleanClusterName(command.name);
      if (!clean.ok) return clean.decision;
      if (nameTaken(board, clean.text, command.clusterId)) return refuse('conflict', 'Er is al een groep met deze naam.');
      return accept([{ type: 'clusterRenamed', cardId, clusterId: command.clusterId, name: clean.text }]);
    }
    case 'cluster.remove':
      if (!board.clusters.some((c) => c.id === command.clusterId)) return refuse('not-found', 'Deze groep bestaat niet.');
      return accept([{ type: 'clusterRemoved', cardId, clusterId: command.clusterId }]);
  }
}

/**
 * Whether a new or edited post-it waits for the host. On a moderated board every one does; on an
 * open board only one that may name or reach someone, so the wall never shows it unseen.
 */
function arrivalStatus(state: RoomState, card: Card, flags: PostItFlag[]): 'pending' | 'approved' {
  return boardModerated(state, card) || flags.length ? 'pending' : 'approved';
}

/** Two groups with one name would confuse the wall and the report; case does not make a new name. */
function nameTaken(board: BoardState, name: string, exceptId?: string): boolean {
  return board.clusters.some((c) => c.id !== exceptId && c.name.toLocaleLowerCase('nl') === name.toLocaleLowerCase('nl'));
}

function cleanClusterName(raw: string) {
  return cleanText(raw.replace(/\n/g, ' '), LIMITS.clusterNameChars);
}

/** Post-its ready for the wall: approved, not merged away, not yet on it. */
export function unpublished(board: BoardState): string[] {
  const onWall = new Set(board.wall);
  return Object.values(board.postIts)
    .filter((p) => p.status === 'approved' && !p.mergedInto && !onWall.has(p.id))
    .map((p) => p.id)
    .sort();
}

/**
 * The server calls this on a timer. New post-its join the wall in batches, sorted by their random
 * ids, so their place says nothing about who wrote them or when; what is on the wall never moves.
 * A batch waits until it holds `minBatch` post-its, so a lone new post-it does not appear the
 * moment its writer looks up from the phone; the server lowers it to 1 after a random delay.
 */
export function decidePublish(state: RoomState, minBatch: number): RoomEvent[] {
  if (state.status === 'ended') return [];
  const events: RoomEvent[] = [];
  for (const [cardId, board] of Object.entries(state.boards)) {
    const ids = unpublished(board);
    if (ids.length && ids.length >= minBatch) events.push({ type: 'postItsPublished', cardId, postItIds: ids });
  }
  return events;
}
