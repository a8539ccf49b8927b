import { ROLE_SCOPE, ROLES, type Role } from '../../../domain/accounts/roles.js';
import { Field, type FieldErrors, TextField } from '../../components/Form.js';
import { SCOPE_KIND } from '../../components/GrantLabel.js';
import { RecordPicker } from '../../components/RecordPicker.js';
import { label } from '../../format.js';
import { i18n, useT } from '../../i18n/index.js';

export interface GrantDraft {
  role: Role | '';
  scopeId: string;
}

export const emptyGrant = (): GrantDraft => ({ role: '', scopeId: '' });

const t = (key: string) => i18n.t(key, { ns: 'admin' });
const scopeLabel = (scope: string) => t(`grant.scope.${scope}`);

/** What the roles without a scope may do, shown when one is chosen. */
const UNSCOPED_HINT: Partial<Record<Role, string>> = {
  administrator: 'grant.hint.administrator',
  registry_editor: 'grant.hint.registry_editor',
};

/** The grant as the API takes it: a scope only for the roles that have one. */
export function grantInput(draft: GrantDraft): { role: Role; scopeId: string | null } {
  const role = draft.role as Role;
  return { role, scopeId: ROLE_SCOPE[role] ? draft.scopeId.trim() : null };
}

/** Client-side check: a role is chosen, and a scoped role names its scope. Keys are `${prefix}role` / `${prefix}scopeId`. */
export function grantProblems(draft: GrantDraft, prefix = ''): FieldErrors {
  if (!draft.role) return { [`${prefix}role`]: t('grant.chooseRole') };
  const scope = ROLE_SCOPE[draft.role];
  if (scope && !draft.scopeId.trim()) return { [`${prefix}scopeId`]: t(`grant.chooseScope.${scope}`) };
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
  const { t } = useT('admin');
  const scope = draft.role ? ROLE_SCOPE[draft.role] : null;
  const hint = draft.role ? UNSCOPED_HINT[draft.role] : undefined;
  const kind = scope ? SCOPE_KIND[scope] : undefined;
  return (
    <div className="grant-fields" data-testid={testId}>
      <Field label={t('grant.role')} error={errors.role} hint={hint ? t(hint) : undefined}>
        {(props) => (
          <select
            {...props}
            className="input"
            value={draft.role}
            onChange={(e) => onChange({ role: e.target.value as Role | '', scopeId: '' })}
            data-testid={`${testId}-role`}
          >
            <option value="">{t('grant.chooseRoleOption')}</option>
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
          label={scopeLabel(scope)}
          value={draft.scopeId}
          onChange={(scopeId) => onChange({ ...draft, scopeId })}
          error={errors.scopeId}
          testId={`${testId}-scope`}
        />
      ) : scope ? (
        <TextField
          label={scopeLabel(scope)}
          hint={t('grant.callHint')}
          value={draft.scopeId}
          onChange={(e) => onChange({ ...draft, scopeId: e.target.value })}
          error={errors.scopeId}
          testId={`${testId}-scope-text`}
        />
      ) : null}
    </div>
  );
}
