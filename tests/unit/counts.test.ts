import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  SHEET_150,
  SHEET_200,
  countParagraph,
  countText,
  formatSheets,
  layoutManuscript,
  toGraphemeText,
  usesFastPath,
} from '../../renderer/features/counts/manuscript.ts';

// n distinct-looking Hangul syllables, so a row's worth of text is easy to count by eye.
function hangul(n: number): string {
  const syllables = '가나다라마바사아자차카타파하';
  let text = '';
  for (let i = 0; i < n; i += 1) text += syllables[i % syllables.length];
  return text;
}

function rows200(...paragraphs: string[]): number {
  return layoutManuscript(paragraphs, SHEET_200).rows;
}

const fixture = readFileSync(new URL('../../../shared/fixtures/sample-article-ko.txt', import.meta.url), 'utf8');
const fixtureLines = fixture.split('\n').filter((line) => line.trim() !== '');
const foundationParagraph = fixtureLines.find((line) => line.startsWith('부산시의회 의원연구단체'));

describe('manuscript sheets', () => {
  it('uses 20x10 for the 200-cell sheet and the newsroom 15x10 for the 150-cell sheet', () => {
    expect(SHEET_200).toEqual({ cellsPerRow: 20, rowsPerSheet: 10 });
    expect(SHEET_150).toEqual({ cellsPerRow: 15, rowsPerSheet: 10 });
  });

  it('needs 2 rows for a 20-character Korean paragraph because of the indent cell', () => {
    expect(rows200(hangul(19))).toBe(1);
    expect(rows200(hangul(20))).toBe(2);
  });

  it('writes digits two to a cell, so "2025년" takes 3 cells', () => {
    // indent + 20|25|년 + 16 syllables = 20 cells, one row; one more syllable spills over.
    expect(rows200(`2025년${hangul(16)}`)).toBe(1);
    expect(rows200(`2025년${hangul(17)}`)).toBe(2);
  });

  it('gives a leftover single digit its own cell', () => {
    // 12|34|5 is 3 cells: indent + 3 + 16 = 20.
    expect(rows200(`12345${hangul(16)}`)).toBe(1);
    expect(rows200(`12345${hangul(17)}`)).toBe(2);
  });

  it('pairs lowercase letters but writes capitals one to a cell', () => {
    // "175cm" is 17|5|cm (3 cells); "AI" is A|I (2 cells); "IoT" is I|o|T (3 cells).
    expect(rows200(`175cm${hangul(16)}`)).toBe(1);
    expect(rows200(`AI${hangul(17)}`)).toBe(1);
    expect(rows200(`AI${hangul(18)}`)).toBe(2);
    expect(rows200(`IoT${hangul(16)}`)).toBe(1);
    expect(rows200(`IoT${hangul(17)}`)).toBe(2);
  });

  it('drops a space that would fall at the start of a row', () => {
    // Row 1: indent + 19 syllables. The space would open row 2, so row 2 holds the 20 syllables.
    expect(rows200(`${hangul(19)} ${hangul(20)}`)).toBe(2);
    // Mid-row spaces do take a cell: indent + 9 + space + 10 = 21 cells.
    expect(rows200(`${hangul(9)} ${hangul(10)}`)).toBe(2);
  });

  it('squeezes closing punctuation into the last cell instead of opening a row', () => {
    expect(rows200(`${hangul(19)}.`)).toBe(1);
    expect(rows200(`${hangul(19)}?”`)).toBe(1);
    expect(rows200(`${hangul(19)})`)).toBe(1);
    // An opening mark is not squeezed.
    expect(rows200(`${hangul(19)}(`)).toBe(2);
  });

  it('leaves no blank cell after a period or comma, but does after ? and !', () => {
    // indent + 가나다. (4) + 15 = 20 cells when the space is not written.
    expect(rows200(`가나다. ${hangul(15)}`)).toBe(1);
    expect(rows200(`가나다, ${hangul(15)}`)).toBe(1);
    expect(rows200(`가나다! ${hangul(15)}`)).toBe(2);
  });

  it('puts a closing quote in the same cell as the period before it', () => {
    // 가|나|다|.”|… : indent + 4 + 15 = 20. After ? the quote takes its own cell.
    expect(rows200(`가나다.”${hangul(15)}`)).toBe(1);
    expect(rows200(`가나다?”${hangul(15)}`)).toBe(2);
  });

  it('gives the ellipsis and the dash two cells however they were typed', () => {
    // indent + 가 + two cells + 16 syllables = 20.
    for (const mark of ['…', '……', '...', '—', '――']) {
      expect(rows200(`가${mark}${hangul(16)}`), mark).toBe(1);
      expect(rows200(`가${mark}${hangul(17)}`), mark).toBe(2);
    }
  });

  it('starts each paragraph on a new row and gives empty paragraphs no rows', () => {
    expect(rows200('가', '나')).toBe(2);
    expect(rows200('가', '', '   ', '나')).toBe(2);
    expect(layoutManuscript([], SHEET_200)).toEqual({ rows: 0, sheets: 0 });
  });

  it('starts a new row without an indent after a line break inside a paragraph', () => {
    // Row 1: indent + 19; row 2 (after the break): 20 syllables with no indent.
    expect(rows200(`${hangul(19)}\n${hangul(20)}`)).toBe(2);
    expect(countText([`가나\n다라`]).charsWithSpaces).toBe(4);
  });

  it('fills a 200-cell sheet with 10 rows and reports unrounded sheets', () => {
    // indent + 199 syllables = 200 cells: exactly one 200-cell sheet.
    expect(layoutManuscript([hangul(199)], SHEET_200)).toEqual({ rows: 10, sheets: 1 });
    // The same 200 cells on 15-cell rows: 13 full rows and 5 cells on a 14th.
    expect(layoutManuscript([hangul(199)], SHEET_150)).toEqual({ rows: 14, sheets: 1.4 });
    // 30 one-row paragraphs are 30 rows, 3 sheets.
    expect(layoutManuscript(Array.from({ length: 30 }, () => hangul(19)), SHEET_200)).toEqual({ rows: 30, sheets: 3 });
  });

  it('rejects a sheet without whole, positive dimensions', () => {
    expect(() => layoutManuscript(['가'], { cellsPerRow: 0, rowsPerSheet: 10 })).toThrow(RangeError);
    expect(() => layoutManuscript(['가'], { cellsPerRow: 20, rowsPerSheet: 2.5 })).toThrow(RangeError);
  });
});

describe('a real paragraph from the sample article', () => {
  // Worked out by hand. The paragraph has 38 어절 and 37 spaces; its 어절 hold 133 characters.
  // Cells: indent 1 + 131 non-space (2023 is two cells) + 31 spaces (the six after "." and ","
  // are not written) = 163.
  // 20-cell rows:
  //   1 ∨부산시의회∨의원연구단체∨‘뿌리산업∨
  //   2 진흥을∨위한∨연구모임’은∨지역∨뿌리산
  //   3 업의∨경쟁력∨강화를∨목표로∨활발한∨활
  //   4 동을∨펼치고∨있다.|20|23|년∨2월∨조상진   (the next space is dropped)
  //   5 대표의원,이종환,송상조,신정철,김광명   (the next space is dropped)
  //   6 등∨모두∨5명의∨의원으로∨결성된∨연구
  //   7 모임은∨지역∨뿌리기업,학계∨등과∨협력
  //   8 해∨다양한∨정책을∨발굴·추진하고∨있다   + the final "." squeezed into the last cell
  // 15-cell rows: 163 cells with nothing dropped or squeezed = 10 full rows + 13 cells = 11 rows.
  it('has the counts a writer gets by hand', () => {
    expect(foundationParagraph).toBeDefined();
    const counts = countText([foundationParagraph ?? '']);
    expect(counts.charsWithSpaces).toBe(170);
    expect(counts.charsWithoutSpaces).toBe(133);
    expect(counts.words).toBe(38);
    expect(counts.manuscript200).toEqual({ rows: 8, sheets: 0.8 });
    expect(counts.manuscript150).toEqual({ rows: 11, sheets: 1.1 });
    expect(counts.readingMinutes).toBeCloseTo(133 / 500, 10);
    expect(formatSheets(counts.manuscript150.sheets)).toBe('1.1');
  });
});

describe('characters and words', () => {
  it('counts an emoji or a combining sequence as one character', () => {
    const counts = countText(['👍🏽 좋아요 👨‍👩‍👧 🇰🇷 e\u0301']);
    expect(counts.charsWithSpaces).toBe(11);
    expect(counts.charsWithoutSpaces).toBe(7);
    // Emoji are not words.
    expect(counts.words).toBe(2);
  });

  it('gives an emoji one manuscript cell', () => {
    expect(rows200('👨‍👩‍👧'.repeat(19))).toBe(1);
    expect(rows200('👨‍👩‍👧'.repeat(20))).toBe(2);
  });

  it('counts a Korean 어절 as one word', () => {
    expect(countText(['부산시의회는']).words).toBe(1);
    expect(countText(['2023년에는 AI(인공지능)와 IoT를 도입했다.']).words).toBe(4);
    expect(countText(['주조·금형·용접 등']).words).toBe(2);
  });

  it('counts mixed English text the way a writer would', () => {
    expect(countText(["The editor's AI-assisted draft (v2) was 1,250 words long — nearly done!"]).words).toBe(11);
    expect(countText(['오늘 Pressroom 베타 버전을 release했다']).words).toBe(5);
  });

  it('sums counts over paragraphs without counting the breaks between them', () => {
    const counts = countText(['가나 다', 'ab c', '']);
    expect(counts.charsWithSpaces).toBe(8);
    expect(counts.charsWithoutSpaces).toBe(6);
    expect(counts.words).toBe(4);
  });
});

describe('reading time', () => {
  it('reads Korean at 500 characters a minute', () => {
    const text = Array.from({ length: 100 }, () => hangul(10)).join(' ');
    expect(countText([text]).readingMinutes).toBeCloseTo(2, 10);
  });

  it('reads English at 230 words a minute', () => {
    const text = Array.from({ length: 460 }, () => 'word').join(' ');
    expect(countText([text]).readingMinutes).toBeCloseTo(2, 10);
  });

  it('times each part of a mixed draft at its own rate', () => {
    // 250 Korean characters (half a minute) and 115 English words (half a minute).
    const korean = Array.from({ length: 25 }, () => hangul(10)).join(' ');
    const english = Array.from({ length: 115 }, () => 'word').join(' ');
    expect(countText([korean, english]).readingMinutes).toBeCloseTo(1, 10);
  });
});

describe('formatSheets', () => {
  it('shows one decimal and rounds a started tenth up', () => {
    expect(formatSheets(12.3)).toBe('12.3');
    expect(formatSheets(12.31)).toBe('12.4');
    expect(formatSheets(3)).toBe('3.0');
    expect(formatSheets(0.01)).toBe('0.1');
    expect(formatSheets(0)).toBe('0.0');
  });

  it('does not round exact tenths up through floating-point noise', () => {
    // 1.1 * 10 is 11.000000000000002 in binary floating point.
    expect(formatSheets(11 / 10)).toBe('1.1');
    expect(formatSheets(0.1 + 0.2)).toBe('0.3');
    expect(formatSheets(123 / 10)).toBe('12.3');
  });
});

describe('fast path', () => {
  // The fast path skips Intl.Segmenter for text in a known alphabet; it must agree with it on
  // every character that alphabet admits.
  const alphabet = Array.from({ length: 0x10000 }, (_, code) => String.fromCharCode(code)).filter(
    (char) => usesFastPath(char),
  );

  function expectSameAsSegmenter(paragraph: string): void {
    const label = paragraph.slice(0, 40);
    expect(usesFastPath(paragraph), label).toBe(true);
    expect(countParagraph(paragraph, true), label).toEqual(countParagraph(paragraph, false));
    expect(toGraphemeText(paragraph, true) === toGraphemeText(paragraph, false), label).toBe(true);
  }

  it('agrees with Intl.Segmenter on every character it accepts', () => {
    expect(alphabet.length).toBeGreaterThan(11_000);
    expect(usesFastPath('부산 AI 2025년 ‘따옴표’ ① ℃ → ～ ㈜')).toBe(true);
    expect(usesFastPath('👍')).toBe(false);
    expect(usesFastPath('e\u0301')).toBe(false);
    expectSameAsSegmenter(alphabet.join(' '));
    expectSameAsSegmenter(alphabet.join(''));
    // Each character next to Hangul, a letter, a digit and a space, alone and doubled ("__" is
    // a word to ICU though "_" is not), checked in one paragraph: words are counted per
    // space-separated token, so the samples do not interact.
    const samples = alphabet.map((char) => `가${char}a${char}1 ${char} ${char}${char}`);
    const together = samples.join(' ');
    if (countParagraph(together, true).words !== countParagraph(together, false).words) {
      for (const sample of samples) expectSameAsSegmenter(sample);
    }
    expectSameAsSegmenter(together);
    // Exhaustive over some 13,000 characters: give a busy CI machine room before timing out.
  }, 20_000);

  it('segments only around the characters that need it, with the same result', () => {
    const tricky = [
      '👍🏽 좋아요, 👨‍👩‍👧 가족 🇰🇷🇯🇵',
      'café e\u0301 가\u0301 \u0301가',
      'ᄀ가 각\u11A8 ᄒ\u1161\u11AB',
      'a\r\nb\r\n',
      '하트\u200D❤ 끝',
      '中國은 漢字語 ㅋㅋ ㆍ',
      '\u0600a 숫자',
      '1\u200B2 가\uFEFF나',
    ];
    for (const paragraph of tricky) {
      expect(usesFastPath(paragraph), paragraph).toBe(false);
      expect(toGraphemeText(paragraph, true), paragraph).toBe(toGraphemeText(paragraph, false));
      expect(countParagraph(paragraph, true), paragraph).toEqual(countParagraph(paragraph, false));
    }
  });

  it('agrees with Intl.Segmenter on the sample article', () => {
    const fastLines = fixtureLines.filter((line) => usesFastPath(line));
    expect(fastLines.length).toBeGreaterThan(20);
    for (const line of fastLines) expectSameAsSegmenter(line);
  });
});
