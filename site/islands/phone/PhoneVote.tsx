// Nooit / soms / vaak, or skip. The participant always sees whether their answer reached the
// server: a pending command shows "Wordt verstuurd…", the server's own record shows "Ontvangen ✓".
import { For, Show, Suspense, lazy } from 'solid-js';
import type { Card, ParticipantView, VoteChoice } from '@protocol';
import { PASS, scaleOptions } from '@protocol/scales';
import type { PhoneStore } from './phone-store.ts';
import { useStore } from '../../lib/use-store.ts';

// Only after the host reveals the result, so not in the first load.
const VoteExplanation = lazy(() => import('../../components/vote/VoteBars.tsx').then((m) => ({ default: m.VoteExplanation })));

export function PhoneVote(props: { store: PhoneStore; card: Card; vote: NonNullable<ParticipantView['vote']> }) {
  const pending = useStore(props.store, (s) => s.pending);
  const error = useStore(props.store, (s) => s.error);
  const pendingChoice = () => {
    const mine = pending().filter((c) => c.type === 'vote.cast' && c.cardId === props.card.id);
    const last = mine[mine.length - 1];
    return last?.type === 'vote.cast' ? last.choice : null;
  };
  const chosen = (): VoteChoice | null => pendingChoice() ?? props.vote.mine;
  const cast = (choice: VoteChoice) => void props.store.send({ type: 'vote.cast', cardId: props.card.id, choice });

  // The host started a new round: said here so nobody wonders where their tick went.
  const newRound = () => props.vote.round > 1 && !props.vote.mine;
  const options = () => scaleOptions(props.card.vote);
  const labelOf = (id: string) => options().find((o) => o.id === id)?.label ?? id;

  const statusText = () => {
    if (pendingChoice()) return 'Wordt verstuurd…';
    const mine = props.vote.mine;
    if (mine) return `${mine === PASS ? 'Overgeslagen' : `Je koos: ${labelOf(mine)}`}. Ontvangen ✓`;
    if (newRound()) return props.vote.open ? 'Nieuwe ronde: kies opnieuw.' : 'Nieuwe ronde. Stemmen is nu gesloten.';
    return props.vote.open ? '' : 'Je hebt niet gestemd.';
  };

  return (
    <section class="phone-vote" classList={{ 'phone-vote--dock': props.vote.open && !props.vote.revealed }} aria-labelledby="stemvraag">
      <p class="vote-question" id="stemvraag">
        {props.card.vote?.question}
      </p>
      <Show when={props.vote.open} fallback={<p class="status-line">Stemmen is gesloten</p>}>
        <p class="muted vote-hint">
          {props.card.vote?.overloop ? 'Kies een kant. Je mag wisselen.' : 'Kies wat het best past. Je kunt het veranderen zolang stemmen openstaat.'}
        </p>
      </Show>
      <div class="vote-buttons" role="group" aria-labelledby="stemvraag">
        <For each={options()}>
          {(option, i) => (
            <button
              type="button"
              class={`vote-button vote-button--${i() + 1}`}
              classList={{ 'vote-button--long': !!option.text }}
              data-option={option.id}
              aria-pressed={chosen() === option.id}
              disabled={!props.vote.open}
              onClick={() => cast(option.id)}
            >
              <span>
                <span class="vote-button__check" aria-hidden="true">
                  {chosen() === option.id ? '✓' : ''}
                </span>
                {option.label}
              </span>
              <Show when={option.text}>
                <span class="vote-button__text">{option.text}</span>
              </Show>
            </button>
          )}
        </For>
        <button
          type="button"
          class="button button--secondary vote-skip"
          aria-pressed={chosen() === PASS}
          disabled={!props.vote.open}
          onClick={() => cast(PASS)}
        >
          <span class="vote-button__check" aria-hidden="true">
            {chosen() === PASS ? '✓' : ''}
          </span>
          Sla over
        </button>
      </div>
      <Show when={props.vote.revealed}>
        <Suspense>
          <VoteExplanation card={props.card} />
        </Suspense>
      </Show>
      <p class="status-line" classList={{ 'status-line--ok': !pendingChoice() && !!props.vote.mine }} role="status">
        {statusText()}
      </p>
      <div aria-live="assertive">
        <Show when={error()}>
          <p class="notice notice--error">{error()}</p>
        </Show>
      </div>
    </section>
  );
}
