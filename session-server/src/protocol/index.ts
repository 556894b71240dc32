// The protocol: browser-safe (zod and types only, no Node imports). The site imports it as `@protocol`.
export * from './constants.ts';
export * from './scales.ts';
export * from './deck.ts';
export * from './help.ts';
export * from './commands.ts';
export * from './overloop.ts';
export * from './views.ts';
export * from './handshake.ts';
export * from './results.ts';
