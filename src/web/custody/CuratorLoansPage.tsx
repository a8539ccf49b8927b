import { Link } from '../router.js';
import { useLoadedState } from '../use-load.js';
import { custodyApi, type LoanSummary } from './api.js';
import { CustodyPage, formatMass, useCustodyT } from './common.js';

/** Loans as a table: the curator's (links to /custody/loans/:id) or the borrower's (/borrower/loans/:id). */
export function LoansTable({ loans, base }: { loans: LoanSummary[]; base: string }) {
  const t = useCustodyT();
  if (loans.length === 0) return <p>{t('loans.none')}</p>;
  return (
    <table className="table" data-testid="loans-table">
      <thead>
        <tr>
          <th scope="col">{t('loans.reference')}</th>
          <th scope="col">{t('loans.borrower')}</th>
          <th scope="col">{t('loans.status')}</th>
          <th scope="col">{t('loans.due')}</th>
          <th scope="col">{t('loans.out')}</th>
          <th scope="col">{t('loans.overdue')}</th>
        </tr>
      </thead>
      <tbody>
        {loans.map((l) => (
          <tr key={l.id}>
            <td>
              <Link to={`${base}/${l.id}`}>{l.reference}</Link>
            </td>
            <td>
              {l.borrowerName} {l.borrowerCountry ? `(${l.borrowerCountry})` : ''}
            </td>
            <td>{t(`status.${l.status}`)}</td>
            <td>{l.dueOn}</td>
            <td>{formatMass(l.outUg)}</td>
            <td>{l.overdueDuties > 0 ? t('loans.overdueCount', { n: l.overdueDuties }) : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function CuratorLoansPage() {
  const t = useCustodyT();
  const { load } = useLoadedState((signal) => custodyApi.curatorLoans(signal), 'curator-loans');
  return (
    <CustodyPage title={t('loans.title')} back={{ to: '/custody', label: t('home.back') }} load={load}>
      {(data) => <LoansTable loans={data.loans} base="/custody/loans" />}
    </CustodyPage>
  );
}
