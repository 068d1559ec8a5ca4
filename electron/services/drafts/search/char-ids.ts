import { charClass } from './chars.ts';
import { projectCode } from './choseong.ts';

// Everything indexing needs to know about a code unit, in one table read: a dense id (so a
// bigram key stays a small integer instead of a string), its projected byte (choseong.ts) and
// its class (chars.ts).

const ID_SHIFT = 10;
const BYTE_SHIFT = 2;

export class CharIds {
  /** id << 10 | projected byte << 2 | class; 0 for a unit never indexed. */
  private readonly info = new Int32Array(0x10000);
  private next = 1;

  /** The info word of a code unit, assigning an id on first sight. */
  intern(code: number): number {
    let info = this.info[code]!;
    if (info === 0) {
      info = (this.next++ << ID_SHIFT) | (projectCode(code) << BYTE_SHIFT) | charClass(code);
      this.info[code] = info;
    }
    return info;
  }

  /** The id of a code unit, or 0 if it has never been indexed (so nothing can match it). */
  lookup(code: number): number {
    return this.info[code]! >> ID_SHIFT;
  }
}

export function idOf(info: number): number {
  return info >> ID_SHIFT;
}

export function byteOf(info: number): number {
  return (info >> BYTE_SHIFT) & 0xff;
}

export function classOfInfo(info: number): number {
  return info & 3;
}
