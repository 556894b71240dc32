// The print report: fetches the session's results with the host key and lays out one board per
// A4 page, grouped by column and cluster. Post-its are shown as text only.
import { createResource, For, Show, type JSX } from 'solid-js';
import { ResultsExport, type ExportedCard } from '@protocol';
import { hostKeysFor } from '../lib/local-keys.ts';
import { supportsText } from '../components/afspraken/AfsprakenList.tsx';
import { serverUrl } from '../lib/server-url.ts';

type Board = NonNullable<ExportedCard['board']>;
type Vote = NonNullable<ExportedCard['vote']>;

/** One vote's counts per option of its own scale, as a table a printer and a screen reader both read. */
function PrintVote(props: { title: string; vote: Vote }) {
  const total = () => Object.values(props.vote.counts ?? {}).reduce((a, b) => a + b, 0);
  const pct = (n: number) => (total() ? Math.round((n / total()) * 100) : 0);
  return (
    <section class="print-vote">
      <h3>{props.title}</h3>
      <p>{props.vote.question}</p>
      <Show
        when={props.vote.status === 'ok' && props.vote.counts}
        fallback={<p>{props.vote.status === 'ok' ? '' : props.vote.status === 'te weinig antwoorden' ? 'Te weinig antwoorden om te tonen.' : 'Niet getoond.'}</p>}
      >
        {(counts) => (
          <>
            <table class="print-vote__table">
              <thead>
                <tr>
                  <th scope="col">Antwoord</th>
                  <th scope="col">Aantal</th>
                  <th scope="col">Deel</th>
                </tr>
              </thead>
              <tbody>
                <For each={props.vote.options}>
                  {(o) => (
                    <tr>
                      <th scope="row">{o.label}</th>
                      <td>{counts()[o.id] ?? 0}</td>
                      <td>{pct(counts()[o.id] ?? 0)}%</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
            <p>
              {total()} antwoorden · {props.vote.passes ?? 0} keer overgeslagen
              {props.vote.split ? ' · We denken hier verschillend over.' : ''}
              {props.vote.round > 1 ? ` · ronde ${props.vote.round}` : ''}
            </p>
          </>
        )}
      </Show>
    </section>
  );
}

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
  const boards = () => (results()?.cards ?? []).filter((c): c is ExportedCard & { board: Board } => c.board !== null);
  const votes = () => (results()?.cards ?? []).filter((c): c is ExportedCard & { vote: Vote } => c.vote !== null);

  return (
    <Show when={!results.error} fallback={<p role="alert">{(results.error as Error)?.message}</p>}>
      <Show when={results()} fallback={<p>De uitkomsten worden geladen…</p>}>
        {(r) => (
          <>
            <h1>{r().deck}</h1>
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
                <For each={votes()}>{(card) => <PrintVote title={card.title} vote={card.vote} />}</For>
              </section>
            </Show>
            <Show when={boards().length} fallback={<p>In deze sessie zijn geen post-its geplakt.</p>}>
              <For each={boards()}>
                {(card) => (
                  <section class="print-board" aria-labelledby={`bord-${card.id}`}>
                    <h2 id={`bord-${card.id}`}>{card.title}</h2>
                    <p>{card.board.prompt}</p>
                    <Show when={card.board.status === 'ok'} fallback={<p>Te weinig antwoorden om te tonen.</p>}>
                      <Show when={card.board.postIts.length} fallback={<p>Geen post-its op dit bord.</p>}>
                        <For each={groups(card.board)}>
                          {(column) => (
                            <div class="print-board__column">
                              <Show when={column.heading}>{(h) => <h3>{h()}</h3>}</Show>
                              <For each={column.items}>
                                {(cluster) => (
                                  <div class="print-board__cluster">
                                    <Show when={cluster.heading}>{(h) => <h3>Groep: {h()}</h3>}</Show>
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
                      </Show>
                    </Show>
                  </section>
                )}
              </For>
            </Show>
          </>
        )}
      </Show>
    </Show>
  );
}
