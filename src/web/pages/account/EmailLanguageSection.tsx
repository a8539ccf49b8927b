import { useState } from 'react';
import { LOCALES, type Locale } from '../../../domain/accounts/roles.js';
import { type Account, accountApi } from '../../api.js';
import { Field, FormError, SubmitButton, useForm } from '../../components/Form.js';
import { useT } from '../../i18n/index.js';

/** The language of the person's e-mails, kept on the account (the page's language is the browser's choice). */
export function EmailLanguageSection({ account }: { account: Account }) {
  const { t } = useT('accounts');
  const form = useForm();
  const [locale, setLocale] = useState<Locale>(account.locale);
  const [saved, setSaved] = useState<Locale | null>(null);
  const onSubmit = form.submit(async () => {
    setSaved((await accountApi.setLocale(locale)).locale);
  });
  return (
    <section aria-labelledby="email-language-heading">
      <h2 id="email-language-heading">{t('emailLanguage.heading')}</h2>
      <form
        ref={form.formRef}
        className="form card form--inline"
        onSubmit={onSubmit}
        noValidate
        data-testid="email-language-form"
      >
        <FormError message={form.detail} />
        <Field label={t('emailLanguage.label')} hint={t('emailLanguage.hint')} error={form.fields.locale}>
          {(props) => (
            <select
              {...props}
              className="input"
              value={locale}
              onChange={(e) => {
                setLocale(e.target.value as Locale);
                setSaved(null);
              }}
              data-testid="email-language"
            >
              {LOCALES.map((l) => (
                <option key={l} value={l} lang={l}>
                  {t(`language.${l}`, { ns: 'common' })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="form__actions">
          <SubmitButton busy={form.busy} testId="email-language-save">
            {t('emailLanguage.save')}
          </SubmitButton>
          <span role="status" className="muted" data-testid="email-language-saved">
            {saved ? t('emailLanguage.saved', { language: t(`language.${saved}`, { ns: 'common' }) }) : ''}
          </span>
        </div>
      </form>
    </section>
  );
}
