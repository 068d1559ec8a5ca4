import { z } from 'zod';
import { AppError } from '../../model/errors.ts';
import type { WordPressClient } from './wordpress/client.ts';

const Term = z.looseObject({ id: z.number().int().positive(), name: z.string() });

// Term names to ids on the site, creating the ones it lacks when the account may. A term the
// account may not create is left off (the post still goes out) and reported.
export async function termIds(client: WordPressClient, taxonomy: 'tags' | 'categories', names: readonly string[]): Promise<{ ids: number[]; skipped: string[] }> {
  const ids: number[] = [];
  const skipped: string[] = [];
  for (const name of names) {
    const found = await findTerm(client, taxonomy, name);
    if (found) {
      ids.push(found);
      continue;
    }
    try {
      const created = Term.parse((await client.post(`/wp/v2/${taxonomy}`, { name })).body);
      ids.push(created.id);
    } catch (error) {
      // term_exists: made meanwhile (another window, another writer); anything the account may
      // not do: skipped.
      if (error instanceof AppError && error.code === 'forbidden') skipped.push(name);
      else if (error instanceof AppError && error.code === 'remote' && error.params?.['detail']?.toString().includes('term_exists')) {
        const again = await findTerm(client, taxonomy, name);
        if (again) ids.push(again);
        else skipped.push(name);
      } else throw error;
    }
  }
  return { ids, skipped };
}

async function findTerm(client: WordPressClient, taxonomy: string, name: string): Promise<number | null> {
  const answer = await client.get<unknown[]>(`/wp/v2/${taxonomy}`, { search: name, per_page: 100, _fields: 'id,name' });
  const terms = z.array(Term).parse(answer.body);
  // Names come back HTML-escaped (&amp;); compare as the reader sees them.
  const wanted = name.trim().toLocaleLowerCase();
  return terms.find((term) => unescape(term.name).trim().toLocaleLowerCase() === wanted)?.id ?? null;
}

function unescape(text: string): string {
  return text.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#0?39;/g, "'");
}
