// Small groups: the host picks a group size and the card(s) the groups work on, Kring draws the
// groups at random, and while they run the host approves and shows each group's post-its, then
// brings everyone back. It only reads the view and sends commands; the server makes the groups.
import { For, Show, createSignal } from 'solid-js';
import type { HostCommand, HostGroup, HostView } from '@protocol';
import type { CommandInput } from '../../stores/session-store.ts';
import { ReviewList } from './ReviewList.tsx';
import type { Send } from './HostScreen.tsx';
import '../../styles/host-groups.css';

const SIZES = [3, 4, 5] as const;

export function GroupsPanel(props: { view: HostView; send: Send }) {
  return (
    <section class="panel groups-panel" aria-labelledby="groepjes-titel">
      <h2 id="groepjes-titel">Groepjes</h2>
      <Show when={props.view.groups} fallback={<StartGroups view={props.view} send={props.send} />}>
        {(groups) => <RunningGroups view={props.view} groups={groups()} send={props.send} />}
      </Show>
    </section>
  );
}

function StartGroups(props: { view: HostView; send: Send }) {
  const boardCards = () => props.view.cards.filter((c) => props.view.boardCardIds.includes(c.id));
  const current = () => props.view.cards[props.view.cardIndex]?.id;
  const [size, setSize] = createSignal<3 | 4 | 5>(4);
  // Default: the card on screen when it has a board, otherwise the first card with one.
  const [chosen, setChosen] = createSignal<string[] | null>(null);
  const picked = () => chosen() ?? [props.view.boardCardIds.includes(current() ?? '') ? current()! : props.view.boardCardIds[0]!].filter(Boolean);
  const toggle = (id: string, on: boolean) => setChosen(on ? [...picked(), id] : picked().filter((c) => c !== id));
  const [problem, setProblem] = createSignal<string | null>(null);

  const start = (event: SubmitEvent) => {
    event.preventDefault();
    const cardIds = boardCards().map((c) => c.id).filter((id) => picked().includes(id));
    if (!cardIds.length) return void setProblem('Kies minstens één kaart.');
    setProblem(null);
    void props.send({ type: 'groups.start', size: size(), cardIds }, { showsRefusal: true });
  };

  return (
    <Show when={boardCards().length} fallback={<p class="muted">In deze kaartset staat geen kaart met een bord. Groepjes schrijven op een bord.</p>}>
      <p>
        Kring verdeelt de telefoons willekeurig in groepjes. Niemand kiest, ook jij niet. Elk groepje krijgt een eigen bord op de telefoons.
        Er wordt in groepjes niet gestemd.
      </p>
      <form onSubmit={start} novalidate>
        <fieldset>
          <legend>Hoe groot?</legend>
          <div class="groups-panel__sizes">
            <For each={SIZES}>
              {(n) => (
                <label class="choice">
                  <input type="radio" name="groepsgrootte" value={n} checked={size() === n} onChange={() => setSize(n)} />
                  <span>{n} personen</span>
                </label>
              )}
            </For>
          </div>
          <p class="field__hint">Kring maakt groepjes van 3 tot 5, zo dicht mogelijk bij wat je kiest.</p>
        </fieldset>
        <fieldset aria-describedby={problem() ? 'groepjes-fout' : undefined}>
          <legend>Welke kaart?</legend>
          <p class="field__hint">Kies je meer kaarten, dan krijgen de groepjes ze om de beurt.</p>
          <Show when={problem()}>
            <p class="field__error" id="groepjes-fout">
              {problem()}
            </p>
          </Show>
          <For each={boardCards()}>
            {(card) => (
              <label class="choice">
                <input type="checkbox" value={card.id} checked={picked().includes(card.id)} onChange={(e) => toggle(card.id, e.currentTarget.checked)} />
                <span>
                  {card.title}
                  <Show when={card.id === current()}>
                    {' '}
                    <span class="tag">nu</span>
                  </Show>
                </span>
              </label>
            )}
          </For>
        </fieldset>
        <button type="submit" class="button" disabled={props.view.joined === 0}>
          Maak groepjes
        </button>
        <Show when={props.view.joined === 0}>
          <p class="muted">Er doet nog niemand mee.</p>
        </Show>
      </form>
    </Show>
  );
}

function RunningGroups(props: { view: HostView; groups: HostGroup[]; send: Send }) {
  const k = () => props.view.minGroupSize;
  const enough = () => props.groups.every((g) => g.board.enoughWriters);
  const allShown = () => props.groups.every((g) => g.board.revealed);
  const showAll = () => {
    for (const g of props.groups) if (!g.board.revealed) void props.send({ type: 'board.reveal', cardId: g.cardId, group: g.number });
  };

  return (
    <>
      <p>
        {props.groups.length} groepjes. Iedereen ziet op de telefoon in welk groepje hij zit, en het bord van dat groepje. Wie later
        meedoet, komt in het kleinste groepje.
      </p>
      <Show when={!enough()}>
        <p class="notice notice--warn">
          Nog geen {k()} mensen schreven iets in alle groepjes samen. Tot dan blijven de muren van de groepjes leeg op de beamer. Zo valt
          niemand op.
        </p>
      </Show>
      <div class="button-row">
        <Show when={!allShown()}>
          <button type="button" class="button" onClick={showAll}>
            Toon alle groepjes op beamer
          </button>
        </Show>
        <button type="button" class="button button--secondary" onClick={() => void props.send({ type: 'groups.end' })}>
          Iedereen terug
        </button>
      </div>
      <ol class="groups-panel__list">
        <For each={props.groups}>{(group) => <GroupBoard group={group} send={props.send} />}</For>
      </ol>
    </>
  );
}

const BOARD_TYPE = /^(board|postIt|cluster)\./;

function GroupBoard(props: { group: HostGroup; send: Send }) {
  // The same moderation parts as the room's board, with every board command aimed at this group.
  const send: Send = (command, options) =>
    props.send(BOARD_TYPE.test(command.type) ? ({ ...command, group: props.group.number } as CommandInput<HostCommand>) : command, options);
  const pending = () => props.group.board.postIts.filter((p) => p.status === 'pending');
  const approved = () => props.group.board.postIts.filter((p) => p.status === 'approved').length;
  const titleId = () => `groepje-${props.group.number}`;

  return (
    <li class="groups-panel__group" aria-labelledby={titleId()}>
      <h3 id={titleId()}>
        Groepje {props.group.number} <span class="muted">· {props.group.cardTitle}</span>
      </h3>
      <p class="host-facts">
        <span>{props.group.members === 1 ? '1 telefoon' : `${props.group.members} telefoons`}.</span>{' '}
        <span>{approved() === 1 ? '1 post-it goedgekeurd' : `${approved()} post-its goedgekeurd`}.</span>{' '}
        <span>{props.group.board.revealed ? 'Staat op de beamer.' : 'Staat niet op de beamer.'}</span>
      </p>
      <div class="button-row button-row--tight">
        {props.group.board.revealed ? (
          <button type="button" class="button button--secondary button--small" onClick={() => void send({ type: 'board.hide', cardId: props.group.cardId })}>
            Verberg op beamer<span class="sr-only"> groepje {props.group.number}</span>
          </button>
        ) : (
          <button type="button" class="button button--small" onClick={() => void send({ type: 'board.reveal', cardId: props.group.cardId })}>
            Toon op beamer<span class="sr-only"> groepje {props.group.number}</span>
          </button>
        )}
        <Show when={pending().some((p) => !p.flags.length)}>
          <button type="button" class="button button--small" onClick={() => void send({ type: 'postIt.approveAll', cardId: props.group.cardId })}>
            Alles goedkeuren<span class="sr-only"> groepje {props.group.number}</span>
          </button>
        </Show>
      </div>
      <Show when={pending().length} fallback={<p class="muted">Er wacht niets op goedkeuring.</p>}>
        <ReviewList card={props.group.card} postIts={pending()} send={send} />
      </Show>
    </li>
  );
}
