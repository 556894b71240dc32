// A join code in two groups of three for reading aloud and typing; the text stays one word, so
// copying or a screen reader gets the code as it is.
export function JoinCodeText(props: { code: string; class?: string }) {
  return (
    <span class={`join-code ${props.class ?? ''}`}>
      <span>{props.code.slice(0, 3)}</span>
      <span class="join-code__second">{props.code.slice(3)}</span>
    </span>
  );
}
