import { ROLE_SCOPE, ROLES, type Role } from '../../../domain/accounts/roles.js';
import { Field, type FieldErrors, TextField } from '../../components/Form.js';
import { SCOPE_KIND } from '../../components/GrantLabel.js';
import { RecordPicker } from '../../components/RecordPicker.js';
import { label } from '../../format.js';

export interface GrantDraft {
  role: Role | '';
  scopeId: string;
}

export const emptyGrant = (): GrantDraft => ({ role: '', scopeId: '' });

const SCOPE_LABEL: Record<string, string> = {
  institution: 'Institution',
  program: 'Program',
  sample_collection: 'Sample collection',
  call: 'Call id',
};

/** What the roles without a scope may do, shown when one is chosen. */
const UNSCOPED_HINT: Partial<Record<Role, string>> = {
  administrator: 'Everything, everywhere.',
  registry_editor:
    "Keeps the registry's shared reference data (countries, organisations, institutions, people, missions, host modules, sample collections) and creates programs. Each program's partnerships and projects stay with its officers.",
};

/** The grant as the API takes it: a scope only for the roles that have one. */
export function grantInput(draft: GrantDraft): { role: Role; scopeId: string | null } {
  const role = draft.role as Role;
  return { role, scopeId: ROLE_SCOPE[role] ? draft.scopeId.trim() : null };
}

/** Client-side check: a role is chosen, and a scoped role names its scope. Keys are `${prefix}role` / `${prefix}scopeId`. */
export function grantProblems(draft: GrantDraft, prefix = ''): FieldErrors {
  if (!draft.role) return { [`${prefix}role`]: 'Choose a role.' };
  const scope = ROLE_SCOPE[draft.role];
  if (scope && !draft.scopeId.trim())
    return { [`${prefix}scopeId`]: `Choose the ${SCOPE_LABEL[scope]?.toLowerCase()} this role applies to.` };
  return {};
}

/** A role, and for scoped roles the record it applies to. */
export function GrantFields({
  draft,
  onChange,
  errors,
  testId,
}: {
  draft: GrantDraft;
  onChange: (draft: GrantDraft) => void;
  errors: { role?: string; scopeId?: string };
  testId: string;
}) {
  const scope = draft.role ? ROLE_SCOPE[draft.role] : null;
  const kind = scope ? SCOPE_KIND[scope] : undefined;
  return (
    <div className="grant-fields" data-testid={testId}>
      <Field label="Role" error={errors.role} hint={draft.role ? UNSCOPED_HINT[draft.role] : undefined}>
        {(props) => (
          <select
            {...props}
            className="input"
            value={draft.role}
            onChange={(e) => onChange({ role: e.target.value as Role | '', scopeId: '' })}
            data-testid={`${testId}-role`}
          >
            <option value="">Choose a role</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {label(r)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {scope && kind ? (
        <RecordPicker
          key={`${draft.role}-${kind}`}
          kind={kind}
          label={SCOPE_LABEL[scope] ?? scope}
          value={draft.scopeId}
          onChange={(scopeId) => onChange({ ...draft, scopeId })}
          error={errors.scopeId}
          testId={`${testId}-scope`}
        />
      ) : scope ? (
        <TextField
          label={SCOPE_LABEL[scope] ?? scope}
          hint="Calls are not in the registry yet: paste the call's id."
          value={draft.scopeId}
          onChange={(e) => onChange({ ...draft, scopeId: e.target.value })}
          error={errors.scopeId}
          testId={`${testId}-scope-text`}
        />
      ) : null}
    </div>
  );
}
