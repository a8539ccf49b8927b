import { applicationsApi } from '../../calls-api.js';
import { formatInZone, viewerTimeZone } from '../../clock.js';
import { Chip } from '../../components/Chip.js';
import { Loaded } from '../../components/PageState.js';
import { RequireAccount } from '../../components/RequireAccount.js';
import { TableScroll } from '../../components/TableScroll.js';
import { label } from '../../format.js';
import { useT } from '../../i18n/index.js';
import { Link } from '../../router.js';
import { useLoad } from '../../use-load.js';
import { useTitle } from '../../use-title.js';
import { FullProposalAction } from './FullProposalAction.js';

export function MyApplicationsPage() {
  const { t } = useT('applications');
  useTitle(t('mine.title'));
  return <RequireAccount>{() => <MyApplications />}</RequireAccount>;
}

function MyApplications() {
  const { t } = useT('applications');
  const load = useLoad((signal) => applicationsApi.mine(signal), 'mine');
  const zone = viewerTimeZone();
  return (
    <section data-testid="my-applications">
      <h1>{t('mine.title')}</h1>
      <p className="lead">
        {t('mine.leadBefore')} <Link to="/calls">{t('mine.openCalls')}</Link>
        {t('mine.leadAfter')}
      </p>
      <Loaded load={load} what={t('mine.what')}>
        {(apps) =>
          apps.length === 0 ? (
            <p className="muted" data-testid="no-applications">
              {t('mine.none')}
            </p>
          ) : (
            <TableScroll label={t('mine.table')}>
              <table className="table table--cards">
                <thead>
                  <tr>
                    <th scope="col">{t('mine.application')}</th>
                    <th scope="col">{t('mine.call')}</th>
                    <th scope="col">{t('mine.status')}</th>
                    <th scope="col">{t('mine.deadline', { zone })}</th>
                  </tr>
                </thead>
                <tbody>
                  {apps.map((a) => (
                    <tr key={a.id} data-testid="my-application">
                      <td>
                        <Link to={`/applications/${a.id}`}>{a.title || t('mine.untitled')}</Link>
                        <p className="cell-note">{label(a.stage)}</p>
                      </td>
                      <td data-label={t('mine.call')}>
                        <Link to={`/calls/${a.callSlug}`}>{a.callTitle}</Link>
                      </td>
                      <td data-label={t('mine.status')}>
                        <Chip value={a.status} />
                        {a.submittedVersion != null ? (
                          <p className="cell-note">{t('mine.version', { version: a.submittedVersion })}</p>
                        ) : null}
                        {a.fullProposal ? (
                          <p className="cell-note">
                            <FullProposalAction app={a} />
                          </p>
                        ) : null}
                      </td>
                      <td data-label={t('mine.deadline', { zone })}>{formatInZone(a.closesAt, zone)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )
        }
      </Loaded>
    </section>
  );
}
