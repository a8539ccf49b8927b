import { type FormEvent, useState } from 'react';
import { Loaded } from '../../components/PageState.js';
import { RequireAccount } from '../../components/RequireAccount.js';
import { useT } from '../../i18n/index.js';
import { Link } from '../../router.js';
import { useLoad, useLoadedState } from '../../use-load.js';
import { useTitle } from '../../use-title.js';
import { type Agreement, agreementsApi } from './agreements-api.js';
import { formatDay, formatNumber } from './format.js';

/** The curator prepares the subsamples of each allocation (split from a parent) and opens the loan. */
export function OpenLoanPage({ id }: { id: string }) {
  const { t } = useT('agreements');
  useTitle(t('loan.title'));
  const load = useLoad((signal) => agreementsApi.get(id, signal), `loan-${id}`);
  return (
    <RequireAccount>
      {() => (
        <Loaded load={load} what={t('loan.title')}>
          {(a) => <LoanView agreement={a} />}
        </Loaded>
      )}
    </RequireAccount>
  );
}

function LoanView({ agreement: a }: { agreement: Agreement }) {
  const { t } = useT('agreements');
  const { load: loans, reload } = useLoadedState((signal) => agreementsApi.loans(a.id, signal), `loans-${a.id}`);
  const [parents, setParents] = useState<string[]>(a.terms.samples.map(() => ''));
  const [masses, setMasses] = useState<string[]>(a.terms.samples.map((s) => String(s.massMg)));
  const [custodian, setCustodian] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [opened, setOpened] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const loan = await agreementsApi.openLoan({
        agreementId: a.id,
        custodian,
        items: a.terms.samples.map((s, i) => ({
          sampleId: parents[i]!.trim(),
          massUg: Math.round(Number(masses[i]) * 1000),
          allocationId: s.allocationId ?? null,
        })),
      });
      setOpened(loan.reference);
      reload();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <article className="page" data-testid="open-loan-page">
      <p>
        <Link to={`/agreements/${a.id}`}>{t('label.versioned', { reference: a.reference, version: a.version })}</Link>
      </p>
      <h1>{t('loan.title')}</h1>
      <p>{t('loan.explain', { partner: a.terms.partner, endsOn: formatDay(a.endsOn) })}</p>
      <form onSubmit={(e) => void submit(e)}>
        {a.terms.samples.map((s, i) => (
          <fieldset key={s.allocationId ?? s.sampleType}>
            <legend>{t('loan.allocation', { type: s.sampleType, mass: formatNumber(s.massMg) })}</legend>
            <label>
              {t('loan.parent')}{' '}
              <input
                value={parents[i]}
                onChange={(e) => setParents(parents.map((p, j) => (j === i ? e.target.value : p)))}
                required
                placeholder={t('loan.parentExample')}
                data-testid={`loan-parent-${i}`}
              />
            </label>
            <label>
              {t('loan.mass')}{' '}
              <input
                type="number"
                min={0.001}
                step={0.001}
                value={masses[i]}
                onChange={(e) => setMasses(masses.map((m, j) => (j === i ? e.target.value : m)))}
                required
              />
            </label>
          </fieldset>
        ))}
        <label>
          {t('loan.custodian')}{' '}
          <input value={custodian} onChange={(e) => setCustodian(e.target.value)} required data-testid="loan-custodian" />
        </label>
        {error ? <p role="alert">{error}</p> : null}
        {opened ? <p role="status">{t('loan.opened', { reference: opened })}</p> : null}
        <button type="submit" data-testid="loan-submit">
          {t('loan.submit')}
        </button>
      </form>
      <h2>{t('loan.loans')}</h2>
      <Loaded load={loans} what={t('loan.loans')}>
        {(rows) => (
          <ul data-testid="loans">
            {rows.map((l) => (
              <li key={l.id}>
                {l.reference} — {t('loan.due', { date: formatDay(l.dueOn) })}:{' '}
                {l.items.map((i) => `${i.number} (${formatNumber(i.massUg / 1000)} mg, ${i.custodian ?? '—'})`).join('; ')}
              </li>
            ))}
          </ul>
        )}
      </Loaded>
    </article>
  );
}
