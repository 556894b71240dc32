// The host's board: open/close, show on the beamer, approve what waits (moderated boards), arrange
// the approved post-its into groups, and the hidden ones that can still be shown.
import { Show } from 'solid-js';
import type { Card, HostView } from '@protocol';
import { ArrangeBoard } from './ArrangeBoard.tsx';
import { ReviewList } from './ReviewList.tsx';
import type { Send } from './HostScreen.tsx';
import '../../styles/host-board.css';

export function BoardPanel(props: { card: Card; board: NonNullable<HostView['board']>; minGroupSize: number; send: Send }) {
  const cardId = () => props.card.id;
  const pending = () => props.board.postIts.filter((p) => p.status === 'pending');
  const hidden = () => props.board.postIts.filter((p) => p.status === 'hidden');
  const tooFew = () => !props.board.enoughWriters;

  return (
    <section class="panel" aria-labelledby="bord-titel">
      <h2 id="bord-titel">Post-its</h2>
      <p class="vote-question">{props.card.board?.prompt}</p>

      <p class="host-facts">
        <span>{props.board.open ? 'Het bord staat open: deelnemers kunnen schrijven.' : 'Het bord is gesloten.'}</span>{' '}
        <span>{props.board.revealed ? 'De muur staat aan op de beamer.' : 'De muur staat niet op de beamer.'}</span>{' '}
        <span>
          {props.board.enoughWriters
            ? `Minstens ${props.minGroupSize} mensen schreven iets.`
            : `Nog minder dan ${props.minGroupSize} mensen schreven iets.`}
        </span>
      </p>

      <div class="button-row">
        {props.board.open ? (
          <button type="button" class="button button--secondary" onClick={() => void props.send({ type: 'board.close', cardId: cardId() })}>
            Bord sluiten
          </button>
        ) : (
          <button type="button" class="button button--secondary" onClick={() => void props.send({ type: 'board.open', cardId: cardId() })}>
            Bord openen
          </button>
        )}
        {props.board.revealed ? (
          <button type="button" class="button button--secondary" onClick={() => void props.send({ type: 'board.hide', cardId: cardId() })}>
            Verberg op beamer
          </button>
        ) : (
          <button type="button" class="button" onClick={() => void props.send({ type: 'board.reveal', cardId: cardId() })}>
            Toon op beamer
          </button>
        )}
      </div>

      <Show when={props.board.revealed && tooFew()}>
        <div class="notice notice--warn">
          <p>
            <strong>De muur blijft leeg op de beamer.</strong> Pas als minstens {props.minGroupSize} mensen iets schreven, komen de post-its
            op het scherm. Zo valt niemand op.
          </p>
        </div>
      </Show>

      <Show when={props.board.moderation}>
        <h3>Goedkeuren</h3>
        <p>Jij keurt post-its goed voordat ze op de beamer komen.</p>
        <Show when={pending().length} fallback={<p class="muted">Er wacht niets op goedkeuring.</p>}>
          <div class="button-row">
            <button
              type="button"
              class="button"
              onClick={() => void props.send({ type: 'postIt.approveAll', cardId: cardId() })}
            >
              Alles goedkeuren
            </button>
            <span>({pending().length} wachten)</span>
          </div>
          <ReviewList card={props.card} postIts={pending()} send={props.send} />
        </Show>
      </Show>

      <Show when={props.board.postIts.length} fallback={<p class="muted">Nog geen post-its.</p>}>
        <ArrangeBoard card={props.card} board={props.board} send={props.send} />
      </Show>

      <Show when={hidden().length}>
        <h3>Verborgen</h3>
        <p class="muted">Deze post-its staan niet op de beamer en niet in de uitslagen.</p>
        <ReviewList card={props.card} postIts={hidden()} send={props.send} />
      </Show>
    </section>
  );
}
