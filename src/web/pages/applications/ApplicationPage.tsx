import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api.js';
import {
  type ApplicationDetail,
  type Attachment,
  applicationsApi,
  type CallDetail,
  type CheckAnswer,
  callsApi,
} from '../../calls-api.js';
import { formatClockTime, formatInZone, syncClock, useServerNow } from '../../clock.js';
import { Chip } from '../../components/Chip.js';
import { Countdown } from '../../components/Deadline.js';
import { Meta } from '../../components/Meta.js';
import { Loaded } from '../../components/PageState.js';
import { RequireAccount } from '../../components/RequireAccount.js';
import { label } from '../../format.js';
import { useT } from '../../i18n/index.js';
import { LettersSection } from '../../results/LettersSection.js';
import { Link } from '../../router.js';
import { useLoadedState } from '../../use-load.js';
import { useTitle } from '../../use-title.js';
import { ApplicantConflicts } from '../review/ApplicantConflicts.js';
import { AttachmentsSection } from './Attachments.js';
import { CheckPanel } from './CheckPanel.js';
import { currentErrors, type Errors, errorsOf, focusField, normalize } from './document.js';
import { PayloadRequestsSection, SampleRequestsSection } from './requests.js';
import { SaveStatusLine, StatusPanel } from './StatusPanel.js';
import { BasicsSection, PeopleSection, SchemeSection, TeamSection } from './sections.js';
import { dropLocalCopy, readLocalCopy, useAutosave } from './use-autosave.js';

export function ApplicationPage({ id }: { id: string }) {
  return <RequireAccount>{() => <ApplicationLoader id={id} />}</RequireAccount>;
}

function ApplicationLoader({ id }: { id: string }) {
  const { t } = useT('applications');
  const { load, reload } = useLoadedState(async (signal) => {
    const app = await applicationsApi.one(id, signal);
    const call = await callsApi.one(app.callId, signal);
    syncClock(call.serverNow);
    return { app, call };
  }, id);
  useTitle(load.state === 'ready' ? load.data.app.title || t('page.untitled') : t('page.title'));
  return (
    <Loaded load={load} what={t('page.what')}>
      {({ app, call }) => <Application key={`${app.status}-${app.submittedVersion}`} app={app} call={call} onChanged={reload} />}
    </Loaded>
  );
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function Application({ app, call, onChanged }: { app: ApplicationDetail; call: CallDetail; onChanged: () => void }) {
  const { t } = useT('applications');
  const now = useServerNow();
  const deadline = app.closesAt;
  const past = Date.parse(deadline) <= now;
  const [amending, setAmending] = useState(false);
  // Staff read a submitted version (shownVersion set), never a draft: nothing of it is editable.
  const ownView = app.shownVersion === null;
  const editable = ownView && !past && (app.status === 'draft' || (app.status === 'submitted' && amending));

  const [check, setCheck] = useState<{ answer: CheckAnswer | null; running: boolean; error: string | null }>({
    answer: null,
    running: false,
    error: null,
  });
  const checking = useRef<Promise<void> | null>(null);
  const checkAgain = useRef(false);
  const runCheck = useCallback(async () => {
    if (checking.current) {
      checkAgain.current = true;
      return;
    }
    setCheck((c) => ({ ...c, running: true }));
    checking.current = applicationsApi.check(app.id).then(
      (answer) => setCheck({ answer, running: false, error: null }),
      (e: unknown) => setCheck((c) => ({ ...c, running: false, error: e instanceof Error ? e.message : String(e) })),
    );
    await checking.current;
    checking.current = null;
    if (checkAgain.current) {
      checkAgain.current = false;
      void runCheck();
    }
  }, [app.id]);

  const { doc, update, status, saveNow, revision } = useAutosave(app.id, normalize(app.draft), app.draftRevision, {
    onSaved: () => void runCheck(),
  });

  // A copy this browser kept (unsaved when the tab closed): put it back when it follows the server's
  // revision, or offer it when someone saved in between.
  const [offered, setOffered] = useState<{ at: number; apply: () => void } | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on opening
  useEffect(() => {
    const local = readLocalCopy(app.id);
    if (!local) {
      if (editable) void runCheck();
      return;
    }
    const copy = normalize(local.doc);
    if (!editable || same(copy, normalize(app.draft))) {
      if (same(copy, normalize(app.draft))) dropLocalCopy(app.id);
      if (editable) void runCheck();
      return;
    }
    if (local.baseRevision === app.draftRevision) update(() => copy);
    else setOffered({ at: local.at, apply: () => update(() => copy) });
  }, []);

  const [submitErrors, setSubmitErrors] = useState<{ errors: Errors; doc: unknown }>({ errors: {}, doc: null });
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const editor = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (attempt === 0) return;
    const first = editor.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (first) {
      first.focus();
      first.scrollIntoView({ block: 'center' });
    } else document.querySelector<HTMLElement>('[data-testid="submit-errors"]')?.focus();
  }, [attempt]);

  const submit = async () => {
    setSubmitting(true);
    setSubmitError(null);
    try {
      if (!(await saveNow())) {
        setSubmitError(t('page.notSaved'));
        setAttempt((a) => a + 1);
        return;
      }
      await applicationsApi.submit(app.id, revision());
      dropLocalCopy(app.id);
      setSubmitErrors({ errors: {}, doc: null });
      onChanged();
    } catch (e) {
      const issues = e instanceof ApiError ? e.issues : [];
      setSubmitErrors({ errors: errorsOf(issues), doc: normalize(doc) });
      setSubmitError(e instanceof Error ? e.message : String(e));
      setAttempt((a) => a + 1);
    } finally {
      setSubmitting(false);
    }
  };

  const [attachments, setAttachments] = useState<Attachment[]>(app.attachments);
  const errors = currentErrors(submitErrors.errors, submitErrors.doc, doc, new Set(attachments.map((a) => a.documentKey)));
  const sectionProps = { doc, update, errors };

  return (
    <article data-testid="application-page" data-status={app.status}>
      <nav aria-label={t('page.breadcrumb')} className="breadcrumb">
        <Link to="/applications">{t('page.myApplications')}</Link> / <Link to={`/calls/${call.slug}`}>{call.title}</Link> /
      </nav>
      <div className="page-head">
        <h1 data-testid="application-title">{doc.title || t('page.untitled')}</h1>
      </div>
      <LettersSection applicationId={app.id} />
      <Meta
        items={[
          <Chip key="status" value={app.status} />,
          label(app.stage),
          <>
            {t('page.due', { at: formatInZone(deadline, call.timeZone) })} ·{' '}
            <Countdown at={deadline} testId="application-countdown" />
          </>,
        ]}
      />

      {app.status !== 'draft' ? (
        <StatusPanel app={app} past={past} amending={amending} onAmend={() => setAmending(true)} onChanged={onChanged} />
      ) : null}
      {app.submittedVersion != null ? <ApplicantConflicts applicationId={app.id} ownerAccountId={app.ownerAccountId} /> : null}
      {past && app.status === 'draft' ? (
        <p className="callout callout--warn" data-testid="read-only">
          {t('page.readOnly')}
        </p>
      ) : null}
      {offered && editable ? (
        <div className="callout" role="status" data-testid="local-copy">
          {t('page.localCopy', { at: formatClockTime(offered.at) })}{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => {
              offered.apply();
              setOffered(null);
            }}
          >
            {t('page.useLocal')}
          </button>{' '}
          ·{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => {
              dropLocalCopy(app.id);
              setOffered(null);
            }}
          >
            {t('page.discard')}
          </button>
        </div>
      ) : null}

      <div className="editor-layout">
        <form
          ref={editor}
          className="editor"
          onSubmit={(e) => {
            e.preventDefault();
            if (editable) void submit();
          }}
          noValidate
          data-testid="application-editor"
        >
          {editable ? <SaveStatusLine status={status} /> : null}
          <fieldset disabled={!editable} className="editor__fields">
            <legend className="visually-hidden">{t('page.title')}</legend>
            <BasicsSection {...sectionProps} />
            <TeamSection {...sectionProps} maxEntities={call.eligibility.maxEntities} />
            <PeopleSection {...sectionProps} />
            <SchemeSection {...sectionProps} />
            <SampleRequestsSection {...sectionProps} call={call} checks={check.answer?.check.items ?? []} />
            <PayloadRequestsSection {...sectionProps} call={call} checks={check.answer?.check.items ?? []} />
          </fieldset>
          <AttachmentsSection
            applicationId={app.id}
            documents={call.requiredDocuments}
            attachments={attachments}
            onChange={setAttachments}
            errors={errors}
            readOnly={!editable}
          />
          {editable ? (
            <div className="submit-bar">
              {submitError ? (
                <div className="form-error" role="alert" tabIndex={-1} data-testid="submit-errors">
                  <p className="submit-errors__title">{submitError}</p>
                  {Object.values(errors).some((m) => m !== submitError) ? (
                    <ul>
                      {Object.entries(errors)
                        .filter(([, message]) => message !== submitError)
                        .map(([field, message]) => (
                          <li key={field}>
                            <button type="button" className="link-button" onClick={() => focusField(field)}>
                              {message}
                            </button>
                          </li>
                        ))}
                    </ul>
                  ) : null}
                </div>
              ) : null}
              <div className="form__actions">
                <button
                  type="submit"
                  className="button"
                  disabled={submitting}
                  aria-busy={submitting || undefined}
                  data-testid="submit-application"
                >
                  {submitting ? t('page.submitting') : app.status === 'submitted' ? t('page.submitAmended') : t('page.submit')}
                </button>
                {amending ? (
                  <button type="button" className="button button--quiet" onClick={() => setAmending(false)}>
                    {t('page.stopAmending')}
                  </button>
                ) : null}
                <span className="muted">{t('page.checkedAtOnce')}</span>
              </div>
            </div>
          ) : null}
        </form>
        {editable || check.answer ? (
          <aside className="editor-aside">
            <CheckPanel answer={check.answer} running={check.running} error={check.error} doc={doc} call={call} />
          </aside>
        ) : app.check ? (
          <aside className="editor-aside">
            <CheckPanel
              answer={{ revision: app.draftRevision, issues: [], check: app.check, window: { open: !past, closesAt: deadline } }}
              running={false}
              error={null}
              doc={doc}
              call={call}
            />
          </aside>
        ) : null}
      </div>
    </article>
  );
}
