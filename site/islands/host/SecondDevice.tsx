// A second device for the host: a QR code and a link that open this console, with the same rights,
// on the teacher's phone or another computer. The link holds the host key, so it stays folded away
// until asked for: the laptop may well be mirrored to the beamer.
import { createSignal, Show } from 'solid-js';
import { createJoinOrigin } from '../../lib/join-origin.ts';
import { hostLink } from '../../lib/local-keys.ts';
import { QrCode } from '../beamer/QrCode.tsx';

export function SecondDeviceButton(props: {
  open: boolean;
  onToggle: () => void;
  ref?: HTMLButtonElement | ((el: HTMLButtonElement) => void);
}) {
  return (
    <button
      ref={props.ref}
      type="button"
      class="button button--secondary"
      aria-expanded={props.open ? 'true' : 'false'}
      aria-controls="tweede-apparaat"
      onClick={() => props.onToggle()}
    >
      Ook op je telefoon bedienen
    </button>
  );
}

export function SecondDevicePanel(props: { code: string; hostKey: string; beamerKey: string; onClose: () => void }) {
  // A console on localhost gives the laptop's network address, which a phone on the same wifi can open.
  const origin = createJoinOrigin();
  const link = () => hostLink(origin.origin(), props.code, { hostKey: props.hostKey, beamerKey: props.beamerKey });
  const [copied, setCopied] = createSignal<'yes' | 'no' | null>(null);
  // The clipboard only exists on https and localhost pages; elsewhere this says how to copy by hand.
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link());
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  };
  return (
    <section id="tweede-apparaat" class="panel second-device" aria-labelledby="tweede-apparaat-titel">
      <h2 id="tweede-apparaat-titel">Bedien deze sessie ook op je telefoon</h2>
      <p>Scan de code met je telefoon. Dan kun je daar hetzelfde als hier: kaarten wisselen, uitslagen tonen en post-its goedkeuren.</p>
      <p class="notice notice--warn">
        <strong>Alleen voor jou.</strong> Wie deze code of link heeft, kan de sessie bedienen. Staat je scherm op de beamer? Sluit dit dan
        meteen weer.
      </p>
      <QrCode url={link()} label="QR-code die deze sessie op je telefoon opent" />
      <div class="button-row">
        <a class="button button--secondary" href={link()} target="_blank" rel="noopener noreferrer">
          Open in nieuw tabblad
        </a>
        <button type="button" class="button button--secondary" onClick={() => void copy()}>
          Kopieer de link
        </button>
        <button type="button" class="button" onClick={() => props.onClose()}>
          Klaar, verberg de code
        </button>
      </div>
      <p aria-live="polite" class="field__hint">
        <Show when={copied()}>
          {copied() === 'yes'
            ? 'De link staat op het klembord. Stuur hem alleen naar jezelf.'
            : 'Kopiëren lukt hier niet. Klik met rechts op “Open in nieuw tabblad” en kies “Link kopiëren”.'}
        </Show>
      </p>
    </section>
  );
}
