// The console's card tools below the current card: which cards to play, and a situation of the
// group's own. Both stay folded so the current card and its activity keep the top of the screen.
import { createSignal, type JSX } from 'solid-js';
import type { HostView } from '@protocol';
import { ArrangeCards } from './ArrangeCards.tsx';
import { OwnCardForm } from './OwnCardForm.tsx';
import type { Send } from './HostScreen.tsx';
import '../../styles/card-picker.css';

export function CardTools(props: { view: HostView; send: Send }) {
  return (
    <>
      <Fold id="kaarten-kiezen" title="Kaarten kiezen">
        <ArrangeCards view={props.view} send={props.send} />
      </Fold>
      <Fold id="eigen-situatie" title="Eigen situatie toevoegen">
        <OwnCardForm send={props.send} />
      </Fold>
    </>
  );
}

/** A panel whose heading opens and closes it (a disclosure button inside the heading). Closed, its
 *  content stays rendered, so a half-written situation or an unsaved order is still there. */
function Fold(props: { id: string; title: string; children: JSX.Element }) {
  const [open, setOpen] = createSignal(false);
  return (
    <section class="panel card-tools" aria-labelledby={`${props.id}-titel`}>
      <h2 id={`${props.id}-titel`}>
        <button
          type="button"
          class="card-tools__toggle"
          aria-expanded={open() ? 'true' : 'false'}
          aria-controls={`${props.id}-inhoud`}
          onClick={() => setOpen(!open())}
        >
          {props.title}
        </button>
      </h2>
      <div id={`${props.id}-inhoud`} class="card-tools__body" hidden={!open()}>
        {props.children}
      </div>
    </section>
  );
}
