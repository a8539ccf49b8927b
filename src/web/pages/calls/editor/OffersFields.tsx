import { mg } from '../../../calls-format.js';
import { label } from '../../../format.js';
import { useT } from '../../../i18n/index.js';
import { Select, TextInput } from '../../applications/fields.js';
import { SectionError } from '../../applications/sections.js';
import { emptyModuleOffer, emptySampleOffer, MODULE_NUMBER_FIELDS } from './call-form.js';
import { type EditorSectionProps, patch, type RegistryChoices, without } from './editor-types.js';

/** Sample mass offered per sample type, with the reserve the agency keeps back, in mg. */
export function SampleOffersFields({ form, set, errors, choices }: EditorSectionProps & { choices: RegistryChoices }) {
  const { t } = useT('calls');
  return (
    <section aria-labelledby="call-samples-heading" className="editor-section" data-testid="call-sample-offers">
      <h2 id="call-samples-heading">{t('offers.samples')}</h2>
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
            <legend>{t('offers.sampleOfferN', { n: i + 1 })}</legend>
            <Select
              label={t('offers.collection')}
              path={`${at}.sampleCollectionId`}
              value={o.sampleCollectionId}
              placeholder={t('offers.chooseCollection')}
              options={choices.collections.map((c) => ({ value: c.id, label: c.name }))}
              onChange={(sampleCollectionId) => change({ sampleCollectionId, sampleType: '' })}
              error={errors[`${at}.sampleCollectionId`]}
            />
            <Select
              label={t('offers.sampleType')}
              path={`${at}.sampleType`}
              value={o.sampleType}
              placeholder={collection ? t('offers.chooseSampleType') : t('offers.chooseCollectionFirst')}
              options={(collection?.sampleTypes ?? []).map((type) => ({ value: type, label: label(type) }))}
              onChange={(sampleType) => change({ sampleType })}
              error={errors[`${at}.sampleType`]}
            />
            <TextInput
              label={t('offers.massOffered')}
              path={`${at}.availableMg`}
              value={o.availableMg}
              onChange={(availableMg) => change({ availableMg })}
              error={errors[`${at}.availableMg`]}
            />
            <TextInput
              label={t('offers.reserve')}
              path={`${at}.reserveMg`}
              value={o.reserveMg}
              hint={
                Number.isInteger(available) && available >= reserve
                  ? t('offers.canBeLent', { mass: mg(available - reserve) })
                  : undefined
              }
              onChange={(reserveMg) => change({ reserveMg })}
              error={errors[`${at}.reserveMg`]}
            />
            <TextInput
              label={t('offers.largest')}
              path={`${at}.maxPerRequestMg`}
              value={o.maxPerRequestMg}
              hint={t('offers.noLimit')}
              onChange={(maxPerRequestMg) => change({ maxPerRequestMg })}
              error={errors[`${at}.maxPerRequestMg`]}
            />
            <button
              type="button"
              className="link-button"
              onClick={() => set((f) => ({ ...f, sampleOffers: without(f.sampleOffers, i) }))}
            >
              {t('offers.removeSample', { n: i + 1 })}
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
        {t('offers.addSample')}
      </button>
    </section>
  );
}

/** Host-module pools and per-item limits (g, mW, MB/day, mm, °C); blank numbers take the module's own. */
export function ModuleOffersFields({ form, set, errors, choices }: EditorSectionProps & { choices: RegistryChoices }) {
  const { t } = useT('calls');
  return (
    <section aria-labelledby="call-modules-heading" className="editor-section" data-testid="call-module-offers">
      <h2 id="call-modules-heading">{t('offers.modules')}</h2>
      <p className="field__hint">{t('offers.modulesHint')}</p>
      <SectionError message={errors.moduleOffers} />
      {form.moduleOffers.map((o, i) => {
        const at = `moduleOffers.${i}`;
        const change = (v: Partial<typeof o>) => set((f) => ({ ...f, moduleOffers: patch(f.moduleOffers, i, v) }));
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in the list
          <fieldset key={i} className="fieldset row-card grid-2" data-testid="module-offer-fields">
            <legend>{t('offers.moduleOfferN', { n: i + 1 })}</legend>
            <Select
              label={t('offers.hostModule')}
              path={`${at}.hostModuleId`}
              value={o.hostModuleId}
              placeholder={t('offers.chooseHostModule')}
              options={choices.modules.map((m) => ({ value: m.id, label: `${m.missionName} · ${m.name}` }))}
              onChange={(hostModuleId) => change({ hostModuleId })}
              error={errors[`${at}.hostModuleId`]}
            />
            <Select
              label={t('offers.mounting')}
              path={`${at}.mounting`}
              value={o.mounting}
              placeholder={t('offers.asModuleAllows')}
              options={[
                { value: 'inside', label: label('inside') },
                { value: 'outside', label: label('outside') },
                { value: 'either', label: label('either') },
              ]}
              onChange={(mounting) => change({ mounting })}
              error={errors[`${at}.mounting`]}
            />
            {MODULE_NUMBER_FIELDS.map(([key, unit]) => (
              <TextInput
                key={key}
                label={t('offers.withUnit', {
                  name: t(`offers.field.${key}`),
                  unit: t(`unitName.${unit}`, { ns: 'common' }),
                })}
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
              {t('offers.removeModule', { n: i + 1 })}
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
        {t('offers.addModule')}
      </button>
    </section>
  );
}
