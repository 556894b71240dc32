// Pieces every host post-it shares, in moderation and while arranging: the text (always as text,
// right-to-left aware), the merge weight, the privacy warnings and the one way to hide a post-it.
import { For, Show, splitProps, type JSX } from 'solid-js';
import type { BoardColour, HostPostIt, PostItFlag } from '@protocol';
import type { Send } from './HostScreen.tsx';

const FLAG_TEXT: Record<PostItFlag, string> = {
  name: 'Lijkt een naam te bevatten',
  phone: 'Lijkt een telefoonnummer te bevatten',
  email: 'Lijkt een e-mailadres te bevatten',
  handle: 'Lijkt een gebruikersnaam (@…) te bevatten',
  postcode: 'Lijkt een postcode te bevatten',
};

/** The post-it's paper. Extra attributes (an id, drag listeners) go on the paper itself. */
export function PostItPaper(props: { postIt: HostPostIt; colour: BoardColour } & JSX.HTMLAttributes<HTMLDivElement>) {
  const [own, rest] = splitProps(props, ['postIt', 'colour', 'class']);
  return (
    // dir=auto on the paper: Arabic or Hebrew reads, and lines up, right to left.
    <div {...rest} class={`postit host-paper ${own.class ?? ''}`} data-colour={own.colour} dir="auto">
      <span class="host-paper__text">{own.postIt.text}</span>
      <Show when={own.postIt.weight > 1}>
        <span class="host-paper__weight">
          <span aria-hidden="true">{own.postIt.weight}×</span>
          <span class="sr-only"> ({own.postIt.weight} keer, samengevoegd)</span>
        </span>
      </Show>
    </div>
  );
}

export function PostItFlags(props: { flags: PostItFlag[] }) {
  return (
    <Show when={props.flags.length}>
      <ul class="host-postit__flags">
        <For each={props.flags}>
          {(flag) => (
            <li class="notice notice--warn">
              <strong>Let op:</strong> {FLAG_TEXT[flag]}
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}

/** Hiding takes a post-it off the wall (and out of the arrangement) until the host shows it again. */
export function HideButton(props: { cardId: string; postItId: string; send: Send; onHide?: () => void; onHidden?: () => void; children?: JSX.Element }) {
  const hide = async () => {
    props.onHide?.();
    const ack = await props.send({ type: 'postIt.hide', cardId: props.cardId, postItId: props.postItId });
    if (ack.ok) props.onHidden?.();
  };
  return (
    <button type="button" class="button button--secondary button--small" onClick={() => void hide()}>
      Verbergen{props.children}
    </button>
  );
}
