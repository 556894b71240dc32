// The card on a phone: what kind of card, its title, summary, examples and points, with the classes
// of components/card/CardBody.tsx so it reads like every other screen. Without CardBody's
// pictogram (decoration, and with all pictograms the largest part of CardBody's download): the
// phone's first load stays small on a slow school network (issue 11). A card with a method step is
// shown by CardBody itself, fetched when such a card comes.
import { For, Show, Suspense, lazy } from 'solid-js';
import type { Card } from '@protocol';
import { CARD_KIND_LABEL } from '../../components/card/labels.ts';

const CardBody = lazy(() => import('../../components/card/CardBody.tsx').then((m) => ({ default: m.CardBody })));

export function PhoneCard(props: { card: Card }) {
  return (
    <Show
      when={!props.card.step}
      fallback={
        <Suspense>
          <CardBody card={props.card} level={1} activities={false} talk={false} />
        </Suspense>
      }
    >
      <div class="card-body">
        <div class="card__head">
          <span class="card__kind">{CARD_KIND_LABEL[props.card.kind]}</span>
          <h1>{props.card.title}</h1>
          <p class="card__summary">{props.card.summary}</p>
        </div>
        <Show when={props.card.subItems?.length}>
          <div class="card__section">
            <p class="card__label">Bijvoorbeeld:</p>
            <ul>
              <For each={props.card.subItems}>{(item) => <li>{item}</li>}</For>
            </ul>
          </div>
        </Show>
        <Show when={props.card.points?.length}>
          <div class="card__section">
            <ul>
              <For each={props.card.points}>{(point) => <li>{point}</li>}</For>
            </ul>
          </div>
        </Show>
      </div>
    </Show>
  );
}
