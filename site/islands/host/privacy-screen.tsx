// The privacy screen: while a laptop is mirrored to the beamer, the console shows no post-it texts
// and no warnings about them. The host can still read one post-it at a time, on purpose, to approve
// it; hiding never needs reading. The choice is kept per device and per session.
import { createContext, createSignal, useContext, type Accessor } from 'solid-js';
import { privacyScreenFor, rememberPrivacyScreen } from '../../lib/local-keys.ts';

export interface PrivacyScreen {
  on: Accessor<boolean>;
  toggle: () => void;
  /** Whether a post-it's (or a typed case's) text may show now: every one when the screen is off. Without an id: only when off. */
  readable: (postItId?: string) => boolean;
  /** Shows one post-it's text (null: none); reading another hides the one before. */
  read: (postItId: string | null) => void;
}

const OFF: PrivacyScreen = { on: () => false, toggle: () => {}, readable: () => true, read: () => {} };
const PrivacyContext = createContext<PrivacyScreen>(OFF);

export const PrivacyProvider = PrivacyContext.Provider;
export const usePrivacyScreen = () => useContext(PrivacyContext);

export function createPrivacyScreen(room: string): PrivacyScreen {
  const [on, setOn] = createSignal(privacyScreenFor(room));
  const [shown, setShown] = createSignal<string | null>(null);
  return {
    on,
    toggle: () => {
      const next = !on();
      setOn(next);
      setShown(null);
      rememberPrivacyScreen(room, next);
    },
    readable: (postItId) => !on() || (postItId !== undefined && shown() === postItId),
    read: setShown,
  };
}

export function PrivacyToggle(props: { screen: PrivacyScreen }) {
  return (
    <button
      type="button"
      class="button button--secondary host-tools__privacy"
      aria-pressed={props.screen.on() ? 'true' : 'false'}
      aria-describedby="privacy-uitleg"
      onClick={() => props.screen.toggle()}
    >
      <span class="host-tools__lamp" aria-hidden="true" />
      Privacyscherm
    </button>
  );
}
