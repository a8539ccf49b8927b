import { useEffect, useState } from 'react';
import { type Account, useSession } from '../../api.js';
import { applicationsApi, type CallDetail, callsApi } from '../../calls-api.js';
import { eligibilityRules, itemLimits, mass, mg, power } from '../../calls-format.js';
import { formatInZone, syncClock } from '../../clock.js';
import { Chip } from '../../components/Chip.js';
import { Deadline } from '../../components/Deadline.js';
import { FormError } from '../../components/Form.js';
import { Meta } from '../../components/Meta.js';
import { Loaded } from '../../components/PageState.js';
import { TableScroll } from '../../components/TableScroll.js';
import { formatNumber, label } from '../../format.js';
import { useT } from '../../i18n/index.js';
import { CallLinks } from '../../results/CallLinks.js';
import { Link, navigate } from '../../router.js';
import { useLoad } from '../../use-load.js';
import { useTitle } from '../../use-title.js';

export function CallPage({ slug }: { slug: string }) {
  const { t } = useT('calls');
  const load = useLoad(async (signal) => {
    const call = await callsApi.one(slug, signal);
    syncClock(call.serverNow);
    return call;
  }, slug);
  useTitle(load.state === 'ready' ? load.data.title : undefined);
  return (
    <Loaded load={load} what={t('call.what')}>
      {(call) => <Call call={call} />}
    </Loaded>
  );
}

const isApplicant = (account: Account | null) => !!account?.grants.some((g) => g.role === 'applicant');

function Call({ call }: { call: CallDetail }) {
  const { t } = useT('calls');
  const { account } = useSession();
  return (
    <article data-testid="call-page">
      <nav aria-label={t('call.breadcrumb')} className="breadcrumb">
        <Link to="/calls">{t('list.title')}</Link> /
      </nav>
      <h1 data-testid="call-title">{call.title}</h1>
      <Meta
        items={[
          <Chip
            key="status"
            value={call.status === 'published' ? 'open' : call.status}
            text={call.status === 'published' ? t('call.open') : undefined}
          />,
          <>
            {t('call.program')} <Link to={`/programs/${call.program.slug}`}>{call.program.name}</Link>
          </>,
          call.stages === 2 ? t('call.twoStages') : t('call.oneStage'),
        ]}
      />
      {call.summary ? <p className="lead">{call.summary}</p> : null}
      <CallLinks slug={call.slug} status={call.status} />

      <section aria-labelledby="dates-heading" className="panel">
        <h2 id="dates-heading">{t('call.dates')}</h2>
        <dl className="deadlines">
          <div className="deadline">
            <dt>{t('call.opens')}</dt>
            <dd>{formatInZone(call.opensAt, call.timeZone)}</dd>
          </div>
          {call.loiClosesAt ? (
            <Deadline label={t('call.loiDue')} at={call.loiClosesAt} timeZone={call.timeZone} testId="loi-deadline" />
          ) : null}
          <Deadline
            label={call.stages === 2 ? t('call.fullDue') : t('call.applicationsDue')}
            at={call.closesAt}
            timeZone={call.timeZone}
            testId="call-deadline"
          />
        </dl>
        <ApplyBox call={call} account={account} />
      </section>

      <section aria-labelledby="rules-heading">
        <h2 id="rules-heading">{t('call.whoMayApply')}</h2>
        <ul data-testid="call-eligibility">
          {eligibilityRules(call.eligibility).map((rule) => (
            <li key={rule}>{rule}</li>
          ))}
        </ul>
      </section>

      <Resources call={call} />

      {call.criteria.length > 0 ? (
        <section aria-labelledby="criteria-heading">
          <h2 id="criteria-heading">{t('call.judged')}</h2>
          <ul className="weights" data-testid="call-criteria">
            {call.criteria.map((c) => (
              <li key={c.key} className="weight">
                <span className="weight__name">
                  <strong>{c.name}</strong>
                  {c.description ? <span className="muted"> — {c.description}</span> : null}
                </span>
                <span className="weight__bar" aria-hidden="true">
                  <span style={{ width: `${Math.min(100, c.weight)}%` }} />
                </span>
                <span className="weight__value">{c.weight}%</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {call.requiredDocuments.length > 0 ? (
        <section aria-labelledby="docs-heading">
          <h2 id="docs-heading">{t('call.documents')}</h2>
          <ul data-testid="call-documents">
            {call.requiredDocuments.map((d) => (
              <li key={d.key}>
                {d.name} <span className="muted">({d.required ? t('call.required') : t('call.optional')})</span>
                {d.description ? <p className="cell-note">{d.description}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}

function Resources({ call }: { call: CallDetail }) {
  const { t } = useT('calls');
  if (call.sampleOffers.length === 0 && call.moduleOffers.length === 0) return null;
  return (
    <section aria-labelledby="resources-heading" data-testid="call-resources">
      <h2 id="resources-heading">{t('call.offers')}</h2>
      {call.sampleOffers.length > 0 ? (
        <>
          <h3>{t('call.samples')}</h3>
          <TableScroll label={t('call.samplesTable')}>
            <table className="table table--cards" data-testid="sample-offers">
              <thead>
                <tr>
                  <th scope="col">{t('call.sampleType')}</th>
                  <th scope="col">{t('call.collection')}</th>
                  <th scope="col" className="num">
                    {t('call.availableToLend')}
                  </th>
                  <th scope="col" className="num">
                    {t('call.perRequest')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {call.sampleOffers.map((o) => (
                  <tr key={o.id} data-testid="sample-offer">
                    <td>
                      <strong>{label(o.sampleType)}</strong>
                    </td>
                    <td data-label={t('call.collection')}>{o.collectionName}</td>
                    <td data-label={t('call.availableToLend')} className="num">
                      {mg(o.availableMg - o.reserveMg)}
                      <p className="cell-note">
                        {t('call.ofReserve', { available: mg(o.availableMg), reserve: mg(o.reserveMg) })}
                      </p>
                    </td>
                    <td data-label={t('call.perRequest')} className="num">
                      {o.maxPerRequestMg != null ? `≤ ${mg(o.maxPerRequestMg)}` : '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      ) : null}
      {call.moduleOffers.length > 0 ? (
        <>
          <h3>{t('call.payloads')}</h3>
          <ul className="cards cards--wide" data-testid="module-offers">
            {call.moduleOffers.map((o) => (
              <li key={o.id} className="card" data-testid="module-offer">
                <p className="card__title">
                  {o.hostModuleName} <Chip value={o.hostModuleKind} tone="level" />
                </p>
                <dl className="facts facts--compact">
                  <div>
                    <dt>{t('call.poolMass')}</dt>
                    <dd>{mass(o.poolMassG)}</dd>
                  </div>
                  {o.poolPowerMw != null ? (
                    <div>
                      <dt>{t('call.poolPower')}</dt>
                      <dd>{power(o.poolPowerMw)}</dd>
                    </div>
                  ) : null}
                  {o.poolDataMbPerDay != null ? (
                    <div>
                      <dt>{t('call.poolData')}</dt>
                      <dd>{t('call.dataPerDay', { n: formatNumber(o.poolDataMbPerDay) })}</dd>
                    </div>
                  ) : null}
                  {itemLimits(o).map(([name, value]) => (
                    <div key={name}>
                      <dt>{name}</dt>
                      <dd>{value}</dd>
                    </div>
                  ))}
                </dl>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/** "Start an application" for applicants, "Sign in" for visitors, and the officer's link when the API lets them see it. */
function ApplyBox({ call, account }: { call: CallDetail; account: Account | null }) {
  const { t } = useT('calls');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [existing, setExisting] = useState<string | null>(null);
  const open = call.windows.some((w) => w.open);
  // Staff links come from `call.can` (the server's policy): no probing of endpoints the viewer may not use.
  const officer = call.can.readApplications;
  const manages = call.can.edit || call.can.publish || call.can.close || call.can.cancel;

  useEffect(() => {
    if (!account || !isApplicant(account)) return;
    const controller = new AbortController();
    applicationsApi.mine(controller.signal).then(
      (mine) => setExisting(mine.find((a) => a.callId === call.id && a.status !== 'withdrawn')?.id ?? null),
      () => undefined,
    );
    return () => controller.abort();
  }, [account, call.id]);

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      // The server picks the stage: a letter of intent while a two-stage call takes them.
      const created = await callsApi.start(call.id);
      navigate(`/applications/${created.id}`);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  };

  const here = `/calls/${call.slug}`;
  const reason = call.windows.find((w) => w.reason)?.reason;
  return (
    <div className="apply" data-testid="apply-box">
      <FormError message={error} />
      {!open ? (
        <p className="muted" data-testid="call-closed">
          {reason ? t('call.notTakingBecause', { reason }) : t('call.notTaking')}
        </p>
      ) : !account ? (
        <p>
          <Link to={`/sign-in?next=${encodeURIComponent(here)}`} className="button" data-testid="sign-in-to-apply">
            {t('call.signInToApply')}
          </Link>
        </p>
      ) : !isApplicant(account) ? (
        <p className="muted">{t('call.notApplicant')}</p>
      ) : existing ? (
        <p>
          <Link to={`/applications/${existing}`} className="button" data-testid="continue-application">
            {t('call.continue')}
          </Link>
        </p>
      ) : (
        <p>
          <button type="button" className="button" onClick={() => void start()} disabled={busy} data-testid="start-application">
            {busy ? t('form.pleaseWait', { ns: 'common' }) : t('call.start')}
          </button>
        </p>
      )}
      {officer ? (
        <p>
          <Link to={`/calls/${call.slug}/applications`} data-testid="officer-link">
            {t('call.received')}
          </Link>
        </p>
      ) : null}
      {manages ? (
        <p>
          <Link to={`/staff/calls/${call.id}/edit`} data-testid="manage-call-link">
            {t('call.manage')}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
