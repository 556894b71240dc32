// decide(state, command, ctx) -> events | refusal. Every rule about who may do what lives here
// (or in boards/decide-board.ts), in the same order: AUTH, VALIDATION, RESOLUTION.
import { commandRole, MIN_GROUP_SIZE_FLOOR, PASS, type Command } from '../protocol/index.ts';
import type { Actor, DecideContext, RoomEvent, RoomState } from './state.ts';
import { accept, refuse, type Decision } from './decision.ts';
import { decideBoard, isBoardCommand } from '../boards/decide-board.ts';
import { currentCard, findCard, playedCards } from './cards.ts';
import { arrangeCards, addOwnCard } from './own-cards.ts';
import { decideMeeting, isMeetingCommand } from './meeting.ts';
import { isOption, nextReveal, optionIds, snapshotNow } from './votes.ts';
import { own } from './own.ts';
import { decideGroups, targetOf } from './groups.ts';
import { closingPoint, decideOverloopReveal, decideOverloopSample, isOverloopCard } from './overloop.ts';
import { decideTimer, isTimerCommand } from './timer.ts';

/** A participant joins implicitly on their first connection with a new token. */
export function decideJoin(state: RoomState, participant: string, maxParticipants: number): Decision {
  if (state.participants.has(participant)) return accept([]);
  if (state.status === 'ended') return accept([]); // they see the closing screen; nothing to record
  if (state.locked) return refuse('closed', 'Deze sessie is gesloten voor nieuwe deelnemers.');
  if (state.joined >= maxParticipants) return refuse('limit', 'Deze sessie is vol.');
  return accept([{ type: 'participantJoined', participant }]);
}

function mayAct(actor: Actor, command: Command): boolean {
  if (actor.role === 'host' || actor.role === 'participant') return commandRole(command.type) === actor.role;
  // The server ends a session that nobody hosted for hours, so its link to phones does not linger,
  // and takes the points of an overloopdebat on its interval.
  if (actor.role === 'system') return command.type === 'session.end' || command.type === 'overloop.sample';
  return false; // the beamer only watches
}

export function decide(state: RoomState, command: Command, ctx: DecideContext): Decision {
  // AUTH
  if (!mayAct(ctx.actor, command)) return refuse('forbidden', 'Dat mag alleen de gespreksleider.');
  if (state.status === 'ended') return refuse('closed', 'Deze sessie is afgelopen.');
  if (ctx.actor.role === 'participant' && !state.participants.has(ctx.actor.participant)) {
    return refuse('forbidden', 'Je doet nog niet mee aan deze sessie.');
  }

  // VALIDATION shared by card commands: they name the card they mean, which must be the one this
  // actor sees (the current one, or their small group's), so a late click on an old card never
  // changes the new one.
  const target = targetOf(state, ctx.actor, command);
  if (!target.ok) return target;
  if ('cardId' in command) {
    if (!findCard(state, command.cardId)) return refuse('not-found', 'Deze kaart bestaat niet.');
    if (command.cardId !== target.target.card.id) return refuse('conflict', 'Deze kaart is niet meer aan de beurt.');
    // Small groups only write: a vote among four would break the minimum group size.
    if (target.target.group !== null && !isBoardCommand(command)) return refuse('closed', 'In een groepje wordt niet gestemd.');
  }

  // RESOLUTION
  if (isBoardCommand(command)) return decideBoard(state, command, ctx, target.target);
  if (isMeetingCommand(command)) return decideMeeting(state, command, ctx);
  if (isTimerCommand(command)) return decideTimer(state, command, ctx.now);
  switch (command.type) {
    case 'card.goto':
      return goToCard(state, command.index, command.voteOnly ?? false);
    case 'cards.arrange':
      return arrangeCards(state, command.cardIds);
    case 'card.add':
      return addOwnCard(state, command);
    case 'vote.open':
    case 'vote.close': {
      const vote = votableCard(state, command.cardId);
      if (!vote.ok) return vote;
      const open = command.type === 'vote.open';
      if ((own(state.votes, command.cardId)?.open ?? false) === open) return accept([]);
      if (!open) return accept([...closingPoint(state, command.cardId, ctx.now), { type: 'voteClosed', cardId: command.cardId }]);
      return accept([{ type: 'voteOpened', cardId: command.cardId }]);
    }
    case 'result.reveal': {
      const votable = votableCard(state, command.cardId);
      if (!votable.ok) return votable;
      const vote = own(state.votes, command.cardId);
      if (!vote) return refuse('closed', 'Op deze vraag is nog niet gestemd.');
      if (isOverloopCard(currentCard(state))) return decideOverloopReveal(state, command.cardId, vote);
      // A fresh snapshot only with enough new answers; otherwise the frozen one is shown again.
      if (nextReveal(vote, state.minGroupSize) === 'new') {
        return accept([{ type: 'resultRevealed', cardId: command.cardId, tally: snapshotNow(vote, state.minGroupSize, optionIds(currentCard(state))) }]);
      }
      if (vote.revealed) {
        return refuse(
          'conflict',
          `Een nieuwe uitslag kan pas als minstens ${state.minGroupSize} mensen na de vorige uitslag hebben gestemd. Of start een nieuwe ronde.`,
        );
      }
      return accept([{ type: 'resultRevealed', cardId: command.cardId, tally: null }]);
    }
    case 'result.hide': {
      const votable = votableCard(state, command.cardId);
      if (!votable.ok) return votable;
      if (!(own(state.votes, command.cardId)?.revealed ?? false)) return accept([]);
      return accept([{ type: 'resultHidden', cardId: command.cardId }]);
    }
    case 'vote.newRound': {
      const votable = votableCard(state, command.cardId);
      if (!votable.ok) return votable;
      const vote = own(state.votes, command.cardId);
      if (!vote || !vote.choices.size) return refuse('conflict', 'In deze ronde heeft nog niemand gestemd.');
      return accept([{ type: 'voteRoundStarted', cardId: command.cardId }]);
    }
    case 'room.lock':
      if (state.locked === command.locked) return accept([]);
      return accept([{ type: 'roomLocked', locked: command.locked }]);
    case 'join.panel':
      if ((state.joinPanelOpen ?? true) === command.open) return accept([]);
      return accept([{ type: 'joinPanelSet', open: command.open }]);
    case 'vote.cast': {
      const vote = votableCard(state, command.cardId);
      if (!vote.ok) return vote;
      if (ctx.actor.role !== 'participant') return refuse('forbidden', 'Alleen deelnemers stemmen.');
      const current = own(state.votes, command.cardId);
      if (!current?.open) return refuse('closed', 'Stemmen is nu gesloten.');
      if (command.choice !== PASS && !isOption(currentCard(state), command.choice)) {
        return refuse('invalid', 'Dit antwoord hoort niet bij deze vraag.');
      }
      const stored = { choice: command.choice, round: current.round };
      if (current.choices.get(ctx.actor.participant) === command.choice) return accept([], stored);
      return accept([{ type: 'voteCast', cardId: command.cardId, participant: ctx.actor.participant, choice: command.choice }], stored);
    }
    case 'settings.minGroupSize':
      // The schema already holds the floor; the model holds it too because it protects participants.
      if (command.minGroupSize < MIN_GROUP_SIZE_FLOOR) return refuse('invalid', `De groep moet minstens ${MIN_GROUP_SIZE_FLOOR} zijn.`);
      if (command.minGroupSize === state.minGroupSize) return accept([]);
      return accept([{ type: 'minGroupSizeSet', minGroupSize: command.minGroupSize }]);
    case 'groups.start':
    case 'groups.end':
      return decideGroups(state, command, ctx);
    case 'session.end':
      return accept([{ type: 'sessionEnded', at: ctx.now }]);
    case 'overloop.sample':
      return decideOverloopSample(state, command.cardId, ctx.now);
    default:
      return refuse('invalid', 'Onbekende opdracht.');
  }
}

/** What votableCard answers for a card that takes votes: one object, read only for `ok` (every answer asks). */
const VOTABLE: Decision = Object.freeze({ ok: true, events: Object.freeze([]) as unknown as RoomEvent[] });

function votableCard(state: RoomState, cardId: string): Decision {
  const card = findCard(state, cardId);
  if (!card) return refuse('not-found', 'Deze kaart bestaat niet.');
  if (!card.vote) return refuse('invalid', 'Op deze kaart wordt niet gestemd.');
  return VOTABLE;
}

/** Showing a card for the first time opens its vote and board, so the host needs no extra click. */
function goToCard(state: RoomState, index: number, voteOnly: boolean): Decision {
  const card = playedCards(state)[index];
  if (!card) return refuse('not-found', 'Deze kaart bestaat niet.');
  if (index === state.cardIndex) return accept([]);
  const events: RoomEvent[] = [{ type: 'cardShown', index }];
  if (card.vote && !own(state.votes, card.id)) events.push({ type: 'voteOpened', cardId: card.id });
  // In a quick voting round the board waits: it opens when the card comes back to be talked about.
  if (card.board && !voteOnly && !own(state.boards, card.id)) events.push({ type: 'boardOpened', cardId: card.id });
  return accept(events);
}
