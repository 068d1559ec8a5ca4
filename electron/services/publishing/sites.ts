import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { AppError } from '../../model/errors.ts';
import { type KeyringStatus, type Site, SiteCapabilities } from '../../model/site.ts';
import { transaction } from '../storage/sqlite.ts';
import type { SecretBox } from './secrets.ts';
import { normaliseSiteUrl, WordPressClient } from './wordpress/client.ts';
import { discoverSite } from './wordpress/discover.ts';

interface SiteRow {
  id: string;
  url: string;
  name: string;
  username: string;
  user_id: number;
  capabilities: string;
  plugin: string | null;
  secret: Uint8Array;
  verified_at: string;
}

export interface SitesOptions {
  db: DatabaseSync;
  secrets: SecretBox;
  fetch?: typeof fetch;
  now?: () => Date;
}

// The sites the writer publishes to. A site is added only once the account has been checked
// against it; the password is sealed before it is stored and opened only to talk to the site.
export class SitesService {
  readonly #db: DatabaseSync;
  readonly #secrets: SecretBox;
  readonly #fetch: typeof fetch | undefined;
  readonly #now: () => Date;

  constructor(options: SitesOptions) {
    this.#db = options.db;
    this.#secrets = options.secrets;
    this.#fetch = options.fetch;
    this.#now = options.now ?? (() => new Date());
  }

  keyring(): KeyringStatus {
    return this.#secrets.status();
  }

  list(): Site[] {
    const rows = this.#db.prepare('SELECT * FROM sites ORDER BY added_at').all() as unknown as SiteRow[];
    return rows.map(toSite);
  }

  get(id: string): Site {
    return toSite(this.#row(id));
  }

  async add(url: string, username: string, appPassword: string): Promise<Site> {
    if (!this.#secrets.status().available) throw new AppError('forbidden', 'sites.noKeyring');
    const siteUrl = normaliseSiteUrl(url);
    const client = this.#client(siteUrl, username, appPassword);
    const facts = await discoverSite(client);
    const sealed = await this.#secrets.seal(appPassword);
    const id = randomUUID();
    const at = this.#now().toISOString();
    transaction(this.#db, () => {
      const existing = this.#db.prepare('SELECT id FROM sites WHERE url = ? AND username = ?').get(siteUrl, username);
      if (existing) throw new AppError('conflict', 'sites.alreadyAdded');
      this.#db
        .prepare(
          `INSERT INTO sites (id, url, name, username, user_id, capabilities, plugin, secret, verified_at, added_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(id, siteUrl, facts.name, username, facts.userId, JSON.stringify(facts.capabilities), facts.plugin && JSON.stringify(facts.plugin), sealed, at, at);
    });
    return this.get(id);
  }

  // Asks the site again what the account may do (roles change) and whether the plugin is there.
  async verify(id: string): Promise<Site> {
    const client = await this.client(id);
    const facts = await discoverSite(client);
    this.#db
      .prepare('UPDATE sites SET name = ?, user_id = ?, capabilities = ?, plugin = ?, verified_at = ? WHERE id = ?')
      .run(facts.name, facts.userId, JSON.stringify(facts.capabilities), facts.plugin && JSON.stringify(facts.plugin), this.#now().toISOString(), id);
    return this.get(id);
  }

  remove(id: string): void {
    this.#row(id);
    this.#db.prepare('DELETE FROM sites WHERE id = ?').run(id);
  }

  // A client signed in as the site's account, for the publisher.
  async client(id: string): Promise<WordPressClient> {
    const row = this.#row(id);
    let appPassword: string;
    try {
      appPassword = await this.#secrets.open(row.secret);
    } catch {
      // The keychain changed (another OS user, a reset keyring): the password must be given again.
      throw new AppError('unauthorized', 'sites.secretUnreadable');
    }
    return this.#client(row.url, row.username, appPassword);
  }

  #client(url: string, username: string, appPassword: string): WordPressClient {
    return new WordPressClient({ url, credentials: { username, appPassword }, ...(this.#fetch ? { fetch: this.#fetch } : {}) });
  }

  #row(id: string): SiteRow {
    const row = this.#db.prepare('SELECT * FROM sites WHERE id = ?').get(id) as SiteRow | undefined;
    if (!row) throw new AppError('not_found', 'sites.notFound');
    return row;
  }
}

function toSite(row: SiteRow): Site {
  return {
    id: row.id,
    url: row.url,
    name: row.name,
    username: row.username,
    capabilities: SiteCapabilities.parse(JSON.parse(row.capabilities)),
    plugin: row.plugin ? (JSON.parse(row.plugin) as { version: string }) : null,
    verifiedAt: row.verified_at,
  };
}
