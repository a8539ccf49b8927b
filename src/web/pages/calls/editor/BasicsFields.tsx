import { Select, TextArea, TextInput } from '../../applications/fields.js';
import type { EditorSectionProps, RegistryChoices } from './editor-types.js';
import { timeZones } from './zoned-time.js';

/** Title, program, stages and the submission window (wall-clock times in the call's time zone). */
export function BasicsFields({
  form,
  set,
  errors,
  creating,
  choices,
}: EditorSectionProps & { creating: boolean; choices: RegistryChoices }) {
  const zone = form.timeZone || 'UTC';
  return (
    <section aria-labelledby="call-basics-heading" className="editor-section" data-testid="call-basics">
      <h2 id="call-basics-heading">The call</h2>
      <TextInput
        label="Title"
        path="title"
        value={form.title}
        maxLength={300}
        onChange={(title) => set((f) => ({ ...f, title }))}
        error={errors.title}
      />
      {creating ? (
        <>
          <TextInput
            label="Address (slug)"
            path="slug"
            value={form.slug}
            hint="Lower-case letters, digits and hyphens, e.g. change-8-payloads-2027; it cannot change later."
            onChange={(slug) => set((f) => ({ ...f, slug }))}
            error={errors.slug}
          />
          <Select
            label="Program"
            path="programId"
            value={form.programId}
            placeholder="Choose a program"
            options={choices.programs.map((p) => ({ value: p.id, label: p.name }))}
            onChange={(programId) => set((f) => ({ ...f, programId }))}
            error={errors.programId}
          />
        </>
      ) : null}
      <TextArea
        label="Summary"
        path="summary"
        value={form.summary}
        rows={3}
        maxLength={5000}
        onChange={(summary) => set((f) => ({ ...f, summary }))}
        error={errors.summary}
      />
      <Select
        label="Stages"
        path="stages"
        value={form.stages}
        options={[
          { value: '1', label: 'One stage: full proposals' },
          { value: '2', label: 'Two stages: letters of intent, then full proposals of the shortlisted' },
        ]}
        onChange={(stages) => set((f) => ({ ...f, stages: stages === '2' ? '2' : '1' }))}
        error={errors.stages}
      />
      <Select
        label="Time zone of the deadlines"
        path="timeZone"
        value={form.timeZone}
        options={timeZones().map((z) => ({ value: z, label: z }))}
        onChange={(timeZone) => set((f) => ({ ...f, timeZone }))}
        error={errors.timeZone}
        hint="The dates below are clock times in this zone; applicants also see them in their own."
      />
      <div className="grid-2">
        <TextInput
          label={`Opens (${zone})`}
          type="datetime-local"
          path="opensAt"
          value={form.opensAt}
          onChange={(opensAt) => set((f) => ({ ...f, opensAt }))}
          error={errors.opensAt}
        />
        {form.stages === '2' ? (
          <TextInput
            label={`Letters of intent due (${zone})`}
            type="datetime-local"
            path="loiClosesAt"
            value={form.loiClosesAt}
            onChange={(loiClosesAt) => set((f) => ({ ...f, loiClosesAt }))}
            error={errors.loiClosesAt}
          />
        ) : null}
        <TextInput
          label={`${form.stages === '2' ? 'Full proposals' : 'Applications'} due (${zone})`}
          type="datetime-local"
          path="closesAt"
          value={form.closesAt}
          onChange={(closesAt) => set((f) => ({ ...f, closesAt }))}
          error={errors.closesAt}
        />
      </div>
    </section>
  );
}
