// "Ordenen": the approved post-its grouped by column and by the host's groups. A post-it moves by
// dragging it (solid-dnd's pointer sensor) or with its Verplaats menu; both send postIt.move, and
// every move is read out in a live region.
import { For, Show, createMemo, createSignal, createUniqueId, onCleanup } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import { DragDropProvider, DragDropSensors, DragOverlay, createDroppable, type DragEvent } from '@thisbeyond/solid-dnd';
import type { BoardColour, Card, HostView } from '@protocol';
import { arrange, placeKey, zoneOf, type Zone } from './board-places.ts';
import { ArrangePostIt, shortText, type ArrangeContext, type Panel } from './ArrangePostIt.tsx';
import { ClusterManager } from './ClusterManager.tsx';
import { DragWatcher, zoneUnderPointer, type DragState } from './drag-support.tsx';
import type { Send } from './HostScreen.tsx';

type Board = NonNullable<HostView['board']>;

export function ArrangeBoard(props: { card: Card; board: Board; send: Send }) {
  const arrangement = createMemo(() => arrange(props.card, props.board));
  const isWall = () => arrangement().columns.length === 1 && arrangement().columns[0]!.label === null;
  const [message, setMessage] = createSignal('');
  const columnLabel = (id: string | null) => arrangement().columns.find((c) => c.id === id)?.label ?? 'Overig';
  const [panel, setPanel] = createSignal<Panel>(null);
  const [focusRequest, setFocusRequest] = createSignal<{ postItId: string; zoneKey: string } | null>(null);
  const zoneElements = new Map<string, HTMLElement>();
  let dragState: DragState | undefined;

  let clearTimer: number | undefined;
  const announce = (text: string) => {
    // Emptied first, so the same sentence twice in a row is read out twice.
    setMessage('');
    window.clearTimeout(clearTimer);
    clearTimer = window.setTimeout(() => setMessage(text), 50);
  };
  onCleanup(() => window.clearTimeout(clearTimer));

  const ctx: ArrangeContext = {
    cardId: () => props.card.id,
    arrangement,
    send: props.send,
    panel,
    setPanel,
    focusRequest,
    clearFocusRequest: () => setFocusRequest(null),
    async moveTo(postItId, zone, byKeyboard) {
      const postIt = arrangement().postIts.get(postItId);
      if (!postIt) return;
      // Grouping never changes the column the writer chose: the post-it goes to this group in its own column.
      const landing = arrangement().zones.get(placeKey(props.card.id, { columnId: postIt.columnId, clusterId: zone.clusterId }));
      if (!landing) return;
      const keptColumn = zone.columnId !== postIt.columnId ? columnLabel(postIt.columnId) : null;
      if (zoneOf(arrangement(), props.card.id, postIt)?.key === landing.key) {
        // A drag that ends where it began is no news; a chosen destination is answered.
        if (keptColumn) announce(`De post-it blijft bij ${keptColumn}: dat koos de schrijver. Kies ‘Andere kolom’ om dat te veranderen.`);
        else if (byKeyboard) announce(`Deze post-it staat al bij ${zone.name}.`);
        return;
      }
      if (byKeyboard) setFocusRequest({ postItId, zoneKey: landing.key });
      const ack = await props.send({ type: 'postIt.move', cardId: props.card.id, postItId, clusterId: landing.clusterId });
      if (!ack.ok) setFocusRequest(null);
      else if (keptColumn) announce(`Post-it naar ${landing.title}. Hij blijft bij ${keptColumn}: dat koos de schrijver.`);
      else announce(`Post-it verplaatst naar ${landing.name}`);
    },
    async moveToColumn(postItId, columnId) {
      const postIt = arrangement().postIts.get(postItId);
      if (!postIt || postIt.columnId === columnId) return;
      const clusterId = zoneOf(arrangement(), props.card.id, postIt)?.clusterId ?? null;
      setFocusRequest({ postItId, zoneKey: placeKey(props.card.id, { columnId, clusterId }) });
      const ack = await props.send({ type: 'postIt.move', cardId: props.card.id, postItId, columnId });
      if (ack.ok) announce(`Post-it staat nu bij ${columnLabel(columnId)}.`);
      else setFocusRequest(null);
    },
    async merge(postItId, intoId) {
      const postIt = arrangement().postIts.get(postItId);
      const into = arrangement().postIts.get(intoId);
      if (!postIt || !into) return;
      const zone = zoneOf(arrangement(), props.card.id, into);
      if (zone) setFocusRequest({ postItId: intoId, zoneKey: zone.key });
      const ack = await props.send({ type: 'postIt.merge', cardId: props.card.id, postItId, intoId });
      if (ack.ok) announce(`Samengevoegd met “${shortText(into.text)}”: telt nu ${into.weight + postIt.weight} keer.`);
    },
    async highlight(postItId, highlighted) {
      const ack = await props.send({ type: 'postIt.highlight', cardId: props.card.id, postItId, highlighted });
      if (ack.ok) announce(highlighted ? 'Post-it gemarkeerd.' : 'Markering weg.');
    },
    left(zoneKey, text) {
      announce(text);
      zoneElements.get(zoneKey)?.focus();
    },
  };

  const onDragEnd = ({ draggable, droppable }: DragEvent) => {
    const zone = droppable ? arrangement().zones.get(droppable.data.zoneKey as string) : undefined;
    if (zone) void ctx.moveTo(draggable.data.postItId as string, zone, false);
  };

  return (
    <section class="arrange" aria-labelledby="ordenen-titel">
      <h3 id="ordenen-titel">Ordenen</h3>
      <p class="arrange__how">
        Maak groepen en sleep post-its erheen. Zonder muis: kies <strong>Verplaats</strong> bij een post-it.
        <Show when={!isWall()}> Een groep geldt voor alle kolommen: een post-it blijft in de kolom die de schrijver koos.</Show>
      </p>
      <ClusterManager cardId={props.card.id} board={props.board} send={props.send} announce={announce} />
      <div class="sr-only" role="status" aria-live="polite">
        {message()}
      </div>

      <Show when={arrangement().postIts.size} fallback={<p class="muted">Nog geen post-its om te ordenen.</p>}>
        <DragDropProvider onDragEnd={onDragEnd} collisionDetector={zoneUnderPointer(() => dragState)}>
          <DragDropSensors>
            <DragWatcher share={(state) => (dragState = state)} />
            <div
              class="arrange__board"
              classList={{ 'arrange__board--wall': isWall() }}
              style={{ '--columns': String(arrangement().columns.length) }}
            >
              <For each={arrangement().columns.map((c) => c.key)}>
                {(key) => {
                  const column = () => arrangement().columns.find((c) => c.key === key);
                  const zones = () => (
                    <For each={column()?.zones.map((z) => z.key) ?? []}>
                      {(zoneKey) => (
                        <Show when={arrangement().zones.get(zoneKey)}>
                          {(zone) => (
                            <ZoneView
                              zone={zone()}
                              colour={column()?.colour ?? 'geel'}
                              headingLevel={isWall() ? 4 : 5}
                              ctx={ctx}
                              ref={(el) => zoneElements.set(zoneKey, el)}
                            />
                          )}
                        </Show>
                      )}
                    </For>
                  );
                  const count = () => column()?.zones.reduce((n, z) => n + z.postItIds.length, 0) ?? 0;
                  // A free wall has one unnamed "column": its zones stand directly on the board.
                  return column()?.label === null ? (
                    zones()
                  ) : (
                    <div class="arrange-column" role="group" aria-label={column()?.label ?? undefined}>
                      <h4 class="arrange-column__title postit" data-colour={column()?.colour}>
                        {column()?.label} <span class="arrange-count">({count()})</span>
                      </h4>
                      {zones()}
                    </div>
                  );
                }}
              </For>
            </div>
            <DragOverlay class="arrange-overlay">
              {(active) => {
                const postIt = () => (active ? arrangement().postIts.get(active.data.postItId as string) : undefined);
                return (
                  <div class="postit host-paper" data-colour={active?.data.colour as string} aria-hidden="true" dir="auto">
                    {postIt()?.text}
                  </div>
                );
              }}
            </DragOverlay>
          </DragDropSensors>
        </DragDropProvider>
      </Show>
    </section>
  );
}

function ZoneView(props: { zone: Zone; colour: BoardColour; headingLevel: 4 | 5; ctx: ArrangeContext; ref: (el: HTMLElement) => void }) {
  const droppable = createDroppable(`zone-${createUniqueId()}`, { zoneKey: props.zone.key });
  const postIt = (id: string) => props.ctx.arrangement().postIts.get(id);
  return (
    <div
      ref={(el) => {
        droppable.ref(el);
        props.ref(el);
      }}
      class="arrange-zone"
      classList={{ 'arrange-zone--over': droppable.isActiveDroppable, 'arrange-zone--loose': props.zone.clusterId === null }}
      role="group"
      aria-label={props.zone.name}
      tabindex="-1"
    >
      <Dynamic component={`h${props.headingLevel}`} class="arrange-zone__title">
        <span dir="auto">{props.zone.title}</span> <span class="arrange-count">({props.zone.postItIds.length})</span>
      </Dynamic>
      <Show when={props.zone.postItIds.length} fallback={<p class="arrange-zone__empty">Sleep post-its hierheen of kies Verplaats.</p>}>
        <ul class="arrange-zone__postits">
          <For each={props.zone.postItIds}>
            {(id) => (
              <Show when={postIt(id)}>{(p) => <ArrangePostIt postIt={p()} zone={props.zone} colour={props.colour} ctx={props.ctx} />}</Show>
            )}
          </For>
        </ul>
      </Show>
    </div>
  );
}
