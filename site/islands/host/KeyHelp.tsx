// Which keys the console answers to (see presenter-keys.ts): a clicker's PageDown / PageUp, the
// arrows, space and R. Folded behind "Toetsen"; the ? key opens and closes it too.

export function KeyHelpButton(props: { open: boolean; onToggle: () => void }) {
  return (
    <button
      type="button"
      class="button button--secondary"
      aria-expanded={props.open ? 'true' : 'false'}
      aria-controls="toetsen"
      aria-keyshortcuts="Shift+?"
      onClick={() => props.onToggle()}
    >
      Toetsen
    </button>
  );
}

export function KeyHelp() {
  return (
    <section id="toetsen" class="panel key-help" aria-labelledby="toetsen-titel">
      <h2 id="toetsen-titel">Toetsen</h2>
      <p>Met een presenter (clicker) of het toetsenbord, als je niet in een invulveld staat:</p>
      <dl class="key-help__list">
        <dt>
          <kbd>→</kbd>, <kbd>Page Down</kbd> of <kbd>spatie</kbd>
        </dt>
        <dd>Volgende kaart</dd>
        <dt>
          <kbd>←</kbd> of <kbd>Page Up</kbd>
        </dt>
        <dd>Vorige kaart</dd>
        <dt>
          <kbd>R</kbd>
        </dt>
        <dd>Toon de uitslag van de stemming</dd>
        <dt>
          <kbd>?</kbd>
        </dt>
        <dd>Deze uitleg openen of sluiten</dd>
      </dl>
      <p class="muted">
        Staat een knop geselecteerd? Dan drukt spatie die knop in, en werken de pijltjes niet: gebruik dan Page Down en Page Up.
      </p>
    </section>
  );
}
