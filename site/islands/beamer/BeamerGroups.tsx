// Small groups on the beamer: one tile per group, side by side, each with its card and its wall.
// A group's wall shows only what the view gives (revealed, and enough people wrote in all groups
// together); otherwise the tile says why it is empty. Tiles fit the screen; a wall longer than its
// tile ends at the tile's edge, and the heading says how many post-its it holds. No waiting count
// per group: it would point at one of three to five people (see room/group-views.ts).
import { For, Show } from 'solid-js';
import type { BeamerGroup } from '@protocol';
import { columnColour } from '../../components/card/labels.ts';
import { WallPostIt } from './WallPostIt.tsx';
import '../../styles/beamer-groups.css';

export function BeamerGroups(props: { groups: BeamerGroup[] }) {
  // Columns so that up to 8 groups fit 16:9 with readable text: 1-3 in a row, 4 as 2x2, then 3 or 4 wide.
  const columns = () => {
    const n = props.groups.length;
    return n <= 3 ? n : n === 4 ? 2 : n <= 6 ? 3 : 4;
  };
  const sameCard = () => new Set(props.groups.map((g) => g.card.id)).size === 1;

  return (
    <div class="beamer-groups">
      <header class="beamer-groups__head">
        <h1 id="beamer-titel">Groepjes</h1>
        <Show when={sameCard()}>
          <p class="beamer__summary">
            {props.groups[0]!.card.title}: {props.groups[0]!.card.board?.prompt}
          </p>
        </Show>
      </header>
      <ol class="beamer-groups__grid" style={{ '--group-columns': String(columns()) }}>
        <For each={props.groups}>
          {(group) => (
            <li class="beamer-group" aria-labelledby={`beamer-groepje-${group.number}`}>
              <h2 id={`beamer-groepje-${group.number}`}>
                Groepje {group.number}
                {/* Said out loud in the heading, so a wall longer than its tile is not cut off in silence. */}
                <Show when={group.board.postIts.length}>
                  <span class="beamer-group__count">
                    <span aria-hidden="true"> · </span>
                    <span class="sr-only">, </span>
                    {group.board.postIts.length === 1 ? '1 post-it' : `${group.board.postIts.length} post-its`}
                  </span>
                </Show>
              </h2>
              <Show when={!sameCard()}>
                <p class="beamer-group__card">{group.card.title}</p>
              </Show>
              <Show
                when={group.board.postIts.length}
                fallback={
                  <p class="beamer-group__state">
                    {group.board.tooFew
                      ? 'Verborgen tot genoeg mensen iets schreven.'
                      : group.board.revealed
                        ? 'Nog geen post-its.'
                        : 'Aan het schrijven…'}
                  </p>
                }
              >
                <ul class="beamer-group__wall">
                  <For each={group.board.postIts}>
                    {(postIt) => <WallPostIt item={{ postIt, colour: columnColour(group.card, postIt.columnId), scale: 1, flat: false }} />}
                  </For>
                </ul>
              </Show>
            </li>
          )}
        </For>
      </ol>
    </div>
  );
}
