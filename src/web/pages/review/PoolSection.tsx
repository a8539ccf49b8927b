import { useId, useState } from 'react';
import { currentLocale, useT } from '../../i18n/index.js';
import { type Board, reviewApi } from '../../review-api.js';
import { Link } from '../../router.js';
import { issuesByField, messageOf, ScrollTable } from './common.js';

/** The call's expert pool: who was invited, their answer, load against maximum, keywords; invite more. */
export function PoolSection({ board, onChanged }: { board: Board; onChanged: () => void }) {
  const { t } = useT('review');
  const n = new Intl.NumberFormat(currentLocale());
  return (
    <section id="pool" className="panel" aria-labelledby="pool-heading" data-testid="pool-section">
      <h2 id="pool-heading">{t('pool.heading')}</h2>
      {board.experts.length === 0 ? (
        <p className="muted">{t('pool.empty')}</p>
      ) : (
        <ScrollTable label={t('pool.tableLabel')}>
          <table className="table" data-testid="pool-table">
            <thead>
              <tr>
                <th scope="col">{t('common.expert')}</th>
                <th scope="col">{t('expert.email')}</th>
                <th scope="col">{t('expert.status')}</th>
                <th scope="col">{t('pool.loadOfMax')}</th>
                <th scope="col">{t('expert.keywords')}</th>
              </tr>
            </thead>
            <tbody>
              {board.experts.map((e) => (
                <tr key={e.id} data-testid="pool-row">
                  <td>
                    <Link to={`/staff/review-rounds/${board.round.id}/experts/${e.id}`} data-testid="pool-expert-link">
                      {e.name}
                    </Link>
                    {e.synthetic ? <span className="muted"> {t('pool.synthetic')}</span> : null}
                  </td>
                  <td>{e.email}</td>
                  <td data-testid="pool-status">{t(`status.${e.status}`, { defaultValue: e.status })}</td>
                  <td className="num">
                    {n.format(e.load)} / {n.format(e.maxLoad)}
                  </td>
                  <td>{e.keywords.join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
      <InviteForm callId={board.call.id} onInvited={onChanged} />
    </section>
  );
}

function InviteForm({ callId, onInvited }: { callId: string; onInvited: () => void }) {
  const { t } = useT('review');
  const id = useId();
  const [form, setForm] = useState({ name: '', email: '', maxLoad: 6, keywords: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [detail, setDetail] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const invite = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setDetail(null);
    try {
      await reviewApi.invite(callId, {
        name: form.name,
        email: form.email,
        maxLoad: form.maxLoad,
        keywords: form.keywords
          .split(',')
          .map((k) => k.trim())
          .filter(Boolean),
      });
      setForm({ name: '', email: '', maxLoad: 6, keywords: '' });
      setErrors({});
      onInvited();
    } catch (e) {
      setErrors(issuesByField(e));
      setDetail(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  const input = (key: 'name' | 'email' | 'keywords', text: string, type = 'text') => (
    <div className={`field${errors[key] ? ' field--invalid' : ''}`}>
      <label htmlFor={`${id}-${key}`} className="field__label">
        {text}
      </label>
      <input
        id={`${id}-${key}`}
        type={type}
        className="input"
        value={form[key]}
        aria-invalid={errors[key] ? true : undefined}
        aria-describedby={errors[key] ? `${id}-${key}-error` : undefined}
        onChange={(e) => setForm((f) => ({ ...f, [key]: e.target.value }))}
        data-testid={`invite-${key}`}
      />
      {errors[key] ? (
        <p className="field__error" id={`${id}-${key}-error`}>
          {errors[key]}
        </p>
      ) : null}
    </div>
  );
  return (
    <form onSubmit={invite} data-testid="invite-expert-form" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('pool.inviteHeading')}</h3>
      {input('name', t('pool.name'))}
      {input('email', t('expert.email'), 'email')}
      {input('keywords', t('profile.keywords'))}
      <div className="field">
        <label htmlFor={`${id}-max`} className="field__label">
          {t('pool.maxLoad')}
        </label>
        <input
          id={`${id}-max`}
          type="number"
          min={0}
          max={200}
          className="input"
          value={form.maxLoad}
          onChange={(e) => setForm((f) => ({ ...f, maxLoad: Number(e.target.value) }))}
        />
      </div>
      {detail ? (
        <div className="form-error" role="alert">
          {detail}
        </div>
      ) : null}
      <button type="submit" className="button" disabled={busy} data-testid="invite-expert">
        {t('pool.invite')}
      </button>
    </form>
  );
}
