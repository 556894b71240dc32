// Pieces every host post-it shares, in moderation and while arranging: the text (always as text,
// right-to-left aware), the merge weight, the privacy warnings and the one way to hide a post-it.
// Behind the privacy screen the text and the warnings give way to a placeholder.
import { For, Show, splitProps, type JSX } from 'solid-js';
import type { BoardColour, HostPostIt, PostItFlag } from '@protocol';
import type { Send } from './HostScreen.tsx';
import { usePrivacyScreen } from './privacy-screen.tsx';

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
  const privacy = usePrivacyScreen();
  return (
    // dir=auto on the paper: Arabic or Hebrew reads, and lines up, right to left.
    <div {...rest} class={`postit host-paper ${own.class ?? ''}`} data-colour={own.colour} dir="auto">
      <Show when={privacy.readable(own.postIt.id)} fallback={<span class="host-paper__text host-paper__text--hidden">verborgen</span>}>
        <span class="host-paper__text">{own.postIt.text}</span>
      </Show>
      <Show when={own.postIt.weight > 1}>
        <span class="host-paper__weight">
          <span aria-hidden="true">{own.postIt.weight}×</span>
          <span class="sr-only"> ({own.postIt.weight} keer, samengevoegd)</span>
        </span>
      </Show>
    </div>
  );
}

/** The warnings; behind the privacy screen only for the post-it the host chose to read (postItId). */
export function PostItFlags(props: { flags: PostItFlag[]; postItId?: string }) {
  const privacy = usePrivacyScreen();
  return (
    <Show when={props.flags.length && privacy.readable(props.postItId)}>
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
