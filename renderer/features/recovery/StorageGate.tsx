import { type ReactNode, useEffect, useState } from 'react';
import type { StorageStatus } from '../../../electron/model/storage.ts';
import { api } from '../../bridge.ts';
import { RecoveryScreen } from './RecoveryScreen.tsx';

// Asks main how drafts.db is before the library mounts: while it needs recovery, every drafts
// request would fail, so the writer sees the recovery screen instead of an empty library.
export function StorageGate({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<StorageStatus | null>(null);

  useEffect(() => {
    let current = true;
    api.invoke('storage.status', {}).then(
      (next) => current && setStatus(next),
      // No answer about health is no reason to hide the app; its own requests report errors.
      () => current && setStatus({ state: 'ok', backups: [] }),
    );
    return () => {
      current = false;
    };
  }, []);

  if (!status) return null;
  if (status.state === 'needs_recovery') return <RecoveryScreen status={status} onStatus={setStatus} />;
  return children;
}
