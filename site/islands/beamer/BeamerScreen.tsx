// The beamer's frame: the current card large, and how to join beside it (or, once everyone is in, in
// a small corner). Designed for 1920x1080 read from the back row; sizes scale with the viewport, and
// a card too long for the screen gets smaller type (fit-text.ts) before anything is cut.
import { For, Show, createEffect, on, type Accessor } from 'solid-js';
import type { BeamerView } from '@protocol';
import { Pictogram } from '../../components/card/Pictogram.tsx';
import { JoinCodeText } from '../../components/JoinCodeText.tsx';
import { QrCode } from './QrCode.tsx';
import { createJoinOrigin } from '../../lib/join-origin.ts';
import { AfsprakenList } from '../../components/afspraken/AfsprakenList.tsx';
import { BeamerMeeting, hasRecord, recordOf } from './BeamerMeeting.tsx';
import { MeetingRecord } from '../../components/meeting/MeetingRecord.tsx';
import { BeamerVote } from './BeamerVote.tsx';
import { BeamerBoard, wallShown as boardWallShown } from './BeamerBoard.tsx';
import { BeamerGroups } from './BeamerGroups.tsx';
import { StepTimer } from '../../components/timer/StepTimer.tsx';
import { BeamerNotice } from '../../components/care/BeamerNotice.tsx';
import { createFit } from './fit-text.ts';
import { KeyHelp } from './KeyHelp.tsx';

export function BeamerScreen(props: { view: BeamerView; offline: boolean; clockOffset: number; help: Accessor<boolean>; toggleHelp: () => void }) {
  const join = createJoinOrigin();
  const joinUrl = () => `${join.origin()}/j/${props.view.code}`;
  // A revealed wall needs the whole screen: the card's lists step aside, the screen stops growing with
  // its content (the wall pages instead), and a vote and talk questions on the same card move to a
  // narrow column beside it (beamer-wall.css).
  const wallShown = () => boardWallShown(props.view.board);
  const hasActivity = () => !!(props.view.vote || props.view.board);
  const hasLists = () => !props.view.groups && !wallShown() && !!(props.view.card?.subItems?.length || props.view.card?.points?.length);
  const joinOpen = () => props.view.joinPanelOpen;
  // Phones here now; someone who answered and left still counts (as on the host's console).
  const inRoom = () => props.view.present ?? props.view.joined;
  let cardBox: HTMLElement | undefined;
  // The wall and the small groups size themselves in pixels; every other card is fitted to the screen.
  const refit = createFit(() => cardBox, () => !wallShown() && !props.view.groups);
  createEffect(on(() => props.view, refit));

  return (
    <Show
      when={props.view.status === 'live'}
      fallback={
        <div class="beamer-message beamer-message--end">
          <Show when={hasRecord(props.view.meeting)}>
            <div class="beamer-afspraken">
              <h1>Wat we hebben afgesproken</h1>
              <MeetingRecord record={recordOf(props.view.meeting)} />
            </div>
          </Show>
          <Show when={props.view.afspraken.length} fallback={<h1>De sessie is afgelopen. Dank jullie wel!</h1>}>
            {/* The session ends with what the group agreed on. */}
            <div class="beamer-afspraken">
              <h1>Onze afspraken</h1>
              <Show when={props.view.groupName}>
                <p class="beamer-afspraken__group">{props.view.groupName}</p>
              </Show>
              <AfsprakenList afspraken={props.view.afspraken} class="afspraken-list--beamer" />
              <p class="beamer__note">De sessie is afgelopen. Dank jullie wel!</p>
            </div>
          </Show>
        </div>
      }
    >
      <div
        class="beamer"
        classList={{ 'beamer--wall': wallShown(), 'beamer--groups': !!props.view.groups, 'beamer--join-small': !joinOpen() }}
      >
        <section
          ref={cardBox}
          class="beamer__card"
          classList={{
            'beamer__card--wall-vote': wallShown() && !!props.view.vote,
            'beamer__card--split': hasActivity() && hasLists(),
          }}
          data-card={props.view.groups ? 'groepjes' : props.view.card?.id}
          aria-labelledby="beamer-titel"
        >
          {/* While the room works in small groups, the groups take the card's place. */}
          <Show when={props.view.groups}>{(groups) => <BeamerGroups groups={groups()} />}</Show>
          <Show when={!props.view.groups && props.view.card}>
            {(card) => (
              <BeamerNotice card={card()}>
                <header class="beamer__head">
                  <Pictogram name={card().pictogram} class="beamer__pictogram" />
                  <div>
                    <h1 id="beamer-titel">{card().title}</h1>
                    <p class="beamer__summary">{card().summary}</p>
                  </div>
                </header>

                <div class="beamer__body" classList={{ 'beamer__body--split': hasActivity() && hasLists() }}>
                  <Show when={hasLists()}>
                    <div class="beamer__lists">
                      <Show when={card().subItems?.length}>
                        <p class="beamer__label">Bijvoorbeeld:</p>
                        <ul
                          class="beamer__items"
                          classList={{ 'beamer__items--many': !hasActivity() && (card().subItems?.length ?? 0) > 5 }}
                        >
                          <For each={card().subItems}>{(item) => <li>{item}</li>}</For>
                        </ul>
                      </Show>
                      <Show when={card().points?.length}>
                        <ul
                          class="beamer__points"
                          classList={{ 'beamer__points--many': !hasActivity() && (card().points?.length ?? 0) > 3 }}
                        >
                          <For each={card().points}>{(point) => <li>{point}</li>}</For>
                        </ul>
                      </Show>
                    </div>
                  </Show>

                  <Show when={hasActivity()}>
                    <div class="beamer__activities" classList={{ 'beamer__activities--both': !!props.view.vote && !!props.view.board }}>
                      <Show when={props.view.vote}>{(vote) => <BeamerVote card={card()} vote={vote()} inRoom={inRoom()} />}</Show>
                      <Show when={props.view.board}>
                        {(board) => <BeamerBoard card={props.view.wallCard ?? card()} board={board()} besideVote={!!props.view.vote} />}
                      </Show>
                    </div>
                  </Show>
                </div>

                <BeamerMeeting card={card()} meeting={props.view.meeting} />
                <Show when={card().talk}>
                  {(talk) => (
                    <div class="beamer__talk">
                      <p class="beamer__label">Praat erover:</p>
                      <ul class="talk-questions">
                        <For each={talk().questions}>{(q) => <li>{q}</li>}</For>
                      </ul>
                    </div>
                  )}
                </Show>
              </BeamerNotice>
            )}
          </Show>
        </section>

        <aside
          class="beamer__join"
          classList={{ 'beamer__join--locked': props.view.locked, 'beamer__join--small': !joinOpen() }}
          aria-label="Meedoen"
        >
          <Show when={props.view.timer}>{(timer) => <StepTimer timer={timer()} offset={props.clockOffset} size="beamer" tone />}</Show>
          {/* Large while the class joins; once the host says everyone is in, only the code stays, in a
              corner (phones can still join with it). Closed to new phones: no QR to scan; the code
              stays, because a phone that joined comes back with it. */}
          <Show when={joinOpen()}>
            <Show
              when={!props.view.locked}
              fallback={
                <p class="beamer__locked">
                  <strong>Gesloten voor nieuwe deelnemers</strong>
                  <span>Deed je al mee? Dan kom je terug met de code.</span>
                </p>
              }
            >
              <p class="beamer__join-how">
                Doe mee op je telefoon:
                <br />
                <strong>{join.origin().replace(/^https?:\/\//, '')}/join</strong>
              </p>
            </Show>
          </Show>
          <p class="beamer__code">
            <span classList={{ 'sr-only': joinOpen() }}>Code: </span>
            <JoinCodeText code={props.view.code} />
          </p>
          <Show when={joinOpen() && !props.view.locked}>
            <QrCode url={joinUrl()} />
          </Show>
          <p class="beamer__joined">
            <strong>{inRoom()}</strong> doen mee
          </p>
          <p class="beamer__progress">
            Kaart {props.view.cardIndex + 1} van {props.view.cardCount}
          </p>
          <Show when={props.offline}>
            <p class="beamer__offline" role="status">
              Verbinding weg, wordt hersteld…
            </p>
          </Show>
          <KeyHelp open={props.help} toggle={props.toggleHelp} />
        </aside>
      </div>
    </Show>
  );
}
