// The join form: one field for the code. It accepts lower case, spaces and a dash, and says in
// plain words what is wrong before anything is sent.
import { Show, createEffect, createSignal, on } from 'solid-js';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, normaliseJoinCode } from '@protocol/constants';

/** What is wrong with a typed code, in plain Dutch, or null when it is a valid code. */
export function codeProblem(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, '');
  if (!code) return 'Vul de code in. Die staat op het scherm.';
  const wrong = [...new Set([...code].filter((c) => !JOIN_CODE_ALPHABET.includes(c)))];
  if (wrong.some((c) => '01OIL'.includes(c))) return 'Een code heeft nooit een 0, O, 1, I of L. Kijk nog eens op het scherm.';
  if (wrong.length) return `Deze tekens horen niet in een code: ${wrong.join(' ')}. Kijk nog eens op het scherm.`;
  if (code.length !== JOIN_CODE_LENGTH) {
    return `De code heeft ${JOIN_CODE_LENGTH} tekens. Jij typte er ${code.length}.`;
  }
  return normaliseJoinCode(code) ? null : 'Deze code klopt niet. Kijk nog eens op het scherm.';
}

/** `initial`: a refused or broken code, put back with what is wrong with it; `draft`: what was typed
 *  before the script ran, put back as it was; `onStart`: someone is about to join (the form got
 *  focus), so the session can be fetched early. */
export function JoinForm(props: { initial: string; draft?: string; onJoin: (code: string) => void; onStart?: () => void }) {
  // The field is read at submit, not bound to a signal, so nothing the script does resets it.
  const [problem, setProblem] = createSignal<string | null>(null);
  let input: HTMLInputElement | undefined;
  createEffect(
    on(
      () => props.initial,
      (initial) => {
        if (!initial || !input) return;
        input.value = initial;
        setProblem(codeProblem(initial));
      },
    ),
  );

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const typed = input?.value ?? '';
    const found = codeProblem(typed);
    setProblem(found);
    if (found) {
      input?.focus();
      return;
    }
    props.onJoin(normaliseJoinCode(typed)!);
  };

  return (
    <section aria-labelledby="meedoen-titel">
      <h1 id="meedoen-titel">Doe mee</h1>
      <p>Typ de code die op het scherm staat.</p>
      <form onSubmit={submit} onFocusIn={() => props.onStart?.()} novalidate>
        <div class="field">
          <label for="code">Code</label>
          <span class="field__hint" id="code-hint">
            6 tekens, bijvoorbeeld K7M2QX
          </span>
          <Show when={problem()}>
            <span class="field__error" id="code-fout">
              {problem()}
            </span>
          </Show>
          <input
            ref={input}
            value={props.draft ?? ''}
            id="code"
            name="code"
            type="text"
            class="code-input"
            inputmode="text"
            autocapitalize="characters"
            autocomplete="off"
            autocorrect="off"
            spellcheck={false}
            enterkeyhint="go"
            aria-invalid={problem() ? 'true' : undefined}
            aria-describedby={problem() ? 'code-hint code-fout' : 'code-hint'}
          />
        </div>
        <button type="submit" class="button button--large button--block">
          Doe mee
        </button>
      </form>
      <p class="muted phone-note">
        Je vult geen naam in. Niemand kan zien wie wat antwoordt. <a href="/privacy/">Lees wat Kring bewaart</a>
      </p>
    </section>
  );
}
