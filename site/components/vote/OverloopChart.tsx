// An overloopdebat's series as a line per option over time, labelled at its end, in the colours of
// the vote bars (by option position). The numbers come from the view; this only draws them. Points
// without counts (too few had a side) leave a gap with a note, and a visually hidden table gives
// every point to screen readers.
import { For, Show } from 'solid-js';
import type { Card, SeriesPoint } from '@protocol';
import { scaleOptions } from '@protocol/scales';

export const TOO_FEW_TEXT = 'Nog te weinig mensen hebben gekozen';

const W = 1000;
const H = 420;
const PAD = { left: 56, right: 250, top: 20, bottom: 48 };
const LABEL_GAP = 34;

/** "0:40" from the first point; a series spans minutes, not hours. */
export function sinceStart(at: number, start: number): string {
  const seconds = Math.max(0, Math.round((at - start) / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** Step segments: a count holds until the next point. A point without counts breaks the line. */
export function stepPath(series: SeriesPoint[], id: string, x: (at: number) => number, y: (n: number) => number, endAt: number): string {
  let d = '';
  let drawing = false;
  series.forEach((point, i) => {
    const count = point.counts?.[id];
    if (count === undefined) {
      drawing = false;
      return;
    }
    const nextAt = series[i + 1]?.at ?? endAt;
    d += `${drawing ? 'L' : 'M'}${x(point.at).toFixed(1)} ${y(count).toFixed(1)} H${x(nextAt).toFixed(1)} `;
    drawing = true;
  });
  return d.trim();
}

/** End labels pushed apart so two lines ending at the same count stay readable. */
function spread(ys: number[], gap: number, min: number, max: number): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y);
  for (let k = 1; k < order.length; k++) order[k]!.y = Math.max(order[k]!.y, order[k - 1]!.y + gap);
  const overflow = order.length ? order[order.length - 1]!.y - max : 0;
  if (overflow > 0) for (const o of order) o.y = Math.max(min, o.y - overflow);
  const out: number[] = [];
  for (const o of order) out[o.i] = o.y;
  return out;
}

export function OverloopChart(props: { card: Card; series: SeriesPoint[]; class?: string }) {
  const options = () => scaleOptions(props.card.vote);
  const start = () => props.series[0]?.at ?? 0;
  // The last count holds until now: it gets a stretch of its own, so its level reads as a line.
  const end = () => {
    const lastAt = props.series.at(-1)?.at ?? start();
    return lastAt + Math.max(5_000, (lastAt - start()) * 0.1);
  };
  const maxCount = () => Math.max(4, ...props.series.map((p) => (p.counts ? Math.max(...Object.values(p.counts)) : 0)));
  const x = (at: number) => PAD.left + ((at - start()) / (end() - start())) * (W - PAD.left - PAD.right);
  const y = (n: number) => PAD.top + (1 - n / maxCount()) * (H - PAD.top - PAD.bottom);
  const ticks = () => {
    const step = Math.max(1, Math.ceil(maxCount() / 4));
    return Array.from({ length: Math.floor(maxCount() / step) + 1 }, (_, i) => i * step);
  };
  const last = () => props.series.at(-1);
  const lastShown = () => props.series.findLast((p) => p.counts !== null);
  const labelYs = () => {
    const shown = lastShown();
    return spread(
      options().map((o) => y(shown?.counts?.[o.id] ?? 0)),
      LABEL_GAP,
      PAD.top + 10,
      H - PAD.bottom,
    );
  };
  /** Stretches where a point had no counts: from that point to the next. */
  const gaps = () =>
    props.series.flatMap((p, i) => (p.counts === null ? [{ from: p.at, to: props.series[i + 1]?.at ?? end() }] : []));
  const summary = () => {
    const shown = last()?.counts;
    if (!shown) return `Verloop van de keuzes. ${TOO_FEW_TEXT}.`;
    return `Verloop van de keuzes. Nu: ${options()
      .map((o) => `${o.label} ${shown[o.id] ?? 0}`)
      .join(', ')}.`;
  };

  return (
    <figure class={`overloop ${props.class ?? ''}`}>
      <svg class="overloop__chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary()} preserveAspectRatio="xMidYMid meet">
        <g class="overloop__grid" aria-hidden="true">
          <For each={ticks()}>
            {(n) => (
              <>
                <line x1={PAD.left} x2={W - PAD.right} y1={y(n)} y2={y(n)} />
                <text x={PAD.left - 12} y={y(n)} text-anchor="end" dominant-baseline="middle">
                  {n}
                </text>
              </>
            )}
          </For>
          <text x={PAD.left} y={H - 14} text-anchor="start">
            0:00
          </text>
          <Show when={props.series.length > 1}>
            <text x={x(props.series.at(-1)!.at)} y={H - 14} text-anchor="end">
              {sinceStart(props.series.at(-1)!.at, start())} min
            </text>
          </Show>
        </g>
        <g aria-hidden="true">
          <For each={gaps()}>
            {(gap) => (
              <>
                <rect class="overloop__gap" x={x(gap.from)} y={PAD.top} width={Math.max(4, x(gap.to) - x(gap.from))} height={H - PAD.top - PAD.bottom} />
                {/* Said where there is room for it; the note under the chart says it when the gap is now. */}
                <Show when={x(gap.to) - x(gap.from) > 300}>
                  <text class="overloop__gap-text" x={(x(gap.from) + x(gap.to)) / 2} y={(PAD.top + H - PAD.bottom) / 2} text-anchor="middle">
                    Nog te weinig gekozen
                  </text>
                </Show>
              </>
            )}
          </For>
        </g>
        <g aria-hidden="true">
          <For each={options()}>
            {(option, i) => {
              const d = () => stepPath(props.series, option.id, x, y, end());
              return (
                <g class={`overloop__line overloop__line--${i() + 1}`} data-option={option.id}>
                  {/* A dark edge under the colour, so a light line still stands out on white. */}
                  <path class="overloop__edge" d={d()} />
                  <path class="overloop__stroke" d={d()} />
                  <Show when={lastShown()}>
                    <Show when={last()?.counts}>
                      <line class="overloop__leader" x1={x(end())} y1={y(lastShown()!.counts![option.id] ?? 0)} x2={W - PAD.right + 14} y2={labelYs()[i()]} />
                    </Show>
                    {/* While the last point has no counts, the names stay so the lines can be told apart. */}
                    <text class="overloop__label" x={W - PAD.right + 20} y={labelYs()[i()]} dominant-baseline="middle">
                      {option.label}
                      {last()?.counts ? ` ${last()!.counts![option.id] ?? 0}` : ''}
                    </text>
                  </Show>
                </g>
              );
            }}
          </For>
        </g>
      </svg>
      <Show when={!last() || last()!.counts === null}>
        <figcaption class="overloop__note">{TOO_FEW_TEXT}. Zo blijft iedereen anoniem.</figcaption>
      </Show>
      <table class="sr-only">
        <caption>Hoe de groep van kant wisselde, per moment</caption>
        <thead>
          <tr>
            <th scope="col">Tijd</th>
            <For each={options()}>{(o) => <th scope="col">{o.label}</th>}</For>
          </tr>
        </thead>
        <tbody>
          <For each={props.series}>
            {(point) => (
              <tr>
                <th scope="row">{sinceStart(point.at, start())}</th>
                <Show when={point.counts} fallback={<td colSpan={options().length}>{TOO_FEW_TEXT}</td>}>
                  {(counts) => <For each={options()}>{(o) => <td>{counts()[o.id] ?? 0}</td>}</For>}
                </Show>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </figure>
  );
}
