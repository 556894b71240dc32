// Starts the phone on the join page. Not an Astro island: Astro's island runtime (its renderer and
// Solid's store, which it needs) would add two files to the phone's first load on a slow school
// network (issue 11). The page renders the join form at build time, so it shows and even works
// (a plain GET with ?code=) before this runs; this then puts the live form in its place, keeping
// what was typed and where the focus was.
import { render } from 'solid-js/web';
import Phone from '../Phone.tsx';

const root = document.getElementById('telefoon')!;
const field = root.querySelector<HTMLInputElement>('#code');
const draft = field?.value ?? '';
const focused = !!field && document.activeElement === field;
root.replaceChildren();
render(() => <Phone draft={draft} />, root);
if (focused) root.querySelector<HTMLInputElement>('#code')?.focus();
// Live from here on (the page-weight bench measures until this moment).
root.dataset.live = '';
