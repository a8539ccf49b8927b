import { mg } from '../../../calls-format.js';
import { label } from '../../../format.js';
import { Select, TextInput } from '../../applications/fields.js';
import { SectionError } from '../../applications/sections.js';
import { emptyModuleOffer, emptySampleOffer, MODULE_NUMBER_FIELDS } from './call-form.js';
import { type EditorSectionProps, patch, type RegistryChoices, without } from './editor-types.js';

/** Sample mass offered per sample type, with the reserve the agency keeps back, in mg. */
export function SampleOffersFields({ form, set, errors, choices }: EditorSectionProps & { choices: RegistryChoices }) {
  return (
    <section aria-labelledby="call-samples-heading" className="editor-section" data-testid="call-sample-offers">
      <h2 id="call-samples-heading">Samples offered</h2>
      <SectionError message={errors.sampleOffers} />
      {form.sampleOffers.map((o, i) => {
        const at = `sampleOffers.${i}`;
        const change = (v: Partial<typeof o>) => set((f) => ({ ...f, sampleOffers: patch(f.sampleOffers, i, v) }));
        const collection = choices.collections.find((c) => c.id === o.sampleCollectionId);
        const available = Number(o.availableMg);
        const reserve = Number(o.reserveMg) || 0;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in the list
          <fieldset key={i} className="fieldset row-card grid-2" data-testid="sample-offer-fields">
            <legend>Sample offer {i + 1}</legend>
            <Select
              label="Collection"
              path={`${at}.sampleCollectionId`}
              value={o.sampleCollectionId}
              placeholder="Choose a collection"
              options={choices.collections.map((c) => ({ value: c.id, label: c.name }))}
              onChange={(sampleCollectionId) => change({ sampleCollectionId, sampleType: '' })}
              error={errors[`${at}.sampleCollectionId`]}
            />
            <Select
              label="Sample type"
              path={`${at}.sampleType`}
              value={o.sampleType}
              placeholder={collection ? 'Choose a sample type' : 'Choose the collection first'}
              options={(collection?.sampleTypes ?? []).map((t) => ({ value: t, label: label(t) }))}
              onChange={(sampleType) => change({ sampleType })}
              error={errors[`${at}.sampleType`]}
            />
            <TextInput
              label="Mass offered (mg)"
              path={`${at}.availableMg`}
              value={o.availableMg}
              onChange={(availableMg) => change({ availableMg })}
              error={errors[`${at}.availableMg`]}
            />
            <TextInput
              label="Reserve kept back (mg)"
              path={`${at}.reserveMg`}
              value={o.reserveMg}
              hint={Number.isInteger(available) && available >= reserve ? `${mg(available - reserve)} can be lent.` : undefined}
              onChange={(reserveMg) => change({ reserveMg })}
              error={errors[`${at}.reserveMg`]}
            />
            <TextInput
              label="Largest single request (mg)"
              path={`${at}.maxPerRequestMg`}
              value={o.maxPerRequestMg}
              hint="Empty: no limit per request."
              onChange={(maxPerRequestMg) => change({ maxPerRequestMg })}
              error={errors[`${at}.maxPerRequestMg`]}
            />
            <button
              type="button"
              className="link-button"
              onClick={() => set((f) => ({ ...f, sampleOffers: without(f.sampleOffers, i) }))}
            >
              Remove sample offer {i + 1}
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        className="button button--quiet"
        onClick={() => set((f) => ({ ...f, sampleOffers: [...f.sampleOffers, emptySampleOffer()] }))}
        data-testid="add-sample-offer"
      >
        Offer samples
      </button>
    </section>
  );
}

/** Host-module pools and per-item limits (g, mW, MB/day, mm, °C); blank numbers take the module's own. */
export function ModuleOffersFields({ form, set, errors, choices }: EditorSectionProps & { choices: RegistryChoices }) {
  return (
    <section aria-labelledby="call-modules-heading" className="editor-section" data-testid="call-module-offers">
      <h2 id="call-modules-heading">Payload accommodation offered</h2>
      <p className="field__hint">Numbers left empty take the host module’s own values from the registry.</p>
      <SectionError message={errors.moduleOffers} />
      {form.moduleOffers.map((o, i) => {
        const at = `moduleOffers.${i}`;
        const change = (v: Partial<typeof o>) => set((f) => ({ ...f, moduleOffers: patch(f.moduleOffers, i, v) }));
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in the list
          <fieldset key={i} className="fieldset row-card grid-2" data-testid="module-offer-fields">
            <legend>Module offer {i + 1}</legend>
            <Select
              label="Host module"
              path={`${at}.hostModuleId`}
              value={o.hostModuleId}
              placeholder="Choose a host module"
              options={choices.modules.map((m) => ({ value: m.id, label: `${m.missionName} · ${m.name}` }))}
              onChange={(hostModuleId) => change({ hostModuleId })}
              error={errors[`${at}.hostModuleId`]}
            />
            <Select
              label="Mounting"
              path={`${at}.mounting`}
              value={o.mounting}
              placeholder="As the module allows"
              options={[
                { value: 'inside', label: 'Inside' },
                { value: 'outside', label: 'Outside' },
                { value: 'either', label: 'Inside or outside' },
              ]}
              onChange={(mounting) => change({ mounting })}
              error={errors[`${at}.mounting`]}
            />
            {MODULE_NUMBER_FIELDS.map(([key, name, unit]) => (
              <TextInput
                key={key}
                label={`${name} (${unit})`}
                path={`${at}.${key}`}
                value={o[key]}
                onChange={(value) => change({ [key]: value })}
                error={errors[`${at}.${key}`]}
              />
            ))}
            <button
              type="button"
              className="link-button"
              onClick={() => set((f) => ({ ...f, moduleOffers: without(f.moduleOffers, i) }))}
            >
              Remove module offer {i + 1}
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        className="button button--quiet"
        onClick={() => set((f) => ({ ...f, moduleOffers: [...f.moduleOffers, emptyModuleOffer()] }))}
        data-testid="add-module-offer"
      >
        Offer payload accommodation
      </button>
    </section>
  );
}
