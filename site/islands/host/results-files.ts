// The host's results export and deletion: plain HTTP with the host key as a bearer token, so the
// key never appears in an address or a link.
import { serverUrl } from '../../lib/server-url.ts';

function authorised(hostKey: string): HeadersInit {
  return { authorization: `Bearer ${hostKey}` };
}

/** Fetches results.csv or results.json and hands it to the browser as a download. */
export async function downloadResults(code: string, hostKey: string, format: 'csv' | 'json'): Promise<void> {
  const res = await fetch(`${serverUrl()}/api/rooms/${code}/results.${format}`, { headers: authorised(hostKey) });
  if (!res.ok) throw new Error(`status ${res.status}`);
  const blob = await res.blob();
  const named = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1];
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = named ?? `kring-${code}.${format}`;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the blob goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function deleteRoom(code: string, hostKey: string): Promise<void> {
  const res = await fetch(`${serverUrl()}/api/rooms/${code}`, { method: 'DELETE', headers: authorised(hostKey) });
  if (!res.ok) throw new Error(`status ${res.status}`);
}
