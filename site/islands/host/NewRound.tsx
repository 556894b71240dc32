// "Nieuwe ronde": the question starts afresh and everyone answers again. Asked first, because the
// answers of the round now running are cleared (a result that was shown stays in the download).
import { Show, createSignal } from 'solid-js';
import type { Send } from './HostScreen.tsx';

export function NewRound(props: { cardId: string; round: number; responded: number; send: Send }) {
  const [step, setStep] = createSignal<'idle' | 'confirming' | 'started'>('idle');
  // The round that began, kept here: the acknowledgement arrives before the view that shows it.
  const [begun, setBegun] = createSignal(0);
  let question: HTMLParagraphElement | undefined;
  let start: HTMLButtonElement | undefined;
  let started: HTMLParagraphElement | undefined;

  const ask = () => {
    setStep('confirming');
    queueMicrotask(() => question?.focus());
  };
  const back = () => {
    setStep('idle');
    queueMicrotask(() => start?.focus());
  };
  const begin = async () => {
    const next = props.round + 1;
    const ack = await props.send({ type: 'vote.newRound', cardId: props.cardId });
    if (!ack.ok) return back();
    setBegun(next);
    // The button leaves until someone reacts in the new round, so focus goes to the news instead.
    setStep('started');
    queueMicrotask(() => started?.focus());
  };

  return (
    <div class="new-round">
      <Show when={step() === 'started'}>
        <p ref={started} tabindex="-1" class="status-line status-line--ok">
          Ronde {begun()} is begonnen. Iedereen kan opnieuw kiezen.
        </p>
      </Show>
      <Show
        when={step() === 'confirming'}
        fallback={
          // Nothing to start afresh while nobody reacted in this round (the server refuses it too).
          <Show when={props.responded > 0}>
            <button ref={start} type="button" class="button button--secondary" onClick={ask}>
              Nieuwe ronde
            </button>
          </Show>
        }
      >
        <div class="notice notice--warn">
          <p ref={question} tabindex="-1">
            <strong>Iedereen stemt opnieuw.</strong> De antwoorden van ronde {props.round} worden gewist en tellen niet meer mee. Een
            uitslag die al op de beamer stond, blijft bewaard in de download met uitslagen.
          </p>
          <div class="button-row">
            <button type="button" class="button" onClick={() => void begin()}>
              Ja, start ronde {props.round + 1}
            </button>
            <button type="button" class="button button--secondary" onClick={back}>
              Nee, ga terug
            </button>
          </div>
        </div>
      </Show>
    </div>
  );
}
