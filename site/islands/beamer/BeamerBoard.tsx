// The post-it wall on the beamer: only after the reveal and only with enough writers, in the order
// the view gives, grouped by the card's columns or the host's clusters. Text is rendered as text.
import { For, Show } from 'solid-js';
import type { BeamerView, Card, WallPostIt } from '@protocol';

type Board = NonNullable<BeamerView['board']>;
interface Group {
  key: string;
  title?: string;
  colour?: string;
  postIts: WallPostIt[];
}

function groupsOf(card: Card, board: Board): Group[] {
  const columns = card.board?.columns;
  if (columns?.length) {
    return columns.map((c) => ({ key: c.id, title: c.label, colour: c.colour, postIts: board.postIts.filter((p) => p.columnId === c.id) }));
  }
  if (!board.clusters.length) return [{ key: 'muur', postIts: board.postIts }];
  const groups: Group[] = board.clusters.map((c) => ({
    key: c.id,
    title: c.name,
    postIts: board.postIts.filter((p) => p.clusterId === c.id),
  }));
  const loose = board.postIts.filter((p) => !board.clusters.some((c) => c.id === p.clusterId));
  if (loose.length) groups.push({ key: 'overig', title: 'Overig', postIts: loose });
  return groups.filter((g) => g.postIts.length);
}

/** Smaller post-its when the wall is full, so it still fits one screen. */
function density(count: number): string {
  if (count <= 8) return 'wall--roomy';
  if (count <= 18) return 'wall--normal';
  if (count <= 36) return 'wall--dense';
  return 'wall--packed';
}

export function BeamerBoard(props: { card: Card; board: Board }) {
  const showWall = () => props.board.revealed && !props.board.tooFew;
  return (
    <div class="beamer__activity beamer__activity--board">
      <p class="beamer__question">{props.card.board?.prompt}</p>
      <Show when={props.board.waiting > 0}>
        <p class="beamer__waiting">
          {props.board.waiting} {props.board.waiting === 1 ? 'post-it wacht' : 'post-its wachten'}
        </p>
      </Show>
      <Show
        when={showWall()}
        fallback={
          <>
            <Show when={props.board.tooFew}>
              <p class="beamer__state">De muur blijft verborgen: te weinig mensen schreven iets.</p>
              <p class="beamer__note">Zo blijft iedereen anoniem.</p>
            </Show>
            <Show when={!props.board.tooFew}>
              <p class="beamer__state" classList={{ 'beamer__state--open': props.board.open }}>
                {props.board.open ? 'Schrijf je post-it op je telefoon' : 'Het bord is gesloten'}
              </p>
              <Show when={props.card.board?.columns?.length}>
                <ul class="beamer__columns">
                  <For each={props.card.board?.columns}>
                    {(column) => (
                      <li class="postit" data-colour={column.colour}>
                        {column.label}
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </Show>
          </>
        }
      >
        <Show when={props.board.postIts.length} fallback={<p class="beamer__state">Nog geen post-its op de muur</p>}>
          <div class={`wall ${density(props.board.postIts.length)}`}>
            <For each={groupsOf(props.card, props.board)}>
              {(group) => (
                <section class="wall__group" aria-label={group.title ?? 'Post-its'}>
                  <Show when={group.title}>
                    <h2 class="wall__title postit" data-colour={group.colour ?? 'grijs'}>
                      {group.title}
                    </h2>
                  </Show>
                  <ul class="wall__postits">
                    <For each={group.postIts}>
                      {(postIt) => (
                        <li
                          class="postit wall__postit"
                          data-colour={group.colour ?? 'geel'}
                          classList={{ 'wall__postit--highlighted': postIt.highlighted }}
                        >
                          {postIt.text}
                          <Show when={postIt.weight > 1}>
                            <span class="wall__weight">
                              <span aria-hidden="true">×{postIt.weight}</span>
                              <span class="sr-only">({postIt.weight} keer)</span>
                            </span>
                          </Show>
                          <Show when={postIt.highlighted}>
                            <span class="sr-only"> (uitgelicht)</span>
                          </Show>
                        </li>
                      )}
                    </For>
                  </ul>
                </section>
              )}
            </For>
          </div>
        </Show>
      </Show>
    </div>
  );
}
