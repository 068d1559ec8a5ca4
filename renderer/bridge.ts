import { BRIDGE_KEY, type Bridge } from '../electron/contract.ts';
import { type Client, createClient } from '../electron/client.ts';

// The page's only way out: the bridge preload (or the test host) put on window.
function findBridge(): Bridge {
  const bridge = (window as unknown as Record<string, Bridge | undefined>)[BRIDGE_KEY];
  if (!bridge) throw new Error('The app bridge is missing: the page was opened outside the app.');
  return bridge;
}

export const api: Client = createClient(findBridge());
