// Bundles main (ESM, as Electron loads it) and preload (CommonJS, the only form a sandboxed
// preload may take) with esbuild: one file each, `electron` left to the runtime. esbuild
// because it is one fast dependency that Vite already brings; Vite's own library mode would
// add a second configuration for two entry points.
import { build } from 'esbuild';
import { BRIDGE_KEY, channels, eventNames } from '../electron/contract.ts';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node24',
  // Native and WebAssembly packages load files from their own folders at run time, so they stay
  // in node_modules (shipped unpacked beside the asar, see electron-builder.yml).
  external: ['electron', 'sharp', 'heic-decode', 'libheif-js'],
  sourcemap: true,
  logLevel: 'warning',
};

await Promise.all([
  build({
    ...common,
    entryPoints: ['electron/main.ts'],
    outfile: 'dist/electron/main.mjs',
    format: 'esm',
    define: { __HEIC_WORKER__: JSON.stringify('./heic-worker.mjs') },
    // Bundled CommonJS dependencies call require(); give them one in the ESM output.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  }),
  build({
    ...common,
    entryPoints: ['electron/services/assets/heic-worker.ts'],
    outfile: 'dist/electron/heic-worker.mjs',
    format: 'esm',
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  }),
  build({
    ...common,
    entryPoints: ['electron/preload.ts'],
    outfile: 'dist/electron/preload.cjs',
    format: 'cjs',
    define: {
      __CONTRACT_CHANNELS__: JSON.stringify(channels),
      __CONTRACT_EVENTS__: JSON.stringify(eventNames),
      __BRIDGE_KEY__: JSON.stringify(BRIDGE_KEY),
    },
  }),
]);
