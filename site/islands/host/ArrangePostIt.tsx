// One post-it while the host arranges the board: drag its paper to another place, or use the
// buttons (move, merge, mark, hide), which work without a mouse. Both paths send the same command.
import { Show, createEffect, createUniqueId, For, type Accessor } from 'solid-js';
import { createDraggable } from '@thisbeyond/solid-dnd';
import type { BoardColour, HostPostIt } from '@protocol';
import type { Arrangement, Zone } from './board-places.ts';
import { HideButton, PostItFlags, PostItPaper } from './PostItParts.tsx';
import type { Send } from './HostScreen.tsx';

export type Panel = { postItId: string; kind: 'move' | 'merge' | 'column' } | null;

/** What every post-it on the arranging board shares; built once by ArrangeBoard. */
export interface ArrangeContext {
  cardId: Accessor<string>;
  arrangement: Accessor<Arrangement>;
  send: Send;
  /** At most one move or merge menu is open on the board. */
  panel: Accessor<Panel>;
  setPanel: (panel: Panel) => void;
  /** A post-it that should take focus once it shows up in this zone (after a move by keyboard). */
  focusRequest: Accessor<{ postItId: string; zoneKey: string } | null>;
  clearFocusRequest: () => void;
  /** Into a group (or out of one): the post-it stays in its column. */
  moveTo: (postItId: string, zone: Zone, byKeyboard: boolean) => void;
  /** The deliberate other act: a post-it to another column, changing what its writer chose. */
  moveToColumn: (postItId: string, columnId: string) => void;
  merge: (postItId: string, intoId: string) => void;
  highlight: (postItId: string, highlighted: boolean) => void;
  /** After a post-it left the board (hidden): say so, and put focus on the zone it was in. */
  left: (zoneKey: string, message: string) => void;
}

const MENU_LABEL = { move: 'Waarheen?', merge: 'Samenvoegen met…', column: 'Naar welke kolom?' } as const;
const SUBMIT_LABEL = { move: 'Verplaats hierheen', merge: 'Samenvoegen', column: 'Zet in deze kolom' } as const;

/** A post-it's text, short enough for a menu option. */
export function shortText(text: string, max = 50): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
}

export function ArrangePostIt(props: { postIt: HostPostIt; zone: Zone; colour: BoardColour; ctx: ArrangeContext }) {
  const uid = createUniqueId();
  const draggable = createDraggable(`postit-${uid}`, { postItId: props.postIt.id, colour: props.colour });
  let item: HTMLLIElement | undefined;
  let moveButton: HTMLButtonElement | undefined;
  let mergeButton: HTMLButtonElement | undefined;
  let select: HTMLSelectElement | undefined;

  const open = () => {
    const panel = props.ctx.panel();
    return panel?.postItId === props.postIt.id ? panel.kind : null;
  };
  const others = () => [...props.ctx.arrangement().postIts.values()].filter((p) => p.id !== props.postIt.id);
  // Options are keyed by id, so a new view while the menu is open keeps the person's choice.
  const mergeOption = (id: string) => {
    const other = props.ctx.arrangement().postIts.get(id);
    if (!other) return '';
    const place = props.ctx.arrangement().places.find((z) => z.postItIds.includes(id))?.name;
    return `“${shortText(other.text)}”${other.weight > 1 ? ` (${other.weight}×)` : ''}${place ? ` — ${place}` : ''}`;
  };

  createEffect(() => {
    const wanted = props.ctx.focusRequest();
    if (item && wanted?.postItId === props.postIt.id && wanted.zoneKey === props.zone.key) {
      item.focus();
      props.ctx.clearFocusRequest();
    }
  });

  const openPanel = (kind: 'move' | 'merge' | 'column') => {
    props.ctx.setPanel(open() === kind ? null : { postItId: props.postIt.id, kind });
    queueMicrotask(() => select?.focus());
  };
  const closePanel = (focusOpener: boolean) => {
    const kind = open();
    props.ctx.setPanel(null);
    if (focusOpener) queueMicrotask(() => (kind === 'merge' ? mergeButton : kind === 'column' ? columnButton : moveButton)?.focus());
  };
  const confirm = (event: SubmitEvent) => {
    event.preventDefault();
    const value = select?.value;
    const kind = open();
    props.ctx.setPanel(null);
    // Keep focus on this post-it while the server moves it; it follows to the new place.
    item?.focus();
    if (!value) return;
    if (kind === 'move') {
      const zone = props.ctx.arrangement().zones.get(value);
      if (zone) props.ctx.moveTo(props.postIt.id, zone, true);
    } else if (kind === 'merge') {
      props.ctx.merge(props.postIt.id, value);
    } else if (kind === 'column') {
      props.ctx.moveToColumn(props.postIt.id, value);
    }
  };
  // Grouping keeps the column: the menu offers the groups within this post-it's own column.
  const groupPlaces = () => props.ctx.arrangement().places.filter((z) => z.columnId === props.zone.columnId);
  const firstOtherPlace = () => groupPlaces().find((z) => z.key !== props.zone.key)?.key;
  const columns = () => props.ctx.arrangement().columns.filter((c) => c.label !== null);
  const firstOtherColumn = () => columns().find((c) => c.id !== props.postIt.columnId)?.id;
  let columnButton: HTMLButtonElement | undefined;

  return (
    <li
      ref={item}
      class="arrange-postit"
      classList={{ 'arrange-postit--dragging': draggable.isActiveDraggable, 'arrange-postit--highlighted': props.postIt.highlighted }}
      tabindex="-1"
      aria-labelledby={`${uid}-tekst`}
    >
      <PostItPaper
        ref={draggable.ref}
        id={`${uid}-tekst`}
        class="arrange-postit__paper"
        postIt={props.postIt}
        colour={props.colour}
        title="Sleep naar een andere plek"
        onPointerDown={(event) => draggable.dragActivators.onpointerdown?.(event)}
      />
      <Show when={props.postIt.highlighted}>
        <p class="arrange-postit__mark">
          <span class="tag tag--mark">Gemarkeerd</span>
        </p>
      </Show>
      <PostItFlags flags={props.postIt.flags} />
      <div class="arrange-postit__tools">
        <button
          ref={moveButton}
          type="button"
          class="button button--secondary button--small"
          aria-expanded={open() === 'move'}
          aria-controls={open() === 'move' ? `${uid}-menu` : undefined}
          aria-describedby={`${uid}-tekst`}
          onClick={() => openPanel('move')}
        >
          Verplaats
        </button>
        <Show when={columns().length > 1}>
          <button
            ref={columnButton}
            type="button"
            class="button button--secondary button--small"
            aria-expanded={open() === 'column'}
            aria-controls={open() === 'column' ? `${uid}-menu` : undefined}
            aria-describedby={`${uid}-tekst`}
            onClick={() => openPanel('column')}
          >
            Andere kolom…
          </button>
        </Show>
        <button
          type="button"
          class="button button--secondary button--small"
          aria-describedby={`${uid}-tekst`}
          onClick={() => props.ctx.highlight(props.postIt.id, !props.postIt.highlighted)}
        >
          {props.postIt.highlighted ? 'Markering weg' : 'Markeer'}
        </button>
        <Show when={others().length}>
          <button
            ref={mergeButton}
            type="button"
            class="button button--secondary button--small"
            aria-expanded={open() === 'merge'}
            aria-controls={open() === 'merge' ? `${uid}-menu` : undefined}
            aria-describedby={`${uid}-tekst`}
            onClick={() => openPanel('merge')}
          >
            Voeg samen…
          </button>
        </Show>
        <HideButton
          cardId={props.ctx.cardId()}
          postItId={props.postIt.id}
          send={props.ctx.send}
          onHidden={() => props.ctx.left(props.zone.key, 'Post-it verborgen. Je vindt hem onder Verborgen.')}
        />
      </div>

      <Show when={open()}>
        {(kind) => (
          <form
            id={`${uid}-menu`}
            class="arrange-menu"
            onSubmit={confirm}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.preventDefault();
                closePanel(true);
              }
            }}
          >
            <label for={`${uid}-keuze`}>{MENU_LABEL[kind()]}</label>
            <Show when={kind() === 'column'}>
              <p class="arrange-menu__warning" id={`${uid}-let-op`}>
                Dit verandert wat de schrijver koos. Doe het alleen als de post-it duidelijk in de verkeerde kolom staat.
              </p>
            </Show>
            <select id={`${uid}-keuze`} ref={select} aria-describedby={kind() === 'column' ? `${uid}-let-op` : undefined}>
              <Show when={kind() === 'merge'}>
                <For each={others().map((p) => p.id)}>{(id) => <option value={id}>{mergeOption(id)}</option>}</For>
              </Show>
              <Show when={kind() === 'column'}>
                <For each={columns()}>
                  {(column) => (
                    <option value={column.id ?? ''} disabled={column.id === props.postIt.columnId} selected={column.id === firstOtherColumn()}>
                      {column.label}
                      {column.id === props.postIt.columnId ? ' (staat hier nu)' : ''}
                    </option>
                  )}
                </For>
              </Show>
              <Show when={kind() === 'move'}>
                <For each={groupPlaces().map((z) => z.key)}>
                  {(key) => (
                    <option value={key} selected={key === firstOtherPlace()}>
                      {props.ctx.arrangement().zones.get(key)?.name}
                      {key === props.zone.key ? ' (staat hier nu)' : ''}
                    </option>
                  )}
                </For>
              </Show>
            </select>
            <span class="arrange-menu__actions">
              <button type="submit" class="button button--small">
                {SUBMIT_LABEL[kind()]}
              </button>
              <button type="button" class="button button--secondary button--small" onClick={() => closePanel(true)}>
                Annuleer
              </button>
            </span>
          </form>
        )}
      </Show>
    </li>
  );
}
