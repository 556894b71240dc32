// The print report: fetches the session's results with the host key; shown votes as bars with their
// counts, then one A4 page per board that has post-its to show, grouped by column and the host's
// groups. Cards that show nothing get one line together; a board nobody wrote on gets nothing.
import { createResource, For, Show, type JSX } from 'solid-js';
import { NOT_SHOWN, ResultsExport, TOO_FEW, type ExportedCard } from '@protocol';
import { hostKeysFor } from '../lib/local-keys.ts';
import { supportsText } from '../components/afspraken/AfsprakenList.tsx';
import { serverUrl } from '../lib/server-url.ts';

type Board = NonNullable<ExportedCard['board']>;
type Vote = NonNullable<ExportedCard['vote']>;

/** One shown vote as bars with their counts, one per option of its own scale, in the scale's order. */
function PrintVote(props: { title: string; vote: Vote & { counts: Record<string, number> } }) {
  const answered = () => props.vote.options.reduce((sum, o) => sum + (props.vote.counts[o.id] ?? 0), 0);
  const pct = (n: number) => (answered() ? Math.round((n / answered()) * 100) : 0);
  return (
    <section class="print-vote" aria-label={props.title}>
      <h3>{props.title}</h3>
      <p>{props.vote.question}</p>
      <ul class="print-bars" aria-label={`Uitslag van ${answered()} antwoorden`}>
        <For each={props.vote.options}>
          {(o) => {
            const count = () => props.vote.counts[o.id] ?? 0;
            return (
              <li class="print-bar">
                <span class="print-bar__label">{o.label}</span>
                <span class="print-bar__track" aria-hidden="true">
                  <span class="print-bar__fill" style={{ width: `${pct(count())}%` }} />
                </span>
                <span class="print-bar__value">
                  {count()} ({pct(count())}%)
                </span>
              </li>
            );
          }}
        </For>
      </ul>
      <p>
        {answered()} {answered() === 1 ? 'antwoord' : 'antwoorden'} · {props.vote.passes ?? 0} keer overgeslagen
        {props.vote.split ? ' · We denken hier verschillend over.' : ''}
        {props.vote.round > 1 ? ` · ronde ${props.vote.round}` : ''}
      </p>
    </section>
  );
}

/** "A, B en C" */
const titles = (cards: { title: string }[]) => {
  const names = cards.map((c) => c.title);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} en ${names.at(-1)}` : (names[0] ?? '');
};

export async function loadResults(code: string): Promise<ResultsExport> {
  const keys = hostKeysFor(code);
  if (!keys) throw new Error('Deze browser heeft geen sleutel voor deze sessie. Open deze pagina vanaf het scherm van de gespreksleider.');
  const response = await fetch(`${serverUrl()}/api/rooms/${encodeURIComponent(code)}/results.json`, {
    headers: { authorization: `Bearer ${keys.hostKey}` },
  });
  if (!response.ok) throw new Error('Deze sessie is niet (meer) gevonden.');
  return ResultsExport.parse(await response.json());
}

/** Groups a board's post-its by column, then by cluster, keeping the export's order inside. */
function groups(board: Board): { heading: string | null; items: { heading: string | null; postIts: Board['postIts'] }[] }[] {
  const byColumn = new Map<string | null, Board['postIts']>();
  for (const p of board.postIts) byColumn.set(p.column, [...(byColumn.get(p.column) ?? []), p]);
  return [...byColumn].map(([column, postIts]) => {
    const byCluster = new Map<string | null, Board['postIts']>();
    for (const p of postIts) byCluster.set(p.cluster, [...(byCluster.get(p.cluster) ?? []), p]);
    return { heading: column, items: [...byCluster].map(([cluster, list]) => ({ heading: cluster, postIts: list })) };
  });
}

export default function PrintResults(): JSX.Element {
  const code = decodeURIComponent(window.location.hash.slice(1)).toUpperCase();
  const [results] = createResource(() => code, loadResults);
  const cards = () => results()?.cards ?? [];
  const votes = () => cards().filter((c): c is ExportedCard & { vote: Vote } => c.vote !== null && !c.vote.nobodyAnswered);
  const shownVotes = () =>
    votes().filter((c): c is ExportedCard & { vote: Vote & { counts: Record<string, number> } } => c.vote.status === 'ok' && !!c.vote.counts);
  const boards = () => cards().filter((c): c is ExportedCard & { board: Board } => c.board !== null);
  // A board gets a page only when it has post-its to show; where nobody wrote, the report is silent.
  const shownBoards = () => boards().filter((c) => c.board.status === 'ok' && c.board.postIts.length);
  const tooFewBoards = () => boards().filter((c) => c.board.status === TOO_FEW && !c.board.nobodyWrote);
  const unshownBoards = () => boards().filter((c) => c.board.status === NOT_SHOWN && !c.board.nobodyWrote);

  return (
    <Show when={!results.error} fallback={<p role="alert">{(results.error as Error)?.message}</p>}>
      <Show when={results()} fallback={<p>De uitkomsten worden geladen…</p>}>
        {(r) => (
          <>
            <h1>
              {r().deck}
              <Show when={r().groupName}>{(name) => <span class="print-group"> – {name()}</span>}</Show>
            </h1>
            <p>
              Sessie van {new Date(r().startedAt).toLocaleDateString('nl-NL', { dateStyle: 'long' })} · {r().joined} deelnemers · uitslagen
              alleen bij minstens {r().minGroupSize} antwoorden
            </p>
            <p class="print-actions">
              <button type="button" class="button" onClick={() => window.print()}>
                Afdrukken
              </button>
            </p>
            <Show when={r().afspraken.length}>
              <section class="print-board" aria-labelledby="afspraken-print">
                <h2 id="afspraken-print">Onze afspraken{r().groupName ? ` – ${r().groupName}` : ''}</h2>
                <ol>
                  <For each={r().afspraken}>{(a) => <li>{a.text} ({supportsText(a.supports)})</li>}</For>
                </ol>
              </section>
            </Show>
            <Show when={votes().length}>
              <section class="print-board print-votes" aria-labelledby="stemmingen">
                <h2 id="stemmingen">Stemmingen</h2>
                <For each={shownVotes()}>{(card) => <PrintVote title={card.title} vote={card.vote} />}</For>
                <VoteLine cards={votes().filter((c) => c.vote.status === TOO_FEW)} text={`Te weinig stemmen om te tonen (minder dan ${r().minGroupSize})`} />
                <VoteLine cards={votes().filter((c) => c.vote.status === NOT_SHOWN)} text="Nog niet op de beamer getoond" />
              </section>
            </Show>
            <For each={shownBoards()}>
              {(card) => (
                <section class="print-board" aria-labelledby={`bord-${card.id}`}>
                  <h2 id={`bord-${card.id}`}>{card.title}</h2>
                  <p>{card.board.prompt}</p>
                  <For each={groups(card.board)}>
                    {(column) => (
                      <div class="print-board__column">
                        <Show when={column.heading}>{(h) => <h3>{h()}</h3>}</Show>
                        <For each={column.items}>
                          {(cluster) => (
                            <div class="print-board__cluster">
                              <Show when={cluster.heading}>{(h) => <h4>Groep: {h()}</h4>}</Show>
                              <ul>
                                <For each={cluster.postIts}>
                                  {(p) => (
                                    <li>
                                      {p.highlighted ? '★ ' : ''}
                                      {p.text}
                                      {p.count > 1 ? ` (${p.count}×)` : ''}
                                    </li>
                                  )}
                                </For>
                              </ul>
                            </div>
                          )}
                        </For>
                      </div>
                    )}
                  </For>
                </section>
              )}
            </For>
            <Show when={tooFewBoards().length || unshownBoards().length}>
              <section class="print-board-notes" aria-label="Andere borden">
                <VoteLine cards={tooFewBoards()} text={`Te weinig schrijvers om de post-its te tonen (minder dan ${r().minGroupSize})`} />
                <VoteLine cards={unshownBoards()} text="Post-its nog niet op de beamer getoond" />
              </section>
            </Show>
            <Show when={!shownBoards().length && !tooFewBoards().length && !unshownBoards().length}>
              <p>In deze sessie staan geen post-its om te tonen.</p>
            </Show>
          </>
        )}
      </Show>
    </Show>
  );
}

/** One line for the cards that show nothing for one reason: "Te weinig stemmen …: A en B." */
function VoteLine(props: { cards: { title: string }[]; text: string }) {
  return (
    <Show when={props.cards.length}>
      <p class="print-line">
        {props.text}: {titles(props.cards)}.
      </p>
    </Show>
  );
}
