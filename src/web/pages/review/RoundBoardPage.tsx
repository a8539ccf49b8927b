import { formatInZone, viewerTimeZone } from '../../clock.js';
import { Loaded } from '../../components/PageState.js';
import { RequireAccount } from '../../components/RequireAccount.js';
import { currentLocale, useT } from '../../i18n/index.js';
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
  ['pool', 'pool.heading'],
  ['conflicts', 'conflicts.heading'],
  ['assignment', 'assignment.heading'],
  ['progress', 'progress.heading'],
  ['calibration', 'calibration.heading'],
  ['panel', 'panel.heading'],
] as const;

export function RoundBoardPage({ roundId }: { roundId: string }) {
  const { t } = useT('review');
  useTitle(t('board.title'));
  return <RequireAccount>{() => <Board roundId={roundId} />}</RequireAccount>;
}

function Board({ roundId }: { roundId: string }) {
  const { t } = useT('review');
  const { load, update } = useLoadedState((signal) => reviewApi.board(roundId, signal), roundId);
  // After a change, fetch the board again and swap it in place: the sections keep their messages.
  const reload = () => void reviewApi.board(roundId).then((fresh) => update(() => fresh));
  return (
    <Loaded load={load} what={t('board.what')}>
      {(board) => (
        <article data-testid="review-board">
          <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
            <Link to={`/staff/calls/${board.call.id}/review`}>{t('board.reviewOf', { title: board.call.title })}</Link> /
          </nav>
          <h1>{board.round.title}</h1>
          <p className="lead">
            {t('board.lead', {
              stage: t(`stage.${board.round.stage}`),
              due: formatInZone(board.round.deadlineAt, viewerTimeZone()),
              perProposal: new Intl.NumberFormat(currentLocale()).format(board.round.reviewsPerProposal),
            })}
            {board.round.dualAnonymous ? ` · ${t('board.dualAnonymous')}` : ''}
          </p>
          <nav aria-label={t('board.sections')} className="tabs">
            {SECTIONS.map(([id, key]) => (
              <a key={id} href={`#${id}`}>
                {t(key)}
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
