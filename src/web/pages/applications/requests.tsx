import { HAZARDS, MOUNTING_SIDES, SAMPLE_FORMS } from '../../../domain/calls/vocabulary.js';
import type { CallDetail, CheckItem, ModuleOffer, PayloadRequest } from '../../calls-api.js';
import { envelope, mass, mg, mountingText, power } from '../../calls-format.js';
import { Chip } from '../../components/Chip.js';
import { formatTempRange, label } from '../../format.js';
import { i18n, useT } from '../../i18n/index.js';
import { emptyPayload, emptySample, patchAt, removeAt } from './document.js';
import { NumberInput, Select, TextArea, TextInput } from './fields.js';
import { SectionError, type SectionProps } from './sections.js';

type Props = SectionProps & { call: CallDetail; checks: CheckItem[] };

const checkOf = (checks: CheckItem[], field: string) => checks.find((c) => c.field === field);

function CheckChip({ item }: { item: CheckItem | undefined }) {
  const { t } = useT('applications');
  if (!item) return null;
  return <Chip value={`check-${item.result}`} text={t('requests.checkChip', { result: label(item.result) })} />;
}

type NumberKey =
  | 'massG'
  | 'avgPowerMw'
  | 'peakPowerMw'
  | 'dataMbPerDay'
  | 'lengthMm'
  | 'widthMm'
  | 'heightMm'
  | 'minTempC'
  | 'maxTempC';

/** "= 12.5 W" beside a field in mW. */
const watts = (mw: number | undefined) => (mw == null ? undefined : `= ${power(mw)}`);

export function SampleRequestsSection({ doc, update, errors, call, checks }: Props) {
  const { t } = useT('applications');
  if (call.sampleOffers.length === 0) return null;
  return (
    <section
      aria-labelledby="samples-heading"
      className="editor-section"
      data-testid="section-samples"
      data-field="sampleRequests"
    >
      <h2 id="samples-heading">{t('requests.samples')}</h2>
      <SectionError message={errors.sampleRequests} />
      {doc.sampleRequests.map((r, i) => {
        const offer = call.sampleOffers.find((o) => o.id === r.offerId);
        const path = `sampleRequests.${i}`;
        const set = (change: Partial<typeof r>) =>
          update((d) => ({ ...d, sampleRequests: patchAt(d.sampleRequests, i, change) }));
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in the document
          <fieldset key={i} className="fieldset row-card grid-2" data-testid="sample-request">
            <legend>
              {t('requests.sampleRequestN', { n: i + 1 })} <CheckChip item={checkOf(checks, path)} />
            </legend>
            <Select
              label={t('requests.sampleType')}
              path={`${path}.offerId`}
              value={r.offerId}
              placeholder={t('requests.chooseSampleType')}
              options={call.sampleOffers.map((o) => ({
                value: o.id,
                label: t('requests.sampleOption', {
                  type: label(o.sampleType),
                  collection: o.collectionName,
                  available: mg(o.availableMg - o.reserveMg),
                }),
              }))}
              onChange={(offerId) => set({ offerId })}
              error={errors[`${path}.offerId`]}
            />
            <NumberInput
              label={t('requests.mass')}
              unit="mg"
              path={`${path}.massMg`}
              value={r.massMg}
              onChange={(massMg) => set({ massMg })}
              hint={
                offer?.maxPerRequestMg != null ? t('requests.atMostPerRequest', { mass: mg(offer.maxPerRequestMg) }) : undefined
              }
              error={errors[`${path}.massMg`]}
            />
            <Select
              label={t('requests.form')}
              path={`${path}.form`}
              value={r.form}
              placeholder={t('requests.chooseForm')}
              options={SAMPLE_FORMS.map((f) => ({ value: f, label: label(f) }))}
              onChange={(form) => set({ form: (form || undefined) as typeof r.form })}
              error={errors[`${path}.form`]}
            />
            <TextArea
              label={t('requests.purposeOptional')}
              path={`${path}.purpose`}
              value={r.purpose}
              rows={2}
              maxLength={2000}
              onChange={(purpose) => set({ purpose: purpose || undefined })}
              error={errors[`${path}.purpose`]}
            />
            <button
              type="button"
              className="link-button"
              onClick={() => update((d) => ({ ...d, sampleRequests: removeAt(d.sampleRequests, i) }))}
            >
              {t('requests.removeSample', { n: i + 1 })}
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
            sampleRequests: [...d.sampleRequests, emptySample(call.sampleOffers.length === 1 ? call.sampleOffers[0]!.id : '')],
          }))
        }
        data-testid="add-sample-request"
      >
        {t('requests.addSample')}
      </button>
    </section>
  );
}

function limitHint(offer: ModuleOffer | undefined, pick: (o: ModuleOffer) => string | null, extra?: string) {
  const limit = offer ? pick(offer) : null;
  const parts = [extra, limit ? i18n.t('requests.limit', { ns: 'applications', limit }) : null].filter(Boolean);
  return parts.length ? parts.join(' ') : undefined;
}

export function PayloadRequestsSection({ doc, update, errors, call, checks }: Props) {
  const { t } = useT('applications');
  if (call.moduleOffers.length === 0) return null;
  return (
    <section
      aria-labelledby="payloads-heading"
      className="editor-section"
      data-testid="section-payloads"
      data-field="payloadRequests"
    >
      <h2 id="payloads-heading">{t('requests.payloads')}</h2>
      <SectionError message={errors.payloadRequests} />
      {doc.payloadRequests.map((r, i) => (
        <PayloadFields
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in the document
          key={i}
          index={i}
          request={r}
          call={call}
          errors={errors}
          check={checkOf(checks, `payloadRequests.${i}`)}
          set={(change) => update((d) => ({ ...d, payloadRequests: patchAt(d.payloadRequests, i, change) }))}
          remove={() => update((d) => ({ ...d, payloadRequests: removeAt(d.payloadRequests, i) }))}
        />
      ))}
      <button
        type="button"
        className="button button--quiet"
        onClick={() =>
          update((d) => ({
            ...d,
            payloadRequests: [...d.payloadRequests, emptyPayload(call.moduleOffers.length === 1 ? call.moduleOffers[0]!.id : '')],
          }))
        }
        data-testid="add-payload-request"
      >
        {t('requests.addPayload')}
      </button>
    </section>
  );
}

function PayloadFields({
  index: i,
  request: r,
  call,
  errors,
  check,
  set,
  remove,
}: {
  index: number;
  request: PayloadRequest;
  call: CallDetail;
  errors: Record<string, string>;
  check: CheckItem | undefined;
  set: (change: Partial<PayloadRequest>) => void;
  remove: () => void;
}) {
  const { t } = useT('applications');
  const offer = call.moduleOffers.find((o) => o.id === r.offerId);
  const path = `payloadRequests.${i}`;
  const num = (key: NumberKey, name: string, unit: string, hint?: string, min = 0, max?: number) => (
    <NumberInput
      label={name}
      unit={unit}
      path={`${path}.${key}`}
      value={r[key]}
      onChange={(value) => set({ [key]: value })}
      hint={hint}
      min={min}
      max={max}
      error={errors[`${path}.${key}`]}
    />
  );
  return (
    <fieldset className="fieldset row-card" data-testid="payload-request">
      <legend>
        {t('requests.payloadN', { n: i + 1 })}
        {r.name ? `: ${r.name}` : ''} <CheckChip item={check} />
      </legend>
      <div className="grid-2">
        <Select
          label={t('requests.hostModule')}
          path={`${path}.offerId`}
          value={r.offerId}
          placeholder={t('requests.chooseModule')}
          options={call.moduleOffers.map((o) => ({ value: o.id, label: `${o.hostModuleName} (${label(o.hostModuleKind)})` }))}
          onChange={(offerId) => set({ offerId })}
          error={errors[`${path}.offerId`]}
        />
        <TextInput
          label={t('requests.payloadName')}
          path={`${path}.name`}
          value={r.name}
          maxLength={200}
          onChange={(name) => set({ name: name || undefined })}
          error={errors[`${path}.name`]}
        />
        {num(
          'massG',
          t('requests.mass'),
          'g',
          limitHint(
            offer,
            (o) => (o.itemMaxMassG != null ? `≤ ${mass(o.itemMaxMassG)}` : null),
            r.massG != null ? `= ${mass(r.massG)}` : undefined,
          ),
        )}
        {num('dataMbPerDay', t('requests.data'), 'MB/day')}
        {num(
          'avgPowerMw',
          t('requests.averagePower'),
          'mW',
          limitHint(offer, (o) => (o.itemMaxAvgPowerMw != null ? `≤ ${power(o.itemMaxAvgPowerMw)}` : null), watts(r.avgPowerMw)),
        )}
        {num(
          'peakPowerMw',
          t('requests.peakPower'),
          'mW',
          limitHint(
            offer,
            (o) => (o.itemMaxPeakPowerMw != null ? `≤ ${power(o.itemMaxPeakPowerMw)}` : null),
            watts(r.peakPowerMw),
          ),
        )}
      </div>
      <fieldset className="fieldset fieldset--inner">
        <legend>
          {t('requests.envelope')}
          {offer && envelope(offer) ? ` — ${t('requests.envelopeLimit', { limit: envelope(offer) })}` : ''}
        </legend>
        <div className="grid-3">
          {num('lengthMm', t('requests.length'), 'mm')}
          {num('widthMm', t('requests.width'), 'mm')}
          {num('heightMm', t('requests.height'), 'mm')}
        </div>
      </fieldset>
      <fieldset className="fieldset fieldset--inner">
        <legend>
          {t('requests.temperature')}
          {offer?.itemMinTempC != null && offer.itemMaxTempC != null
            ? ` — ${t('requests.moduleOffers', { range: formatTempRange(offer.itemMinTempC, offer.itemMaxTempC) })}`
            : ''}
        </legend>
        <div className="grid-2">
          {num('minTempC', t('requests.lowest'), '°C', undefined, -273, 1000)}
          {num('maxTempC', t('requests.highest'), '°C', undefined, -273, 1000)}
        </div>
      </fieldset>
      <fieldset className="fieldset fieldset--inner" data-field={`${path}.mounting`}>
        <legend>
          {t('requests.mounting')}
          {offer ? ` — ${t('requests.moduleTakes', { mounting: mountingText(offer.mounting).toLowerCase() })}` : ''}
        </legend>
        <div>
          {MOUNTING_SIDES.map((side) => (
            <label key={side} className="check">
              <input
                type="radio"
                name={`${path}.mounting`}
                value={side}
                checked={r.mounting === side}
                onChange={() => set({ mounting: side })}
                aria-invalid={errors[`${path}.mounting`] ? true : undefined}
                data-testid={`f-${path}.mounting-${side}`}
              />
              {label(side)}
            </label>
          ))}
        </div>
        <SectionError message={errors[`${path}.mounting`]} />
      </fieldset>
      <fieldset className="fieldset fieldset--inner" data-field={`${path}.hazards`}>
        <legend>{t('requests.hazards')}</legend>
        <div>
          {HAZARDS.map((h) => (
            <label key={h} className="check">
              <input
                type="checkbox"
                checked={r.hazards.includes(h)}
                onChange={(e) =>
                  set({ hazards: e.target.checked ? [...r.hazards, h] : r.hazards.filter((x: string) => x !== h) })
                }
                data-testid={`f-${path}.hazards-${h}`}
              />
              {label(h)}
            </label>
          ))}
        </div>
        <SectionError message={errors[`${path}.hazards`]} />
      </fieldset>
      <button type="button" className="link-button" onClick={remove}>
        {t('requests.removePayload', { n: i + 1 })}
      </button>
    </fieldset>
  );
}
