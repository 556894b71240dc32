// Help contacts: the school's own (filled in by the host at the start) and national lines
// (one data file a school can adjust: site/data/hulplijnen.yaml).
import { z } from 'zod';
import { CLASS_AGES, HELP_AUDIENCES } from './help-audiences.ts';

// The pure part (which lines fit whom) lives in help-audiences.ts, without zod, for the phone's page.
export * from './help-audiences.ts';

const optionalText = (max: number) => z.string().trim().max(max, `hoogstens ${max} tekens`).optional();

export const HelpLineId = z.string().regex(/^[a-z0-9-]+$/, 'gebruik kleine letters, cijfers en streepjes');

/**
 * Who a session is for, as far as help goes: a class under 18, a class of 18 or older, or
 * colleagues. A mixed class counts as both class audiences.
 */
export const HelpAudience = z.enum(HELP_AUDIENCES);
export type HelpAudience = z.infer<typeof HelpAudience>;

/** The age of a class, asked when starting a class session; a mixed class gets both lines. */
export const ClassAge = z.enum(CLASS_AGES);
export type ClassAge = z.infer<typeof ClassAge>;

export const NationalHelpLine = z.strictObject({
  id: HelpLineId,
  name: z.string().trim().min(1).max(80),
  /** What you can go there for, in one plain sentence. */
  about: z.string().trim().min(1).max(240),
  phone: optionalText(40),
  /** Shown as a link; only https addresses. */
  website: z.url({ protocol: /^https$/ }).optional(),
  /** When reachable, e.g. "dag en nacht". */
  when: optionalText(120),
  /** e.g. "tot 18 jaar"; shown as a note. */
  forWhom: optionalText(80),
  /** The sessions that list this line in their general help; [] means only through a card's `help`. */
  audiences: z.array(HelpAudience).refine((a) => new Set(a).size === a.length, 'elke doelgroep één keer'),
  /** Where and when the number and hours were last checked, e.g. "113.nl, 28 november 2026". */
  checked: z.string().trim().min(1).max(160),
});
export type NationalHelpLine = z.infer<typeof NationalHelpLine>;

/** What the host fills in when starting a session. Everything is optional but the vertrouwenspersoon's name is asked first. */
export const SchoolContacts = z.strictObject({
  vertrouwenspersoon: z
    .strictObject({
      name: optionalText(80),
      phone: optionalText(40),
      email: z.union([z.email('dit lijkt geen e-mailadres').max(120), z.literal('')]).optional(),
      when: optionalText(120),
    })
    .default({}),
  /** A free line for a class, e.g. "Je mentor: meneer De Vries, lokaal 2.14". */
  mentor: optionalText(160),
  /** A free line for a team, e.g. bedrijfsmaatschappelijk werk or the union. */
  other: optionalText(160),
});
export type SchoolContacts = z.infer<typeof SchoolContacts>;
