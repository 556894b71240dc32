// The host console's layout: joining and the card list beside, the current card and its
// activity in the middle. It only reads the view and sends commands.
import { For, onCleanup, onMount, Show } from 'solid-js';
import { presenterStep } from './presenter-keys.ts';
import type { CommandAck, HostCommand, HostView } from '@protocol';
import type { HostStore } from '../../stores/screens.ts';
import type { CommandInput } from '../../stores/session-store.ts';
import { useStore } from '../../lib/use-store.ts';
import { CardBody } from '../../components/card/CardBody.tsx';
import { CARD_KIND_LABEL } from '../../components/card/labels.ts';
import { JoinPanel } from './JoinPanel.tsx';
import { VotePanel } from './VotePanel.tsx';
import { BoardPanel } from './BoardPanel.tsx';
import { AfsprakenPanel } from './AfsprakenPanel.tsx';
import { MeetingPanel } from './MeetingPanel.tsx';
import { MinGroupSize } from './MinGroupSize.tsx';
import { EndSession, SessionEnded } from './EndSession.tsx';
import { PrintLink } from './PrintLink.tsx';
import { CardTools } from './CardTools.tsx';
import { GroupsPanel } from './GroupsPanel.tsx';
import { TimerPanel } from './TimerPanel.tsx';
import { CareNotes } from './CareNotes.tsx';

/** Sends a host command; the promise is the server's answer (a refusal also shows in the console). */
export type Send = (command: CommandInput<HostCommand>, options?: { showsRefusal?: boolean }) => Promise<CommandAck>;

export function HostScreen(props: {
  store: HostStore;
  view: HostView;
  code: string;
  hostKey: string;
  beamerKey: string;
  onDeleted: () => void;
}) {
  const status = useStore(props.store, (s) => s.status);
  const error = useStore(props.store, (s) => s.error);
  const clockOffset = useStore(props.store, (s) => s.clockOffset);
  const send: Send = (command, options) => props.store.send(command, options);
  const last = () => props.view.cards.length - 1;
  // A presenter clicker sends PageDown / PageUp (some send arrows or space).
  const onKey = (event: KeyboardEvent) => {
    const step = presenterStep(event);
    if (!step || props.view.status !== 'live') return;
    if (step === 'reveal') {
      const card = props.view.card;
      if (!card?.vote || !props.view.vote || (props.view.vote.revealed && props.view.vote.nextReveal !== 'new')) return;
      event.preventDefault();
      void send({ type: 'result.reveal', cardId: card.id });
      return;
    }
    const index = props.view.cardIndex + (step === 'next' ? 1 : -1);
    if (index < 0 || index > last()) return;
    event.preventDefault();
    goto(index);
  };
  onMount(() => document.addEventListener('keydown', onKey));
  onCleanup(() => document.removeEventListener('keydown', onKey));
  const goto = (index: number) => void send({ type: 'card.goto', index });

  return (
    <div class="host">
      <div class="host__title">
        <p class="card__kind">Gespreksleider</p>
        <h1>{props.view.deckTitle}</h1>
      </div>

      <aside class="host__side">
        <JoinPanel view={props.view} code={props.code} beamerKey={props.beamerKey} status={status()} send={send} />
        <Show when={props.view.status === 'live'}>
          <nav class="host-cards" aria-labelledby="kaarten-titel">
            <h2 id="kaarten-titel">Kaarten</h2>
            <ol>
              <For each={props.view.cards}>
                {(card, i) => (
                  <li>
                    <button
                      type="button"
                      class="host-cards__item"
                      aria-current={i() === props.view.cardIndex ? 'step' : undefined}
                      onClick={() => goto(i())}
                    >
                      <span class="host-cards__num">{i() + 1}</span>
                      <span>
                        {card.title}
                        <span class="host-cards__kind"> · {CARD_KIND_LABEL[card.kind as keyof typeof CARD_KIND_LABEL] ?? card.kind}</span>
                      </span>
                      <Show when={i() === props.view.cardIndex}>
                        <span class="tag">nu</span>
                      </Show>
                    </button>
                  </li>
                )}
              </For>
            </ol>
          </nav>
          <section class="panel" aria-labelledby="uitkomsten-titel">
            <h2 id="uitkomsten-titel">Uitkomsten</h2>
            <p>Alle borden met hun post-its en groepen op A4, om af te drukken of als pdf te bewaren.</p>
            <PrintLink code={props.code} />
          </section>
        </Show>
      </aside>

      <div class="host__main">
        <Show when={status() === 'offline'}>
          <p class="notice notice--warn">
            <strong>Verbinding weg.</strong> Kring probeert het opnieuw. Wat je nu doet, wordt verstuurd zodra de verbinding terug is.
          </p>
        </Show>
        {/* Refusals of the host's own commands, read out as they happen. */}
        <div class="host__error" aria-live="polite">
          <Show when={error()}>
            <p class="notice notice--error">{error()}</p>
          </Show>
        </div>

        <Show
          when={props.view.status === 'live'}
          fallback={<SessionEnded code={props.code} hostKey={props.hostKey} onDeleted={props.onDeleted} />}
        >
          <div class="host-nav">
            <button
              type="button"
              class="button button--secondary"
              disabled={props.view.cardIndex === 0}
              onClick={() => goto(props.view.cardIndex - 1)}
            >
              <span aria-hidden="true">←</span> Vorige kaart
            </button>
            <p class="host-nav__where">
              Kaart {props.view.cardIndex + 1} van {props.view.cards.length}
            </p>
            <button type="button" class="button" disabled={props.view.cardIndex >= last()} onClick={() => goto(props.view.cardIndex + 1)}>
              Volgende kaart <span aria-hidden="true">→</span>
            </button>
          </div>

          {/* While groups run they come first: that is where the room is working. */}
          <Show when={props.view.groups}>
            <GroupsPanel view={props.view} send={send} />
          </Show>
          <Show when={props.view.card}>
            {(card) => (
              <>
                <CareNotes card={card()} />
                <TimerPanel card={card()} timer={props.view.timer} offset={clockOffset()} send={send} />
                <Show when={props.view.vote}>
                  {(vote) => <VotePanel card={card()} vote={vote()} view={props.view} send={send} />}
                </Show>
                <Show when={props.view.board}>
                  {(board) => <BoardPanel card={card()} board={board()} view={props.view} send={send} />}
                </Show>
                <Show when={card().step?.case || card().step?.records?.length}>
                  <MeetingPanel card={card()} view={props.view} send={send} />
                </Show>
                <Show when={card().kind === 'afspraken' ? props.view.board : null}>
                  {(board) => <AfsprakenPanel card={card()} board={board()} view={props.view} send={send} />}
                </Show>
                <article class="host-card panel" aria-label="De kaart">
                  <CardBody card={card()} level={2} activities={false} />
                </article>
              </>
            )}
          </Show>

          <CardTools view={props.view} send={send} />
          <Show when={!props.view.groups}>
            <GroupsPanel view={props.view} send={send} />
          </Show>
          <MinGroupSize value={props.view.minGroupSize} send={send} />
          <EndSession send={send} />
        </Show>
      </div>
    </div>
  );
}
