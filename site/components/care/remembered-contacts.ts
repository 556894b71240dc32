// The start form remembers the school's help contacts on this computer (localStorage, one set for
// class decks and one for team decks), so a host does not type the vertrouwenspersoon every time.
// Nothing of this leaves the computer until the host starts a session with it.
import { SchoolContacts } from '@protocol';

const keyFor = (audience: 'klas' | 'team') => `kring:contacts:${audience}`;

export function rememberedContacts(audience: 'klas' | 'team'): SchoolContacts | null {
  try {
    const stored = localStorage.getItem(keyFor(audience));
    const parsed = stored ? SchoolContacts.safeParse(JSON.parse(stored)) : null;
    return parsed?.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function rememberContacts(audience: 'klas' | 'team', contacts: SchoolContacts) {
  const v = contacts.vertrouwenspersoon;
  const any = v.name || v.phone || v.email || v.when || contacts.mentor || contacts.other;
  try {
    if (any) localStorage.setItem(keyFor(audience), JSON.stringify(contacts));
    else localStorage.removeItem(keyFor(audience));
  } catch {
    // storage blocked: the form simply asks again next time
  }
}

export function forgetContacts(audience: 'klas' | 'team') {
  try {
    localStorage.removeItem(keyFor(audience));
  } catch {
    // nothing stored, or storage blocked
  }
}
