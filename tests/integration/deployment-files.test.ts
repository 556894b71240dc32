// The deployment files in deploy/ (systemd unit, container image, compose, nginx) are not run by
// the tests, so these checks keep them in step with the code: every setting they name is one Kring
// reads, the Node version is one Kring runs on, and nginx keeps socket.io's connections alive.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { startInProcess, type InProcessServer } from '../support/in-process-server.ts';

const root = resolve(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(resolve(root, path), 'utf8');

const unit = read('deploy/kring.service');
const dockerfile = read('deploy/Dockerfile');
const compose = parse(read('deploy/compose.yaml')) as {
  services: Record<string, { environment?: Record<string, unknown>; volumes?: string[]; network_mode?: string; ports?: string[] }>;
};
const nginx = read('deploy/nginx/kring.conf');
const nginxCluster = read('deploy/nginx/kring-cluster.conf');
const kring = compose.services.kring!;

/** The environment variables Kring's configuration reads (config.ts). */
const knownSettings = new Set(
  [...read('session-server/src/server/config.ts').matchAll(/process\.env\.([A-Z][A-Z0-9_]*)|'([A-Z][A-Z0-9_]*)'/g)].map(
    (m) => m[1] ?? m[2]!,
  ),
);

/** `Environment=NAME=value` lines of the unit. */
const unitEnv = Object.fromEntries([...unit.matchAll(/^Environment=([A-Z0-9_]+)=(.*)$/gm)].map((m) => [m[1]!, m[2]!]));
/** `ENV NAME=value` (also continued over lines) in the image. */
const imageEnv = Object.fromEntries(
  [...dockerfile.matchAll(/^ENV ((?:.*\\\n)*.*)$/gm)].flatMap((m) =>
    [...m[1]!.matchAll(/([A-Z0-9_]+)=(\S+)/g)].map((pair) => [pair[1]!, pair[2]!]),
  ),
);

/** The text of the nginx block that starts with `opening` (which ends in `{`), nested blocks included. */
function block(config: string, opening: string, from = 0): string {
  const start = config.indexOf(opening, from);
  expect(start, `nginx: ${opening}`).toBeGreaterThan(-1);
  let depth = 0;
  for (let i = start + opening.length - 1; i < config.length; i++) {
    if (config[i] === '{') depth++;
    if (config[i] === '}' && --depth === 0) return config.slice(start, i + 1);
  }
  throw new Error(`nginx: ${opening} is not closed`);
}
/** The server block that has this directive. */
const serverWith = (config: string, directive: string) =>
  [...config.matchAll(/^server \{/gm)].map((m) => block(config, 'server {', m.index)).find((b) => b.includes(directive)) ?? '';
const seconds = (value: string) => Number(/^(\d+)s?$/.exec(value)?.[1] ?? NaN) * (value.endsWith('m') ? 60 : 1);

describe('deployment files', () => {
  test('every setting the unit, the image and compose pass is one Kring reads', () => {
    const named = [...Object.keys(unitEnv), ...Object.keys(imageEnv), ...Object.keys(kring.environment ?? {})];
    expect(named.length).toBeGreaterThan(5);
    expect(named.filter((name) => !knownSettings.has(name))).toEqual([]);
  });

  test('the image and the unit run Node 24, which package.json allows', () => {
    const majors = [...dockerfile.matchAll(/^FROM node:(\d+)/gm)].map((m) => Number(m[1]));
    expect(majors.length).toBeGreaterThan(0);
    const engines = (JSON.parse(read('package.json')) as { engines: { node: string } }).engines.node;
    const minimum = Number(/>=\s*(\d+)/.exec(engines)?.[1]);
    for (const major of majors) {
      expect(major).toBe(24);
      expect(major).toBeGreaterThanOrEqual(minimum);
    }
    expect(dockerfile).toMatch(/^CMD \["node", "session-server\/src\/main\.ts"\]$/m);
    expect(unit).toMatch(/^ExecStart=\/usr\/bin\/node session-server\/src\/main\.ts$/m);
  });

  test('the image runs as a non-root user, keeps its data in a volume and checks /api/health', () => {
    expect(dockerfile).toMatch(/^USER (?!root\b|0\b)\S+$/m);
    expect(dockerfile).toContain(`VOLUME ["${imageEnv.KRING_DATA_DIR}"]`);
    expect(dockerfile).toMatch(/^HEALTHCHECK [^]*\/api\/health/m);
    expect(kring.volumes?.some((v) => v.endsWith(`:${kring.environment?.KRING_DATA_DIR}`))).toBe(true);
  });

  test('the unit runs as its own user, writes only its data folder and restarts', () => {
    expect(unit).toMatch(/^User=kring$/m);
    expect(unitEnv.KRING_DATA_DIR).toMatch(/^\/var\/lib\/kring/);
    expect(unit).toContain(`ReadWritePaths=${unitEnv.KRING_DATA_DIR}`);
    for (const line of ['NoNewPrivileges=yes', 'ProtectSystem=strict', 'Restart=always', 'CapabilityBoundingSet=']) {
      expect(unit).toMatch(new RegExp(`^${line}$`, 'm'));
    }
  });

  test('behind one nginx on loopback, Kring trusts exactly one proxy and knows its public address', () => {
    for (const env of [unitEnv, kring.environment ?? {}]) {
      expect(String(env.KRING_TRUST_PROXY)).toBe('1');
      expect(String(env.HOST)).toBe('127.0.0.1');
      expect(String(env.KRING_PUBLIC_URL)).toMatch(/^https:\/\//);
      expect(nginx).toContain(`server 127.0.0.1:${env.PORT};`);
    }
    // nginx shares Kring's network in compose, so the same config reaches it there.
    expect(compose.services.nginx?.network_mode).toBe('service:kring');
    expect(compose.services.nginx?.volumes).toContain('./nginx/kring.conf:/etc/nginx/conf.d/default.conf:ro');
  });

  test('nginx redirects to https and passes the address it saw, and the protocol, in every location', () => {
    expect(serverWith(nginx, 'listen 80;')).toMatch(/return 301 https:\/\/\$host\$request_uri;/);
    expect(nginx).toMatch(/ssl_certificate \/etc\/letsencrypt\/live\/[^/]+\/fullchain\.pem;/);
    expect(nginx).toMatch(/ssl_certificate_key \/etc\/letsencrypt\/live\/[^/]+\/privkey\.pem;/);
    const tls = serverWith(nginx, 'listen 443 ssl');
    for (const location of ['location /socket.io/ {', 'location / {']) {
      const body = block(tls, location);
      expect(body).toContain('proxy_pass http://kring_app;');
      expect(body).toContain('proxy_set_header X-Forwarded-For $remote_addr;');
      expect(body).toContain('proxy_set_header X-Forwarded-Proto $scheme;');
      expect(body).toContain('proxy_set_header Host $host;');
    }
  });

  test('nginx for several processes keeps a room on one process by its join code, not by address', () => {
    const upstream = block(nginxCluster, 'upstream kring_cluster {');
    const param = /^\s*hash \$arg_(\w+) consistent;$/m.exec(upstream)?.[1];
    expect(param).toBe('room');
    expect(upstream).not.toMatch(/ip_hash|\$remote_addr/);
    expect([...upstream.matchAll(/^\s*server 127\.0\.0\.1:\d+\b/gm)].length).toBeGreaterThanOrEqual(2);
    // Both clients put the join code in the socket.io URL under that name.
    expect(read('site/stores/screens.ts')).toMatch(new RegExp(`query: \\{ ${param}: `));
    expect(read('site/islands/phone/light-socket.ts')).toContain(`&${param}=\${encodeURIComponent(room)}`);
    expect(serverWith(nginxCluster, 'listen 443 ssl')).toContain('access_log off;');
    for (const location of ['location /socket.io/ {', 'location / {']) {
      const body = block(serverWith(nginxCluster, 'listen 443 ssl'), location);
      expect(body).toContain('proxy_pass http://kring_cluster;');
      expect(body).toContain('proxy_set_header X-Forwarded-For $remote_addr;');
    }
  });

  describe('against a running server', () => {
    let server: InProcessServer;
    beforeAll(async () => {
      server = await startInProcess({ name: 'kring-deploy-' });
    });
    afterAll(() => server.close());

    test('nginx upgrades /socket.io/ to a WebSocket and waits longer than a socket.io heartbeat', () => {
      const socketIo = block(nginx, 'location /socket.io/ {');
      expect(socketIo).toContain('proxy_set_header Upgrade $http_upgrade;');
      expect(socketIo).toMatch(/proxy_set_header Connection \$\w+;/);
      expect(nginx).toMatch(/map \$http_upgrade \$\w+ \{\s*default upgrade;/);
      const { pingInterval, pingTimeout } = server.app.io.engine.opts as { pingInterval: number; pingTimeout: number };
      const readTimeout = seconds(/proxy_read_timeout (\S+);/.exec(socketIo)?.[1] ?? '');
      expect(readTimeout * 1000).toBeGreaterThan(pingInterval + pingTimeout);
    });

    test('nginx for several processes upgrades /socket.io/ and waits longer than a heartbeat too', () => {
      const socketIo = block(nginxCluster, 'location /socket.io/ {');
      expect(socketIo).toContain('proxy_set_header Upgrade $http_upgrade;');
      expect(socketIo).toMatch(/proxy_set_header Connection \$\w+;/);
      expect(nginxCluster).toMatch(/map \$http_upgrade \$\w+ \{\s*default upgrade;/);
      const { pingInterval, pingTimeout } = server.app.io.engine.opts as { pingInterval: number; pingTimeout: number };
      expect(seconds(/proxy_read_timeout (\S+);/.exec(socketIo)?.[1] ?? '') * 1000).toBeGreaterThan(pingInterval + pingTimeout);
    });
  });
});
