import { useEffect, useMemo, useState } from 'react';
import { useT } from '../../i18n/index.js';
import type { Outcome, SelectionProposal } from '../../selection-api.js';
import { BudgetBars } from './BudgetBars.js';
import { DecidePanel } from './DecidePanel.js';
import { RankingTable } from './RankingTable.js';
import { reasonText } from './reason-text.js';
import { WhatIfChart } from './WhatIfChart.js';
import { checkWorkingSet, membersWith, proposedOutcomes } from './working-set.js';

export interface Draft {
  outcomes: Record<string, Outcome>;
  conditions: Record<string, string>;
  reasons: Record<string, string>;
}

/**
 * The official's working decision, starting from the optimiser's set with its reasons; every edit
 * is re-checked against every rule at once, and its cost in merit shown.
 */
export function Board({
  proposal: p,
  mayDecide,
  onDecided,
}: {
  proposal: SelectionProposal;
  mayDecide: boolean;
  onDecided: () => void;
}) {
  const { t } = useT('selection');
  const [draft, setDraft] = useState<Draft>(() => ({
    outcomes: proposedOutcomes(p),
    conditions: {},
    reasons: Object.fromEntries(p.reasons.map((e) => [e.id, reasonText(e, p, t)])),
  }));
  // The reasons arrive after the set (they take a re-solve per proposal): fill in those not yet written.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the reasons arrive, not on every new proposal object
  useEffect(() => {
    if (p.reasons.length === 0) return;
    setDraft((d) => ({
      ...d,
      reasons: {
        ...Object.fromEntries(p.reasons.map((e) => [e.id, reasonText(e, p, t)])),
        ...Object.fromEntries(Object.entries(d.reasons).filter(([, text]) => text.trim() !== '')),
      },
    }));
  }, [p.reasons]);
  const check = useMemo(() => checkWorkingSet(p, draft.outcomes), [p, draft.outcomes]);
  // A merged project moves as a whole: changing one member changes them all.
  const setOutcome = (id: string, outcome: Outcome) =>
    setDraft((d) => ({
      ...d,
      outcomes: { ...d.outcomes, ...Object.fromEntries(membersWith(p, id).map((m) => [m, outcome])) },
    }));
  const setText = (field: 'conditions' | 'reasons', id: string, text: string) =>
    setDraft((d) => ({ ...d, [field]: { ...d[field], [id]: text } }));
  return (
    <>
      <BudgetBars proposal={p} used={check.used} />
      <RankingTable proposal={p} draft={draft} onOutcome={setOutcome} />
      <WhatIfChart proposal={p} />
      <DecidePanel proposal={p} mayDecide={mayDecide} draft={draft} check={check} onText={setText} onDecided={onDecided} />
    </>
  );
}
