// Plain node knows no tsconfig paths: map @protocol the way vitest.config.ts does. A benchmark
// imports this first and loads the shared test clients (which import @protocol) dynamically after.
import { registerHooks } from 'node:module';

const protocolDir = new URL('../../session-server/src/protocol/', import.meta.url);
registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === '@protocol') return nextResolve(new URL('index.ts', protocolDir).href, context);
    if (specifier.startsWith('@protocol/')) return nextResolve(new URL(`${specifier.slice(10)}.ts`, protocolDir).href, context);
    return nextResolve(specifier, context);
  },
});
