// The Kring site: static output in dist/, served by session-server (or any static host).
import { defineConfig } from 'astro/config';
import solid from '@astrojs/solid-js';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  srcDir: './site',
  output: 'static',
  trailingSlash: 'ignore',
  integrations: [solid()],
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
