// An afspraken board on the beamer: the proposals with how many support them, the adopted ones on
// top and marked in words (not only colour). Counts reach the beamer in batches like everything else.
import '../../styles/afspraken.css';
import { For, Show } from 'solid-js';
import type { BeamerView } from '@protocol';
import { supportsText } from '../../components/afspraken/AfsprakenList.tsx';

type Board = NonNullable<BeamerView['board']>;

export function BeamerProposals(props: { board: Board }) {
  const ordered = () =>
    props.board.postIts
      .slice()
      .sort((a, b) => Number(!!b.adopted) - Number(!!a.adopted) || (b.supports ?? 0) - (a.supports ?? 0) || a.text.localeCompare(b.text, 'nl'));
  // Many proposals: two columns and a smaller size, so they fit one screen.
  const many = () => props.board.postIts.length > 8;
  return (
    <div class="beamer-proposals" classList={{ 'beamer-proposals--many': many() }}>
      <p class="beamer__note">Steun op je telefoon de afspraken die jij wilt dragen.</p>
      <ul class="beamer-proposals__list">
        <For each={ordered()}>
          {(p) => (
            <li class="beamer-proposal" classList={{ 'beamer-proposal--adopted': !!p.adopted }}>
              <Show when={p.adopted}>
                <span class="beamer-proposal__adopted">Afgesproken ✓</span>
              </Show>
              <span class="beamer-proposal__text" dir="auto">
                {p.text}
              </span>
              <span class="beamer-proposal__supports">{supportsText(p.supports ?? 0)}</span>
            </li>
          )}
        </For>
      </ul>
    </div>
  );
}
