import type { Board } from '../../review-api.js';
import { ScrollTable } from './common.js';

/** How far the round is: per proposal, reviews submitted against those needed; per expert, done of assigned. */
export function ProgressSection({ board }: { board: Board }) {
  const needed = board.round.reviewsPerProposal;
  const perProposal = board.proposals.map((p) => {
    const mine = board.assignments.filter((a) => a.applicationId === p.id);
    return { ...p, assigned: mine.length, submitted: mine.filter((a) => a.reviewStatus === 'submitted').length };
  });
  const perExpert = board.experts
    .filter((e) => e.status === 'accepted')
    .map((e) => {
      const mine = board.assignments.filter((a) => a.expertId === e.id);
      return { ...e, assigned: mine.length, submitted: mine.filter((a) => a.reviewStatus === 'submitted').length };
    });
  return (
    <section id="progress" className="panel" aria-labelledby="progress-heading" data-testid="progress-section">
      <h2 id="progress-heading">Progress</h2>
      <p data-testid="progress-summary">
        {board.progress.submitted} of {board.progress.demand} reviews submitted ({board.progress.assignments} assigned,{' '}
        {board.progress.proposals} proposals).
      </p>
      <ScrollTable label="Progress per proposal">
        <table className="table" data-testid="progress-proposals">
          <thead>
            <tr>
              <th scope="col">Proposal</th>
              <th scope="col">Assigned</th>
              <th scope="col">Submitted / needed</th>
            </tr>
          </thead>
          <tbody>
            {perProposal.map((p) => (
              <tr key={p.id}>
                <td>{p.title}</td>
                <td className="num">{p.assigned}</td>
                <td className="num">
                  {p.submitted} / {needed}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      <ScrollTable label="Progress per expert">
        <table className="table" data-testid="progress-experts">
          <thead>
            <tr>
              <th scope="col">Expert</th>
              <th scope="col">Submitted / assigned</th>
            </tr>
          </thead>
          <tbody>
            {perExpert.map((e) => (
              <tr key={e.id}>
                <td>{e.name}</td>
                <td className="num">
                  {e.submitted} / {e.assigned}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </section>
  );
}
