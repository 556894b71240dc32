// The host's hand in the deck: which cards to play and in which order, and situations of the group's
// own added during the session. Both are decided here; apply() keeps the playlist and extra cards.
import { LIMITS, textLength, type Card, type HostCommand } from '../protocol/index.ts';
import type { RoomState } from './state.ts';
import { accept, refuse, type Decision } from './decision.ts';
import { allCards, currentCard, findCard, playedCards } from './cards.ts';
import { normaliseText } from '../boards/text.ts';

export function arrangeCards(state: RoomState, cardIds: string[]): Decision {
  if (new Set(cardIds).size !== cardIds.length) return refuse('invalid', 'Een kaart staat twee keer in de lijst.');
  const unknown = cardIds.find((id) => !findCard(state, id));
  if (unknown) return refuse('not-found', 'Een kaart in de lijst bestaat niet.');
  // The card on the screen stays: taking it away would pull it from under everyone's phones.
  const index = cardIds.indexOf(currentCard(state).id);
  if (index < 0) return refuse('conflict', 'De kaart die nu op het scherm staat, moet in de lijst blijven.');
  const now = playedCards(state).map((c) => c.id);
  if (now.length === cardIds.length && now.every((id, i) => id === cardIds[i])) return accept([]);
  return accept([{ type: 'cardsArranged', cardIds, index }]);
}

/** What a card of the host's own asks, by its scale. */
const QUESTION: Record<Extract<HostCommand, { type: 'card.add' }>['scale'], string> = {
  'oke-twijfel-niet-oke': 'Is dit oké?',
  'eens-oneens': 'Ben je het hiermee eens?',
  'nooit-soms-vaak': 'Hoe vaak zie of merk je dit?',
};

/** The talk questions every card of the group's own gets: the same ones a dilemma card asks. */
export const OWN_CARD_QUESTIONS = ['Wat gebeurt hier precies?', 'Wat zou jij doen, en waarom?', 'Welke afspraak past hierbij?'];

export function addOwnCard(state: RoomState, command: Extract<HostCommand, { type: 'card.add' }>): Decision {
  if ((state.extraCards?.length ?? 0) >= LIMITS.ownCards) return refuse('limit', `Hoogstens ${LIMITS.ownCards} eigen kaarten.`);
  if (playedCards(state).length >= LIMITS.cardsInPlay) return refuse('limit', `Hoogstens ${LIMITS.cardsInPlay} kaarten in het spel.`);
  // The host's text is shown on the beamer like a post-it: cleaned the same way.
  const title = normaliseText(command.title.replace(/\n/g, ' '));
  const situation = normaliseText(command.situation);
  if (!title) return refuse('invalid', 'Geef de kaart een titel.');
  if (!situation) return refuse('invalid', 'Beschrijf de situatie.');
  if (textLength(title) > LIMITS.ownCardTitleChars) return refuse('limit', `De titel mag hoogstens ${LIMITS.ownCardTitleChars} tekens hebben.`);
  if (textLength(situation) > LIMITS.ownCardSituationChars) {
    return refuse('limit', `De situatie mag hoogstens ${LIMITS.ownCardSituationChars} tekens hebben: kort genoeg om op een telefoon te lezen.`);
  }
  let n = (state.extraCards?.length ?? 0) + 1;
  while (allCards(state).some((c) => c.id === `eigen-${n}`)) n++;
  const card: Card = {
    id: `eigen-${n}`,
    kind: 'dilemma',
    title,
    summary: situation,
    vote: { question: QUESTION[command.scale], scale: command.scale },
    talk: { questions: OWN_CARD_QUESTIONS },
  };
  return accept([{ type: 'cardAdded', card, at: state.cardIndex + 1 }]);
}
