// A console opened on http://localhost needs an address phones can use: the server gives its network
// addresses, but only to a request from the machine itself, only when it listens on the network,
// and the school's public address instead when KRING_PUBLIC_URL is set.
import { afterEach, describe, expect, it } from 'vitest';
import { networkInterfaces } from 'node:os';
import { startServer, type ServerProcess } from '../support/server-process.ts';

let server: ServerProcess | undefined;
afterEach(async () => {
  await server?.cleanup();
  server = undefined;
});
const addresses = async (url: string) => ((await (await fetch(`${url}/api/join-addresses`)).json()) as { addresses: string[] }).addresses;

describe('join addresses', () => {
  it('a server on the network gives a local page its LAN addresses with its port', async () => {
    server = await startServer({ env: { HOST: '0.0.0.0' } });
    const port = new URL(server.url).port;
    const lan = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && a.family === 'IPv4' && !a.internal && !a.address.startsWith('169.254.'))
      .map((a) => `http://${a!.address}:${port}`);
    expect(await addresses(server.url)).toEqual(lan);
    // And the server says the same on its first lines, so the teacher can read it in the terminal.
    if (lan.length) expect(server.output()).toContain(`telefoons doen mee via: ${lan[0]}`);
  });

  it('a server on 127.0.0.1 only has no address for phones', async () => {
    server = await startServer();
    expect(await addresses(server.url)).toEqual([]);
  });

  it('with KRING_PUBLIC_URL every page gets the public address, nothing about the machine', async () => {
    server = await startServer({ env: { HOST: '0.0.0.0', KRING_PUBLIC_URL: 'https://kring.school.example' } });
    expect(await addresses(server.url)).toEqual(['https://kring.school.example']);
  });
});
