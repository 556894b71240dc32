// Post-its outside the arrangement: those waiting for approval and those the host hid. Flags from
// the server's local check are shown as warnings so the host can hide a post-it before anyone sees it.
// Behind the privacy screen a post-it is approved (or shown again) only after the host read it here.
import { createEffect, createSignal, Index, Show } from 'solid-js';
import type { Card, HostPostIt } from '@protocol';
import { columnColour, columnLabel } from '../../components/card/labels.ts';
import { HideButton, PostItFlags, PostItPaper } from './PostItParts.tsx';
import type { Send } from './HostScreen.tsx';
import { usePrivacyScreen } from './privacy-screen.tsx';

const STATUS_TEXT = { pending: 'Wacht op goedkeuring', approved: 'Goedgekeurd', hidden: 'Verborgen' } as const;

export function ReviewList(props: { card: Card; postIts: HostPostIt[]; send: Send }) {
  const cardId = () => props.card.id;
  const privacy = usePrivacyScreen();
  let list: HTMLUListElement | undefined;
  // An approved or hidden post-it leaves this list, and with it the focused button: focus moves to
  // the post-it that took its place (or the one before), so a keyboard user can go on reviewing.
  // Items are kept by position (Index), not by object: every view brings new objects, and items
  // rebuilt on each view would drop the focus again when a later view arrives.
  const [leaving, setLeaving] = createSignal<{ id: string; index: number } | null>(null);
  createEffect(() => {
    const left = leaving();
    if (!left || props.postIts.some((p) => p.id === left.id)) return;
    setLeaving(null);
    queueMicrotask(() => {
      const items = list?.querySelectorAll<HTMLLIElement>(':scope > li') ?? [];
      const target = items[Math.min(left.index, items.length - 1)];
      (target?.querySelector<HTMLButtonElement>('button') ?? list?.closest('section')?.querySelector<HTMLElement>('h2'))?.focus();
    });
  });
  const leave = (id: string, index: number) => setLeaving({ id, index });
  return (
    <ul class="host-postits" ref={list}>
      <Index each={props.postIts}>
        {(postIt, i) => (
          <li class="host-postit" data-status={postIt().status}>
            <PostItPaper postIt={postIt()} colour={columnColour(props.card, postIt().columnId)} />
            <PostItFlags flags={postIt().flags} postItId={postIt().id} />
            <p class="host-postit__meta">
              <span class="tag" data-status={postIt().status}>
                {STATUS_TEXT[postIt().status]}
              </span>
              <Show when={columnLabel(props.card, postIt().columnId)}>{(label) => <span class="muted"> · {label()}</span>}</Show>
            </p>
            <div class="button-row button-row--tight">
              <Show when={privacy.on()}>
                <button
                  type="button"
                  class="button button--secondary button--small"
                  aria-pressed={privacy.readable(postIt().id) ? 'true' : 'false'}
                  onClick={() => privacy.read(privacy.readable(postIt().id) ? null : postIt().id)}
                >
                  Lezen<span class="sr-only"> post-it {i + 1}</span>
                </button>
              </Show>
              <Show
                when={postIt().status === 'pending'}
                fallback={
                  <Show when={privacy.readable(postIt().id)}>
                    <button
                      type="button"
                      class="button button--secondary button--small"
                      onClick={() => {
                        leave(postIt().id, i);
                        void props.send({ type: 'postIt.unhide', cardId: cardId(), postItId: postIt().id });
                      }}
                    >
                      Toch tonen<span class="sr-only"> post-it {i + 1}</span>
                    </button>
                  </Show>
                }
              >
                <Show when={privacy.readable(postIt().id)}>
                  <button
                    type="button"
                    class="button button--small"
                    onClick={() => {
                      leave(postIt().id, i);
                      void props.send({ type: 'postIt.approve', cardId: cardId(), postItIds: [postIt().id] });
                    }}
                  >
                    Goedkeuren<span class="sr-only"> post-it {i + 1}</span>
                  </button>
                </Show>
                <HideButton cardId={cardId()} postItId={postIt().id} send={props.send} onHide={() => leave(postIt().id, i)}>
                  <span class="sr-only"> post-it {i + 1}</span>
                </HideButton>
              </Show>
            </div>
          </li>
        )}
      </Index>
    </ul>
  );
}
