// "Eerst alles stemmen, dan praten over de drie met de meeste soms en vaak": a lesson option in the
// console. In the voting round each theme card opens only its vote (card.goto with voteOnly); on the
// last theme the console ranks the themes by the results the beamer showed and puts the host's
// three picks next in the play list (cards.arrange), where their boards open as usual.
import { For, Show, createEffect, createResource, createSignal, type Accessor } from 'solid-js';
import type { HostView } from '@protocol';
import { loadResults } from '../PrintResults.tsx';
import { percent, rankThemes, talkPlaylist } from './theme-ranking.ts';
import type { Send } from './HostScreen.tsx';

export type VoteFirstPhase = 'off' | 'votes' | 'talk';

/** The phase of this console's lesson, kept per session in this tab so a reload keeps it. */
export function createVoteFirst(code: string): { phase: Accessor<VoteFirstPhase>; setPhase: (p: VoteFirstPhase) => void } {
  const key = `kring-stemronde-${code}`;
  const stored = sessionStorage.getItem(key);
  const [phase, set] = createSignal<VoteFirstPhase>(stored === 'votes' || stored === 'talk' ? stored : 'off');
  return {
    phase,
    setPhase(p) {
      sessionStorage.setItem(key, p);
      set(p);
    },
  };
}

const TOP = 3;

export function RankingPanel(props: {
  view: HostView;
  code: string;
  send: Send;
  phase: Accessor<VoteFirstPhase>;
  setPhase: (p: VoteFirstPhase) => void;
  goto: (index: number) => void;
}) {
  const themes = () => props.view.cards.filter((c) => c.kind === 'theme');
  const themesAhead = () => props.view.cards.slice(props.view.cardIndex + 1).some((c) => c.kind === 'theme');
  const onLastTheme = () => props.view.card?.kind === 'theme' && !themesAhead();
  // Fetched again whenever a result is revealed on the last theme: the ranking uses only shown results.
  const [results] = createResource(
    () => (props.phase() === 'votes' && onLastTheme() ? `${props.view.cardIndex}|${props.view.vote?.revealed}|${props.view.vote?.round}` : false),
    () => loadResults(props.code),
  );
  const ranking = () => {
    const r = results();
    return r ? rankThemes(r.cards, themes().map((t) => t.id)) : null;
  };
  const [picked, setPicked] = createSignal<string[]>([]);
  createEffect(() => setPicked(ranking()?.ranked.slice(0, TOP).map((t) => t.id) ?? []));
  const toggle = (id: string, on: boolean) => {
    const order = ranking()?.ranked.map((t) => t.id) ?? [];
    setPicked((now) => order.filter((x) => (x === id ? on : now.includes(x))));
  };

  const talk = async () => {
    const ids = props.view.cards.map((c) => c.id);
    const chosen = picked();
    const current = props.view.card;
    const list = talkPlaylist(ids, props.view.cardIndex, chosen);
    const ack = await props.send({ type: 'cards.arrange', cardIds: list });
    if (!ack.ok || !current) return;
    props.setPhase('talk');
    if (chosen.includes(current.id)) {
      // Talked about first, right here: its board opens now.
      if (current.board) void props.send({ type: 'board.open', cardId: current.id });
    } else {
      // The new list is in force once acknowledged; the view that says so may still be on its way.
      props.goto(list.indexOf(current.id) + 1);
    }
  };

  return (
    <Show when={props.view.status === 'live' && !props.view.groups && themes().length > TOP}>
      <section class="panel" aria-labelledby="stemronde-titel">
        <h2 id="stemronde-titel">Eerst alles stemmen</h2>
        <Show when={props.phase() === 'off'}>
          <p>
            Alle thema’s eerst snel stemmen: bij elk thema alleen de stemming, nog geen post-its of gesprek. Daarna zie je welke drie
            thema’s de meeste ‘soms’ en ‘vaak’ kregen. Die bespreken jullie.
          </p>
          <button type="button" class="button button--secondary" onClick={() => props.setPhase('votes')}>
            Eerst alles stemmen
          </button>
        </Show>
        <Show when={props.phase() === 'votes'}>
          <Show
            when={onLastTheme()}
            fallback={
              <p>
                Stemronde: laat bij elk thema stemmen, toon de uitslag en ga naar het volgende thema. De post-its en het gesprek komen
                straks, bij de drie die het meest spelen.
              </p>
            }
          >
            <Show when={ranking()} fallback={<p>{results.error ? (results.error as Error).message : 'De volgorde wordt geladen…'}</p>}>
              {(r) => (
                <>
                  <p>Thema’s met de meeste ‘soms’ en ‘vaak’ bovenaan. Alleen uitslagen die op de beamer stonden, tellen mee.</p>
                  <Show when={r().ranked.length} fallback={<p>Nog geen thema met genoeg stemmen.</p>}>
                    <ol class="ranking" aria-label="Thema’s op volgorde">
                      <For each={r().ranked}>
                        {(theme) => (
                          <li>
                            <label>
                              <input type="checkbox" checked={picked().includes(theme.id)} onChange={(e) => toggle(theme.id, e.currentTarget.checked)} />{' '}
                              {theme.title}: {percent(theme.share)} soms of vaak ({theme.answered} stemmen)
                            </label>
                          </li>
                        )}
                      </For>
                    </ol>
                  </Show>
                  <Show when={r().tooFew.length}>
                    <p>Te weinig stemmen: {r().tooFew.map((t) => t.title).join(', ')}.</p>
                  </Show>
                  <Show when={r().notShown.length}>
                    <p>Nog geen uitslag getoond: {r().notShown.map((t) => t.title).join(', ')}.</p>
                  </Show>
                  <button type="button" class="button" disabled={!picked().length} onClick={() => void talk()}>
                    {picked().length === TOP ? 'Bespreek deze drie' : `Bespreek deze ${picked().length}`}
                  </button>
                </>
              )}
            </Show>
          </Show>
          <button type="button" class="button button--secondary button--small" onClick={() => props.setPhase('off')}>
            Stop de stemronde
          </button>
        </Show>
        <Show when={props.phase() === 'talk'}>
          <p>De gekozen thema’s staan nu als volgende kaarten klaar, met hun post-its en gesprek.</p>
        </Show>
      </section>
    </Show>
  );
}
