// The host's vote controls: open/close, reveal/hide, how many answered (never who), and why a
// revealed result may stay hidden on the beamer.
import { Match, Switch } from 'solid-js';
import type { Card, HostView } from '@protocol';
import { VoteBars } from '../../components/vote/VoteBars.tsx';
import type { Send } from './HostScreen.tsx';

export function VotePanel(props: { card: Card; vote: NonNullable<HostView['vote']>; minGroupSize: number; joined: number; send: Send }) {
  const cardId = () => props.card.id;
  return (
    <section class="panel" aria-labelledby="stemmen-titel">
      <h2 id="stemmen-titel">Stemmen</h2>
      <p class="vote-question">{props.card.vote?.question}</p>

      <p class="host-facts">
        <span>{props.vote.open ? 'Stemmen staat open.' : 'Stemmen is gesloten.'}</span>
        <span>
          <strong>{props.vote.responded}</strong> van de {props.joined} {props.vote.responded === 1 ? 'heeft' : 'hebben'} gereageerd.
        </span>
      </p>

      <div class="button-row">
        {props.vote.open ? (
          <button type="button" class="button button--secondary" onClick={() => props.send({ type: 'vote.close', cardId: cardId() })}>
            Stemmen sluiten
          </button>
        ) : (
          <button type="button" class="button button--secondary" onClick={() => props.send({ type: 'vote.open', cardId: cardId() })}>
            Stemmen openen
          </button>
        )}
        {props.vote.revealed ? (
          <button type="button" class="button button--secondary" onClick={() => props.send({ type: 'result.hide', cardId: cardId() })}>
            Verberg resultaat
          </button>
        ) : (
          <button type="button" class="button" onClick={() => props.send({ type: 'result.reveal', cardId: cardId() })}>
            Toon resultaat
          </button>
        )}
      </div>

      <Switch>
        <Match when={props.vote.result.state === 'hidden'}>
          <p class="muted">De uitslag staat nog niet op de beamer.</p>
        </Match>
        <Match when={props.vote.result.state === 'too-few' ? props.vote.result : null}>
          {(result) => (
            <div class="notice notice--warn">
              <p>
                <strong>De uitslag blijft verborgen.</strong> Er antwoordden minder dan {result().minGroupSize} mensen. Dan zou je kunnen
                raden wie wat koos. De beamer laat daarom niets zien.
              </p>
              <p>Wacht op meer antwoorden, of zet het minimum lager (niet lager dan 3).</p>
            </div>
          )}
        </Match>
        <Match when={props.vote.result.state === 'shown' ? props.vote.result : null}>
          {(result) => (
            <div>
              <p class="status-line status-line--ok">Dit staat nu op de beamer:</p>
              <VoteBars result={result()} class="vote-result--host" />
            </div>
          )}
        </Match>
      </Switch>
    </section>
  );
}
