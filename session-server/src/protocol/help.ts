// Help contacts: the school's own (filled in by the host at the start) and national lines
// (one data file a school can adjust: site/data/hulplijnen.yaml).
import { z } from 'zod';

const optionalText = (max: number) => z.string().trim().max(max, `hoogstens ${max} tekens`).optional();

export const NationalHelpLine = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
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
  /** A free line, e.g. "Je mentor: meneer De Vries, lokaal 2.14". */
  mentor: optionalText(160),
});
export type SchoolContacts = z.infer<typeof SchoolContacts>;
