import { useT } from '../../../i18n/index.js';
import { TextArea, TextInput } from '../../applications/fields.js';
import { SectionError } from '../../applications/sections.js';
import { type EditorSectionProps, patch, without } from './editor-types.js';

/** Who may apply: country lists as ISO codes, the largest team, international organisations. */
export function EligibilityFields({ form, set, errors }: EditorSectionProps) {
  const { t } = useT('calls');
  const e = form.eligibility;
  const setE = (change: Partial<typeof e>) => set((f) => ({ ...f, eligibility: { ...f.eligibility, ...change } }));
  return (
    <section aria-labelledby="call-eligibility-heading" className="editor-section" data-testid="call-eligibility-fields">
      <h2 id="call-eligibility-heading">{t('rules.eligibility')}</h2>
      <SectionError message={errors.eligibility} />
      <TextInput
        label={t('rules.allowed')}
        path="eligibility.allowedCountries"
        value={e.allowedCountries}
        hint={t('rules.allowedHint')}
        onChange={(allowedCountries) => setE({ allowedCountries })}
        error={errors['eligibility.allowedCountries']}
      />
      <TextInput
        label={t('rules.excluded')}
        path="eligibility.excludedCountries"
        value={e.excludedCountries}
        onChange={(excludedCountries) => setE({ excludedCountries })}
        error={errors['eligibility.excludedCountries']}
      />
      <TextInput
        label={t('rules.lead')}
        path="eligibility.leadCountries"
        value={e.leadCountries}
        onChange={(leadCountries) => setE({ leadCountries })}
        error={errors['eligibility.leadCountries']}
      />
      <TextInput
        label={t('rules.maxEntities')}
        path="eligibility.maxEntities"
        value={e.maxEntities}
        onChange={(maxEntities) => setE({ maxEntities })}
        error={errors['eligibility.maxEntities']}
      />
      <label className="check" data-field="eligibility.allowInternationalOrganisations">
        <input
          type="checkbox"
          checked={e.allowInternationalOrganisations}
          onChange={(ev) => setE({ allowInternationalOrganisations: ev.target.checked })}
          data-testid="f-eligibility.allowInternationalOrganisations"
        />{' '}
        {t('rules.internationalOrgs')}
      </label>
    </section>
  );
}

/** Weighted evaluation criteria; the weights sum to 100. */
export function CriteriaFields({ form, set, errors }: EditorSectionProps) {
  const { t } = useT('calls');
  const total = form.criteria.reduce((sum, c) => sum + (Number(c.weight) || 0), 0);
  return (
    <section
      aria-labelledby="call-criteria-heading"
      className="editor-section"
      data-testid="call-criteria-fields"
      data-field="criteria"
    >
      <h2 id="call-criteria-heading">{t('rules.criteria')}</h2>
      <p className="field__hint" data-testid="criteria-total">
        {t('rules.weights', { total })}
      </p>
      <SectionError message={errors.criteria} />
      {form.criteria.map((c, i) => {
        const at = `criteria.${i}`;
        const change = (v: Partial<typeof c>) => set((f) => ({ ...f, criteria: patch(f.criteria, i, v) }));
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in the list
          <fieldset key={i} className="fieldset row-card grid-2" data-testid="criterion">
            <legend>{t('rules.criterionN', { n: i + 1 })}</legend>
            <TextInput
              label={t('rules.name')}
              path={`${at}.name`}
              value={c.name}
              onChange={(name) => change({ name })}
              error={errors[`${at}.name`]}
            />
            <TextInput
              label={t('rules.key')}
              path={`${at}.key`}
              value={c.key}
              hint={t('rules.criterionKeyHint')}
              onChange={(key) => change({ key })}
              error={errors[`${at}.key`]}
            />
            <TextInput
              label={t('rules.weight')}
              path={`${at}.weight`}
              value={c.weight}
              onChange={(weight) => change({ weight })}
              error={errors[`${at}.weight`]}
            />
            <TextArea
              label={t('rules.description')}
              path={`${at}.description`}
              value={c.description}
              rows={2}
              onChange={(description) => change({ description })}
              error={errors[`${at}.description`]}
            />
            <button
              type="button"
              className="link-button"
              onClick={() => set((f) => ({ ...f, criteria: without(f.criteria, i) }))}
            >
              {t('rules.removeCriterion', { n: i + 1 })}
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        className="button button--quiet"
        onClick={() => set((f) => ({ ...f, criteria: [...f.criteria, { key: '', name: '', description: '', weight: '' }] }))}
        data-testid="add-criterion"
      >
        {t('rules.addCriterion')}
      </button>
    </section>
  );
}

/** The PDF documents applicants attach. */
export function DocumentsFields({ form, set, errors }: EditorSectionProps) {
  const { t } = useT('calls');
  return (
    <section aria-labelledby="call-documents-heading" className="editor-section" data-testid="call-documents-fields">
      <h2 id="call-documents-heading">{t('rules.documents')}</h2>
      <SectionError message={errors.requiredDocuments} />
      {form.requiredDocuments.map((d, i) => {
        const at = `requiredDocuments.${i}`;
        const change = (v: Partial<typeof d>) => set((f) => ({ ...f, requiredDocuments: patch(f.requiredDocuments, i, v) }));
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in the list
          <fieldset key={i} className="fieldset row-card grid-2" data-testid="required-document">
            <legend>{t('rules.documentN', { n: i + 1 })}</legend>
            <TextInput
              label={t('rules.name')}
              path={`${at}.name`}
              value={d.name}
              onChange={(name) => change({ name })}
              error={errors[`${at}.name`]}
            />
            <TextInput
              label={t('rules.key')}
              path={`${at}.key`}
              value={d.key}
              hint={t('rules.documentKeyHint')}
              onChange={(key) => change({ key })}
              error={errors[`${at}.key`]}
            />
            <label className="check" data-field={`${at}.required`}>
              <input type="checkbox" checked={d.required} onChange={(ev) => change({ required: ev.target.checked })} />{' '}
              {t('rules.required')}
            </label>
            <button
              type="button"
              className="link-button"
              onClick={() => set((f) => ({ ...f, requiredDocuments: without(f.requiredDocuments, i) }))}
            >
              {t('rules.removeDocument', { n: i + 1 })}
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        className="button button--quiet"
        onClick={() =>
          set((f) => ({
            ...f,
            requiredDocuments: [...f.requiredDocuments, { key: '', name: '', required: true, description: '' }],
          }))
        }
        data-testid="add-document"
      >
        {t('rules.addDocument')}
      </button>
    </section>
  );
}
