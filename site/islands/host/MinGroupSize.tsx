// The smallest group for which results show. The floor is the server's rule; the form only says it
// plainly before sending.
import { Show, createSignal } from 'solid-js';
import { MIN_GROUP_SIZE_FLOOR, MIN_GROUP_SIZE_MAX } from '@protocol/constants';
import type { Send } from './HostScreen.tsx';

export function MinGroupSize(props: { value: number; send: Send }) {
  const [problem, setProblem] = createSignal<string | null>(null);
  let input: HTMLInputElement | undefined;

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const minGroupSize = Number(input?.value);
    if (!Number.isInteger(minGroupSize) || minGroupSize < MIN_GROUP_SIZE_FLOOR || minGroupSize > MIN_GROUP_SIZE_MAX) {
      setProblem(`Vul een heel getal in van ${MIN_GROUP_SIZE_FLOOR} tot en met ${MIN_GROUP_SIZE_MAX}.`);
      return;
    }
    setProblem(null);
    props.send({ type: 'settings.minGroupSize', minGroupSize });
  };

  return (
    <section class="panel" aria-labelledby="instellingen-titel">
      <h2 id="instellingen-titel">Grens voor een uitslag</h2>
      <form class="field" onSubmit={submit} novalidate>
        <label for="min-groep-live">Minimum aantal antwoorden</label>
        <span class="field__hint" id="min-groep-live-hint">
          Nu: {props.value}. Bij minder antwoorden blijft een uitslag verborgen, zodat niemand opvalt. Niet lager dan {MIN_GROUP_SIZE_FLOOR}
          .
        </span>
        <Show when={problem()}>
          <span class="field__error" id="min-groep-live-fout">
            {problem()}
          </span>
        </Show>
        <div class="inline-form">
          <input
            ref={input}
            id="min-groep-live"
            type="number"
            inputmode="numeric"
            class="input--short"
            min={MIN_GROUP_SIZE_FLOOR}
            max={MIN_GROUP_SIZE_MAX}
            step={1}
            value={props.value}
            aria-invalid={problem() ? 'true' : undefined}
            aria-describedby={problem() ? 'min-groep-live-hint min-groep-live-fout' : 'min-groep-live-hint'}
          />
          <button type="submit" class="button button--secondary">
            Pas aan
          </button>
        </div>
      </form>
    </section>
  );
}
