// A post-it board on the beamer. Before the reveal it says only whether the board is open and how to
// take part; revealed with too few writers it says the wall stays hidden; otherwise the wall, in the
// order the view gives. Waiting post-its are counted out loud, so moderation is never silent.
import { ColumnChips } from '../../components/card/ColumnChips.tsx';
import { Match, Show, Switch } from 'solid-js';
import type { BeamerView, Card } from '@protocol';
import { BeamerWall, WaitingNote } from './BeamerWall.tsx';
import { BeamerProposals } from './BeamerProposals.tsx';

type Board = NonNullable<BeamerView['board']>;

/** Whether the beamer shows the wall itself (BeamerScreen gives it the whole screen then). */
export const wallShown = (board: Board | null | undefined) => !!board && board.revealed && !board.tooFew && board.postIts.length > 0;

export function BeamerBoard(props: { card: Card; board: Board; besideVote?: boolean }) {
  return (
    <Switch>
      <Match when={wallShown(props.board)}>
        <div class="beamer__activity beamer__activity--board beamer__activity--wall">
          <p class="beamer__question">{props.card.board?.prompt}</p>
          <Show when={props.card.kind === 'afspraken'} fallback={<BeamerWall card={props.card} board={props.board} />}>
            <BeamerProposals board={props.board} />
          </Show>
        </div>
      </Match>
      {/* Under a vote (the themes) the hidden board is one short block, so the card still fits. */}
      <Match when={props.besideVote}>
        <div class="beamer__activity beamer__activity--board-note">
          <WaitingNote waiting={props.board.waiting} />
          <p class="beamer__board-state" classList={{ 'beamer__state--open': props.board.open && !props.board.tooFew }}>
            <HiddenState board={props.board} />
          </p>
          <Show when={props.board.open && !props.board.revealed}>
            <p class="beamer__note">Plak je post-it op je telefoon, in de kolom die past.</p>
          </Show>
        </div>
      </Match>
      <Match when={true}>
        <div class="beamer__activity beamer__activity--board">
          <p class="beamer__question">{props.card.board?.prompt}</p>
          <WaitingNote waiting={props.board.waiting} />
          <p class="beamer__state" classList={{ 'beamer__state--open': props.board.open && !props.board.tooFew }}>
            <HiddenState board={props.board} />
          </p>
          <p class="beamer__note">
            {props.board.tooFew
              ? 'Zo blijft iedereen anoniem: niemand kan raden wie wat schreef.'
              : props.board.open
                ? 'Schrijf je post-it op je telefoon. Je naam staat er niet bij.'
                : 'De post-its komen op het scherm als de gespreksleider ze laat zien.'}
          </p>
          <Show when={props.board.tooFew && props.board.open}>
            <p class="beamer__note">Schrijf je post-it op je telefoon.</p>
          </Show>
          <Show when={!props.board.tooFew}>
            <ColumnChips columns={props.card.board?.columns} class="beamer__columns" label="Kolommen" />
          </Show>
        </div>
      </Match>
    </Switch>
  );
}

/** What the beamer says while the wall is not shown: never the post-its themselves. */
function HiddenState(props: { board: Board }) {
  return (
    <>
      {props.board.tooFew
        ? 'De muur blijft verborgen tot genoeg mensen iets hebben geschreven.'
        : props.board.revealed
          ? props.board.open
            ? 'Nog geen post-its op de muur. Schrijf je post-it op je telefoon.'
            : 'Er staan geen post-its op de muur.'
          : props.board.open
            ? 'Het bord staat open'
            : 'Het bord is gesloten'}
    </>
  );
}
