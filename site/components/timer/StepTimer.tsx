// A step's timer as beamer, phone and console show it: the time left in server time (this device's
// clock plus its offset to the server), a gentle "Tijd is om" at zero (never a move to the next
// step), and words for screen readers only at the moments that matter, not every second.
import { Show, createEffect, createMemo, createSignal, on, onCleanup } from 'solid-js';
import type { TimerView } from '@protocol';
import { formatRemaining, remainingInWords, timerRemaining } from './timer-time.ts';
import '../../styles/timer.css';

type Phase = 'running' | 'paused' | 'up' | 'done';

export function StepTimer(props: {
  timer: TimerView;
  /** Server time minus this device's time (the session store's clockOffset). */
  offset: number;
  size: 'beamer' | 'phone' | 'console';
  /** A short soft tone at zero: the beamer only, never on phones. */
  tone?: boolean;
}) {
  const [now, setNow] = createSignal(Date.now());
  const tick = setInterval(() => setNow(Date.now()), 250);
  onCleanup(() => clearInterval(tick));

  const left = createMemo(() => timerRemaining(props.timer, now() + props.offset));
  const phase = createMemo<Phase>(() =>
    props.timer.skipped ? 'done' : left() <= 0 ? 'up' : props.timer.running ? 'running' : 'paused',
  );
  const lastMinute = createMemo(() => phase() === 'running' && left() <= 60_000 && props.timer.durationMs > 60_000);

  // Said once per change, never per second; nothing on first sight (the screen reader reads the timer itself).
  const [said, setSaid] = createSignal('');
  createEffect(
    on(phase, (current, previous) => {
      if (previous === undefined || current === previous) return;
      if (current === 'running') setSaid(`${previous === 'paused' ? 'De timer loopt weer' : 'De timer loopt'}: nog ${remainingInWords(left())}.`);
      else if (current === 'paused') setSaid(`Timer gepauzeerd, nog ${remainingInWords(left())}.`);
      else if (current === 'up') {
        setSaid('Tijd is om.');
        if (props.tone && previous === 'running') playSoftTone();
      } else setSaid('Deze stap is klaar.');
    }),
  );
  createEffect(on(lastMinute, (inLast, before) => inLast && before === false && setSaid('Nog 1 minuut.')));
  createEffect(
    on(
      () => props.timer.durationMs,
      (duration, before) => before !== undefined && duration > before && !props.timer.skipped && setSaid(`Er is tijd bij: nog ${remainingInWords(left())}.`),
    ),
  );

  const label = () => ({ running: '', paused: 'Gepauzeerd', up: 'Tijd is om', done: 'Klaar' })[phase()];

  return (
    <div class={`step-timer step-timer--${props.size} step-timer--${phase()}`}>
      <p class="step-timer__title">Tijd voor deze stap</p>
      {/* role=timer is not read out on every change; the live line below speaks at the moments that matter. */}
      <p class="step-timer__time" role="timer" aria-label={`Nog ${remainingInWords(left())}`}>
        {phase() === 'done' ? '–:––' : formatRemaining(left())}
      </p>
      <Show when={label()}>
        <p class="step-timer__state">{label()}</p>
      </Show>
      <p class="sr-only" aria-live="polite">
        {said()}
      </p>
    </div>
  );
}

/** A short, soft, falling two-note chime; silent where the browser does not allow sound yet. */
function playSoftTone() {
  try {
    const Context = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Context) return;
    const audio = new Context();
    const start = audio.currentTime + 0.05;
    for (const [i, frequency] of [660, 523].entries()) {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.type = 'sine';
      osc.frequency.value = frequency;
      const at = start + i * 0.35;
      gain.gain.setValueAtTime(0, at);
      gain.gain.linearRampToValueAtTime(0.08, at + 0.04);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.9);
      osc.connect(gain).connect(audio.destination);
      osc.start(at);
      osc.stop(at + 1);
    }
    setTimeout(() => void audio.close().catch(() => undefined), 2000);
  } catch {
    /* no sound: the visual signal stays */
  }
}
