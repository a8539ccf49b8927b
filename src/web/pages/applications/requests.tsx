import { HAZARDS, MOUNTING_SIDES, SAMPLE_FORMS } from '../../../domain/calls/vocabulary.js';
import type { CallDetail, CheckItem, ModuleOffer, PayloadRequest } from '../../calls-api.js';
import { envelope, mass, mg, mountingText, power } from '../../calls-format.js';
import { Chip } from '../../components/Chip.js';
import { formatTempRange, label } from '../../format.js';
import { emptyPayload, emptySample, patchAt, removeAt } from './document.js';
import { NumberInput, Select, TextArea, TextInput } from './fields.js';
import { SectionError, type SectionProps } from './sections.js';

type Props = SectionProps & { call: CallDetail; checks: CheckItem[] };

const checkOf = (checks: CheckItem[], field: string) => checks.find((c) => c.field === field);

function CheckChip({ item }: { item: CheckItem | undefined }) {
  if (!item) return null;
  return <Chip value={`check-${item.result}`} text={`Check: ${item.result}`} />;
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
  if (call.sampleOffers.length === 0) return null;
  return (
    <section
      aria-labelledby="samples-heading"
      className="editor-section"
      data-testid="section-samples"
      data-field="sampleRequests"
    >
      <h2 id="samples-heading">Sample requests</h2>
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
              Sample request {i + 1} <CheckChip item={checkOf(checks, path)} />
            </legend>
            <Select
              label="Sample type"
              path={`${path}.offerId`}
              value={r.offerId}
              placeholder="Choose a sample type"
              options={call.sampleOffers.map((o) => ({
                value: o.id,
                label: `${label(o.sampleType)} · ${o.collectionName} (${mg(o.availableMg - o.reserveMg)} available)`,
              }))}
              onChange={(offerId) => set({ offerId })}
              error={errors[`${path}.offerId`]}
            />
            <NumberInput
              label="Mass"
              unit="mg"
              path={`${path}.massMg`}
              value={r.massMg}
              onChange={(massMg) => set({ massMg })}
              hint={offer?.maxPerRequestMg != null ? `At most ${mg(offer.maxPerRequestMg)} per request.` : undefined}
              error={errors[`${path}.massMg`]}
            />
            <Select
              label="Form"
              path={`${path}.form`}
              value={r.form}
              placeholder="Choose a form"
              options={SAMPLE_FORMS.map((f) => ({ value: f, label: label(f) }))}
              onChange={(form) => set({ form: (form || undefined) as typeof r.form })}
              error={errors[`${path}.form`]}
            />
            <TextArea
              label="Purpose (optional)"
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
              Remove sample request {i + 1}
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
        Add a sample request
      </button>
    </section>
  );
}

function limitHint(offer: ModuleOffer | undefined, pick: (o: ModuleOffer) => string | null, extra?: string) {
  const limit = offer ? pick(offer) : null;
  const parts = [extra, limit ? `Limit: ${limit}.` : null].filter(Boolean);
  return parts.length ? parts.join(' ') : undefined;
}

export function PayloadRequestsSection({ doc, update, errors, call, checks }: Props) {
  if (call.moduleOffers.length === 0) return null;
  return (
    <section
      aria-labelledby="payloads-heading"
      className="editor-section"
      data-testid="section-payloads"
      data-field="payloadRequests"
    >
      <h2 id="payloads-heading">Payload requests</h2>
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
        Add a payload
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
        Payload {i + 1}
        {r.name ? `: ${r.name}` : ''} <CheckChip item={check} />
      </legend>
      <div className="grid-2">
        <Select
          label="Host module"
          path={`${path}.offerId`}
          value={r.offerId}
          placeholder="Choose a module"
          options={call.moduleOffers.map((o) => ({ value: o.id, label: `${o.hostModuleName} (${label(o.hostModuleKind)})` }))}
          onChange={(offerId) => set({ offerId })}
          error={errors[`${path}.offerId`]}
        />
        <TextInput
          label="Payload name"
          path={`${path}.name`}
          value={r.name}
          maxLength={200}
          onChange={(name) => set({ name: name || undefined })}
          error={errors[`${path}.name`]}
        />
        {num(
          'massG',
          'Mass',
          'g',
          limitHint(
            offer,
            (o) => (o.itemMaxMassG != null ? `≤ ${mass(o.itemMaxMassG)}` : null),
            r.massG != null ? `= ${mass(r.massG)}` : undefined,
          ),
        )}
        {num('dataMbPerDay', 'Data', 'MB/day')}
        {num(
          'avgPowerMw',
          'Average power',
          'mW',
          limitHint(offer, (o) => (o.itemMaxAvgPowerMw != null ? `≤ ${power(o.itemMaxAvgPowerMw)}` : null), watts(r.avgPowerMw)),
        )}
        {num(
          'peakPowerMw',
          'Peak power',
          'mW',
          limitHint(
            offer,
            (o) => (o.itemMaxPeakPowerMw != null ? `≤ ${power(o.itemMaxPeakPowerMw)}` : null),
            watts(r.peakPowerMw),
          ),
        )}
      </div>
      <fieldset className="fieldset fieldset--inner">
        <legend>Envelope (length × width × height){offer && envelope(offer) ? ` — limit ${envelope(offer)}` : ''}</legend>
        <div className="grid-3">
          {num('lengthMm', 'Length', 'mm')}
          {num('widthMm', 'Width', 'mm')}
          {num('heightMm', 'Height', 'mm')}
        </div>
      </fieldset>
      <fieldset className="fieldset fieldset--inner">
        <legend>
          Operating temperature
          {offer?.itemMinTempC != null && offer.itemMaxTempC != null
            ? ` — the module offers ${formatTempRange(offer.itemMinTempC, offer.itemMaxTempC)}`
            : ''}
        </legend>
        <div className="grid-2">
          {num('minTempC', 'Lowest', '°C', undefined, -273, 1000)}
          {num('maxTempC', 'Highest', '°C', undefined, -273, 1000)}
        </div>
      </fieldset>
      <fieldset className="fieldset fieldset--inner" data-field={`${path}.mounting`}>
        <legend>Mounting{offer ? ` — the module takes: ${mountingText(offer.mounting).toLowerCase()}` : ''}</legend>
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
        <legend>Hazards (tick all that apply)</legend>
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
        Remove payload {i + 1}
      </button>
    </fieldset>
  );
}
