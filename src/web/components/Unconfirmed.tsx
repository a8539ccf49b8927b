import { useId, useState } from 'react';
import { usePortalT } from '../portal/localise.js';

/**
 * A visible marker for a fact the sources disagree on. It is a button: pressing it opens what the
 * sources say (the record's confidence note) and where that comes from; Escape or the button closes it.
 */
export function Unconfirmed({ fact }: { fact: { confidence: string; confidenceNote: string | null } }) {
  const { t } = usePortalT();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  if (fact.confidence !== 'unconfirmed') return null;
  const note = fact.confidenceNote ?? t('unconfirmed.fallback');
  return (
    <span className="unconfirmed-wrap">
      <button
        type="button"
        className="unconfirmed"
        title={note}
        aria-expanded={open}
        aria-controls={panelId}
        data-testid="unconfirmed"
        onClick={(event) => {
          event.preventDefault();
          event.stopPropagation();
          setOpen(!open);
        }}
      >
        {t('unconfirmed.badge')}
        <span className="visually-hidden">: {t('unconfirmed.show')}</span>
      </button>
      {open ? (
        <span
          id={panelId}
          className="sources"
          role="note"
          data-testid="sources"
          onKeyDown={(event) => {
            if (event.key === 'Escape') setOpen(false);
          }}
        >
          <strong className="sources__title">{t('unconfirmed.title')}</strong>
          <span className="sources__note" data-testid="sources-note">
            {note}
          </span>
          <span className="sources__where">{t('unconfirmed.where')}</span>
          <button type="button" className="button button--small" onClick={() => setOpen(false)}>
            {t('unconfirmed.close')}
          </button>
        </span>
      ) : null}
    </span>
  );
}
