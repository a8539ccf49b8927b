import { useEffect, useId, useState } from 'react';
import { formatInZone, viewerTimeZone } from '../../clock.js';
import { useT } from '../../i18n/index.js';
import { type Board, type Consensus, type Panel, type PanelEntry, reviewApi } from '../../review-api.js';
import { messageOf, NotYet, type Remote, remoteFailure } from './common.js';

// The panel's record: a consensus per proposal with reasons and discussion, then frozen (with a
// confirmation) into a hashed, audited record that selection reads; once frozen it is read-only.

export function PanelSection({ board }: { board: Board }) {
  const { t } = useT('review');
  const roundId = board.round.id;
  const [state, setState] = useState<Remote<Panel>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `round` asks for a reload
  useEffect(() => {
    const controller = new AbortController();
    reviewApi.panel(roundId, controller.signal).then(
      (data) => setState({ state: 'ready', data }),
      (e) => !controller.signal.aborted && setState(remoteFailure(e)),
    );
    return () => controller.abort();
  }, [roundId, round]);
  const freeze = async () => {
    if (!window.confirm(t('panel.confirmFreeze'))) return;
    try {
      await reviewApi.freezePanel(roundId);
      setRound((r) => r + 1);
    } catch (e) {
      setMessage(messageOf(e));
    }
  };
  return (
    <section id="panel" className="panel" aria-labelledby="panel-heading" data-testid="panel-section">
      <h2 id="panel-heading">{t('panel.heading')}</h2>
      {state.state === 'loading' ? <p role="status">{t('common.loading')}</p> : null}
      {state.state === 'missing' ? <NotYet what={t('panel.what')} /> : null}
      {state.state === 'error' ? <p role="alert">{state.message}</p> : null}
      {state.state === 'ready' ? (
        <>
          {state.data.frozen ? (
            <p data-testid="panel-frozen">
              {t('panel.frozen', {
                when: formatInZone(state.data.frozen.frozenAt, viewerTimeZone()),
                by: state.data.frozen.frozenBy,
              })}{' '}
              SHA-256 <code data-testid="panel-hash">{state.data.frozen.sha256}</code>
            </p>
          ) : null}
          {board.proposals.map((p) => (
            <EntryForm
              key={p.id}
              roundId={roundId}
              title={p.title}
              applicationId={p.id}
              entry={state.data.entries.find((e) => e.applicationId === p.id)}
              readOnly={!!state.data.frozen}
            />
          ))}
          {state.data.frozen ? null : (
            <p>
              <button type="button" className="button" onClick={() => void freeze()} data-testid="freeze-panel">
                {t('panel.freeze')}
              </button>
            </p>
          )}
          <p role="status">{message}</p>
        </>
      ) : null}
    </section>
  );
}

function EntryForm(props: { roundId: string; applicationId: string; title: string; entry?: PanelEntry; readOnly: boolean }) {
  const { t } = useT('review');
  const id = useId();
  const [consensus, setConsensus] = useState<Consensus | ''>(props.entry?.consensus ?? '');
  const [reasons, setReasons] = useState(props.entry?.reasons ?? '');
  const [discussion, setDiscussion] = useState(props.entry?.discussion ?? '');
  const [status, setStatus] = useState<string | null>(null);
  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    try {
      await reviewApi.savePanelEntry(props.roundId, props.applicationId, { consensus: consensus || null, reasons, discussion });
      setStatus(t('panel.saved'));
    } catch (e) {
      setStatus(messageOf(e));
    }
  };
  return (
    <form onSubmit={save} className="panel-entry" aria-labelledby={`${id}-title`} data-testid="panel-entry">
      <h3 id={`${id}-title`}>{props.title}</h3>
      <fieldset disabled={props.readOnly}>
        <div className="field">
          <label htmlFor={`${id}-consensus`} className="field__label">
            {t('panel.consensus')}
          </label>
          <select
            id={`${id}-consensus`}
            className="input"
            value={consensus}
            onChange={(e) => setConsensus(e.target.value as Consensus | '')}
            data-testid="panel-consensus"
          >
            <option value="">{t('panel.notDecided')}</option>
            <option value="select">{t('recommendation.select')}</option>
            <option value="conditional">{t('recommendation.conditional')}</option>
            <option value="reject">{t('recommendation.reject')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-reasons`} className="field__label">
            {t('panel.reasons')}
          </label>
          <textarea
            id={`${id}-reasons`}
            className="input"
            rows={2}
            value={reasons}
            onChange={(e) => setReasons(e.target.value)}
            data-testid="panel-reasons"
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-discussion`} className="field__label">
            {t('panel.discussion')}
          </label>
          <textarea
            id={`${id}-discussion`}
            className="input"
            rows={3}
            value={discussion}
            onChange={(e) => setDiscussion(e.target.value)}
            data-testid="panel-discussion"
          />
        </div>
        {props.readOnly ? null : (
          <button type="submit" className="button" data-testid="panel-save">
            {t('panel.save')}
          </button>
        )}
        <p role="status" data-testid="panel-entry-status">
          {status}
        </p>
      </fieldset>
    </form>
  );
}
