// The printable A4 report of the boards. It opens in a new tab and reads the results with the host
// key this browser keeps, so it works during the session and after it.
export function PrintLink(props: { code: string; class?: string }) {
  return (
    <a class={props.class ?? 'button button--secondary'} href={`/print/#${encodeURIComponent(props.code)}`} target="_blank" rel="noopener">
      Afdrukken (A4)<span class="sr-only"> (nieuw tabblad)</span>
    </a>
  );
}
