import type { DatabaseSync } from 'node:sqlite';
import { z } from 'zod';
import type { Person, ReviewRole } from '../../model/review.ts';
import type { Site } from '../../model/site.ts';
import type { SitesService } from '../publishing/sites.ts';
import type { ReviewStore } from './store.ts';
import { roleOf } from './workflow.ts';

// Who "me" is in review records: the account of a site, as that site knows it (its user id and
// display name), so a comment written here shows the same name on the editor's machine. The
// display name is asked once and kept (the sites table holds only the login name), so records
// signed offline still carry it.

export interface Me {
  person: Person;
  role: ReviewRole;
  siteId: string | null;
}

const UserAnswer = z.looseObject({ id: z.number().int().nonnegative(), name: z.string() });

// A comment is not held up by a slow network: after this long it is signed with the login
// name, and the display name is kept for the next one when it arrives.
const NAME_WAIT_MS = 3000;

export class ReviewAccounts {
  readonly #db: DatabaseSync;
  readonly #sites: SitesService;
  readonly #store: ReviewStore;
  readonly #asking = new Map<string, Promise<string | null>>();

  constructor(db: DatabaseSync, sites: SitesService, store: ReviewStore) {
    this.#db = db;
    this.#sites = sites;
    this.#store = store;
  }

  // The account on this site: its display name, asked from the site the first time (a
  // network failure leaves the login name for now and asks again next time).
  async on(site: Site): Promise<Me> {
    let name = this.#store.accountName(site.id);
    if (name === null) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), NAME_WAIT_MS)));
      name = (await Promise.race([this.#ask(site), late])) ?? site.username;
      clearTimeout(timer);
    }
    return { person: { siteId: site.id, userId: this.#userId(site.id), name: name.slice(0, 200) }, role: roleOf(site.capabilities), siteId: site.id };
  }

  // One question at a time per site; null when the site cannot say now.
  #ask(site: Site): Promise<string | null> {
    let asking = this.#asking.get(site.id);
    if (!asking) {
      asking = (async () => {
        try {
          const client = await this.#sites.client(site.id);
          const me = UserAnswer.parse((await client.get('/wp/v2/users/me', { _fields: 'id,name' })).body);
          const name = me.name.slice(0, 200) || site.username;
          this.#store.setAccountName(site.id, name);
          return name;
        } catch {
          return null;
        } finally {
          this.#asking.delete(site.id);
        }
      })();
      this.#asking.set(site.id, asking);
    }
    return asking;
  }

  // Nobody yet (no site configured): records are signed anonymously and the window says "me".
  nobody(): Me {
    return { person: { siteId: null, userId: null, name: '' }, role: 'writer', siteId: null };
  }

  #userId(siteId: string): number | null {
    const row = this.#db.prepare('SELECT user_id FROM sites WHERE id = ?').get(siteId) as { user_id: number } | undefined;
    return row ? row.user_id : null;
  }
}
