import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../electron/model/errors.ts';
import type { Site } from '../../../electron/model/site.ts';
import { usePublishing } from '../../state/publishing.ts';
import { errorText } from './messages.ts';
import { asAppError } from '../../errors.ts';

// The Settings section for WordPress sites: each site with what the account may do there, and
// a form to add one. The application password goes to main once and never comes back.
export function SitesSection() {
  const { t } = useTranslation();
  const sites = usePublishing((state) => state.sites);
  const sitesLoaded = usePublishing((state) => state.sitesLoaded);
  const keyring = usePublishing((state) => state.keyring);
  const loadSites = usePublishing((state) => state.loadSites);
  const [status, setStatus] = useState('');
  const [loadError, setLoadError] = useState<AppError | null>(null);

  useEffect(() => {
    loadSites().catch((error: unknown) => setLoadError(asAppError(error)));
  }, [loadSites]);

  return (
    <section className="sites" aria-labelledby="sites-title">
      <h3 id="sites-title" tabIndex={-1}>
        {t('publishing.sites.title')}
      </h3>
      {keyring && !keyring.available && (
        <p className="sites-warning" role="note">
          {t('publishing.sites.keyringUnavailable')}
        </p>
      )}
      {keyring?.available && !keyring.secure && (
        <p className="sites-warning" role="note">
          {t('publishing.sites.keyringInsecure', { backend: keyring.backend })}
        </p>
      )}
      {loadError && (
        <p className="sites-error" role="alert">
          {errorText(t, loadError)}
        </p>
      )}
      <p className="visually-hidden" role="status">
        {status}
      </p>
      {sitesLoaded && sites.length === 0 && <p className="field-hint">{t('publishing.sites.empty')}</p>}
      {sites.length > 0 && (
        <ul className="site-list" aria-label={t('publishing.sites.listLabel')}>
          {sites.map((site) => (
            <SiteItem key={site.id} site={site} onStatus={setStatus} />
          ))}
        </ul>
      )}
      <AddSiteForm disabled={keyring !== null && !keyring.available} onStatus={setStatus} />
    </section>
  );
}

function SiteItem({ site, onStatus }: { site: Site; onStatus(message: string): void }) {
  const { t, i18n } = useTranslation();
  const verifySite = usePublishing((state) => state.verifySite);
  const removeSite = usePublishing((state) => state.removeSite);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const removeRef = useRef<HTMLButtonElement>(null);
  const headingId = useId();

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  async function verify() {
    setBusy(true);
    setError(null);
    onStatus(t('publishing.sites.verifying'));
    try {
      const checked = await verifySite(site.id);
      onStatus(t('publishing.sites.verified', { name: checked.name }));
    } catch (caught) {
      setError(asAppError(caught));
      onStatus('');
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    setBusy(true);
    setError(null);
    try {
      await removeSite(site.id);
      onStatus(t('publishing.sites.removed', { name: site.name }));
      // The item and its buttons are gone: focus goes to the section rather than the page.
      document.getElementById('sites-title')?.focus();
    } catch (caught) {
      setError(asAppError(caught));
      setBusy(false);
      setConfirming(false);
    }
  }

  const checkedAt = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(site.verifiedAt));
  const { capabilities } = site;
  const rows: Array<[string, boolean]> = [
    [t('publishing.sites.canPublish'), capabilities.publish],
    [t('publishing.sites.canUpload'), capabilities.upload],
    [t('publishing.sites.canEditOthers'), capabilities.editOthers],
  ];

  return (
    <li className="site-item" aria-labelledby={headingId} aria-busy={busy}>
      <h4 id={headingId} className="site-name">
        {site.name}
      </h4>
      <dl className="site-facts">
        <div>
          <dt>{t('publishing.sites.url')}</dt>
          <dd>{site.url}</dd>
        </div>
        <div>
          <dt>{t('publishing.sites.user')}</dt>
          <dd>{site.username}</dd>
        </div>
      </dl>
      <dl className="site-capabilities" aria-label={t('publishing.sites.capabilitiesLabel')}>
        {rows.map(([label, allowed]) => (
          <div key={label} data-allowed={allowed}>
            <dt>{label}</dt>
            <dd>{allowed ? t('publishing.sites.yes') : t('publishing.sites.no')}</dd>
          </div>
        ))}
      </dl>
      {!capabilities.publish && <p className="field-hint">{t('publishing.sites.contributorNote')}</p>}
      <p className="field-hint">{site.plugin ? t('publishing.sites.plugin', { version: site.plugin.version }) : t('publishing.sites.noPlugin')}</p>
      <p className="field-hint">{t('publishing.sites.checked', { time: checkedAt })}</p>
      {error && (
        <p className="sites-error" role="alert">
          {errorText(t, error)}
        </p>
      )}
      {confirming ? (
        <div role="group" className="site-confirm" aria-labelledby={`${headingId}-confirm`}>
          <p id={`${headingId}-confirm`}>{t('publishing.sites.confirmRemove', { name: site.name, user: site.username })}</p>
          <button ref={confirmRef} type="button" className="button-danger" disabled={busy} onClick={() => void remove()}>
            {t('publishing.sites.confirm')}
          </button>
          <button
            type="button"
            onClick={() => {
              setConfirming(false);
              removeRef.current?.focus();
            }}
          >
            {t('publishing.sites.cancel')}
          </button>
        </div>
      ) : (
        <div className="site-buttons">
          <button
            type="button"
            aria-disabled={busy || undefined}
            aria-label={t('publishing.sites.verifyNamed', { name: site.name, user: site.username })}
            onClick={() => {
              if (!busy) void verify();
            }}
          >
            {busy ? t('publishing.sites.verifying') : t('publishing.sites.verify')}
          </button>
          <button
            ref={removeRef}
            type="button"
            aria-disabled={busy || undefined}
            aria-label={t('publishing.sites.removeNamed', { name: site.name, user: site.username })}
            onClick={() => {
              if (!busy) setConfirming(true);
            }}
          >
            {t('publishing.sites.remove')}
          </button>
        </div>
      )}
    </li>
  );
}

function AddSiteForm({ disabled, onStatus }: { disabled: boolean; onStatus(message: string): void }) {
  const { t } = useTranslation();
  const addSite = usePublishing((state) => state.addSite);
  const [url, setUrl] = useState('');
  const [username, setUsername] = useState('');
  const [appPassword, setAppPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const hintId = useId();
  const errorId = useId();
  const reasonId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy || disabled) return;
    setBusy(true);
    setError(null);
    try {
      const site = await addSite({ url: url.trim(), username: username.trim(), appPassword });
      setUrl('');
      setUsername('');
      setAppPassword('');
      onStatus(t('publishing.sites.added', { name: site.name }));
    } catch (caught) {
      // The password stays in the field so a typo in the user name does not mean pasting it again.
      setError(asAppError(caught));
    } finally {
      setBusy(false);
    }
  }

  const describedBy = [error ? errorId : '', disabled ? reasonId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <form className="site-add" aria-labelledby="site-add-title" aria-busy={busy} onSubmit={(event) => void submit(event)}>
      <h4 id="site-add-title">{t('publishing.sites.addTitle')}</h4>
      <fieldset disabled={disabled} className="site-add-fields">
        <label className="settings-row">
          {t('publishing.sites.address')}
          <input type="text" inputMode="url" required placeholder={t('publishing.sites.addressPlaceholder')} autoComplete="url" readOnly={busy} value={url} onChange={(event) => setUrl(event.target.value)} />
        </label>
        <label className="settings-row">
          {t('publishing.sites.username')}
          <input required autoComplete="username" autoCapitalize="none" spellCheck={false} readOnly={busy} value={username} onChange={(event) => setUsername(event.target.value)} />
        </label>
        <label className="settings-row">
          {t('publishing.sites.appPassword')}
          <input
            type="password"
            required
            autoComplete="new-password"
            spellCheck={false}
            readOnly={busy}
            aria-describedby={hintId}
            value={appPassword}
            onChange={(event) => setAppPassword(event.target.value)}
          />
        </label>
        <p id={hintId} className="field-hint">
          {t('publishing.sites.appPasswordHint')}
        </p>
      </fieldset>
      {disabled && (
        <p id={reasonId} className="field-hint">
          {t('publishing.sites.addDisabled')}
        </p>
      )}
      {error && (
        <p id={errorId} className="sites-error" role="alert">
          {errorText(t, error)}
        </p>
      )}
      <div className="site-buttons">
        <button type="submit" className="button-primary" disabled={disabled} aria-disabled={busy || undefined} aria-describedby={describedBy}>
          {busy ? t('publishing.sites.adding') : t('publishing.sites.add')}
        </button>
      </div>
    </form>
  );
}
