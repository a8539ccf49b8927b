import { callsApi } from '../../calls-api.js';
import { Loaded } from '../../components/PageState.js';
import { RequireAccount } from '../../components/RequireAccount.js';
import { useT } from '../../i18n/index.js';
import { Link } from '../../router.js';
import { selectionApi } from '../../selection-api.js';
import { useLoadedState } from '../../use-load.js';
import { useTitle } from '../../use-title.js';
import { Board } from './Board.js';
import { DecidedView } from './DecidedView.js';
import { MergeGroupsForm } from './MergeGroupsForm.js';
import { MeritsForm } from './MeritsForm.js';
import { RulesForm } from './RulesForm.js';
import { SummaryPanel } from './SummaryPanel.js';

// The official's decision board for one call: the merit ranking beside the optimiser's proposed
// set, budgets, reasons, the what-if sweep, the model's merits, rules and merged projects, the
// override with its cost, and the frozen decision. Program officers read it; officials decide.

export function SelectionBoardPage({ callId }: { callId: string }) {
  const { t } = useT('selection');
  useTitle(t('pageTitle'));
  return <RequireAccount>{() => <SelectionBoard callId={callId} />}</RequireAccount>;
}

function SelectionBoard({ callId }: { callId: string }) {
  const { t } = useT('selection');
  const { load, reload } = useLoadedState(async (signal) => {
    const call = await callsApi.one(callId, signal);
    const [proposal, decisions] = await Promise.all([
      selectionApi.proposal(call.id, signal),
      selectionApi.decisions(call.id, signal),
    ]);
    return { call, proposal, decisions };
  }, callId);
  return (
    <Loaded load={load} what={t('what')}>
      {({ call, proposal, decisions }) => (
        <article data-testid="selection-board">
          <nav aria-label={t('breadcrumb')} className="breadcrumb">
            <Link to="/staff/calls">{t('myCalls')}</Link> / <Link to={`/calls/${call.slug}/applications`}>{call.title}</Link> /
          </nav>
          <h1>{t('heading', { call: call.title })}</h1>
          <p className="lead">{t('intro')}</p>
          {decisions.length > 0 ? (
            <DecidedView proposal={proposal} decisions={decisions} />
          ) : (
            <>
              <SummaryPanel proposal={proposal} />
              <Board
                key={JSON.stringify([proposal.selected, proposal.rules, proposal.proposals])}
                proposal={proposal}
                onDecided={reload}
              />
              <MeritsForm proposal={proposal} onSaved={reload} />
              <RulesForm proposal={proposal} onSaved={reload} />
              <MergeGroupsForm proposal={proposal} onSaved={reload} />
            </>
          )}
        </article>
      )}
    </Loaded>
  );
}
