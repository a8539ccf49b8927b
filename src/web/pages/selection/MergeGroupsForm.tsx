import { useId, useState } from 'react';
import { useT } from '../../i18n/index.js';
import { type SelectionProposal, selectionApi } from '../../selection-api.js';
import { messageOf } from '../review/common.js';

/**
 * Merged proposals (the 41 Chang'e-8 proposals merged into 10 projects): each project is selected
 * or rejected as a whole and uses the sum of its members' resources. A proposal joins one project.
 */
export function MergeGroupsForm({ proposal: p, onSaved }: { proposal: SelectionProposal; onSaved: () => void }) {
  const { t } = useT('selection');
  const id = useId();
  const [groups, setGroups] = useState(p.groups.map((g) => ({ name: g.name, members: g.members })));
  const [name, setName] = useState('');
  const [members, setMembers] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const title = (x: string) => p.proposals.find((q) => q.id === x)?.title ?? x;
  const taken = new Set(groups.flatMap((g) => g.members));
  const save = async (next: { name: string; members: string[] }[]) => {
    try {
      await selectionApi.setMergeGroups(p.callId, next);
      setError(null);
      onSaved();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const add = (event: React.FormEvent) => {
    event.preventDefault();
    if (!name.trim() || members.length < 2) return setError(t('merge.needTwo'));
    const next = [...groups, { name: name.trim(), members }];
    setGroups(next);
    setName('');
    setMembers([]);
    void save(next);
  };
  return (
    <details className="panel" open={p.groups.length > 0} data-testid="merge-panel">
      <summary>
        <h2 className="selection-summary-heading">{t('merge.heading')}</h2>
      </summary>
      <p className="muted">{t('merge.hint')}</p>
      {groups.length === 0 ? <p className="muted">{t('merge.none')}</p> : null}
      <ul className="selection-rule-list" data-testid="merge-groups">
        {groups.map((g, i) => (
          <li key={g.name} data-testid="merge-group">
            <strong>{g.name}</strong>: {g.members.map(title).join(', ')}{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => {
                const next = groups.filter((_, k) => k !== i);
                setGroups(next);
                void save(next);
              }}
            >
              {t('merge.remove', { name: g.name })}
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={add} data-testid="merge-form" aria-labelledby={`${id}-legend`}>
        <fieldset className="fieldset">
          <legend id={`${id}-legend`}>{t('merge.new')}</legend>
          <label className="field">
            <span className="field__label">{t('merge.name')}</span>
            <input className="input" value={name} onChange={(e) => setName(e.target.value)} data-testid="merge-name" />
          </label>
          <ul className="selection-rule-list">
            {p.proposals.map((q) => (
              <li key={q.id}>
                <label className="check">
                  <input
                    type="checkbox"
                    disabled={taken.has(q.id)}
                    checked={members.includes(q.id)}
                    onChange={(e) => setMembers((m) => (e.target.checked ? [...m, q.id] : m.filter((x) => x !== q.id)))}
                    data-testid="merge-member"
                  />{' '}
                  {q.title}
                </label>
              </li>
            ))}
          </ul>
          {error ? (
            <p className="form-error" role="alert">
              {error}
            </p>
          ) : null}
          <button type="submit" className="button" data-testid="merge-add">
            {t('merge.add')}
          </button>
        </fieldset>
      </form>
    </details>
  );
}
