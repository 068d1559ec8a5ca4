import type { Plugin } from 'vite';

// Two places where Lexical 0.52 compares the whole text of the body with its previous text on
// every update. Strings of different lengths compare at once, so typing a Latin letter costs
// nothing there; but a Hangul composition step replaces a syllable with one of the same length
// (ㅂ → 부 → 붓), and two equal-length bodies built from a thousand pieces are flattened and
// compared character by character: about 4 ms each in a 1,000-paragraph draft, twice per step.
//
// - The reconciler compares before caching the root's text; the text is written whenever the
//   root changed anyway, so it is written without comparing.
// - The text-content listeners are compared for even when there are none (the app has none).
//
// Applied to the bundle at build time, for the exact Lexical version they were written against:
// an upgrade that changes either place fails the build here, to be looked at again (or dropped,
// once Lexical does the same upstream).
const LEXICAL_VERSION = '0.52.0';

interface Fix {
  file: 'Lexical.prod.js' | 'Lexical.dev.js';
  find: string;
  replace: string;
}

export const FIXES: readonly Fix[] = [
  {
    file: 'Lexical.prod.js',
    find: 'if(t.__cachedText!==$e){const e=t.getWritable();e.__cachedText=$e,r=e}',
    replace: '{const e=t.getWritable();e.__cachedText=$e,r=e}',
  },
  {
    file: 'Lexical.prod.js',
    find: 'function(t,e,n){const o=oa(e),r=oa(n);o!==r&&nl("textcontent",t,!0,r)}',
    replace: 'function(t,e,n){if(0===t._listeners.textcontent.size)return;const o=oa(e),r=oa(n);o!==r&&nl("textcontent",t,!0,r)}',
  },
  {
    file: 'Lexical.dev.js',
    find: '    if (latestRoot.__cachedText !== subTreeTextContent) {',
    replace: '    {',
  },
  {
    file: 'Lexical.dev.js',
    find: 'function triggerTextContentListeners(editor, currentEditorState, pendingEditorState) {\n',
    replace: 'function triggerTextContentListeners(editor, currentEditorState, pendingEditorState) {\n  if (editor._listeners.textcontent.size === 0) return;\n',
  },
];

// The fixed code, or an error naming what was not found.
export function applyFixes(file: string, code: string): string {
  let fixed = code;
  for (const fix of FIXES.filter((candidate) => candidate.file === file)) {
    if (fixed.split(fix.find).length !== 2) {
      throw new Error(`lexical-long-text: ${file} no longer holds the code fixed for Lexical ${LEXICAL_VERSION}: ${fix.find.slice(0, 60)}…`);
    }
    fixed = fixed.replace(fix.find, () => fix.replace);
  }
  return fixed;
}

export function lexicalLongText(): Plugin {
  return {
    name: 'pressroom-lexical-long-text',
    enforce: 'pre',
    transform(code, id) {
      const match = /[\\/]node_modules[\\/]lexical[\\/]dist[\\/](Lexical\.(?:prod|dev)\.js)$/.exec(id.split('?')[0]!);
      if (!match) return null;
      return { code: applyFixes(match[1]!, code), map: null };
    },
  };
}
