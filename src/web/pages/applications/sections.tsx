import { PERSON_ROLES, TEAM_ROLES } from '../../../domain/calls/vocabulary.js';
import type { ApplicationDocument } from '../../calls-api.js';
import { RecordPicker } from '../../components/RecordPicker.js';
import { label } from '../../format.js';
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
  return (
    <section aria-labelledby="basics-heading" className="editor-section" data-testid="section-basics">
      <h2 id="basics-heading">Title and abstract</h2>
      <TextInput
        label="Title"
        path="title"
        value={doc.title}
        maxLength={300}
        onChange={(title) => update((d) => ({ ...d, title }))}
        error={errors.title}
      />
      <TextArea
        label="Abstract"
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
  return (
    <section aria-labelledby="team-heading" className="editor-section" data-testid="section-team" data-field="team">
      <h2 id="team-heading">Team</h2>
      <p className="field__hint">
        The institutions of the consortium: exactly one lead
        {maxEntities != null ? `, at most ${maxEntities} in all` : ''}.
      </p>
      <SectionError message={errors.team} />
      {doc.team.map((member, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in the document
        <fieldset key={i} className="fieldset row-card" data-testid="team-member">
          <legend>Institution {i + 1}</legend>
          <div data-field={`team.${i}.institutionId`}>
            <RecordPicker
              kind="institutions"
              label="Institution"
              value={member.institutionId}
              onChange={(institutionId) => update((d) => ({ ...d, team: patchAt(d.team, i, { institutionId }) }))}
              error={errors[`team.${i}.institutionId`]}
              testId={`team-${i}-institution`}
            />
          </div>
          <Select
            label="Role in the team"
            path={`team.${i}.role`}
            value={member.role}
            options={TEAM_ROLES.map((r) => ({ value: r, label: label(r) }))}
            onChange={(role) =>
              update((d) => ({ ...d, team: patchAt(d.team, i, { role: role as (typeof TEAM_ROLES)[number] }) }))
            }
            error={errors[`team.${i}.role`]}
          />
          <button type="button" className="link-button" onClick={() => update((d) => ({ ...d, team: removeAt(d.team, i) }))}>
            Remove institution {i + 1}
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
        Add an institution
      </button>
    </section>
  );
}

export function PeopleSection({ doc, update, errors }: SectionProps) {
  return (
    <section aria-labelledby="people-heading" className="editor-section" data-testid="section-people" data-field="people">
      <h2 id="people-heading">People</h2>
      <SectionError message={errors.people} />
      {doc.people.map((person, i) => {
        const set = (change: Partial<(typeof doc.people)[number]>) =>
          update((d) => ({ ...d, people: patchAt(d.people, i, change) }));
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in the document
          <fieldset key={i} className="fieldset row-card grid-2" data-testid="person">
            <legend>Person {i + 1}</legend>
            <TextInput
              label="Name"
              path={`people.${i}.name`}
              value={person.name}
              onChange={(name) => set({ name })}
              error={errors[`people.${i}.name`]}
            />
            <TextInput
              label="E-mail"
              type="email"
              path={`people.${i}.email`}
              value={person.email}
              onChange={(email) => set({ email: email || undefined })}
              error={errors[`people.${i}.email`]}
            />
            <TextInput
              label="ORCID iD"
              path={`people.${i}.orcid`}
              value={person.orcid}
              hint="e.g. 0000-0002-1825-0097"
              onChange={(orcid) => set({ orcid: orcid || undefined })}
              error={errors[`people.${i}.orcid`]}
            />
            <Select
              label="Role"
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
              Remove person {i + 1}
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
        Add a person
      </button>
    </section>
  );
}

const SCHEME = [
  ['objectives', 'Objectives', 'What the work sets out to find or show.'],
  ['methods', 'Methods', 'How: instruments, analyses, operations.'],
  ['expectedResults', 'Expected results', 'What will come out, and how it will be published.'],
  ['heritage', 'Heritage', 'Prior work, flight heritage, facilities.'],
] as const;

export function SchemeSection({ doc, update, errors }: SectionProps) {
  return (
    <section aria-labelledby="scheme-heading" className="editor-section" data-testid="section-scheme">
      <h2 id="scheme-heading">Experimental scheme</h2>
      {SCHEME.map(([key, name, hint]) => (
        <TextArea
          key={key}
          label={name}
          hint={hint}
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
