// A team meeting's own record, beside the cards: the case (typed by whoever brings it in, or the
// host), the dilemma in one sentence, conclusions and agreed actions the host writes down, and each
// participant's private "wat neem ik mee". Decided, applied and shown from here.
//
// Privacy: a case draft from a phone reaches the host as text only (never who typed it) and the
// beamer only once the host puts it there; a reflection reaches nobody but its author, unless the
// author shares its action point, and shared points show only once at least the minimum group size
// shared one. At the end drafts, the case and reflections go; dilemma, conclusions, actions and
// shared action points (if enough) stay for the report.
import { LIMITS, PASS, scaleOptions, textLength, type Card, type Command, type PostItFlag } from '../protocol/index.ts';
import type { DecideContext, RoomEvent, RoomState } from './state.ts';
import { accept, refuse, type Decision } from './decision.ts';
import { currentCard } from './cards.ts';
import { normaliseText } from '../boards/text.ts';
import { flagsFor } from '../boards/flags.ts';
import { own } from './own.ts';

export interface Reflection {
  /** Statement index -> option id of the card's reflection scale. */
  answers: Record<string, string>;
  notes: string;
  action: string;
  /** The author chose to share the action point with the group. */
  shared: boolean;
}

export interface AgreedAction {
  id: string;
  what: string;
  /** A role, never a name: "de mentor", "de teamleider". */
  who: string;
  when: string;
}

export interface MeetingState {
  /** The case as the host put it on the beamer; null until then. */
  case: string | null;
  /** Drafts typed on phones, by author hash, waiting for the host. */
  caseDrafts: Record<string, string>;
  dilemma: string | null;
  conclusions: { id: string; text: string }[];
  actions: AgreedAction[];
  /** Private "wat neem ik mee" per author hash and card; emptied at the end. */
  reflections: Record<string, Record<string, Reflection>>;
  /** Shared action points kept after the end (when enough shared). */
  sharedKept: string[];
}

export type MeetingEvent =
  | { type: 'caseDrafted'; participant: string; text: string }
  | { type: 'caseSet'; text: string | null }
  | { type: 'dilemmaSet'; text: string | null }
  | { type: 'conclusionAdded'; id: string; text: string }
  | { type: 'conclusionRemoved'; id: string }
  | { type: 'actionAdded'; action: AgreedAction }
  | { type: 'actionRemoved'; id: string }
  | { type: 'reflectionSaved'; participant: string; cardId: string; reflection: Reflection };

export const MEETING_EVENTS: ReadonlySet<string> = new Set([
  'caseDrafted',
  'caseSet',
  'dilemmaSet',
  'conclusionAdded',
  'conclusionRemoved',
  'actionAdded',
  'actionRemoved',
  'reflectionSaved',
]);

export const emptyMeeting = (): MeetingState => ({
  case: null,
  caseDrafts: {},
  dilemma: null,
  conclusions: [],
  actions: [],
  reflections: {},
  sharedKept: [],
});

export const meetingOf = (state: RoomState): MeetingState => state.meeting ?? emptyMeeting();

type MeetingCommand = Extract<
  Command,
  { type: 'case.draft' | 'case.set' | 'dilemma.set' | 'conclusion.add' | 'conclusion.remove' | 'action.add' | 'action.remove' | 'reflection.save' }
>;

export function isMeetingCommand(command: Command): command is MeetingCommand {
  return /^(case|dilemma|conclusion|action|reflection)\./.test(command.type);
}

function clean(raw: string, max: number, what: string, oneLine = true): { ok: true; text: string } | { ok: false; decision: Decision } {
  const text = normaliseText(oneLine ? raw.replace(/\n/g, ' ') : raw);
  if (!text) return { ok: false, decision: refuse('invalid', `Schrijf eerst ${what} op.`) };
  if (textLength(text) > max) return { ok: false, decision: refuse('limit', `Hoogstens ${max} tekens.`) };
  return { ok: true, text };
}

export function decideMeeting(state: RoomState, command: MeetingCommand, ctx: DecideContext): Decision {
  const meeting = meetingOf(state);
  const card = currentCard(state);
  switch (command.type) {
    case 'case.draft': {
      if (ctx.actor.role !== 'participant') return refuse('forbidden', 'Alleen deelnemers typen hier een casus.');
      if (card.step?.case !== 'write') return refuse('closed', 'Nu wordt er geen casus getypt.');
      const text = clean(command.text, LIMITS.caseChars, 'de casus', false);
      if (!text.ok) return text.decision;
      if (own(meeting.caseDrafts, ctx.actor.participant) === text.text) return accept([]);
      return accept([{ type: 'caseDrafted', participant: ctx.actor.participant, text: text.text }]);
    }
    case 'case.set': {
      if (!command.text.trim()) return meeting.case === null ? accept([]) : accept([{ type: 'caseSet', text: null }]);
      const text = clean(command.text, LIMITS.caseChars, 'de casus', false);
      if (!text.ok) return text.decision;
      return text.text === meeting.case ? accept([]) : accept([{ type: 'caseSet', text: text.text }]);
    }
    case 'dilemma.set': {
      if (!command.text.trim()) return meeting.dilemma === null ? accept([]) : accept([{ type: 'dilemmaSet', text: null }]);
      const text = clean(command.text, LIMITS.recordChars, 'het dilemma');
      if (!text.ok) return text.decision;
      return text.text === meeting.dilemma ? accept([]) : accept([{ type: 'dilemmaSet', text: text.text }]);
    }
    case 'conclusion.add': {
      if (meeting.conclusions.length >= LIMITS.recordsPerMeeting) return refuse('limit', `Hoogstens ${LIMITS.recordsPerMeeting} conclusies.`);
      const text = clean(command.text, LIMITS.recordChars, 'de conclusie');
      if (!text.ok) return text.decision;
      return accept([{ type: 'conclusionAdded', id: ctx.newId(), text: text.text }]);
    }
    case 'conclusion.remove':
      if (!meeting.conclusions.some((c) => c.id === command.recordId)) return refuse('not-found', 'Deze conclusie bestaat niet (meer).');
      return accept([{ type: 'conclusionRemoved', id: command.recordId }]);
    case 'action.add': {
      if (meeting.actions.length >= LIMITS.recordsPerMeeting) return refuse('limit', `Hoogstens ${LIMITS.recordsPerMeeting} acties.`);
      const what = clean(command.what, LIMITS.recordChars, 'wat er gebeurt');
      if (!what.ok) return what.decision;
      const who = clean(command.who, LIMITS.actionPartChars, 'wie het doet (een rol)');
      if (!who.ok) return who.decision;
      const when = clean(command.when, LIMITS.actionPartChars, 'wanneer');
      if (!when.ok) return when.decision;
      return accept([{ type: 'actionAdded', action: { id: ctx.newId(), what: what.text, who: who.text, when: when.text } }]);
    }
    case 'action.remove':
      if (!meeting.actions.some((a) => a.id === command.recordId)) return refuse('not-found', 'Deze actie bestaat niet (meer).');
      return accept([{ type: 'actionRemoved', id: command.recordId }]);
    case 'reflection.save': {
      if (ctx.actor.role !== 'participant') return refuse('forbidden', 'Dit vul je voor jezelf in.');
      const reflection = card.reflection;
      if (!reflection || command.cardId !== card.id) return refuse('conflict', 'Deze kaart is niet meer aan de beurt.');
      const options = new Set(scaleOptions({ scale: reflection.scale ?? 'eens-oneens' }).map((o) => o.id));
      const answers: Record<string, string> = {};
      for (const [key, choice] of Object.entries(command.answers)) {
        const index = Number(key);
        if (!Number.isInteger(index) || index < 0 || index >= reflection.statements.length) return refuse('invalid', 'Deze stelling bestaat niet.');
        if (choice !== PASS && !options.has(choice)) return refuse('invalid', 'Dit antwoord hoort niet bij deze stelling.');
        answers[String(index)] = choice;
      }
      const notes = normaliseText(command.notes);
      const action = normaliseText(command.action.replace(/\n/g, ' '));
      if (textLength(notes) > LIMITS.reflectionNotesChars) return refuse('limit', `Hoogstens ${LIMITS.reflectionNotesChars} tekens.`);
      if (textLength(action) > LIMITS.recordChars) return refuse('limit', `Je actiepunt mag hoogstens ${LIMITS.recordChars} tekens hebben.`);
      if (command.shared && !action) return refuse('invalid', 'Schrijf eerst een actiepunt op om het te delen.');
      return accept([
        { type: 'reflectionSaved', participant: ctx.actor.participant, cardId: card.id, reflection: { answers, notes, action, shared: command.shared } },
      ]);
    }
  }
}

export function applyMeetingEvent(state: RoomState, event: MeetingEvent): RoomState {
  const m = meetingOf(state);
  const next = (meeting: MeetingState): RoomState => ({ ...state, meeting });
  switch (event.type) {
    case 'caseDrafted':
      return next({ ...m, caseDrafts: { ...m.caseDrafts, [event.participant]: event.text } });
    case 'caseSet':
      return next({ ...m, case: event.text });
    case 'dilemmaSet':
      return next({ ...m, dilemma: event.text });
    case 'conclusionAdded':
      return next({ ...m, conclusions: [...m.conclusions, { id: event.id, text: event.text }] });
    case 'conclusionRemoved':
      return next({ ...m, conclusions: m.conclusions.filter((c) => c.id !== event.id) });
    case 'actionAdded':
      return next({ ...m, actions: [...m.actions, event.action] });
    case 'actionRemoved':
      return next({ ...m, actions: m.actions.filter((a) => a.id !== event.id) });
    case 'reflectionSaved': {
      const mine = own(m.reflections, event.participant) ?? {};
      return next({ ...m, reflections: { ...m.reflections, [event.participant]: { ...mine, [event.cardId]: event.reflection } } });
    }
  }
}

/** Action points their authors shared, as texts in alphabetical order (nothing about who or when);
 *  none while fewer than the minimum group size shared one. */
export function sharedActions(state: RoomState): string[] {
  const m = meetingOf(state);
  // After the seal the reflections are gone and only the kept points remain.
  if (state.status === 'ended' && !Object.keys(m.reflections).length) return m.sharedKept;
  const texts = Object.values(m.reflections).flatMap((byCard) => Object.values(byCard).filter((r) => r.shared && r.action).map((r) => r.action));
  const sharers = Object.values(m.reflections).filter((byCard) => Object.values(byCard).some((r) => r.shared && r.action)).length;
  return sharers >= state.minGroupSize ? texts.sort((a, b) => a.localeCompare(b, 'nl')) : [];
}

/** What the meeting keeps after the end: the record for the report, no drafts, case or reflections. */
export function anonymiseMeeting(state: RoomState): MeetingState | undefined {
  if (!state.meeting) return undefined;
  return { ...state.meeting, case: null, caseDrafts: {}, reflections: {}, sharedKept: sharedActions(state) };
}

/** The meeting as host and beamer see it. */
export type MeetingView = ReturnType<typeof buildMeetingView>;

/**
 * Host and beamer views are built on every batch tick of every room, and the meeting changes far
 * less often (in a class lesson, never): each meeting state keeps its last view per role, with
 * what else it was built from, so a tick reuses it instead of building the arrays again and
 * checking every case draft's text again. A room without a meeting shares one key.
 */
const meetingViews = new WeakMap<object, Partial<Record<'host' | 'beamer', { caseShown: boolean; ended: boolean; minGroupSize: number; view: MeetingView }>>>();
const NO_MEETING = {};

export function meetingView(state: RoomState, role: 'host' | 'beamer'): MeetingView {
  const ended = state.status === 'ended';
  // The case is on the beamer during the steps that show it; the host always has it.
  const caseShown = role === 'host' || (!ended && !!currentCard(state).step?.case);
  const key = state.meeting ?? NO_MEETING;
  let views = meetingViews.get(key);
  const last = views?.[role];
  if (last && last.caseShown === caseShown && last.ended === ended && last.minGroupSize === state.minGroupSize) return last.view;
  const view = buildMeetingView(state, role, caseShown);
  if (!views) meetingViews.set(key, (views = {}));
  views[role] = { caseShown, ended, minGroupSize: state.minGroupSize, view };
  return view;
}

function buildMeetingView(state: RoomState, role: 'host' | 'beamer', caseShown: boolean) {
  const m = meetingOf(state);
  return {
    case: caseShown ? m.case : null,
    dilemma: m.dilemma,
    conclusions: m.conclusions.map((c) => ({ id: c.id, text: c.text })),
    actions: m.actions.map((a) => ({ ...a })),
    sharedActions: sharedActions(state),
    // Drafts as text only, sorted so their order says nothing about who typed first.
    ...(role === 'host'
      ? {
          caseDrafts: Object.values(m.caseDrafts)
            .sort((a, b) => a.localeCompare(b, 'nl'))
            .map((text) => ({ text, flags: flagsFor(text) as PostItFlag[] })),
          caseFlags: m.case ? (flagsFor(m.case) as PostItFlag[]) : [],
        }
      : {}),
  };
}

/** What a phone sees of the meeting: its own case draft and its own reflection on this card. */
export function participantMeeting(state: RoomState, participant: string, card: Card | null) {
  const m = meetingOf(state);
  return {
    caseDraft: card?.step?.case === 'write' ? (own(m.caseDrafts, participant) ?? null) : null,
    reflection: card?.reflection ? (own(own(m.reflections, participant) ?? {}, card.id) ?? null) : null,
  };
}

export type { RoomEvent };
