import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { applyFixes, FIXES } from '../../renderer/build/lexical-long-text.ts';

// The build fixes two whole-body text comparisons in Lexical (renderer/build/lexical-long-text.ts).
// They are written against one Lexical version: these tests fail, as the build would, when the
// installed Lexical no longer holds the code they fix.
const read = (file: string) => readFileSync(new URL(`../../node_modules/lexical/dist/${file}`, import.meta.url), 'utf8');

describe('the build-time fixes to Lexical', () => {
  for (const file of ['Lexical.prod.js', 'Lexical.dev.js'] as const) {
    test(`apply to the installed ${file}, each at exactly one place`, () => {
      const original = read(file);
      const fixed = applyFixes(file, original);
      for (const fix of FIXES.filter((candidate) => candidate.file === file)) {
        expect(original.split(fix.find)).toHaveLength(2);
        expect(fixed).toContain(fix.replace);
      }
      expect(fixed).not.toBe(original);
      // The rest of the file is untouched.
      expect(fixed.length - original.length).toBe(FIXES.filter((fix) => fix.file === file).reduce((sum, fix) => sum + fix.replace.length - fix.find.length, 0));
    });
  }

  test('a Lexical that no longer holds the code stops the build with a message saying so', () => {
    expect(() => applyFixes('Lexical.prod.js', 'export const nothing = 1;')).toThrow(/no longer holds the code fixed for Lexical 0\.52\.0/);
  });
});
