import type { RegistryKind } from '../api.js';
import { label } from '../format.js';
import { useT } from '../i18n/index.js';
import { ScopeName } from './RecordPicker.js';

/** Where a scope's record lives in the registry API (calls are not in the registry yet). */
export const SCOPE_KIND: Record<string, RegistryKind | undefined> = {
  institution: 'institutions',
  program: 'programs',
  sample_collection: 'sample-collections',
};

/** "Program officer · Chang'e-8 cooperation": a role and the record it applies to. */
export function GrantLabel({ grant }: { grant: { role: string; scopeType: string | null; scopeId: string | null } }) {
  const { t } = useT('common');
  const kind = grant.scopeType ? SCOPE_KIND[grant.scopeType] : undefined;
  return (
    <span className="grant" data-testid="grant">
      <span className="grant__role">{label(grant.role)}</span>
      {grant.scopeId ? (
        <span className="grant__scope">
          {' · '}
          {grant.scopeType === 'call' ? `${t('grant.call')} ` : null}
          {kind ? <ScopeName kind={kind} id={grant.scopeId} /> : grant.scopeId}
        </span>
      ) : null}
    </span>
  );
}
