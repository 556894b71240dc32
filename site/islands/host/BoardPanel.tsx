// The host's board: open/close, show on the beamer, approve what waits (every post-it on moderated
// boards; on open boards the ones the server flagged), arrange the approved post-its into groups,
// and the hidden ones that can still be shown.
import { Show } from 'solid-js';
import type { Card, HostView } from '@protocol';
import { ArrangeBoard } from './ArrangeBoard.tsx';
import { ReviewList } from './ReviewList.tsx';
import { ExtraPhonesWarning } from './ExtraPhones.tsx';
import type { Send } from './HostScreen.tsx';
import '../../styles/host-board.css';

export function BoardPanel(props: { card: Card; board: NonNullable<HostView['board']>; view: HostView; send: Send }) {
  const cardId = () => props.card.id;
  const k = () => props.view.minGroupSize;
  const pending = () => props.board.postIts.filter((p) => p.status === 'pending');
  /** What "Alles goedkeuren" lets through: the server leaves flagged post-its waiting. */
  const plainPending = () => pending().filter((p) => !p.flags.length);
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
            ? `Genoeg mensen schreven iets (${k()} of meer).`
            : `Nog geen ${k()} mensen schreven iets.`}
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
      {/* Said once per card: beside the vote's reveal when the card has one. */}
      <Show when={!props.view.vote}>
        <ExtraPhonesWarning view={props.view} />
      </Show>

      <Show when={props.board.revealed && tooFew()}>
        <div class="notice notice--warn">
          <p>
            <strong>De muur blijft leeg op de beamer.</strong> Pas als minstens {k()} mensen iets schreven, komen de post-its
            op het scherm. Zo valt niemand op.
          </p>
        </div>
      </Show>

      {/* Open boards too: a post-it that may name or reach someone waits for the host there as well. */}
      <Show when={props.board.moderation || pending().length}>
        <h3>Wacht op jou</h3>
        <p>
          {props.board.moderation
            ? 'Jij keurt post-its goed voordat ze op de beamer komen.'
            : 'Op dit bord hoef je post-its niet goed te keuren. Alleen als er misschien een naam, nummer of adres in staat, wacht een post-it eerst op jou.'}
        </p>
        <Show when={pending().length} fallback={<p class="muted">Er wacht niets op goedkeuring.</p>}>
          <div class="approve-all">
            <p class="approve-all__count">{pending().length === 1 ? '1 post-it wacht.' : `${pending().length} post-its wachten.`}</p>
            <Show
              when={plainPending().length}
              fallback={<p class="approve-all__note">Bekijk ze één voor één: keur goed of verberg.</p>}
            >
              <button
                type="button"
                class="button"
                aria-describedby="alles-uitleg"
                onClick={() => void props.send({ type: 'postIt.approveAll', cardId: cardId() })}
              >
                Alles goedkeuren
              </button>
              <p class="approve-all__note" id="alles-uitleg">
                Post-its met een mogelijke naam, nummer of adres blijven wachten: bekijk die één voor één.
              </p>
            </Show>
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
