import { useState } from 'react';
import { ApiError, isAdministrator, useSession } from '../../../api.js';
import { type CallDetail, callsApi } from '../../../calls-api.js';
import { syncClock } from '../../../clock.js';
import { Chip } from '../../../components/Chip.js';
import { Loaded } from '../../../components/PageState.js';
import { RequireAccount } from '../../../components/RequireAccount.js';
import { useT } from '../../../i18n/index.js';
import { Link, navigate } from '../../../router.js';
import { useLoad } from '../../../use-load.js';
import { useTitle } from '../../../use-title.js';
import { type Errors, errorsOf, focusField } from '../../applications/document.js';
import { officerPrograms } from '../staff-roles.js';
import { BasicsFields } from './BasicsFields.js';
import { bodyOf, type CallForm, changeOf, emptyCallForm, formOf } from './call-form.js';
import type { RegistryChoices } from './editor-types.js';
import { ModuleOffersFields, SampleOffersFields } from './OffersFields.js';
import { CriteriaFields, DocumentsFields, EligibilityFields } from './RulesFields.js';
import { loadRegistryChoices } from './registry-choices.js';
import { StateActions } from './StateActions.js';

/** The officer's call editor: create a draft, edit it, publish, close or cancel it (what the API allows). */
export function CallEditorPage({ id }: { id?: string }) {
  return <RequireAccount>{() => <EditorLoader id={id} />}</RequireAccount>;
}

function EditorLoader({ id }: { id?: string }) {
  const { t } = useT('calls');
  const { account } = useSession();
  const load = useLoad(
    async (signal) => {
      const [choices, call] = await Promise.all([
        loadRegistryChoices(isAdministrator(account) ? 'all' : officerPrograms(account), signal),
        id ? callsApi.one(id, signal) : Promise.resolve(null),
      ]);
      if (call) syncClock(call.serverNow);
      return { choices, call };
    },
    `editor-${id ?? 'new'}`,
  );
  useTitle(
    id
      ? load.state === 'ready' && load.data.call
        ? t('editor.editTitle', { call: load.data.call.title })
        : t('editor.editCall')
      : t('editor.newCall'),
  );
  return (
    <Loaded load={load} what={t('call.what')}>
      {({ choices, call }) => <Editor key={call?.updatedAt ?? 'new'} initial={call} choices={choices} />}
    </Loaded>
  );
}

function Editor({ initial, choices }: { initial: CallDetail | null; choices: RegistryChoices }) {
  const { t } = useT('calls');
  const [call, setCall] = useState(initial);
  const [form, setForm] = useState<CallForm>(() => (initial ? formOf(initial) : emptyCallForm(choices.programs[0]?.id)));
  const [errors, setErrors] = useState<Errors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const draft = !call || call.status === 'draft';
  const editable = !call || call.can.edit;

  const save = async () => {
    setBusy(true);
    setProblem(null);
    setSaved(null);
    try {
      if (!call) {
        const created = await callsApi.create(bodyOf(form));
        navigate(`/staff/calls/${created.id}/edit`, { replace: true });
        return;
      }
      const updated = await callsApi.update(call.id, changeOf(form, call.status));
      setCall(updated);
      setForm(formOf(updated));
      setErrors({});
      setSaved(t('editor.saved'));
    } catch (e) {
      const issues = e instanceof ApiError ? e.issues : [];
      setErrors(errorsOf(issues));
      setProblem(
        issues.length > 1
          ? t('editor.notSavedMany', { count: issues.length })
          : e instanceof Error
            ? t('editor.notSaved', { message: e.message })
            : String(e),
      );
      requestAnimationFrame(() => {
        if (!issues[0] || !focusField(issues[0].field))
          document.querySelector<HTMLElement>('[data-testid="call-editor-error"]')?.focus();
      });
    } finally {
      setBusy(false);
    }
  };

  const props = { form, set: setForm, errors };
  // Messages whose field has no control here (e.g. the whole list) are listed in the summary only.
  const listed = Object.entries(errors);
  return (
    <article data-testid="call-editor" data-status={call?.status ?? 'new'}>
      <nav aria-label={t('call.breadcrumb')} className="breadcrumb">
        <Link to="/staff/calls">{t('mine.title')}</Link> /{' '}
        {call ? (
          <>
            <Link to={`/calls/${call.slug}`}>{call.title}</Link> /
          </>
        ) : null}
      </nav>
      <div className="page-head">
        <h1>{call ? (draft ? t('editor.editDraft') : t('editor.manage')) : t('editor.newCall')}</h1>
        {call ? <Chip value={call.status} /> : null}
      </div>
      {call ? (
        <StateActions
          call={call}
          onChanged={(next) => {
            setCall(next);
            setForm(formOf(next));
            setErrors({});
          }}
        />
      ) : null}
      {!draft ? (
        <p className="callout" data-testid="published-note">
          {call?.can.edit ? t('editor.publishedNote') : t('editor.notEditable')}
        </p>
      ) : null}
      <form
        className="editor"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (editable) void save();
        }}
        data-testid="call-editor-form"
      >
        {problem ? (
          <div className="form-error" role="alert" tabIndex={-1} data-testid="call-editor-error">
            <p className="submit-errors__title">{problem}</p>
            {listed.length > 1 ? (
              <ul>
                {listed.map(([field, message]) => (
                  <li key={field}>
                    <button type="button" className="link-button" onClick={() => focusField(field)}>
                      {field}: {message}
                    </button>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        {draft ? (
          <fieldset className="editor__fields" disabled={!editable}>
            <legend className="visually-hidden">{t('editor.call')}</legend>
            <BasicsFields {...props} creating={!call} choices={choices} />
            <EligibilityFields {...props} />
            <CriteriaFields {...props} />
            <SampleOffersFields {...props} choices={choices} />
            <ModuleOffersFields {...props} choices={choices} />
            <DocumentsFields {...props} />
          </fieldset>
        ) : call?.can.edit ? (
          <DeadlineOnly {...props} />
        ) : null}
        {editable && (draft || call?.can.edit) ? (
          <div className="form__actions">
            <button type="submit" className="button" disabled={busy} aria-busy={busy || undefined} data-testid="save-call">
              {busy ? t('editor.saving') : call ? t('editor.save') : t('editor.createDraft')}
            </button>
            <span role="status" className="muted" data-testid="call-saved">
              {saved}
            </span>
          </div>
        ) : null}
      </form>
    </article>
  );
}

function DeadlineOnly({ form, set, errors }: { form: CallForm; set: (c: (f: CallForm) => CallForm) => void; errors: Errors }) {
  const { t } = useT('calls');
  return (
    <section aria-labelledby="deadline-heading" className="editor-section">
      <h2 id="deadline-heading">{t('editor.deadline')}</h2>
      <div className="field">
        <label htmlFor="closes-at" className="field__label">
          {t(form.stages === '2' ? 'editor.fullDueIn' : 'editor.applicationsDueIn', { zone: form.timeZone })}
        </label>
        <input
          id="closes-at"
          className="input"
          type="datetime-local"
          value={form.closesAt}
          onChange={(e) => set((f) => ({ ...f, closesAt: e.target.value }))}
          aria-invalid={errors.closesAt ? true : undefined}
          aria-describedby={errors.closesAt ? 'closes-at-error' : undefined}
          data-field="closesAt"
          data-testid="f-closesAt"
        />
        {errors.closesAt ? (
          <p id="closes-at-error" className="field__error" data-testid="field-error">
            {errors.closesAt}
          </p>
        ) : null}
      </div>
    </section>
  );
}
