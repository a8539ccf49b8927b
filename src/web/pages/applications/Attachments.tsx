import { useState } from 'react';
import { type Attachment, applicationsApi, type RequiredDocument } from '../../calls-api.js';
import { bytes } from '../../calls-format.js';
import { formatDateTime } from '../../format.js';
import { useT } from '../../i18n/index.js';
import type { Errors } from './document.js';
import { SectionError } from './sections.js';

/** One PDF upload per required document, each shown with its size and SHA-256. */
export function AttachmentsSection({
  applicationId,
  documents,
  attachments,
  onChange,
  errors,
  readOnly,
}: {
  applicationId: string;
  documents: RequiredDocument[];
  attachments: Attachment[];
  onChange: (next: Attachment[]) => void;
  errors: Errors;
  readOnly: boolean;
}) {
  const { t } = useT('applications');
  const [busy, setBusy] = useState<string | null>(null);
  const [failed, setFailed] = useState<Record<string, string>>({});
  if (documents.length === 0) return null;

  const upload = async (key: string, file: File | undefined) => {
    if (!file) return;
    if (file.type && file.type !== 'application/pdf') {
      setFailed((f) => ({ ...f, [key]: t('attach.choosePdf') }));
      return;
    }
    setBusy(key);
    setFailed((f) => ({ ...f, [key]: '' }));
    try {
      const added = await applicationsApi.upload(applicationId, key, file);
      onChange([...attachments, added]);
    } catch (e) {
      setFailed((f) => ({ ...f, [key]: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(null);
    }
  };

  const remove = async (a: Attachment) => {
    setBusy(a.documentKey);
    try {
      await applicationsApi.removeAttachment(applicationId, a.id);
      onChange(attachments.filter((x) => x.id !== a.id));
    } catch (e) {
      setFailed((f) => ({ ...f, [a.documentKey]: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section
      aria-labelledby="attachments-heading"
      className="editor-section"
      data-testid="section-attachments"
      data-field="attachments"
    >
      <h2 id="attachments-heading">{t('attach.heading')}</h2>
      <SectionError message={errors.attachments} />
      <ul className="attachments">
        {documents.map((d) => {
          const files = attachments.filter((a) => a.documentKey === d.key);
          const error = failed[d.key] || errors[`attachments.${d.key}`] || errors[`documents.${d.key}`];
          const inputId = `attach-${d.key}`;
          return (
            <li key={d.key} className="attachment" data-testid="attachment-slot" data-field={`attachments.${d.key}`}>
              <p className="attachment__name">
                <strong>{d.name}</strong>{' '}
                <span className="muted">({d.required ? t('attach.required') : t('attach.optional')})</span>
              </p>
              {files.map((a) => (
                <div key={a.id} className="attachment__file" data-testid="attachment">
                  <a href={applicationsApi.attachmentUrl(applicationId, a.id)} className="break">
                    {a.filename}
                  </a>{' '}
                  <span className="muted">
                    {t('attach.uploaded', { size: bytes(a.sizeBytes), at: formatDateTime(a.uploadedAt) })}
                  </span>
                  <p className="cell-note">
                    SHA-256{' '}
                    <code className="checksum" data-testid="attachment-sha256">
                      {a.sha256}
                    </code>
                  </p>
                  {!readOnly ? (
                    <button type="button" className="link-button" onClick={() => void remove(a)} disabled={busy === d.key}>
                      {t('attach.remove', { name: a.filename })}
                    </button>
                  ) : null}
                </div>
              ))}
              {!readOnly ? (
                <div className="field">
                  <label htmlFor={inputId} className="field__label">
                    {files.length > 0 ? t('attach.uploadAnother') : t('attach.upload')}
                  </label>
                  <input
                    id={inputId}
                    type="file"
                    accept="application/pdf,.pdf"
                    className="input"
                    disabled={busy === d.key}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `${inputId}-error` : undefined}
                    onChange={(e) => {
                      void upload(d.key, e.target.files?.[0]);
                      e.target.value = '';
                    }}
                    data-testid={`upload-${d.key}`}
                  />
                  {busy === d.key ? (
                    <p className="muted" role="status">
                      {t('attach.uploading')}
                    </p>
                  ) : null}
                  {error ? (
                    <p id={`${inputId}-error`} className="field__error" data-testid="field-error">
                      {error}
                    </p>
                  ) : null}
                </div>
              ) : files.length === 0 ? (
                <p className="muted">{t('attach.none')}</p>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
