import { useId, useState } from 'react';
import { TableScroll } from '../../components/TableScroll.js';
import { useT } from '../../i18n/index.js';
import type { SelectionProposal, SweepPoint } from '../../selection-api.js';
import { amount, num, signedPercent } from './format.js';

const W = 420;
const H = 190;
const PAD = { left: 52, right: 14, top: 14, bottom: 34 };

/**
 * What-if: the best set's merit as one budget moves −20 % … +20 % (the others as offered), drawn
 * as an SVG chart with a table beside it that says the same, and the set at the chosen step.
 */
export function WhatIfChart({ proposal: p }: { proposal: SelectionProposal }) {
  const { t } = useT('selection');
  const id = useId();
  const [budgetId, setBudgetId] = useState(p.budgets[0]?.id ?? '');
  const [step, setStep] = useState(0);
  const budget = p.budgets.find((b) => b.id === budgetId);
  const points = p.sweep.filter((s) => s.budget === budgetId).sort((a, b) => a.percent - b.percent);
  if (!budget || points.length === 0)
    return (
      <section className="panel" aria-labelledby={`${id}-heading`}>
        <h2 id={`${id}-heading`}>{t('whatIf.heading')}</h2>
        <p className="muted">{t('whatIf.none')}</p>
      </section>
    );
  const steps = points.map((s) => s.percent);
  const lo = Math.min(...steps);
  const hi = Math.max(...steps);
  const max = Math.max(1, ...points.map((s) => s.objective ?? 0));
  const x = (pct: number) => PAD.left + ((pct - lo) / Math.max(1, hi - lo)) * (W - PAD.left - PAD.right);
  const y = (v: number) => PAD.top + (1 - v / max) * (H - PAD.top - PAD.bottom);
  const current = points.find((s) => s.percent === step) ?? points[0]!;
  const titles = new Map(p.proposals.map((q) => [q.id, q.title]));
  const diff = (s: SweepPoint) => ({
    added: s.selected.filter((i) => !p.selected.includes(i)).map((i) => titles.get(i) ?? i),
    dropped: p.selected.filter((i) => !s.selected.includes(i)).map((i) => titles.get(i) ?? i),
  });
  const describe = (s: SweepPoint) => {
    const d = diff(s);
    if (s.objective === null) return t('whatIf.noSet');
    if (!d.added.length && !d.dropped.length) return t('whatIf.same');
    return [
      d.added.length ? t('whatIf.adds', { list: d.added.join(', ') }) : '',
      d.dropped.length ? t('whatIf.drops', { list: d.dropped.join(', ') }) : '',
    ]
      .filter(Boolean)
      .join(' ');
  };
  const line = points
    .filter((s) => s.objective !== null)
    .map((s) => `${x(s.percent)},${y(s.objective ?? 0)}`)
    .join(' ');
  return (
    <section className="panel" aria-labelledby={`${id}-heading`} data-testid="what-if">
      <h2 id={`${id}-heading`}>{t('whatIf.heading')}</h2>
      <p className="muted">{t('whatIf.hint')}</p>
      <div className="selection-whatif__controls">
        <label className="field">
          <span className="field__label">{t('whatIf.budget')}</span>
          <select className="input" value={budgetId} onChange={(e) => setBudgetId(e.target.value)} data-testid="what-if-budget">
            {p.budgets.map((b) => (
              <option key={b.id} value={b.id}>
                {b.label}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t('whatIf.change', { pct: signedPercent(step) })}</span>
          <input
            type="range"
            className="selection-whatif__range"
            min={lo}
            max={hi}
            step={steps.length > 1 ? (steps[1] as number) - (steps[0] as number) : 1}
            value={step}
            onChange={(e) => setStep(Number(e.target.value))}
            aria-valuetext={t('whatIf.stepText', { pct: signedPercent(step), amount: amount(current.amount, budget.unit) })}
            data-testid="what-if-step"
          />
        </label>
      </div>
      <p role="status" aria-live="polite" data-testid="what-if-summary">
        {t('whatIf.summary', {
          budget: budget.label,
          pct: signedPercent(current.percent),
          amount: amount(current.amount, budget.unit),
          merit: current.objective === null ? '—' : num(current.objective),
        })}{' '}
        {describe(current)}
      </p>
      <svg
        className="selection-whatif__chart"
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        data-testid="what-if-chart"
      >
        <title id={`${id}-title`}>{t('whatIf.chartTitle', { budget: budget.label })}</title>
        <desc id={`${id}-desc`}>
          {points.map((s) => `${signedPercent(s.percent)} %: ${s.objective === null ? '—' : num(s.objective)}`).join('; ')}
        </desc>
        <line x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} stroke="#5b6477" />
        <line x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={H - PAD.bottom} stroke="#5b6477" />
        <text x={PAD.left - 6} y={y(max) + 4} textAnchor="end" fontSize="11" fill="#111a2e">
          {num(max)}
        </text>
        <text x={PAD.left - 6} y={y(0) + 4} textAnchor="end" fontSize="11" fill="#111a2e">
          0
        </text>
        {points.map((s) => (
          <text key={s.percent} x={x(s.percent)} y={H - PAD.bottom + 16} textAnchor="middle" fontSize="11" fill="#111a2e">
            {signedPercent(s.percent)}
          </text>
        ))}
        <text x={(W + PAD.left) / 2} y={H - 4} textAnchor="middle" fontSize="11" fill="#111a2e">
          {t('whatIf.axis', { budget: budget.label })}
        </text>
        <polyline points={line} fill="none" stroke="#2344c0" strokeWidth="2" />
        {points.map((s) =>
          s.objective === null ? null : (
            <circle
              key={s.percent}
              cx={x(s.percent)}
              cy={y(s.objective)}
              r={s.percent === current.percent ? 6 : 3.5}
              fill={s.percent === current.percent ? '#b45309' : '#2344c0'}
            />
          ),
        )}
      </svg>
      <TableScroll label={t('whatIf.tableLabel', { budget: budget.label })}>
        <table className="table" data-testid="what-if-table">
          <caption className="visually-hidden">{t('whatIf.tableLabel', { budget: budget.label })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('whatIf.colChange')}</th>
              <th scope="col">{t('whatIf.colAmount')}</th>
              <th scope="col">{t('whatIf.colMerit')}</th>
              <th scope="col">{t('whatIf.colSet')}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((s) => (
              <tr key={s.percent} aria-current={s.percent === current.percent ? 'true' : undefined}>
                <th scope="row">{signedPercent(s.percent)} %</th>
                <td className="num">{amount(s.amount, budget.unit)}</td>
                <td className="num">{s.objective === null ? '—' : num(s.objective)}</td>
                <td>{describe(s)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
