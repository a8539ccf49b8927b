import { useState } from 'react';
import { type Account, useSession } from '../../api.js';
import { callsApi } from '../../calls-api.js';
import { Loaded } from '../../components/PageState.js';
import { RequireAccount } from '../../components/RequireAccount.js';
import { useT } from '../../i18n/index.js';
import { Link } from '../../router.js';
import { type SelectionProposal, selectionApi } from '../../selection-api.js';
import { useLoad, useLoadedState } from '../../use-load.js';
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

/** Selection officials of the call's program (and administrators) decide; the server checks again. */
const decides = (account: Account | null, programId: string) =>
  !!account?.grants.some((g) => g.role === 'administrator' || (g.role === 'selection_official' && g.scopeId === programId));

/**
 * Loads in two steps: the set, its bound and the budgets first (one solve, quick), then the reasons
 * and the what-if sweep, which re-solve the model once per proposal and per budget step.
 */
function SelectionBoard({ callId }: { callId: string }) {
  const { t } = useT('selection');
  const { account } = useSession();
  const [round, setRound] = useState(0);
  const { load, reload: reloadQuick } = useLoadedState(async (signal) => {
    const call = await callsApi.one(callId, signal);
    const [proposal, decisions] = await Promise.all([
      selectionApi.proposal(call.id, true, signal),
      selectionApi.decisions(call.id, signal),
    ]);
    return { call, proposal, decisions };
  }, callId);
  const full = useLoad(async (signal) => {
    const call = await callsApi.one(callId, signal);
    return selectionApi.proposal(call.id, false, signal);
  }, `${callId}#${round}`);
  const reload = () => {
    setRound((r) => r + 1);
    reloadQuick();
  };
  const analysed = (quick: SelectionProposal): SelectionProposal =>
    full.state === 'ready' ? { ...quick, reasons: full.data.reasons, sweep: full.data.sweep } : quick;
  return (
    <Loaded load={load} what={t('what')}>
      {({ call, proposal: quick, decisions }) => {
        const proposal = analysed(quick);
        const mayDecide = decides(account, call.program.id);
        return (
          <article data-testid="selection-board">
            <nav aria-label={t('breadcrumb')} className="breadcrumb">
              <Link to="/staff/calls">{t('myCalls')}</Link> / <Link to={`/calls/${call.slug}/applications`}>{call.title}</Link> /
            </nav>
            <h1>{t('heading', { call: call.title })}</h1>
            <p className="lead">{t('intro')}</p>
            {full.state === 'loading' && decisions.length === 0 ? (
              <p className="callout" role="status" data-testid="analysis-pending">
                <span className="spinner" aria-hidden="true" /> {t('analysisPending')}
              </p>
            ) : null}
            {full.state === 'error' ? (
              <p className="callout callout--warn" role="alert">
                {t('analysisFailed', { message: full.message })}
              </p>
            ) : null}
            {decisions.length > 0 ? (
              <DecidedView proposal={proposal} decisions={decisions} />
            ) : (
              <>
                <SummaryPanel proposal={proposal} />
                <Board
                  key={JSON.stringify([proposal.selected, proposal.rules, proposal.proposals])}
                  proposal={proposal}
                  mayDecide={mayDecide}
                  onDecided={reload}
                />
                {mayDecide ? (
                  <>
                    <MeritsForm proposal={proposal} onSaved={reload} />
                    <RulesForm proposal={proposal} onSaved={reload} />
                    <MergeGroupsForm proposal={proposal} onSaved={reload} />
                  </>
                ) : null}
              </>
            )}
          </article>
        );
      }}
    </Loaded>
  );
}
