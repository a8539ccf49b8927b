import { useState } from 'react';
import { ApiError } from '../../api.js';
import { formatInZone, serverNowMs } from '../../clock.js';
import { Countdown } from '../../components/Deadline.js';
import { Loaded } from '../../components/PageState.js';
import { RequireAccount } from '../../components/RequireAccount.js';
import { label } from '../../format.js';
import { i18n, useT } from '../../i18n/index.js';
import { type Criterion, type Round, reviewApi, type WorkspaceAssignment, type WorkspacePool } from '../../review-api.js';
import { Link } from '../../router.js';
import { useLoadedState } from '../../use-load.js';
import { useTitle } from '../../use-title.js';
import { issuesByField, messageOf } from './common.js';
import { type ReviewDraft, statusText, useReviewAutosave } from './use-review-autosave.js';

// The review form of one assignment: the proposal as the round lets the expert see it, the call's
// weighted criteria, confidence, recommendation and an overall comment; autosaved; locked once
// submitted or past the deadline.

interface Found {
  pool: WorkspacePool;
  round: Round;
  assignment: WorkspaceAssignment;
}

export function ReviewFormPage({ id }: { id: string }) {
  const { t } = useT('review');
  useTitle(t('form.title'));
  return <RequireAccount>{() => <ReviewLoader id={id} />}</RequireAccount>;
}

function ReviewLoader({ id }: { id: string }) {
  const { t } = useT('review');
  const { load, reload } = useLoadedState(async (signal) => {
    const { pools } = await reviewApi.workspace(signal);
    for (const pool of pools)
      for (const r of pool.rounds) {
        const assignment = r.assignments.find((a) => a.id === id);
        if (assignment) return { pool, round: r.round, assignment } satisfies Found;
      }
    throw new ApiError(404, i18n.t('form.noSuchAssignment', { ns: 'review' }));
  }, id);
  return (
    <Loaded load={load} what={t('form.what')}>
      {(found) => <ReviewForm key={found.assignment.review?.status ?? 'new'} found={found} onSubmitted={reload} />}
    </Loaded>
  );
}

const emptyDraft = (criteria: Criterion[], a: WorkspaceAssignment): ReviewDraft => ({
  scores: Object.fromEntries(
    criteria.map((c) => [
      c.key,
      { score: a.review?.scores[c.key]?.score ?? null, comment: a.review?.scores[c.key]?.comment ?? '' },
    ]),
  ),
  confidence: (a.review?.confidence as ReviewDraft['confidence']) ?? null,
  recommendation: (a.review?.recommendation as ReviewDraft['recommendation']) ?? null,
  comment: a.review?.comment ?? '',
});

function ReviewForm({ found, onSubmitted }: { found: Found; onSubmitted: () => void }) {
  const { t } = useT('review');
  const { pool, round, assignment } = found;
  const criteria = pool.criteria;
  const auto = useReviewAutosave(assignment.id, emptyDraft(criteria, assignment), assignment.review?.revision ?? 0);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [detail, setDetail] = useState<string | null>(null);
  const submitted = assignment.review?.status === 'submitted';
  const late = Date.parse(round.deadlineAt) <= serverNowMs();
  const locked = submitted || late || assignment.review?.status === 'excluded';
  const { draft, update } = auto;
  const timeZone = pool.call?.timeZone ?? 'UTC';

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setDetail(null);
    await auto.flush();
    if (auto.stopped()) return setDetail(t('form.changedElsewhere'));
    try {
      await reviewApi.submit(assignment.id, { ...draft, revision: auto.revision() });
      onSubmitted();
    } catch (e) {
      setErrors(issuesByField(e));
      setDetail(messageOf(e));
    }
  };
  const setScore = (key: string, patch: Partial<{ score: number | null; comment: string }>) =>
    update((d) => ({ ...d, scores: { ...d.scores, [key]: { score: null, comment: '', ...d.scores[key], ...patch } } }));

  return (
    <article data-testid="review-form-page" data-status={assignment.review?.status ?? 'not_started'}>
      <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
        <Link to="/review">{t('form.workspace')}</Link> / {pool.call?.title} /
      </nav>
      <h1 data-testid="review-proposal-title">{assignment.title}</h1>
      <p>
        {t('form.due', { round: round.title, when: formatInZone(round.deadlineAt, timeZone) })} ·{' '}
        <Countdown at={round.deadlineAt} />
      </p>
      <section className="panel" aria-labelledby="proposal-heading">
        <h2 id="proposal-heading">{t('form.proposal')}</h2>
        <p data-testid="review-abstract">{assignment.abstract}</p>
        {assignment.scheme
          ? Object.entries(assignment.scheme)
              .filter(([, text]) => text)
              .map(([key, text]) => (
                <p key={key}>
                  <strong>{label(key)}:</strong> {text}
                </p>
              ))
          : null}
        {assignment.team ? (
          <p data-testid="review-team">
            {t('form.team', { people: assignment.team.people.map((p) => `${p.name} (${label(p.role)})`).join(', ') || '—' })}
          </p>
        ) : (
          <p className="muted" data-testid="review-anonymous">
            {t('form.anonymous')}
          </p>
        )}
      </section>
      {submitted ? (
        <p role="status" data-testid="review-submitted">
          {t('form.submitted')}
        </p>
      ) : null}
      {!submitted && late ? (
        <p role="status" data-testid="review-locked">
          {t('form.locked')}
        </p>
      ) : null}
      <form onSubmit={submit} data-testid="review-form" aria-label={t('form.label')}>
        <fieldset disabled={locked}>
          {criteria.map((c) => {
            const scoreError = errors[`scores.${c.key}.score`] ?? errors[`scores.${c.key}`];
            const entry = draft.scores[c.key];
            const scale = Array.from({ length: c.scaleMax - c.scaleMin + 1 }, (_, i) => c.scaleMin + i);
            return (
              <div key={c.key} className="panel" data-testid={`criterion-${c.key}`}>
                <h2>
                  {c.name}{' '}
                  <span className="muted">
                    {t('form.criterionScale', { weight: c.weight, min: c.scaleMin, max: c.scaleMax })}
                  </span>
                </h2>
                {c.description ? <p className="muted">{c.description}</p> : null}
                <div className={`field${scoreError ? ' field--invalid' : ''}`}>
                  <label htmlFor={`score-${c.key}`} className="field__label">
                    {t('form.scoreFor', { criterion: c.name })}
                  </label>
                  <select
                    id={`score-${c.key}`}
                    className="input"
                    value={entry?.score ?? ''}
                    aria-invalid={scoreError ? true : undefined}
                    aria-describedby={scoreError ? `score-${c.key}-error` : undefined}
                    onChange={(e) => setScore(c.key, { score: e.target.value === '' ? null : Number(e.target.value) })}
                    data-testid={`score-${c.key}`}
                  >
                    <option value="">{t('form.notScored')}</option>
                    {scale.map((n) => (
                      <option key={n} value={n}>
                        {n}
                      </option>
                    ))}
                  </select>
                  {scoreError ? (
                    <p id={`score-${c.key}-error`} className="field__error" data-testid="field-error">
                      {scoreError}
                    </p>
                  ) : null}
                </div>
                <div className="field">
                  <label htmlFor={`comment-${c.key}`} className="field__label">
                    {t('form.commentOn', { criterion: c.name })}
                  </label>
                  <textarea
                    id={`comment-${c.key}`}
                    className="input"
                    rows={3}
                    value={entry?.comment ?? ''}
                    onChange={(e) => setScore(c.key, { comment: e.target.value })}
                    data-testid={`comment-${c.key}`}
                  />
                </div>
              </div>
            );
          })}
          <Choice
            id="confidence"
            name={t('form.confidence')}
            options={['high', 'medium', 'low']}
            optionLabel={(o) => t(`form.confidenceLevel.${o}`)}
            value={draft.confidence ?? null}
            error={errors.confidence}
            onChange={(v) => update((d) => ({ ...d, confidence: v as ReviewDraft['confidence'] }))}
          />
          <Choice
            id="recommendation"
            name={t('form.recommendation')}
            options={['select', 'conditional', 'reject']}
            optionLabel={(o) => t(`recommendation.${o}`)}
            value={draft.recommendation ?? null}
            error={errors.recommendation}
            onChange={(v) => update((d) => ({ ...d, recommendation: v as ReviewDraft['recommendation'] }))}
          />
          <div className="field">
            <label htmlFor="overall-comment" className="field__label">
              {t('form.overall')}
            </label>
            <textarea
              id="overall-comment"
              className="input"
              rows={5}
              value={draft.comment ?? ''}
              onChange={(e) => update((d) => ({ ...d, comment: e.target.value }))}
              data-testid="overall-comment"
            />
          </div>
          <p role="status" data-testid="save-status" data-state={auto.status.kind}>
            {statusText(auto.status)}
          </p>
          {detail ? (
            <div className="form-error" role="alert" data-testid="form-error">
              {detail}
            </div>
          ) : null}
          {locked ? null : (
            <button type="submit" className="button" data-testid="submit-review">
              {t('form.submit')}
            </button>
          )}
        </fieldset>
      </form>
    </article>
  );
}

function Choice(props: {
  id: string;
  name: string;
  options: string[];
  optionLabel: (option: string) => string;
  value: string | null;
  error?: string;
  onChange: (value: string | null) => void;
}) {
  const { t } = useT('review');
  return (
    <div className={`field${props.error ? ' field--invalid' : ''}`}>
      <label htmlFor={props.id} className="field__label">
        {props.name}
      </label>
      <select
        id={props.id}
        className="input"
        value={props.value ?? ''}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${props.id}-error` : undefined}
        onChange={(e) => props.onChange(e.target.value || null)}
        data-testid={props.id}
      >
        <option value="">{t('form.choose')}</option>
        {props.options.map((o) => (
          <option key={o} value={o}>
            {props.optionLabel(o)}
          </option>
        ))}
      </select>
      {props.error ? (
        <p id={`${props.id}-error`} className="field__error" data-testid="field-error">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}
