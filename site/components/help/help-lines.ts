// The national help lines on the phone: not inside the join page but a file of their own
// (pages/hulplijnen.json.ts), with the help's contents (HelpBody.tsx): a phone on a slow school
// network votes sooner without them (issue 11). Every phone fetches both a few seconds after its
// page started (islands/Phone.tsx), whether or not anyone opens the help, so the fetch tells nobody
// that it was opened; help opened before that fetches at once.
import { createSignal } from 'solid-js';
import type { NationalHelpLine } from '@protocol';

const [lines, setLines] = createSignal<NationalHelpLine[] | null>(null);
const [failed, setFailed] = createSignal(false);
let loading: Promise<void> | null = null;

/** The lines, once here; null until then. */
export const helpLines = lines;
/** The last attempt failed (offline): opening the help tries again. */
export const helpLinesFailed = failed;

/** Fetches the lines once; after a failure, again on the next call. */
export function loadHelpLines(): Promise<void> {
  loading ??= fetch('/hulplijnen.json')
    .then((response) => {
      if (!response.ok) throw new Error(String(response.status));
      return response.json() as Promise<NationalHelpLine[]>;
    })
    .then(
      (loaded) => {
        setFailed(false);
        setLines(loaded);
      },
      () => {
        loading = null;
        setFailed(true);
      },
    );
  return loading;
}
