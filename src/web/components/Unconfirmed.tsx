/** A visible marker for a fact the sources disagree on; the note shows as a tooltip and is read out. */
export function Unconfirmed({ fact }: { fact: { confidence: string; confidenceNote: string | null } }) {
  if (fact.confidence !== 'unconfirmed') return null;
  const note = fact.confidenceNote ?? 'Sources disagree on this fact.';
  return (
    <span className="unconfirmed" title={note} data-testid="unconfirmed">
      unconfirmed<span className="visually-hidden">: {note}</span>
    </span>
  );
}
