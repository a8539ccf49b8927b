import { type FormEvent, type ReactNode, useState } from 'react';
import { ApiError } from '../api.js';
import type { LoanDetail, ShipmentView } from './api.js';
import { formatMass, micrograms, useCustodyT } from './common.js';

/** A form that sends once, shows the server's refusal, and reloads the loan when it succeeds. */
export function ActionForm({
  testId,
  submit,
  label,
  onDone,
  children,
}: {
  testId: string;
  submit: (data: FormData) => Promise<unknown>;
  label: string;
  onDone: () => void;
  children: ReactNode;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await submit(new FormData(event.currentTarget));
      onDone();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={onSubmit} className="stack" data-testid={testId}>
      {children}
      {error ? (
        <p role="alert" data-testid={`${testId}-error`}>
          {error}
        </p>
      ) : null}
      <button type="submit" className="button" disabled={busy}>
        {label}
      </button>
    </form>
  );
}

export const field = (data: FormData, name: string) => String(data.get(name) ?? '').trim();
export const massField = (data: FormData, name: string) => micrograms(field(data, name));

export function ItemsTable({ loan }: { loan: LoanDetail }) {
  const t = useCustodyT();
  return (
    <table className="table" data-testid="loan-items">
      <thead>
        <tr>
          <th scope="col">{t('sample.number')}</th>
          <th scope="col">{t('sample.type')}</th>
          <th scope="col">{t('loan.allocated')}</th>
          <th scope="col">{t('loan.inStore')}</th>
          <th scope="col">{t('loan.out')}</th>
          <th scope="col">{t('loan.returned')}</th>
          <th scope="col">{t('loans.status')}</th>
        </tr>
      </thead>
      <tbody>
        {loan.items.map((i) => (
          <tr key={i.id}>
            <td>{i.number}</td>
            <td>{i.sampleType}</td>
            <td>{formatMass(i.allocatedUg)}</td>
            <td>{formatMass(i.storeUg)}</td>
            <td>{formatMass(i.outUg)}</td>
            <td>{formatMass(i.returnedUg)}</td>
            <td>{t(`sampleStatus.${i.sampleStatus}`)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ShipmentCard({ shipment, children }: { shipment: ShipmentView; children?: ReactNode }) {
  const t = useCustodyT();
  return (
    <article className="card stack" data-testid={`shipment-${shipment.reference}`}>
      <h3>
        {shipment.reference} · {t(`direction.${shipment.direction}`)} · {t(`shipmentStatus.${shipment.status}`)}
      </h3>
      <p>
        {t('shipment.courierLine', {
          courier: shipment.courier,
          tracking: shipment.trackingNumber,
          containers: shipment.sealedContainerIds.join(', '),
        })}
      </p>
      <ul aria-label={t('shipment.packingList')}>
        {shipment.items.map((i) => (
          <li key={i.id}>
            {i.number}: {formatMass(i.packedMassUg)} ({i.containerId})
            {i.measuredMassUg !== null ? ` → ${formatMass(i.measuredMassUg)}` : ''}
          </li>
        ))}
      </ul>
      {shipment.handovers.length ? (
        <ol aria-label={t('shipment.chain')}>
          {shipment.handovers.map((h) => (
            <li key={h.position}>{t('shipment.handover', { from: h.fromHolder, to: h.toHolder, place: h.place })}</li>
          ))}
        </ol>
      ) : null}
      {children}
    </article>
  );
}

/** The receiver weighs every item: one mass field per packing-list line, prefilled with the packed mass. */
export function ReceiptFields({ shipment }: { shipment: ShipmentView }) {
  const t = useCustodyT();
  return (
    <>
      <label>
        {t('receipt.place')}
        <input name="place" required />
      </label>
      {shipment.items.map((i) => (
        <label key={i.id}>
          {t('receipt.measured', { number: i.number })}
          <input name={`m-${i.id}`} inputMode="numeric" defaultValue={String(i.packedMassUg)} required />
        </label>
      ))}
    </>
  );
}

export function DutiesList({ loan }: { loan: LoanDetail }) {
  const t = useCustodyT();
  if (loan.duties.length === 0) return <p>{t('duty.none')}</p>;
  return (
    <ul data-testid="loan-duties">
      {loan.duties.map((d) => (
        <li key={d.id}>
          {t(`duty.${d.kind}`)} · {d.dueOn} · {d.overdue ? <strong>{t('duty.overdue')}</strong> : t(`dutyStatus.${d.status}`)}
        </li>
      ))}
    </ul>
  );
}
