import { formatInZone, viewerTimeZone } from '../../clock.js';
import { Loaded } from '../../components/PageState.js';
import { RequireAccount } from '../../components/RequireAccount.js';
import { label } from '../../format.js';
import { reviewApi } from '../../review-api.js';
import { Link } from '../../router.js';
import { useLoadedState } from '../../use-load.js';
import { useTitle } from '../../use-title.js';
import { AssignmentSection } from './AssignmentSection.js';
import { CalibrationSection } from './CalibrationSection.js';
import { ConflictsSection } from './ConflictsSection.js';
import { PanelSection } from './PanelSection.js';
import { PoolSection } from './PoolSection.js';
import { ProgressSection } from './ProgressSection.js';

// The officer's review board of one round, one section per step: the pool, conflicts with their
// evidence, the assignment, progress, calibration and ranking, and the panel.

const SECTIONS = [
  ['pool', 'Pool'],
  ['conflicts', 'Conflicts'],
  ['assignment', 'Assignment'],
  ['progress', 'Progress'],
  ['calibration', 'Calibration & ranking'],
  ['panel', 'Panel'],
] as const;

export function RoundBoardPage({ roundId }: { roundId: string }) {
  useTitle('Review board');
  return <RequireAccount>{() => <Board roundId={roundId} />}</RequireAccount>;
}

function Board({ roundId }: { roundId: string }) {
  const { load, update } = useLoadedState((signal) => reviewApi.board(roundId, signal), roundId);
  // After a change, fetch the board again and swap it in place: the sections keep their messages.
  const reload = () => void reviewApi.board(roundId).then((fresh) => update(() => fresh));
  return (
    <Loaded load={load} what="review round">
      {(board) => (
        <article data-testid="review-board">
          <nav aria-label="Breadcrumb" className="breadcrumb">
            <Link to={`/staff/calls/${board.call.id}/review`}>Review of {board.call.title}</Link> /
          </nav>
          <h1>{board.round.title}</h1>
          <p className="lead">
            {label(board.round.stage)} · due {formatInZone(board.round.deadlineAt, viewerTimeZone())} ·{' '}
            {board.round.reviewsPerProposal} reviews per proposal
            {board.round.dualAnonymous ? ' · dual-anonymous' : ''}
          </p>
          <nav aria-label="Board sections" className="tabs">
            {SECTIONS.map(([id, text]) => (
              <a key={id} href={`#${id}`}>
                {text}
              </a>
            ))}
          </nav>
          <PoolSection board={board} onChanged={reload} />
          <ConflictsSection board={board} onChanged={reload} />
          <AssignmentSection board={board} onChanged={reload} />
          <ProgressSection board={board} />
          <CalibrationSection roundId={roundId} />
          <PanelSection board={board} />
        </article>
      )}
    </Loaded>
  );
}
