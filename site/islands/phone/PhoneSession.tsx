// A joined phone: the current card and what the participant can do on it, the connection in
// words, and the closing screen when the session ends. It owns the phone's store.
// What a first vote needs comes with this chunk; the rest (post-its, timer, meeting, closing
// screen) is fetched when a card has it, so a slow phone can vote sooner (issue 11).
import { Match, Show, Suspense, Switch, createEffect, lazy, on, onCleanup, createSignal } from 'solid-js';
import type { ConnectRefusal } from '@protocol';
import { createPhoneStore } from './phone-store.ts';
import { useStore } from '../../lib/use-store.ts';
import { PhoneCard } from './PhoneCard.tsx';
import { PhoneVote } from './PhoneVote.tsx';

const PhoneBoard = lazy(() => import('./PhoneBoard.tsx').then((m) => ({ default: m.PhoneBoard })));
const PhoneProposals = lazy(() => import('./PhoneProposals.tsx').then((m) => ({ default: m.PhoneProposals })));
const PhoneCaseDraft = lazy(() => import('./PhoneMeeting.tsx').then((m) => ({ default: m.PhoneCaseDraft })));
const PhoneReflection = lazy(() => import('./PhoneMeeting.tsx').then((m) => ({ default: m.PhoneReflection })));
const ClosingScreen = lazy(() => import('./ClosingScreen.tsx').then((m) => ({ default: m.ClosingScreen })));
const TalkQuestions = lazy(() => import('../../components/card/CardBody.tsx').then((m) => ({ default: m.TalkQuestions })));
const StepTimer = lazy(() => import('../../components/timer/StepTimer.tsx').then((m) => ({ default: m.StepTimer })));
import { ContentNotice } from '../../components/care/ContentNotice.tsx';
import { helpContextOf, type HelpContext } from '../../components/help/help-context.ts';
import { rememberTookPart, tookPartIn } from '../../lib/local-keys.ts';

export function PhoneSession(props: {
  code: string;
  onRefused: (reason: ConnectRefusal) => void;
  onHelp: (help: HelpContext) => void;
}) {
  const store = createPhoneStore(props.code);
  onCleanup(() => store.close());
  const view = useStore(store, (s) => s.view);
  const status = useStore(store, (s) => s.status);
  const refusal = useStore(store, (s) => s.refusal);
  const clockOffset = useStore(store, (s) => s.clockOffset);
  const [announcement, setAnnouncement] = createSignal('');

  createEffect(() => {
    const reason = refusal();
    if (status() === 'refused' && reason) props.onRefused(reason);
  });
  createEffect(() => props.onHelp(helpContextOf(view())));
  // A phone that saw the session live took part; one that first comes in after the end did not.
  createEffect(on(() => view()?.status, (now) => now === 'live' && rememberTookPart(props.code)));

  // A new card: start at its top and tell screen reader users, without moving their focus.
  createEffect(
    on(
      () => view()?.card?.id,
      (id, previous) => {
        if (!id || previous === undefined) return;
        window.scrollTo(0, 0);
        setAnnouncement(`Nieuwe kaart: ${view()?.card?.title ?? ''}`);
      },
    ),
  );

  // Put in a group, or back with everyone: said out loud as well.
  createEffect(
    on(
      () => view()?.group?.number ?? null,
      (number, previous) => {
        if (previous === undefined || number === previous) return;
        setAnnouncement(number ? `Je zit nu in groepje ${number}.` : 'De groepjes zijn klaar. Iedereen kijkt weer naar dezelfde kaart.');
      },
    ),
  );

  // "Offline" only once we were online: the first connection shows "Even verbinden…" instead.
  const offline = () => status() === 'offline';

  return (
    <>
      <p class="sr-only" aria-live="polite">
        {announcement()}
      </p>
      {/* Pinned to the bottom of the screen, so it is seen wherever the person scrolled to. */}
      <div aria-live="polite">
        <Show when={offline() && view()?.status !== 'ended'}>
          <p class="phone-offline">Geen verbinding — je antwoord wordt verstuurd zodra het weer kan</p>
        </Show>
      </div>
      <Switch
        fallback={
          <p role="status">
            {refusal() === 'busy' ? 'Het is even druk. Je telefoon probeert het zo vanzelf opnieuw. Je hoeft niets te doen.' : 'Even verbinden…'}
          </p>
        }
      >
        <Match when={view()?.status === 'ended' ? view() : null}>
          {(v) => (
            <Suspense>
              <ClosingScreen help={helpContextOf(v())} tookPart={tookPartIn(props.code)} />
            </Suspense>
          )}
        </Match>
        <Match when={view()?.card ? view() : null}>
          {(v) => (
            <article class="phone-card" classList={{ 'phone-card--offline': offline() }}>
              <p class="phone-deck">{v().deckTitle}</p>
              <Show when={v().group}>
                {(group) => (
                  <p class="phone-group">
                    <strong>Je zit in groepje {group().number}</strong>
                    <span>Zoek de anderen van groepje {group().number}. Samen schrijven jullie op het bord hieronder.</span>
                    {/* Said plainly: a post-it on a small group's board points at one of a few people. */}
                    <span>
                      Wat jullie schrijven, kan op de beamer komen bij groepje {group().number}. Je naam staat er niet bij, maar jullie
                      groepje is klein.
                    </span>
                  </p>
                )}
              </Show>
              {/* No tone on a phone: a classroom of phones chiming at once is no gentle signal. */}
              <Show when={v().timer}>
                {(timer) => (
                  <Suspense>
                    <StepTimer timer={timer()} offset={clockOffset()} size="phone" />
                  </Suspense>
                )}
              </Show>
              <ContentNotice card={v().card!}>
              <PhoneCard card={v().card!} />
              {/* The question and its buttons stay in reach at the bottom of the screen while the
                  card above is read (phone.css); in the reading order they come after the card. */}
              <Show when={v().vote}>{(vote) => <PhoneVote store={store} card={v().card!} vote={vote()} />}</Show>
              <Suspense>
                <Show when={v().meeting && v().card!.step?.case === 'write' ? v().meeting : null}>
                  {(meeting) => <PhoneCaseDraft store={store} meeting={meeting()} />}
                </Show>
                <Show when={v().meeting && v().card!.reflection ? v().meeting : null}>
                  {(meeting) => <PhoneReflection store={store} card={v().card!} meeting={meeting()} />}
                </Show>
                <Show when={v().board?.proposals}>
                  {(proposals) => <PhoneProposals store={store} card={v().card!} proposals={proposals()} open={v().board!.open} />}
                </Show>
                <Show when={v().board}>{(board) => <PhoneBoard store={store} card={v().card!} board={board()} />}</Show>
              </Suspense>
              <Show when={v().card!.talk}>
                {(talk) => (
                  <Suspense>
                    <TalkQuestions questions={talk().questions} />
                  </Suspense>
                )}
              </Show>
              </ContentNotice>
            </article>
          )}
        </Match>
      </Switch>
      <Show when={offline()}>
        {/* Room under the pinned banner, so it never covers the last buttons. */}
        <div class="phone-offline__spacer" />
      </Show>
    </>
  );
}
