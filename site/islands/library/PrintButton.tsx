// "Print": opens the browser's print window. It needs this script, so it appears only once it runs;
// the page says how to print without it (Ctrl+P).
import { Show, createSignal, onMount } from 'solid-js';

export default function PrintButton(props: { label: string }) {
  const [ready, setReady] = createSignal(false);
  onMount(() => setReady(true));
  return (
    <Show when={ready()}>
      <button type="button" class="button button--large" onClick={() => window.print()}>
        {props.label}
      </button>
    </Show>
  );
}
