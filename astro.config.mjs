// The Kring site: static output in dist/, served by session-server (or any static host).
import { defineConfig } from 'astro/config';
import solid from '@astrojs/solid-js';
import { fileURLToPath } from 'node:url';
import { describe, precompress } from './scripts/precompress.ts';
import { addPreloadHints } from './scripts/preload-hints.ts';
import { prunePageCss } from './scripts/prune-page-css.ts';
import { inlinePageScripts } from './scripts/inline-page-script.ts';

/** Small modules that the phone and the other live screens share, bundled with Solid as one file
 *  instead of a handful: on a slow school network every file costs a round trip and its headers (issue 11). */
const LIVE_MODULES = /(stores[\\/]session-store|lib[\\/](use-store|server-clock|server-url|local-keys)|protocol[\\/](constants|scales|help-audiences)|components[\\/]help[\\/](HelpDialog|help-context|help-lines)|components[\\/]card[\\/]labels|node_modules[\\/](zustand|nanoid)[\\/]|preload-helper|rolldown[\\/]runtime|rolldown-runtime)/;
/** The phone's stylesheet goes inside its page: one request less before the join form shows. */
const INLINE_STYLESHEET = /^_astro[\\/]index\..*\.css$/;

export default defineConfig({
  srcDir: './site',
  output: 'static',
  trailingSlash: 'ignore',
  integrations: [
    solid(),
    {
      // Every build (npm start, npm test, npx astro build) leaves .br and .gz copies for the server.
      name: 'kring-precompress',
      // First, for the phone's page, its stylesheet pruned (scripts/prune-page-css.ts), the preload
      // hints (scripts/preload-hints.ts) and its script inlined (scripts/inline-page-script.ts), in
      // that order (each reads the page's script files): they change the pages that are compressed.
      hooks: {
        'astro:build:done': ({ dir, logger }) => {
          const saved = prunePageCss(fileURLToPath(dir));
          logger.info(`${saved} bytes ongebruikte CSS uit de pagina van de telefoon gehaald`);
          addPreloadHints(fileURLToPath(dir));
          inlinePageScripts(fileURLToPath(dir));
          logger.info(describe(precompress(fileURLToPath(dir))));
        },
      },
    },
  ],
  devToolbar: { enabled: false },
  vite: {
    build: {
      // The CSS of the join page (see INLINE_STYLESHEET) is inlined; other pages keep Astro's default.
      assetsInlineLimit: (file, content) => (INLINE_STYLESHEET.test(file) ? true : content.length < 4096),
    },
    environments: {
      client: {
        build: {
          rolldownOptions: {
            output: {
              codeSplitting: {
                groups: [
                  // Solid (without its store: only Astro's island renderer needs it, and the phone
                  // does without, see islands/phone/mount.tsx) and the small modules of the live
                  // screens, as one file: the phone's first load needs all of it.
                  { name: 'runtime', test: (id) => /node_modules[\\/]solid-js[\\/](dist|web[\\/])/.test(id) || LIVE_MODULES.test(id) },
                ],
              },
            },
          },
        },
      },
    },
    resolve: {
      // '@protocol' is the protocol module; '@protocol/constants' its zod-free part for light pages.
      alias: [
        { find: /^@protocol$/, replacement: fileURLToPath(new URL('./session-server/src/protocol/index.ts', import.meta.url)) },
        { find: /^@protocol\/(.+)$/, replacement: fileURLToPath(new URL('./session-server/src/protocol/', import.meta.url)) + '$1.ts' },
      ],
    },
  },
});
