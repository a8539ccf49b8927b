import { useState } from 'react';
import type { Account } from '../../api.js';
import { Loaded } from '../../components/PageState.js';
import { RequireAccount } from '../../components/RequireAccount.js';
import { useT } from '../../i18n/index.js';
import { Link } from '../../router.js';
import { useLoad } from '../../use-load.js';
import { useTitle } from '../../use-title.js';
import { agreementsApi } from './agreements-api.js';
import { DraftFromDecision } from './DraftFromDecision.js';
import { formatTime } from './format.js';

/** The agreements home: what I sign, and for staff the agreements of their calls. */
export function AgreementsHomePage() {
  const { t } = useT('agreements');
  useTitle(t('home.title'));
  return <RequireAccount>{(account) => <Home account={account} />}</RequireAccount>;
}

function Home({ account }: { account: Account }) {
  const { t } = useT('agreements');
  const staff = account.grants.some((g) =>
    ['program_officer', 'selection_official', 'curator', 'administrator'].includes(g.role),
  );
  const officer = account.grants.some((g) => g.role === 'program_officer' || g.role === 'administrator');
  return (
    <article className="page" data-testid="agreements-home">
      <h1>{t('home.title')}</h1>
      <MySignatures />
      {staff ? <StaffList /> : null}
      {officer ? <DraftFromDecision /> : null}
    </article>
  );
}

function MySignatures() {
  const { t } = useT('agreements');
  const load = useLoad((signal) => agreementsApi.mine(signal), 'mine');
  return (
    <section aria-labelledby="to-sign">
      <h2 id="to-sign">{t('home.toSign')}</h2>
      <Loaded load={load} what={t('home.toSign')}>
        {(rows) =>
          rows.length === 0 ? (
            <p>{t('home.nothingToSign')}</p>
          ) : (
            <ul data-testid="my-agreements">
              {rows.map((r) => (
                <li key={r.id}>
                  <Link to={r.signed ? `/agreements/${r.id}` : `/agreements/${r.id}/sign`}>
                    {t('label.titled', { reference: r.reference, version: r.version, title: r.title })}
                  </Link>{' '}
                  ({r.signed ? t('home.signed') : t('home.awaitingYou', { deadline: formatTime(r.signatureDeadline) })})
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}

function StaffList() {
  const { t } = useT('agreements');
  const [callId, setCallId] = useState<string>('');
  const load = useLoad((signal) => agreementsApi.list(null, signal), 'all');
  return (
    <section aria-labelledby="all-agreements">
      <h2 id="all-agreements">{t('home.all')}</h2>
      <Loaded load={load} what={t('home.all')}>
        {(rows) => {
          const calls = [...new Set(rows.map((r) => r.callId).filter((c): c is string => !!c))];
          const shown = callId ? rows.filter((r) => r.callId === callId) : rows;
          return (
            <>
              {calls.length > 1 ? (
                <label>
                  {t('home.filterCall')}{' '}
                  <select value={callId} onChange={(e) => setCallId(e.target.value)} data-testid="agreements-call-filter">
                    <option value="">{t('home.allCalls')}</option>
                    {calls.map((c) => (
                      <option key={c} value={c}>
                        {rows.find((r) => r.callId === c)?.reference.replace(/-\d+$/, '')}
                      </option>
                    ))}
                  </select>
                </label>
              ) : null}
              <table data-testid="agreements-table">
                <thead>
                  <tr>
                    <th scope="col">{t('field.reference')}</th>
                    <th scope="col">{t('field.institution')}</th>
                    <th scope="col">{t('field.kind')}</th>
                    <th scope="col">{t('field.status')}</th>
                    <th scope="col">{t('field.signatures')}</th>
                    <th scope="col">{t('field.deadline')}</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((r) => (
                    <tr key={r.id}>
                      <td>
                        <Link to={`/agreements/${r.id}`}>
                          {t('label.versioned', { reference: r.reference, version: r.version })}
                        </Link>
                      </td>
                      <td>{r.institution}</td>
                      <td>{t(`kind.${r.kind}`)}</td>
                      <td>{t(`status.${r.status}`)}</td>
                      <td>
                        {r.signatures}/{r.signatories}
                      </td>
                      <td>{r.status === 'awaiting_signatures' ? formatTime(r.signatureDeadline) : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          );
        }}
      </Loaded>
    </section>
  );
}
