import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { META_CONTENT_SECURITY_POLICY } from '../electron/security.ts';
import { lexicalLongText } from './build/lexical-long-text.ts';

// The page carries the same policy the app:// protocol sends as a header, from one constant.
function contentSecurityPolicy(): Plugin {
  return {
    name: 'pressroom-csp',
    transformIndexHtml: (html) => html.replace('%APP_CSP%', META_CONTENT_SECURITY_POLICY),
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [contentSecurityPolicy(), lexicalLongText()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome140',
    sourcemap: true,
    // Inlined assets would be data: URLs in scripts and styles; keep them as files.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    // Loaded from disk, not a network: one larger chunk costs nothing worth splitting for.
    chunkSizeWarningLimit: 2000,
  },
  oxc: { jsx: { runtime: 'automatic' } },
});
