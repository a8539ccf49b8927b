import { useT } from '../i18n/index.js';

/** A visible marker for a fact the sources disagree on; the note shows as a tooltip and is read out. */
export function Unconfirmed({ fact }: { fact: { confidence: string; confidenceNote: string | null } }) {
  const { t } = useT('common');
  if (fact.confidence !== 'unconfirmed') return null;
  const note = fact.confidenceNote ?? t('unconfirmed.defaultNote');
  return (
    <span className="unconfirmed" title={note} data-testid="unconfirmed">
      {t('unconfirmed.label')}
      <span className="visually-hidden">: {note}</span>
    </span>
  );
}
