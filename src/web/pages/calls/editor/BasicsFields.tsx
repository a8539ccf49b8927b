import { useT } from '../../../i18n/index.js';
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
  const { t } = useT('calls');
  const zone = form.timeZone || 'UTC';
  return (
    <section aria-labelledby="call-basics-heading" className="editor-section" data-testid="call-basics">
      <h2 id="call-basics-heading">{t('basics.heading')}</h2>
      <TextInput
        label={t('basics.title')}
        path="title"
        value={form.title}
        maxLength={300}
        onChange={(title) => set((f) => ({ ...f, title }))}
        error={errors.title}
      />
      {creating ? (
        <>
          <TextInput
            label={t('basics.slug')}
            path="slug"
            value={form.slug}
            hint={t('basics.slugHint')}
            onChange={(slug) => set((f) => ({ ...f, slug }))}
            error={errors.slug}
          />
          <Select
            label={t('basics.program')}
            path="programId"
            value={form.programId}
            placeholder={t('basics.chooseProgram')}
            options={choices.programs.map((p) => ({ value: p.id, label: p.name }))}
            onChange={(programId) => set((f) => ({ ...f, programId }))}
            error={errors.programId}
          />
        </>
      ) : null}
      <TextArea
        label={t('basics.summary')}
        path="summary"
        value={form.summary}
        rows={3}
        maxLength={5000}
        onChange={(summary) => set((f) => ({ ...f, summary }))}
        error={errors.summary}
      />
      <Select
        label={t('basics.stages')}
        path="stages"
        value={form.stages}
        options={[
          { value: '1', label: t('basics.oneStage') },
          { value: '2', label: t('basics.twoStages') },
        ]}
        onChange={(stages) => set((f) => ({ ...f, stages: stages === '2' ? '2' : '1' }))}
        error={errors.stages}
      />
      <Select
        label={t('basics.timeZone')}
        path="timeZone"
        value={form.timeZone}
        options={timeZones().map((z) => ({ value: z, label: z }))}
        onChange={(timeZone) => set((f) => ({ ...f, timeZone }))}
        error={errors.timeZone}
        hint={t('basics.timeZoneHint')}
      />
      <div className="grid-2">
        <TextInput
          label={t('editor.opensIn', { zone })}
          type="datetime-local"
          path="opensAt"
          value={form.opensAt}
          onChange={(opensAt) => set((f) => ({ ...f, opensAt }))}
          error={errors.opensAt}
        />
        {form.stages === '2' ? (
          <TextInput
            label={t('editor.loiDueIn', { zone })}
            type="datetime-local"
            path="loiClosesAt"
            value={form.loiClosesAt}
            onChange={(loiClosesAt) => set((f) => ({ ...f, loiClosesAt }))}
            error={errors.loiClosesAt}
          />
        ) : null}
        <TextInput
          label={t(form.stages === '2' ? 'editor.fullDueIn' : 'editor.applicationsDueIn', { zone })}
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
