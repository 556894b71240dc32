// A vote on the beamer: before the reveal only whether voting is open; after it, exactly what the
// view's result allows (nothing below the minimum group size).
import { Match, Show, Switch } from 'solid-js';
import type { BeamerView, Card } from '@protocol';
import { VoteBars, VoteExplanation } from '../../components/vote/VoteBars.tsx';
import { scaleInWords } from '@protocol/scales';
import { OverloopChart } from '../../components/vote/OverloopChart.tsx';

type Vote = NonNullable<BeamerView['vote']>;

/** `inRoom`: phones here now, the "van M" of how many answered (as on the host's console). */
export function BeamerVote(props: { card: Card; vote: Vote; inRoom: number }) {
  return (
    <Show when={props.vote.series} fallback={<PlainVote card={props.card} vote={props.vote} inRoom={props.inRoom} />}>
      {(series) => <OverloopVote card={props.card} vote={props.vote} series={series()} inRoom={props.inRoom} />}
    </Show>
  );
}

/**
 * "18 van 27 hebben gereageerd": the host's number, in the same batches, while the vote is open and
 * before the reveal. Only how many, never who or what; a phone that answered and left still counts.
 */
function Responded(props: { vote: Vote; inRoom: number }) {
  return (
    <Show when={props.vote.open && props.vote.responded !== null && (props.inRoom > 0 || props.vote.responded > 0) ? { n: props.vote.responded } : null}>
      {(responded) => (
        <p class="beamer__responded">
          <strong>{responded().n}</strong> van {Math.max(responded().n, props.inRoom)} {responded().n === 1 ? 'heeft' : 'hebben'} gereageerd
        </p>
      )}
    </Show>
  );
}

/** An overloopdebat: the room's moves are the main picture; a reveal adds the frozen bars beside it. */
function OverloopVote(props: { card: Card; vote: Vote; series: NonNullable<Vote['series']>; inRoom: number }) {
  const shown = () => (props.vote.result.state === 'shown' ? props.vote.result : null);
  return (
    <div class="beamer__activity beamer__activity--overloop">
      <Show when={props.vote.round > 1}>
        <p class="beamer__round">Ronde {props.vote.round}</p>
      </Show>
      <p class="beamer__question">{props.card.vote?.question}</p>
      <Show
        when={props.vote.open}
        fallback={<p class="beamer__note">Kiezen is gesloten. Zo bewoog de groep:</p>}
      >
        <p class="beamer__state beamer__state--open">Kies een kant op je telefoon. Je mag wisselen.</p>
        <Responded vote={props.vote} inRoom={props.inRoom} />
      </Show>
      <div class="beamer__overloop" classList={{ 'beamer__overloop--with-result': !!shown() }}>
        <OverloopChart card={props.card} series={props.series} class="overloop--beamer" />
        <Show when={shown()}>
          {(result) => (
            <div>
              <p class="beamer__label">Uitslag</p>
              <VoteBars card={props.card} result={result()} class="vote-result--beamer" />
            </div>
          )}
        </Show>
      </div>
      <VoteExplanation card={props.card} />
    </div>
  );
}

function PlainVote(props: { card: Card; vote: Vote; inRoom: number }) {
  return (
    <div class="beamer__activity">
      <Show when={props.vote.round > 1}>
        <p class="beamer__round">Ronde {props.vote.round}</p>
      </Show>
      <p class="beamer__question">{props.card.vote?.question}</p>
      <Switch>
        <Match when={props.vote.result.state === 'shown' ? props.vote.result : null}>
          {(result) => (
            <>
              <VoteBars card={props.card} result={result()} class="vote-result--beamer" />
              <VoteExplanation card={props.card} />
            </>
          )}
        </Match>
        <Match when={props.vote.result.state === 'too-few'}>
          <p class="beamer__state">Te weinig antwoorden om te tonen</p>
          <p class="beamer__note">Zo blijft iedereen anoniem.</p>
          <VoteExplanation card={props.card} />
        </Match>
        <Match when={props.vote.open}>
          <p class="beamer__state beamer__state--open">Stemmen staat open</p>
          <p class="beamer__note">Kies op je telefoon: {scaleInWords(props.card.vote)}.</p>
          <Responded vote={props.vote} inRoom={props.inRoom} />
        </Match>
        <Match when={true}>
          <p class="beamer__state">Stemmen is gesloten</p>
        </Match>
      </Switch>
    </div>
  );
}
