import { z } from 'zod';
import { AppError } from '../../../model/errors.ts';
import type { SiteCapabilities } from '../../../model/site.ts';
import type { WordPressClient } from './client.ts';

// What the app learns about a site and an account before it offers to publish there.

const RestIndex = z.looseObject({
  name: z.string().default(''),
  namespaces: z.array(z.string()).default([]),
});

const Me = z.looseObject({
  id: z.number(),
  name: z.string().default(''),
  roles: z.array(z.string()).default([]),
  capabilities: z.record(z.string(), z.unknown()).default({}),
});

const PluginInfo = z.looseObject({ version: z.string() });

export interface SiteFacts {
  name: string;
  userId: number;
  capabilities: SiteCapabilities;
  plugin: { version: string } | null;
}

export async function discoverSite(client: WordPressClient): Promise<SiteFacts> {
  let answer: unknown;
  try {
    answer = (await client.get('/')).body;
  } catch (error) {
    // Nothing at the REST index: a web server, but not a WordPress one (or not at this path).
    if (error instanceof AppError && error.code === 'not_found') throw new AppError('not_wordpress', 'remote.notWordPress', { host: client.host });
    throw error;
  }
  const index = RestIndex.safeParse(answer);
  // JSON that is not a REST index, or a REST API without WordPress's own routes (another CMS,
  // or REST turned off by a plugin).
  if (!index.success) throw new AppError('not_wordpress', 'remote.notWordPress', { host: client.host });
  if (!index.data.namespaces.includes('wp/v2')) throw new AppError('not_wordpress', 'remote.restDisabled', { host: client.host });

  const me = Me.safeParse((await client.get('/wp/v2/users/me', { context: 'edit' })).body);
  if (!me.success) throw new AppError('not_wordpress', 'remote.notWordPress', { host: client.host });
  const can = (capability: string) => me.data.capabilities[capability] === true;

  let plugin: SiteFacts['plugin'] = null;
  if (index.data.namespaces.includes('pressroom/v1')) {
    const info = PluginInfo.safeParse((await client.get('/pressroom/v1/info')).body);
    if (info.success) plugin = { version: info.data.version };
  }
  return {
    name: index.data.name || client.host,
    userId: me.data.id,
    capabilities: { publish: can('publish_posts'), upload: can('upload_files'), editOthers: can('edit_others_posts') },
    plugin,
  };
}
