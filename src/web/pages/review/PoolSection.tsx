import { useId, useState } from 'react';
import { label } from '../../format.js';
import { type Board, reviewApi } from '../../review-api.js';
import { issuesByField, messageOf, ScrollTable } from './common.js';

/** The call's expert pool: who was invited, their answer, load against maximum, keywords; invite more. */
export function PoolSection({ board, onChanged }: { board: Board; onChanged: () => void }) {
  return (
    <section id="pool" className="panel" aria-labelledby="pool-heading" data-testid="pool-section">
      <h2 id="pool-heading">Pool</h2>
      {board.experts.length === 0 ? (
        <p className="muted">No expert invited yet.</p>
      ) : (
        <ScrollTable label="Expert pool">
          <table className="table" data-testid="pool-table">
            <thead>
              <tr>
                <th scope="col">Expert</th>
                <th scope="col">E-mail</th>
                <th scope="col">Status</th>
                <th scope="col">Load / max</th>
                <th scope="col">Keywords</th>
              </tr>
            </thead>
            <tbody>
              {board.experts.map((e) => (
                <tr key={e.id} data-testid="pool-row">
                  <td>
                    {e.name}
                    {e.synthetic ? <span className="muted"> (synthetic)</span> : null}
                  </td>
                  <td>{e.email}</td>
                  <td data-testid="pool-status">{label(e.status)}</td>
                  <td className="num">
                    {e.load} / {e.maxLoad}
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
      <h3 id={`${id}-heading`}>Invite an expert</h3>
      {input('name', 'Name')}
      {input('email', 'E-mail', 'email')}
      {input('keywords', 'Expertise keywords (comma-separated)')}
      <div className="field">
        <label htmlFor={`${id}-max`} className="field__label">
          Maximum load
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
        Invite expert
      </button>
    </form>
  );
}
