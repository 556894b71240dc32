// What a phone knows about the help that fits it: the school's contacts and, from the view, the
// session's audiences and the lines its cards name. Before joining, nothing but the national lines.
import type { NationalHelpLine, ParticipantView, SchoolContacts } from '@protocol';
import { ALL_HELP_AUDIENCES, helpLinesFor, type HelpAudience } from '@protocol/help-audiences';
import { createSignal } from 'solid-js';

export interface HelpContext {
  contacts: SchoolContacts | null;
  audiences: readonly HelpAudience[];
  cardLines: readonly string[];
}

/** Before a phone is in a session it cannot tell who is asking: every general line. */
export const UNKNOWN_HELP: HelpContext = { contacts: null, audiences: ALL_HELP_AUDIENCES, cardLines: [] };

export const helpContextOf = (view: ParticipantView | null | undefined): HelpContext =>
  view ? { contacts: view.contacts, audiences: view.help.audiences, cardLines: view.help.cardLines } : UNKNOWN_HELP;

/** The lines to list for this context, in the order helpLinesFor gives. */
export const linesFor = (lines: readonly NationalHelpLine[], help: HelpContext) => helpLinesFor(lines, help.audiences, help.cardLines);

/** A session of colleagues: the contacts read as the staff's own. */
export const isTeam = (help: HelpContext) => help.audiences.length === 1 && help.audiences[0] === 'team';

// One help dialog per page: a link elsewhere (a card's notice) asks it to open.
const [openRequests, setOpenRequests] = createSignal(0);
export { openRequests };
export const requestHelp = () => setOpenRequests((n) => n + 1);
