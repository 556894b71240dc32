// The join link as a QR code. The SVG is generated here by uqr from our own link, which is why
// inserting it as markup is allowed; the label says where it leads.
import { createMemo } from 'solid-js';
import { renderSVG } from 'uqr';

/** label: what the code is for, when it is not the join link (a link with a key is not read out). */
export function QrCode(props: { url: string; label?: string }) {
  const svg = createMemo(() => renderSVG(props.url, { border: 2, ecc: 'M' }));
  return <div class="qr" role="img" aria-label={props.label ?? `QR-code om mee te doen: ${props.url}`} innerHTML={svg()} />;
}
