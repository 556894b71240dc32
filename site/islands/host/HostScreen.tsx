// The host console's layout: joining and the card list beside, the current card and its
// activity in the middle. It only reads the view and sends commands.
import { createSignal, Index, onCleanup, onMount, Show } from 'solid-js';
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
import { RankingPanel, createVoteFirst } from './RankingPanel.tsx';
import { SecondDeviceButton, SecondDevicePanel } from './SecondDevice.tsx';
import { KeyHelp, KeyHelpButton } from './KeyHelp.tsx';
import { PrivacyToggle, usePrivacyScreen } from './privacy-screen.tsx';
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
  const privacy = usePrivacyScreen();
  const [secondDevice, setSecondDevice] = createSignal(false);
  const [keyHelp, setKeyHelp] = createSignal(false);
  // A presenter clicker sends PageDown / PageUp (some send arrows or space).
  const onKey = (event: KeyboardEvent) => {
    const step = presenterStep(event);
    if (step === 'help') {
      event.preventDefault();
      setKeyHelp(!keyHelp());
      return;
    }
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
  // "Eerst alles stemmen": while its voting round runs, a card opens only its vote (RankingPanel).
  const voteFirst = createVoteFirst(props.code);
  const goto = (index: number) => {
    if (index >= 0 && index <= last() && index !== props.view.cardIndex) {
      void send({ type: 'card.goto', index, ...(voteFirst.phase() === 'votes' ? { voteOnly: true } : {}) });
    }
  };
  // The hiding button is inside the panel it hides: focus goes back to the button that opened it.
  let secondDeviceButton: HTMLButtonElement | undefined;
  const closeSecondDevice = () => {
    setSecondDevice(false);
    secondDeviceButton?.focus();
  };

  return (
    <div class="host" classList={{ 'host--private': privacy.on() }}>
      <div class="host__title">
        <p class="card__kind">Gespreksleider</p>
        <h1>{props.view.deckTitle}</h1>
        <Show when={props.view.groupName}>{(name) => <p class="host__group">Groep: {name()}</p>}</Show>
        <div class="host-tools">
          <PrivacyToggle screen={privacy} />
          <SecondDeviceButton ref={secondDeviceButton} open={secondDevice()} onToggle={() => setSecondDevice(!secondDevice())} />
          <KeyHelpButton open={keyHelp()} onToggle={() => setKeyHelp(!keyHelp())} />
        </div>
        <p id="privacy-uitleg" class="host-tools__note" classList={{ 'sr-only': !privacy.on() }}>
          {privacy.on()
            ? 'Privacyscherm aan: teksten van post-its staan hier verborgen. Keur goed op je telefoon, of lees één post-it bewust.'
            : 'Verbergt de teksten van post-its op dit scherm, voor als het op de beamer staat.'}
        </p>
        <Show when={secondDevice()}>
          <SecondDevicePanel code={props.code} hostKey={props.hostKey} beamerKey={props.beamerKey} onClose={closeSecondDevice} />
        </Show>
        <Show when={keyHelp()}>
          <KeyHelp />
        </Show>
      </div>

      <aside class="host__side">
        <JoinPanel view={props.view} code={props.code} beamerKey={props.beamerKey} status={status()} send={send} />
        <Show when={props.view.status === 'live'}>
          <nav class="host-cards" aria-labelledby="kaarten-titel">
            <h2 id="kaarten-titel">Kaarten</h2>
            {/* By position, not by object: every view brings new card objects, and a list rebuilt
              on each view would drop the focus from the card the host just picked. */}
            <ol>
              <Index each={props.view.cards}>
                {(card, i) => (
                  <li>
                    <button
                      type="button"
                      class="host-cards__item"
                      aria-current={i === props.view.cardIndex ? 'step' : undefined}
                      onClick={() => goto(i)}
                    >
                      <span class="host-cards__num">{i + 1}</span>
                      <span>
                        {card().title}
                        <span class="host-cards__kind">
                          {' '}
                          · {CARD_KIND_LABEL[card().kind as keyof typeof CARD_KIND_LABEL] ?? card().kind}
                        </span>
                      </span>
                      <Show when={i === props.view.cardIndex}>
                        <span class="tag">nu</span>
                      </Show>
                    </button>
                  </li>
                )}
              </Index>
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
          {/* aria-disabled, not disabled: a disabled button drops the focus of the teacher who just
            reached the first or last card, and the next key press would go nowhere. */}
          <div class="host-nav">
            <button
              type="button"
              class="button button--secondary"
              aria-disabled={props.view.cardIndex === 0 ? 'true' : undefined}
              onClick={() => goto(props.view.cardIndex - 1)}
            >
              <span aria-hidden="true">←</span> Vorige kaart
            </button>
            <p class="host-nav__where">
              Kaart {props.view.cardIndex + 1} van {props.view.cards.length}
            </p>
            <button
              type="button"
              class="button"
              aria-disabled={props.view.cardIndex >= last() ? 'true' : undefined}
              onClick={() => goto(props.view.cardIndex + 1)}
            >
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

          <RankingPanel view={props.view} code={props.code} send={send} phase={voteFirst.phase} setPhase={voteFirst.setPhase} goto={goto} />
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
