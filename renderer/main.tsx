import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { api } from './bridge.ts';
import { initI18n, resolveLanguage } from './i18n/index.ts';
import { usePreferences } from './state/preferences.ts';
import './styles.css';

async function boot(): Promise<void> {
  const [info, preferences] = await Promise.all([api.invoke('app.info', {}), api.invoke('settings.get', {})]);
  const systemLocale = info.systemLocale || navigator.language;
  await initI18n(resolveLanguage(preferences.locale, systemLocale));
  usePreferences.getState().load(preferences, systemLocale);
  const root = document.getElementById('root');
  if (!root) throw new Error('#root is missing from index.html');
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void boot();
