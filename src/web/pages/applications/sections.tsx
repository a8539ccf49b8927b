import { PERSON_ROLES, TEAM_ROLES } from '../../../domain/calls/vocabulary.js';
import type { ApplicationDocument } from '../../calls-api.js';
import { RecordPicker } from '../../components/RecordPicker.js';
import { label } from '../../format.js';
import { useT } from '../../i18n/index.js';
import { type Errors, patchAt, removeAt, type Update } from './document.js';
import { Select, TextArea, TextInput } from './fields.js';

export interface SectionProps {
  doc: ApplicationDocument;
  update: Update;
  errors: Errors;
}

/** A section's own error (e.g. "exactly one lead" on `team`). */
export function SectionError({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <p className="field__error" data-testid="section-error">
      {message}
    </p>
  );
}

export function BasicsSection({ doc, update, errors }: SectionProps) {
  const { t } = useT('applications');
  return (
    <section aria-labelledby="basics-heading" className="editor-section" data-testid="section-basics">
      <h2 id="basics-heading">{t('sections.basics')}</h2>
      <TextInput
        label={t('sections.title')}
        path="title"
        value={doc.title}
        maxLength={300}
        onChange={(title) => update((d) => ({ ...d, title }))}
        error={errors.title}
      />
      <TextArea
        label={t('sections.abstract')}
        path="abstract"
        value={doc.abstract}
        maxLength={5000}
        rows={6}
        onChange={(abstract) => update((d) => ({ ...d, abstract }))}
        error={errors.abstract}
      />
    </section>
  );
}

export function TeamSection({ doc, update, errors, maxEntities }: SectionProps & { maxEntities?: number }) {
  const { t } = useT('applications');
  return (
    <section aria-labelledby="team-heading" className="editor-section" data-testid="section-team" data-field="team">
      <h2 id="team-heading">{t('sections.team')}</h2>
      <p className="field__hint">
        {maxEntities != null ? t('sections.teamHintMax', { max: maxEntities }) : t('sections.teamHint')}
      </p>
      <SectionError message={errors.team} />
      {doc.team.map((member, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in the document
        <fieldset key={i} className="fieldset row-card" data-testid="team-member">
          <legend>{t('sections.institutionN', { n: i + 1 })}</legend>
          <div data-field={`team.${i}.institutionId`}>
            <RecordPicker
              kind="institutions"
              label={t('sections.institution')}
              value={member.institutionId}
              onChange={(institutionId) => update((d) => ({ ...d, team: patchAt(d.team, i, { institutionId }) }))}
              error={errors[`team.${i}.institutionId`]}
              testId={`team-${i}-institution`}
            />
          </div>
          <Select
            label={t('sections.teamRole')}
            path={`team.${i}.role`}
            value={member.role}
            options={TEAM_ROLES.map((r) => ({ value: r, label: label(r) }))}
            onChange={(role) =>
              update((d) => ({ ...d, team: patchAt(d.team, i, { role: role as (typeof TEAM_ROLES)[number] }) }))
            }
            error={errors[`team.${i}.role`]}
          />
          <button type="button" className="link-button" onClick={() => update((d) => ({ ...d, team: removeAt(d.team, i) }))}>
            {t('sections.removeInstitution', { n: i + 1 })}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        className="button button--quiet"
        onClick={() =>
          update((d) => ({ ...d, team: [...d.team, { institutionId: '', role: d.team.length === 0 ? 'lead' : 'partner' }] }))
        }
        data-testid="add-team-member"
      >
        {t('sections.addInstitution')}
      </button>
    </section>
  );
}

export function PeopleSection({ doc, update, errors }: SectionProps) {
  const { t } = useT('applications');
  return (
    <section aria-labelledby="people-heading" className="editor-section" data-testid="section-people" data-field="people">
      <h2 id="people-heading">{t('sections.people')}</h2>
      <SectionError message={errors.people} />
      {doc.people.map((person, i) => {
        const set = (change: Partial<(typeof doc.people)[number]>) =>
          update((d) => ({ ...d, people: patchAt(d.people, i, change) }));
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in the document
          <fieldset key={i} className="fieldset row-card grid-2" data-testid="person">
            <legend>{t('sections.personN', { n: i + 1 })}</legend>
            <TextInput
              label={t('sections.name')}
              path={`people.${i}.name`}
              value={person.name}
              onChange={(name) => set({ name })}
              error={errors[`people.${i}.name`]}
            />
            <TextInput
              label={t('sections.email')}
              type="email"
              path={`people.${i}.email`}
              value={person.email}
              onChange={(email) => set({ email: email || undefined })}
              error={errors[`people.${i}.email`]}
            />
            <TextInput
              label={t('sections.orcid')}
              path={`people.${i}.orcid`}
              value={person.orcid}
              hint={t('sections.orcidHint')}
              onChange={(orcid) => set({ orcid: orcid || undefined })}
              error={errors[`people.${i}.orcid`]}
            />
            <Select
              label={t('sections.role')}
              path={`people.${i}.role`}
              value={person.role}
              options={PERSON_ROLES.map((r) => ({ value: r, label: label(r) }))}
              onChange={(role) => set({ role: role as (typeof PERSON_ROLES)[number] })}
              error={errors[`people.${i}.role`]}
            />
            <button
              type="button"
              className="link-button"
              onClick={() => update((d) => ({ ...d, people: removeAt(d.people, i) }))}
            >
              {t('sections.removePerson', { n: i + 1 })}
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        className="button button--quiet"
        onClick={() =>
          update((d) => ({
            ...d,
            people: [...d.people, { name: '', role: d.people.length === 0 ? 'principal_investigator' : 'co_investigator' }],
          }))
        }
        data-testid="add-person"
      >
        {t('sections.addPerson')}
      </button>
    </section>
  );
}

/** The scheme's parts; their names and hints are `scheme.<key>` and `scheme.<key>Hint` in the catalogue. */
const SCHEME = ['objectives', 'methods', 'expectedResults', 'heritage'] as const;

export function SchemeSection({ doc, update, errors }: SectionProps) {
  const { t } = useT('applications');
  return (
    <section aria-labelledby="scheme-heading" className="editor-section" data-testid="section-scheme">
      <h2 id="scheme-heading">{t('sections.scheme')}</h2>
      {SCHEME.map((key) => (
        <TextArea
          key={key}
          label={t(`scheme.${key}`)}
          hint={t(`scheme.${key}Hint`)}
          path={`scheme.${key}`}
          value={doc.scheme[key]}
          maxLength={20000}
          onChange={(text) => update((d) => ({ ...d, scheme: { ...d.scheme, [key]: text } }))}
          error={errors[`scheme.${key}`]}
        />
      ))}
    </section>
  );
}
