// The console's timer for the current card: start, pause, go on, add time, or call the step done.
// Open on a method step (a card with a suggested duration); folded on other cards, where it is
// allowed too. The server keeps the time; the console only shows it and sends what the host clicks.
import { Show, createSignal, type JSX } from 'solid-js';
import type { Card, TimerView } from '@protocol';
import { TIMER_LIMITS } from '@protocol/constants';
import { StepTimer } from '../../components/timer/StepTimer.tsx';
import type { Send } from './HostScreen.tsx';

export function TimerPanel(props: { card: Card; timer: TimerView | null; offset: number; send: Send }) {
  const suggested = () => props.card.step?.minutes ?? TIMER_LIMITS.defaultMinutes;
  const [problem, setProblem] = createSignal<string | null>(null);
  let input: HTMLInputElement | undefined;
  const cardId = () => props.card.id;
  // Running or paused (also after the time is up): the controls; none or done: the form to start (again).
  const live = () => (props.timer && !props.timer.skipped ? props.timer : null);

  const start = (event: SubmitEvent) => {
    event.preventDefault();
    const minutes = Number(input?.value);
    const { min, max } = TIMER_LIMITS.startMinutes;
    if (!Number.isInteger(minutes) || minutes < min || minutes > max) {
      setProblem(`Vul een heel aantal minuten in, van ${min} tot en met ${max}.`);
      return;
    }
    setProblem(null);
    void props.send({ type: 'timer.start', cardId: cardId(), minutes });
  };
  const extend = (minutes: number) => void props.send({ type: 'timer.extend', cardId: cardId(), minutes });

  const body = (): JSX.Element => (
    <>
      <Show when={props.card.step}>{(step) => <p>Voorgesteld: {step().minutes} minuten. De timer gaat nooit vanzelf naar de volgende stap.</p>}</Show>
      <Show when={props.timer}>{(timer) => <StepTimer timer={timer()} offset={props.offset} size="console" />}</Show>
      <Show
        when={live()}
        fallback={
          <form class="field timer-panel__start" onSubmit={start} novalidate>
            <div>
              <label for="timer-minuten">Minuten</label>
              <Show when={problem()}>
                <span class="field__error" id="timer-minuten-fout">
                  {problem()}
                </span>
              </Show>
              <input
                ref={input}
                id="timer-minuten"
                type="number"
                inputmode="numeric"
                min={TIMER_LIMITS.startMinutes.min}
                max={TIMER_LIMITS.startMinutes.max}
                step={1}
                value={suggested()}
                aria-invalid={problem() ? 'true' : undefined}
                aria-describedby={problem() ? 'timer-minuten-fout' : undefined}
              />
            </div>
            <button type="submit" class="button">
              {props.timer ? 'Start opnieuw' : 'Start'}
            </button>
          </form>
        }
      >
        {(timer) => (
          <div class="timer-panel__controls">
            <Show
              when={timer().running}
              fallback={
                <button type="button" class="button" onClick={() => void props.send({ type: 'timer.start', cardId: cardId() })}>
                  Ga verder
                </button>
              }
            >
              <button type="button" class="button button--secondary" onClick={() => void props.send({ type: 'timer.pause', cardId: cardId() })}>
                Pauzeer
              </button>
            </Show>
            <button type="button" class="button button--secondary" onClick={() => extend(1)}>
              +1 min
            </button>
            <button type="button" class="button button--secondary" onClick={() => extend(5)}>
              +5 min
            </button>
            <button type="button" class="button button--secondary" onClick={() => void props.send({ type: 'timer.skip', cardId: cardId() })}>
              Klaar
            </button>
          </div>
        )}
      </Show>
    </>
  );

  return (
    <Show
      when={props.card.step || props.timer}
      fallback={
        <details class="panel timer-panel">
          <summary>Timer gebruiken</summary>
          {body()}
        </details>
      }
    >
      <section class="panel timer-panel" aria-labelledby="timer-titel">
        <h2 id="timer-titel">Timer</h2>
        {body()}
      </section>
    </Show>
  );
}
