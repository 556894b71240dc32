// "Kaarten kiezen" in the console: the cards in play are the starting point, every card the host
// may play are the choices. Saving sends cards.arrange; the server keeps the card on the screen in.
import { Show, createEffect, createSignal, on } from 'solid-js';
import type { HostView } from '@protocol';
import { CardPicker } from '../../components/cards/CardPicker.tsx';
import { sameOrder, withCards } from '../../components/cards/card-order.ts';
import type { Send } from './HostScreen.tsx';

export function ArrangeCards(props: { view: HostView; send: Send }) {
  const inPlay = () => props.view.cards.map((c) => c.id);
  /** The host's unsaved order; null while it equals the cards in play. */
  const [draft, setDraft] = createSignal<string[] | null>(null);
  const [result, setResult] = createSignal<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = createSignal(false);
  const selected = () => draft() ?? inPlay();
  const current = () => props.view.cards[props.view.cardIndex]?.id ?? null;

  // A new list from the server: a saved draft is done once the list matches it (the answer to
  // cards.arrange comes just before the new view). A card added while the host is arranging (an own
  // situation) joins the draft where the server put it, so saving does not quietly take it out.
  createEffect(
    on(inPlay, (now, before) => {
      const open = draft();
      if (!open) return;
      if (sameOrder(open, now)) return setDraft(null);
      const added = before ? now.filter((id) => !before.includes(id)) : [];
      if (added.length) setDraft(withCards(open, added, now));
    }),
  );

  const save = async () => {
    if (busy()) return;
    if (sameOrder(selected(), inPlay())) {
      setDraft(null);
      setResult({ ok: true, text: 'Er is niets veranderd: dit is al de volgorde.' });
      return;
    }
    const cardIds = selected();
    setBusy(true);
    const ack = await props.send({ type: 'cards.arrange', cardIds }, { showsRefusal: true });
    setBusy(false);
    if (ack.ok) {
      if (sameOrder(cardIds, inPlay())) setDraft(null);
      setResult({ ok: true, text: `De volgorde is bewaard: ${cardIds.length} ${cardIds.length === 1 ? 'kaart' : 'kaarten'}.` });
    } else {
      setResult({ ok: false, text: ack.message });
    }
  };

  return (
    <>
      <p class="field__hint">
        Kies welke kaarten je speelt en in welke volgorde. De kaart die nu op het scherm staat, blijft erin. Deelnemers merken pas iets
        als je naar een andere kaart gaat.
      </p>
      <CardPicker
        id="console-kaarten"
        cards={props.view.allCards}
        themes={props.view.themes}
        selected={selected()}
        locked={current()}
        onChange={(ids) => {
          setDraft(ids);
          setResult(null);
        }}
      />
      <div class="button-row">
        <button type="button" class="button" disabled={busy()} onClick={() => void save()}>
          Bewaar de volgorde
        </button>
        <button
          type="button"
          class="button button--secondary"
          disabled={draft() === null}
          onClick={() => {
            setDraft(null);
            setResult({ ok: true, text: 'Terug naar de kaarten die nu in het spel zijn.' });
          }}
        >
          Zet terug
        </button>
      </div>
      <div aria-live="polite">
        <Show when={result()}>
          {(r) => <p class={r().ok ? 'status-line status-line--ok' : 'notice notice--error'}>{r().text}</p>}
        </Show>
      </div>
    </>
  );
}
