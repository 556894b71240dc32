// The host's board controls: open/close, show on the beamer, and moderation. Flags from the
// server's local check are shown as warnings so the host can hide a post-it before anyone sees it.
import { For, Show } from 'solid-js';
import type { Card, HostView, PostItFlag } from '@protocol';
import { columnColour, columnLabel } from '../../components/card/labels.ts';
import type { Send } from './HostScreen.tsx';

const FLAG_TEXT: Record<PostItFlag, string> = {
  name: 'Lijkt een naam te bevatten',
  phone: 'Lijkt een telefoonnummer te bevatten',
  email: 'Lijkt een e-mailadres te bevatten',
  handle: 'Lijkt een gebruikersnaam (@…) te bevatten',
};

const STATUS_TEXT = { pending: 'Wacht op goedkeuring', approved: 'Goedgekeurd', hidden: 'Verborgen' } as const;

export function BoardPanel(props: { card: Card; board: NonNullable<HostView['board']>; minGroupSize: number; send: Send }) {
  const cardId = () => props.card.id;
  const pending = () => props.board.postIts.filter((p) => p.status === 'pending');
  const clusterName = (id: string | null) => props.board.clusters.find((c) => c.id === id)?.name;
  const tooFew = () => props.board.authors < props.minGroupSize;

  return (
    <section class="panel" aria-labelledby="bord-titel">
      <h2 id="bord-titel">Post-its</h2>
      <p class="vote-question">{props.card.board?.prompt}</p>

      <p class="host-facts">
        <span>{props.board.open ? 'Het bord staat open: deelnemers kunnen schrijven.' : 'Het bord is gesloten.'}</span>{' '}
        <span>{props.board.revealed ? 'De muur staat aan op de beamer.' : 'De muur staat niet op de beamer.'}</span>{' '}
        <span>
          <strong>{props.board.authors}</strong> {props.board.authors === 1 ? 'persoon schreef' : 'mensen schreven'} iets.
        </span>
      </p>

      <div class="button-row">
        {props.board.open ? (
          <button type="button" class="button button--secondary" onClick={() => props.send({ type: 'board.close', cardId: cardId() })}>
            Bord sluiten
          </button>
        ) : (
          <button type="button" class="button button--secondary" onClick={() => props.send({ type: 'board.open', cardId: cardId() })}>
            Bord openen
          </button>
        )}
        {props.board.revealed ? (
          <button type="button" class="button button--secondary" onClick={() => props.send({ type: 'board.hide', cardId: cardId() })}>
            Verberg op beamer
          </button>
        ) : (
          <button type="button" class="button" onClick={() => props.send({ type: 'board.reveal', cardId: cardId() })}>
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
        <p>Jij keurt post-its goed voordat ze op de beamer komen.</p>
        <Show when={pending().length}>
          <div class="button-row">
            <button
              type="button"
              class="button"
              onClick={() => props.send({ type: 'postIt.approve', cardId: cardId(), postItIds: pending().map((p) => p.id) })}
            >
              Alles goedkeuren
            </button>
            <span>({pending().length} wachten)</span>
          </div>
        </Show>
      </Show>

      <Show when={props.board.postIts.length} fallback={<p class="muted">Nog geen post-its.</p>}>
        <ul class="host-postits">
          <For each={props.board.postIts}>
            {(postIt, i) => {
              const where = () => columnLabel(props.card, postIt.columnId) ?? clusterName(postIt.clusterId);
              return (
                <li class="host-postit" data-status={postIt.status}>
                  <div class="postit" data-colour={columnColour(props.card, postIt.columnId)}>
                    {postIt.text}
                  </div>
                  <Show when={postIt.flags.length}>
                    <ul class="host-postit__flags">
                      <For each={postIt.flags}>
                        {(flag) => (
                          <li class="notice notice--warn">
                            <strong>Let op:</strong> {FLAG_TEXT[flag]}
                          </li>
                        )}
                      </For>
                    </ul>
                  </Show>
                  <p class="host-postit__meta">
                    <span class="tag" data-status={postIt.status}>
                      {STATUS_TEXT[postIt.status]}
                    </span>
                    <Show when={where()}>
                      <span class="muted"> · {where()}</span>
                    </Show>
                    <Show when={postIt.weight > 1}>
                      <span class="muted"> · {postIt.weight} keer</span>
                    </Show>
                  </p>
                  <div class="button-row button-row--tight">
                    <Show when={postIt.status === 'pending'}>
                      <button
                        type="button"
                        class="button"
                        onClick={() => props.send({ type: 'postIt.approve', cardId: cardId(), postItIds: [postIt.id] })}
                      >
                        Goedkeuren<span class="sr-only"> post-it {i() + 1}</span>
                      </button>
                    </Show>
                    <Show
                      when={postIt.status !== 'hidden'}
                      fallback={
                        <button
                          type="button"
                          class="button button--secondary"
                          onClick={() => props.send({ type: 'postIt.unhide', cardId: cardId(), postItId: postIt.id })}
                        >
                          Toch tonen<span class="sr-only"> post-it {i() + 1}</span>
                        </button>
                      }
                    >
                      <button
                        type="button"
                        class="button button--secondary"
                        onClick={() => props.send({ type: 'postIt.hide', cardId: cardId(), postItId: postIt.id })}
                      >
                        Verbergen<span class="sr-only"> post-it {i() + 1}</span>
                      </button>
                    </Show>
                  </div>
                </li>
              );
            }}
          </For>
        </ul>
      </Show>
    </section>
  );
}
