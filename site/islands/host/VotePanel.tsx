// The host's vote controls: open/close, reveal/hide, how many reacted (never who), why a revealed
// result may stay hidden, and when a new result can be shown. The server decides all of it
// (result, nextReveal, round); this panel only says it plainly.
import { createEffect, createSignal, Match, Show, Switch } from 'solid-js';
import type { Card, HostView, SeriesPoint } from '@protocol';
import { VoteBars, VoteExplanation } from '../../components/vote/VoteBars.tsx';
import { scaleInWords, scaleOptions } from '@protocol/scales';
import { OverloopChart, TOO_FEW_TEXT } from '../../components/vote/OverloopChart.tsx';
import { ExtraPhonesWarning } from './ExtraPhones.tsx';
import { NewRound } from './NewRound.tsx';
import type { Send } from './HostScreen.tsx';

export function VotePanel(props: { card: Card; vote: NonNullable<HostView['vote']>; view: HostView; send: Send }) {
  const cardId = () => props.card.id;
  const k = () => props.view.minGroupSize;
  let row: HTMLDivElement | undefined;
  // The button pressed goes away once the result shows: keep focus in the panel, on its counterpart.
  const [focusAfter, setFocusAfter] = createSignal<'reveal' | 'hide' | null>(null);
  const reveal = () => {
    setFocusAfter('reveal');
    void props.send({ type: 'result.reveal', cardId: cardId() });
  };
  createEffect(() => {
    const revealed = props.vote.revealed;
    const wanted = focusAfter();
    if ((wanted === 'reveal' && revealed) || (wanted === 'hide' && !revealed)) {
      setFocusAfter(null);
      queueMicrotask(() => row?.querySelector<HTMLButtonElement>(revealed ? '[data-role="hide"]' : '[data-role="reveal"]')?.focus());
    }
  });
  /** A fresh snapshot is possible while the result is on the beamer (or held back as too few). */
  const canUpdate = () => props.vote.revealed && props.vote.nextReveal === 'new';

  return (
    <section class="panel" aria-labelledby="stemmen-titel">
      <h2 id="stemmen-titel">
        Stemmen
        <Show when={props.vote.round > 1}>
          <span class="tag tag--round">Ronde {props.vote.round}</span>
        </Show>
        <Show when={props.vote.series}>
          <span class="tag tag--round">Overloopdebat</span>
        </Show>
      </h2>
      <p class="vote-question">{props.card.vote?.question}</p>
      <p class="muted">Antwoorden: {scaleInWords(props.card.vote)}.</p>
      <VoteExplanation card={props.card} heading="Uitleg (telefoons en beamer zien dit pas na de uitslag)" />

      <p class="host-facts">
        <span>{props.vote.open ? 'Stemmen staat open.' : 'Stemmen is gesloten.'}</span>
        <span>
          {/* Out of the phones here now; someone who answered and left still counts as having answered. */}
          <strong>{props.vote.responded}</strong> van de {Math.max(props.vote.responded, props.view.present ?? props.view.joined)}{' '}
          {props.vote.responded === 1 ? 'heeft' : 'hebben'} gereageerd
          (gekozen of overgeslagen).
        </span>
      </p>

      <div class="button-row" ref={row}>
        {props.vote.open ? (
          <button type="button" class="button button--secondary" onClick={() => props.send({ type: 'vote.close', cardId: cardId() })}>
            Stemmen sluiten
          </button>
        ) : (
          <button type="button" class="button button--secondary" onClick={() => props.send({ type: 'vote.open', cardId: cardId() })}>
            Stemmen openen
          </button>
        )}
        <Show
          when={props.vote.revealed}
          fallback={
            <button type="button" class="button" data-role="reveal" onClick={reveal}>
              Toon resultaat
            </button>
          }
        >
          <Show when={canUpdate()}>
            <button type="button" class="button" onClick={reveal}>
              Werk uitslag bij
            </button>
          </Show>
          <button
            type="button"
            class="button button--secondary"
            data-role="hide"
            onClick={() => {
              setFocusAfter('hide');
              void props.send({ type: 'result.hide', cardId: cardId() });
            }}
          >
            Verberg resultaat
          </button>
        </Show>
      </div>
      <ExtraPhonesWarning view={props.view} />
      <Show when={props.vote.series}>{(series) => <OverloopStatus card={props.card} series={series()} k={k()} />}</Show>

      <Switch>
        <Match when={props.vote.result.state === 'hidden'}>
          <p class="muted">
            De uitslag staat niet op de beamer.
            <Show when={props.vote.nextReveal === 'same'}>
              {' '}
              ‘Toon resultaat’ laat dezelfde uitslag zien als eerst. Een nieuwe uitslag kan pas als er minstens {k()} nieuwe antwoorden
              bij zijn gekomen.
            </Show>
          </p>
        </Match>
        <Match when={props.vote.result.state === 'too-few' ? props.vote.result : null}>
          {(result) => (
            <div class="notice notice--warn">
              <p>
                <strong>De uitslag blijft verborgen.</strong> Er antwoordden minder dan {result().minGroupSize} mensen. Dan zou je kunnen
                raden wie wat koos. De beamer laat daarom niets zien.
              </p>
              <p>
                Wacht op meer antwoorden, of zet het minimum lager (niet lager dan 3).
                <Show when={canUpdate()}> Kies daarna ‘Werk uitslag bij’.</Show>
              </p>
            </div>
          )}
        </Match>
        <Match when={props.vote.result.state === 'shown' ? props.vote.result : null}>
          {(result) => (
            <div>
              <p class="status-line status-line--ok">Dit staat nu op de beamer:</p>
              <VoteBars card={props.card} result={result()} class="vote-result--host" />
            </div>
          )}
        </Match>
      </Switch>

      <Show when={props.vote.result.state === 'shown'}>
        <p class="vote-frozen" classList={{ 'vote-frozen--ready': canUpdate() }}>
          <Show
            when={canUpdate()}
            fallback={
              props.vote.series ? (
                <>Deze uitslag blijft staan. ‘Werk uitslag bij’ kan weer zodra de lijn op de beamer een nieuw punt heeft.</>
              ) : (
              <>
                Deze uitslag blijft staan, ook als er nog mensen stemmen. Een nieuwe uitslag kan pas als er minstens {k()} nieuwe antwoorden
                bij zijn gekomen, van mensen die nog geen antwoord hadden gegeven. Een veranderd antwoord telt niet mee. Of start een nieuwe
                ronde.
              </>
              )
            }
          >
            Er zijn genoeg nieuwe antwoorden bij gekomen. Met ‘Werk uitslag bij’ komt de nieuwe uitslag op de beamer.
          </Show>
        </p>
      </Show>

      <NewRound cardId={cardId()} round={props.vote.round} responded={props.vote.responded} send={props.send} />
    </section>
  );
}

/** What the beamer's line shows now, and why it may hold still. */
function OverloopStatus(props: { card: Card; series: SeriesPoint[]; k: number }) {
  const last = () => props.series.at(-1);
  const latest = () => {
    const counts = last()?.counts;
    if (!last()) return 'Nog geen punt: het eerste komt over een paar seconden.';
    if (!counts) return `${TOO_FEW_TEXT}.`;
    return scaleOptions(props.card.vote)
      .map((o) => `${o.label} ${counts[o.id] ?? 0}`)
      .join(' · ');
  };
  return (
    <div class="overloop-status">
      <p>
        <strong>Overloopdebat.</strong> Deelnemers kiezen een kant en mogen wisselen. De beamer laat zien hoe de groep beweegt.
      </p>
      <p>
        Laatste punt op de beamer: <strong>{latest()}</strong>
      </p>
      <p class="muted">
        De lijn beweegt pas als minstens {props.k} mensen van kant zijn gewisseld, en toont niets zolang minder dan {props.k} mensen een kant
        kozen. Zo is niet te zien wie er wisselt.
      </p>
      <OverloopChart card={props.card} series={props.series} class="overloop--host" />
    </div>
  );
}
