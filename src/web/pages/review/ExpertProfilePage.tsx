import { useEffect, useId, useState } from 'react';
import { ApiError } from '../../api.js';
import { Loaded } from '../../components/PageState.js';
import { RequireAccount } from '../../components/RequireAccount.js';
import { useT } from '../../i18n/index.js';
import { type Expert, notAvailableYet, reviewApi } from '../../review-api.js';
import { Link } from '../../router.js';
import { useLoadedState } from '../../use-load.js';
import { useTitle } from '../../use-title.js';
import { issuesByField, messageOf } from './common.js';
import { PublicationsPanel } from './PublicationsPanel.js';

// The expert's own profile in one call's pool: keywords, statement and load limits (which feed the
// affinity and the assignment), and the publications the conflict detection reads.

export function ExpertProfilePage({ id }: { id: string }) {
  const { t } = useT('review');
  useTitle(t('profile.title'));
  return <RequireAccount>{() => <ProfileLoader id={id} />}</RequireAccount>;
}

function ProfileLoader({ id }: { id: string }) {
  const { t } = useT('review');
  const { load } = useLoadedState(async (signal) => {
    const { pools } = await reviewApi.workspace(signal);
    const pool = pools.find((p) => p.expert.id === id);
    if (!pool) throw new ApiError(404, t('profile.missing'));
    return pool;
  }, id);
  return (
    <Loaded load={load} what={t('profile.what')}>
      {(pool) => (
        <article data-testid="expert-profile-page">
          <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
            <Link to="/review">{t('workspace.title')}</Link> /
          </nav>
          <h1>
            {pool.expert.name} <span className="muted">— {pool.call?.title}</span>
          </h1>
          <ProfileForm expert={pool.expert} />
          <PublicationsPanel expertId={pool.expert.id} />
        </article>
      )}
    </Loaded>
  );
}

function ProfileForm({ expert }: { expert: Expert }) {
  const { t } = useT('review');
  const id = useId();
  const [keywords, setKeywords] = useState(expert.keywords.join(', '));
  const [statement, setStatement] = useState(expert.statement);
  const [maxLoad, setMaxLoad] = useState(expert.maxLoad);
  const [orcid, setOrcid] = useState(expert.orcid ?? '');
  const [status, setStatus] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => setStatus(null), []);
  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    try {
      await reviewApi.updateExpert(expert.id, {
        keywords: keywords
          .split(',')
          .map((k) => k.trim())
          .filter(Boolean),
        statement,
        maxLoad,
        orcid: orcid.trim() || null,
      });
      setErrors({});
      setStatus(t('profile.saved'));
    } catch (e) {
      if (notAvailableYet(e)) setMissing(true);
      setErrors(issuesByField(e));
      setStatus(notAvailableYet(e) ? t('profile.notYet') : messageOf(e));
    }
  };
  const error = (field: string) =>
    errors[field] ? (
      <p className="field__error" id={`${id}-${field}-error`}>
        {errors[field]}
      </p>
    ) : null;
  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('expert.profile')}</h2>
      <form onSubmit={save} data-testid="expert-profile-form" aria-labelledby={`${id}-heading`}>
        <div className="field">
          <label htmlFor={`${id}-keywords`} className="field__label">
            {t('profile.keywords')}
          </label>
          <input
            id={`${id}-keywords`}
            className="input"
            value={keywords}
            onChange={(e) => setKeywords(e.target.value)}
            aria-describedby={errors.keywords ? `${id}-keywords-error` : undefined}
            data-testid="profile-keywords"
          />
          {error('keywords')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-statement`} className="field__label">
            {t('expert.statement')}
          </label>
          <textarea
            id={`${id}-statement`}
            className="input"
            rows={4}
            value={statement}
            onChange={(e) => setStatement(e.target.value)}
            data-testid="profile-statement"
          />
          {error('statement')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-orcid`} className="field__label">
            ORCID
          </label>
          <input id={`${id}-orcid`} className="input" value={orcid} onChange={(e) => setOrcid(e.target.value)} />
          {error('orcid')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-max`} className="field__label">
            {t('profile.maxLoad')}
          </label>
          <input
            id={`${id}-max`}
            type="number"
            min={0}
            max={200}
            className="input"
            value={maxLoad}
            onChange={(e) => setMaxLoad(Number(e.target.value))}
            data-testid="profile-max-load"
          />
          {error('maxLoad')}
        </div>
        <button type="submit" className="button" disabled={missing} data-testid="save-profile">
          {t('profile.save')}
        </button>
        <p role="status" data-testid="profile-status">
          {status}
        </p>
      </form>
    </section>
  );
}
