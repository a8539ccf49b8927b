import { useState } from 'react';
import { applicationsApi, type CallDetail, callsApi, type SubmittedApplication } from '../../calls-api.js';
import { formatInZone, syncClock, viewerTimeZone } from '../../clock.js';
import { Chip } from '../../components/Chip.js';
import { FormError } from '../../components/Form.js';
import { Meta } from '../../components/Meta.js';
import { Loaded } from '../../components/PageState.js';
import { RequireAccount } from '../../components/RequireAccount.js';
import { label } from '../../format.js';
import { useT } from '../../i18n/index.js';
import { Link } from '../../router.js';
import { useLoadedState } from '../../use-load.js';
import { useTitle } from '../../use-title.js';
import { normalize } from './document.js';
import { AttachmentsRead, CheckRead, RequestsRead, SchemeRead, TeamRead } from './submitted-sections.js';

/**
 * What officers and officials read: the submitted version of an application (never the applicant's
 * live draft), with the decision a letter of intent awaits when this viewer may take it.
 */
export function SubmittedApplicationPage({ id }: { id: string }) {
  return <RequireAccount>{() => <SubmittedLoader id={id} />}</RequireAccount>;
}

function SubmittedLoader({ id }: { id: string }) {
  const { t } = useT('applications');
  const { load, reload } = useLoadedState(async (signal) => {
    const app = await applicationsApi.submitted(id, signal);
    const call = await callsApi.one(app.callId, signal);
    syncClock(call.serverNow);
    return { app, call };
  }, id);
  useTitle(load.state === 'ready' ? load.data.app.title || t('page.untitled') : t('page.title'));
  return (
    <Loaded load={load} what={t('page.what')}>
      {({ app, call }) => <Submitted app={app} call={call} onChanged={reload} />}
    </Loaded>
  );
}

function Submitted({ app, call, onChanged }: { app: SubmittedApplication; call: CallDetail; onChanged: () => void }) {
  const { t } = useT('applications');
  const doc = normalize(app.document);
  const zone = viewerTimeZone();
  return (
    <article data-testid="submitted-application" data-status={app.status}>
      <nav aria-label={t('page.breadcrumb')} className="breadcrumb">
        <Link to="/staff/calls">{t('submitted.myCalls')}</Link> /{' '}
        <Link to={`/calls/${call.slug}/applications`}>{call.title}</Link> /
      </nav>
      <h1 data-testid="submitted-title">{app.title || t('page.untitled')}</h1>
      <Meta
        items={[
          <Chip key="status" value={app.status} />,
          label(app.stage),
          <span key="version" data-testid="submitted-version-line">
            {t('submitted.versionLine', { version: app.version, at: formatInZone(app.submittedAt, zone) })}
          </span>,
        ]}
      />
      {app.can.shortlist ? <Decision app={app} onChanged={onChanged} /> : null}
      {doc.abstract ? (
        <section aria-labelledby="abstract-heading">
          <h2 id="abstract-heading">{t('submitted.abstract')}</h2>
          <p className="prose" data-testid="read-abstract">
            {doc.abstract}
          </p>
        </section>
      ) : null}
      <div className="editor-layout">
        <div>
          <TeamRead doc={doc} app={app} />
          <SchemeRead doc={doc} />
          <RequestsRead doc={doc} call={call} />
          <AttachmentsRead app={app} call={call} />
          {app.versions.length > 1 ? (
            <section aria-labelledby="versions-heading">
              <h2 id="versions-heading">{t('submitted.versions')}</h2>
              <ul>
                {app.versions.map((v) => (
                  <li key={v.version}>
                    {t('status.versionLine', { version: v.version, at: formatInZone(v.submittedAt, zone) })}
                    {v.version === app.version ? ` ${t('submitted.shown')}` : ''}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </div>
        <aside className="editor-aside">
          <CheckRead check={app.check} />
        </aside>
      </div>
    </article>
  );
}

function Decision({ app, onChanged }: { app: SubmittedApplication; onChanged: () => void }) {
  const { t } = useT('applications');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const decide = async (decision: 'shortlisted' | 'not_shortlisted') => {
    setBusy(true);
    setError(null);
    try {
      await applicationsApi.shortlist(app.id, decision);
      onChanged();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="decision-heading" className="panel" data-testid="decision-panel">
      <h2 id="decision-heading">{t('submitted.decision')}</h2>
      <FormError message={error} />
      <div className="form__actions">
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => void decide('shortlisted')}
          data-testid="shortlist"
        >
          {t('submitted.shortlist')}
        </button>
        <button
          type="button"
          className="button button--quiet"
          disabled={busy}
          onClick={() => void decide('not_shortlisted')}
          data-testid="not-shortlist"
        >
          {t('submitted.notShortlisted')}
        </button>
      </div>
    </section>
  );
}
