// Which address limits count a request under: the connecting socket, or behind trusted proxies the
// client they name in X-Forwarded-For; IPv6 grouped by /64. A client's own header is never trusted.
import { describe, expect, it } from 'vitest';
import type { IncomingMessage } from 'node:http';
import { createHash } from 'node:crypto';
import { bareAddress, clientAddress, forwardedHttps, limitKey, memoryKey, parseIp } from '../../session-server/src/server/client-address.ts';

/** A request as Node hands it over: the peer's address and raw headers (lower-case names). */
function request(remoteAddress: string | undefined, headers: Record<string, string | string[]> = {}): IncomingMessage {
  return { socket: { remoteAddress }, headers } as unknown as IncomingMessage;
}

describe('client address without a trusted proxy', () => {
  it('is the connecting address, whatever X-Forwarded-For claims', () => {
    expect(clientAddress(request('203.0.113.7', { 'x-forwarded-for': '198.51.100.1' }), 0)).toBe('203.0.113.7');
    expect(clientAddress(request('203.0.113.7', { 'x-forwarded-for': '198.51.100.1, 198.51.100.2' }), 0)).toBe('203.0.113.7');
  });

  it('an IPv4 client on a dual-stack socket counts as that IPv4 address', () => {
    const address = clientAddress(request('::ffff:203.0.113.7'), 0);
    expect(limitKey(address)).toBe('203.0.113.7');
  });

  it('a socket without an address counts as one shared unknown client', () => {
    expect(limitKey(clientAddress(request(undefined), 0))).toBe('unknown');
  });
});

describe('client address behind trusted proxies', () => {
  it('with one proxy the last entry is the client; entries the client made up are ignored', () => {
    const req = request('127.0.0.1', { 'x-forwarded-for': '6.6.6.6, 203.0.113.7' });
    expect(clientAddress(req, 1)).toBe('203.0.113.7');
  });

  it('with two proxies the second entry from the right is the client', () => {
    const req = request('10.0.0.2', { 'x-forwarded-for': '6.6.6.6, 203.0.113.7, 10.0.0.1' });
    expect(clientAddress(req, 2)).toBe('203.0.113.7');
  });

  it('repeated X-Forwarded-For headers are read as one list', () => {
    const req = request('127.0.0.1', { 'x-forwarded-for': ['6.6.6.6', '203.0.113.7'] });
    expect(clientAddress(req, 1)).toBe('203.0.113.7');
  });

  it('without the header the proxy itself is the client', () => {
    expect(clientAddress(request('127.0.0.1'), 1)).toBe('127.0.0.1');
    expect(clientAddress(request('127.0.0.1', { 'x-forwarded-for': '' }), 1)).toBe('127.0.0.1');
  });

  it('fewer entries than proxies: the leftmost sound entry', () => {
    expect(clientAddress(request('10.0.0.2', { 'x-forwarded-for': '203.0.113.7' }), 3)).toBe('203.0.113.7');
  });

  it.each([
    ['unknown'],
    ['_hidden'],
    ['"203.0.113.7"'],
    ['203.0.113.7.1'],
    ['999.0.113.7'],
    ['203.0.113'],
    ['javascript:alert(1)'],
    ['<script>'],
    [' '],
    ['2001:db8::1::2'],
    ['x'.repeat(5000)],
  ])('a garbled last entry (%s) is not used: the proxy counts instead', (garbage) => {
    expect(clientAddress(request('127.0.0.1', { 'x-forwarded-for': `203.0.113.7, ${garbage}` }), 1)).toBe('127.0.0.1');
  });

  it('a garbled entry further left stops the walk at the last sound address', () => {
    expect(clientAddress(request('10.0.0.2', { 'x-forwarded-for': 'nonsense, 10.0.0.1' }), 2)).toBe('10.0.0.1');
  });

  it.each([
    ['203.0.113.7:51234', '203.0.113.7'],
    ['[2001:db8::7]:443', '2001:db8::7'],
    ['[2001:db8::7]', '2001:db8::7'],
    ['2001:DB8::7', '2001:db8::7'],
    ['fe80::1%eth0', 'fe80::1'],
    ['::ffff:203.0.113.7', '::ffff:203.0.113.7'],
    ['  203.0.113.7  ', '203.0.113.7'],
  ])('the entry %s is read as %s', (entry, address) => {
    expect(clientAddress(request('127.0.0.1', { 'x-forwarded-for': entry }), 1)).toBe(address);
  });

  it('X-Forwarded-Proto counts only from a trusted proxy, and only its own (rightmost) value', () => {
    expect(forwardedHttps(request('127.0.0.1', { 'x-forwarded-proto': 'https' }), 0)).toBe(false);
    expect(forwardedHttps(request('127.0.0.1', { 'x-forwarded-proto': 'https' }), 1)).toBe(true);
    expect(forwardedHttps(request('127.0.0.1', { 'x-forwarded-proto': 'https, http' }), 1)).toBe(false);
    expect(forwardedHttps(request('127.0.0.1', { 'x-forwarded-proto': 'HTTPS' }), 1)).toBe(true);
    expect(forwardedHttps(request('127.0.0.1'), 1)).toBe(false);
  });
});

describe('limit keys', () => {
  it('an IPv4 address is its own key', () => {
    expect(limitKey('203.0.113.7')).toBe('203.0.113.7');
    expect(limitKey('203.0.113.8')).not.toBe(limitKey('203.0.113.7'));
  });

  it('an IPv4-mapped IPv6 address is the IPv4 address, in either notation', () => {
    expect(limitKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(limitKey('::ffff:cb00:7107')).toBe('203.0.113.7');
    expect(limitKey('0:0:0:0:0:ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('IPv6 addresses in one /64 share a key, written in any notation', () => {
    const key = limitKey('2001:db8:aa:bb::1');
    expect(key).toBe('2001:db8:aa:bb::/64');
    for (const same of ['2001:db8:aa:bb:1234:5678:9abc:def0', '2001:0db8:00aa:00bb:0:0:0:2', '2001:DB8:AA:BB::FFFF', '[2001:db8:aa:bb::3]:443', '2001:db8:aa:bb::4%wlan0']) {
      expect(limitKey(same), same).toBe(key);
    }
  });

  it('the neighbouring /64 is another key', () => {
    expect(limitKey('2001:db8:aa:bc::1')).not.toBe(limitKey('2001:db8:aa:bb::1'));
  });

  it('compressed forms expand correctly', () => {
    expect(limitKey('::1')).toBe('0:0:0:0::/64');
    expect(limitKey('::')).toBe('0:0:0:0::/64');
    expect(limitKey('2001:db8::')).toBe('2001:db8:0:0::/64');
    expect(limitKey('fe80::1')).toBe('fe80:0:0:0::/64');
    expect(parseIp('1::8')?.bytes).toEqual([0, 1, ...Array(13).fill(0), 8]);
  });

  it('anything that is not an address is one shared key', () => {
    for (const garbage of ['', 'unknown', 'localhost', '1.2.3', '::g', '1.2.3.4/24']) expect(limitKey(garbage), garbage).toBe('unknown');
  });

  it('bare addresses lose port, brackets and zone, and nothing else passes', () => {
    expect(bareAddress('[::1]:8080')).toBe('::1');
    expect(bareAddress('127.0.0.1:8080')).toBe('127.0.0.1');
    expect(bareAddress('127.0.0.1:')).toBeNull();
    expect(bareAddress('[127.0.0.1')).toBeNull();
  });
});

describe('limit keys in memory', () => {
  it('are the first 12 bytes of the key’s SHA-256, as 16 url-safe characters, the same on every process and version', () => {
    // Several processes forward these keys to each other and count them in Redis together.
    for (const key of ['203.0.113.7', '2001:db8:0:0::/64', 'unknown']) {
      expect(memoryKey(key)).toBe(createHash('sha256').update(key).digest().subarray(0, 12).toString('base64url'));
      expect(memoryKey(key)).toMatch(/^[A-Za-z0-9_-]{16}$/);
    }
    expect(memoryKey('203.0.113.7')).not.toBe(memoryKey('203.0.113.8'));
  });
});
