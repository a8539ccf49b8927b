import { applicationsApi } from '../../calls-api.js';
import { formatInZone, viewerTimeZone } from '../../clock.js';
import { Chip } from '../../components/Chip.js';
import { Loaded } from '../../components/PageState.js';
import { RequireAccount } from '../../components/RequireAccount.js';
import { TableScroll } from '../../components/TableScroll.js';
import { label } from '../../format.js';
import { Link } from '../../router.js';
import { useLoad } from '../../use-load.js';
import { useTitle } from '../../use-title.js';
import { FullProposalAction } from './FullProposalAction.js';

export function MyApplicationsPage() {
  useTitle('My applications');
  return <RequireAccount>{() => <MyApplications />}</RequireAccount>;
}

function MyApplications() {
  const load = useLoad((signal) => applicationsApi.mine(signal), 'mine');
  const zone = viewerTimeZone();
  return (
    <section data-testid="my-applications">
      <h1>My applications</h1>
      <p className="lead">
        Drafts save as you type. Find a call to apply to under <Link to="/calls">Open calls</Link>.
      </p>
      <Loaded load={load} what="list">
        {(apps) =>
          apps.length === 0 ? (
            <p className="muted" data-testid="no-applications">
              You have not started an application yet.
            </p>
          ) : (
            <TableScroll label="Your applications table">
              <table className="table table--cards">
                <thead>
                  <tr>
                    <th scope="col">Application</th>
                    <th scope="col">Call</th>
                    <th scope="col">Status</th>
                    <th scope="col">Deadline ({zone})</th>
                  </tr>
                </thead>
                <tbody>
                  {apps.map((a) => (
                    <tr key={a.id} data-testid="my-application">
                      <td>
                        <Link to={`/applications/${a.id}`}>{a.title || 'Untitled application'}</Link>
                        <p className="cell-note">{label(a.stage)}</p>
                      </td>
                      <td data-label="Call">
                        <Link to={`/calls/${a.callSlug}`}>{a.callTitle}</Link>
                      </td>
                      <td data-label="Status">
                        <Chip value={a.status} />
                        {a.submittedVersion != null ? <p className="cell-note">version {a.submittedVersion}</p> : null}
                        {a.fullProposal ? (
                          <p className="cell-note">
                            <FullProposalAction app={a} />
                          </p>
                        ) : null}
                      </td>
                      <td data-label={`Deadline (${zone})`}>{formatInZone(a.closesAt, zone)}</td>
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
