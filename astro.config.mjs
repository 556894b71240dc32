// The Kring site: static output in dist/, served by session-server (or any static host).
import { defineConfig } from 'astro/config';
import solid from '@astrojs/solid-js';
import { fileURLToPath } from 'node:url';
import { describe, precompress } from './scripts/precompress.ts';

export default defineConfig({
  srcDir: './site',
  output: 'static',
  trailingSlash: 'ignore',
  integrations: [
    solid(),
    {
      // Every build (npm start, npm test, npx astro build) leaves .br and .gz copies for the server.
      name: 'kring-precompress',
      hooks: { 'astro:build:done': ({ dir, logger }) => logger.info(describe(precompress(fileURLToPath(dir)))) },
    },
  ],
  devToolbar: { enabled: false },
  vite: {
    resolve: {
      // '@protocol' is the protocol module; '@protocol/constants' its zod-free part for light pages.
      alias: [
        { find: /^@protocol$/, replacement: fileURLToPath(new URL('./session-server/src/protocol/index.ts', import.meta.url)) },
        { find: /^@protocol\/(.+)$/, replacement: fileURLToPath(new URL('./session-server/src/protocol/', import.meta.url)) + '$1.ts' },
      ],
    },
  },
});
