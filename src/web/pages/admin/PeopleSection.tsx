import { useState } from 'react';
import { type Account, adminApi, type Grant } from '../../api.js';
import { Chip } from '../../components/Chip.js';
import { FormError, SubmitButton, useForm } from '../../components/Form.js';
import { GrantLabel } from '../../components/GrantLabel.js';
import { Loaded } from '../../components/PageState.js';
import { TableScroll } from '../../components/TableScroll.js';
import { formatDate, label } from '../../format.js';
import { useT } from '../../i18n/index.js';
import { Link } from '../../router.js';
import { useLoadedState } from '../../use-load.js';
import { emptyGrant, type GrantDraft, GrantFields, grantInput, grantProblems } from './GrantFields.js';

const STATUS_TONE: Record<string, string> = { active: 'open', pending: 'running', disabled: 'completed' };

export function PeopleSection() {
  const { t } = useT('admin');
  const { load, update } = useLoadedState((signal) => adminApi.accounts(signal), 'admin-accounts');
  const [error, setError] = useState<string | null>(null);

  const changeGrants = (accountId: string, change: (grants: Grant[]) => Grant[]) =>
    update((list) => list.map((a) => (a.id === accountId ? { ...a, grants: change(a.grants) } : a)));

  const revoke = async (account: Account, grant: Grant) => {
    setError(null);
    try {
      await adminApi.revokeGrant(grant.id);
      changeGrants(account.id, (grants) => grants.filter((g) => g.id !== grant.id));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <section aria-labelledby="people-heading">
      <h2 id="people-heading" className="visually-hidden">
        {t('people.heading')}
      </h2>
      <p className="muted">
        {t('people.lead')} <Link to="/admin?tab=invite">{t('people.invite')}</Link>
      </p>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <Loaded load={load} what={t('what')}>
        {(people) => (
          <TableScroll label={t('people.table')}>
            <table className="table table--cards" data-testid="people">
              <thead>
                <tr>
                  <th scope="col">{t('people.person')}</th>
                  <th scope="col">{t('people.status')}</th>
                  <th scope="col">{t('people.roles')}</th>
                </tr>
              </thead>
              <tbody>
                {people.map((a) => (
                  <tr key={a.id} data-testid="person">
                    <td>
                      <strong data-testid="person-name">{a.displayName}</strong>
                      <p className="cell-note">{a.email}</p>
                    </td>
                    <td data-label={t('people.status')}>
                      <Chip value={STATUS_TONE[a.status] ?? a.status} text={label(a.status)} />
                      <p className="cell-note">{t('people.since', { at: formatDate(a.createdAt) })}</p>
                    </td>
                    <td data-label={t('people.roles')}>
                      {a.grants.length === 0 ? <p className="muted cell-note">{t('people.noRole')}</p> : null}
                      <ul className="grant-list">
                        {a.grants.map((g) => (
                          <li key={g.id}>
                            <GrantLabel grant={g} />{' '}
                            <button
                              type="button"
                              className="link-button"
                              onClick={() => void revoke(a, g)}
                              aria-label={t('people.revokeLabel', { role: label(g.role), name: a.displayName })}
                              data-testid="grant-revoke"
                            >
                              {t('people.revoke')}
                            </button>
                          </li>
                        ))}
                      </ul>
                      <AddGrant account={a} onGranted={(g) => changeGrants(a.id, (grants) => [...grants, g])} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </Loaded>
    </section>
  );
}

function AddGrant({ account, onGranted }: { account: Account; onGranted: (grant: Grant) => void }) {
  const { t } = useT('admin');
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<GrantDraft>(emptyGrant);
  const form = useForm();
  const onSubmit = form.submit(
    async () => {
      onGranted(await adminApi.grant(account.id, grantInput(draft)));
      setDraft(emptyGrant());
      setOpen(false);
    },
    () => grantProblems(draft),
  );
  if (!open) {
    return (
      <button type="button" className="link-button" onClick={() => setOpen(true)} data-testid="grant-open">
        {t('people.grantOpen')}
      </button>
    );
  }
  return (
    <form ref={form.formRef} className="form form--compact" onSubmit={onSubmit} noValidate data-testid="grant-form">
      <FormError message={form.detail} />
      <GrantFields draft={draft} onChange={setDraft} errors={form.fields} testId="new-grant" />
      <div className="form__actions">
        <SubmitButton busy={form.busy} testId="grant-submit">
          {t('people.grant')}
        </SubmitButton>
        <button
          type="button"
          className="button button--quiet"
          onClick={() => {
            form.reset();
            setOpen(false);
          }}
        >
          {t('people.cancel')}
        </button>
      </div>
    </form>
  );
}
