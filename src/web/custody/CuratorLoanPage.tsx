import { useLoadedState } from '../use-load.js';
import { custodyApi } from './api.js';
import { CustodyPage, useCustodyT } from './common.js';
import { ActionForm, DutiesList, field, ItemsTable, massField, ReceiptFields, ShipmentCard } from './LoanParts.js';

/** One loan for its curator: items, labels, packing and dispatching, return receipts, discrepancies, duties. */
export function CuratorLoanPage({ id }: { id: string }) {
  const t = useCustodyT();
  const { load, reload } = useLoadedState((signal) => custodyApi.loan(id, signal), `curator-loan-${id}`);
  return (
    <CustodyPage
      title={load.state === 'ready' ? t('loan.title', { reference: load.data.reference }) : t('loans.title')}
      back={{ to: '/custody/loans', label: t('loans.back') }}
      load={load}
    >
      {(loan) => {
        const shippable = loan.items.filter((i) => i.storeUg > 0 && i.allocatedUg > i.shippedUg);
        return (
          <>
            <p>
              {t('loan.summary', {
                borrower: loan.borrowerName,
                country: loan.borrowerCountry ?? '—',
                due: loan.dueOn,
                status: t(`status.${loan.status}`),
              })}
            </p>
            <ItemsTable loan={loan} />
            <p>
              <a href={`/api/loans/${loan.id}/labels.pdf`} data-testid="labels-link">
                {t('loan.labels')}
              </a>
            </p>
            {loan.status === 'open' && shippable.length ? (
              <section>
                <h2>{t('ship.title')}</h2>
                <ActionForm
                  testId="prepare-shipment"
                  label={t('ship.prepare')}
                  onDone={reload}
                  submit={(data) =>
                    custodyApi.prepareShipment(loan.id, 'outbound', {
                      courier: field(data, 'courier'),
                      trackingNumber: field(data, 'tracking'),
                      sealedContainerIds: [field(data, 'container')],
                      items: shippable.map((i) => ({ loanItemId: i.id, containerId: field(data, 'container') })),
                    })
                  }
                >
                  <label>
                    {t('ship.courier')}
                    <input name="courier" required />
                  </label>
                  <label>
                    {t('ship.tracking')}
                    <input name="tracking" required />
                  </label>
                  <label>
                    {t('ship.container')}
                    <input name="container" required />
                  </label>
                </ActionForm>
              </section>
            ) : null}
            <section>
              <h2>{t('shipment.title')}</h2>
              {loan.shipments.length === 0 ? <p>{t('shipment.none')}</p> : null}
              {loan.shipments.map((s) => (
                <ShipmentCard key={s.id} shipment={s}>
                  {s.direction === 'outbound' && s.status === 'prepared' ? (
                    <ActionForm
                      testId="dispatch"
                      label={t('ship.dispatch')}
                      onDone={reload}
                      submit={(data) => custodyApi.dispatch(s.id, field(data, 'place'))}
                    >
                      <label>
                        {t('ship.place')}
                        <input name="place" required />
                      </label>
                    </ActionForm>
                  ) : null}
                  {s.direction === 'return' && s.status === 'in_transit' ? (
                    <ActionForm
                      testId="receive-return"
                      label={t('receipt.confirm')}
                      onDone={reload}
                      submit={(data) =>
                        custodyApi.receive(
                          s.id,
                          field(data, 'place'),
                          s.items.map((i) => ({ shipmentItemId: i.id, measuredMassUg: massField(data, `m-${i.id}`) })),
                        )
                      }
                    >
                      <ReceiptFields shipment={s} />
                    </ActionForm>
                  ) : null}
                </ShipmentCard>
              ))}
            </section>
            <section>
              <h2>{t('discrepancies.title')}</h2>
              {loan.discrepancies.length === 0 ? <p>{t('discrepancies.none')}</p> : null}
              {loan.discrepancies.map((d) => (
                <article key={d.id} className="card stack" data-testid="discrepancy">
                  <p>
                    {t('discrepancies.line', {
                      number: d.number,
                      expected: d.expectedUg,
                      measured: d.measuredUg,
                      tolerance: d.toleranceUg,
                    })}
                  </p>
                  {d.status === 'open' ? (
                    <ActionForm
                      testId="resolve"
                      label={t('discrepancies.resolve')}
                      onDone={reload}
                      submit={(data) =>
                        custodyApi.resolve(d.id, {
                          resolution: field(data, 'resolution'),
                          ...(field(data, 'remeasured') ? { remeasuredMassUg: massField(data, 'remeasured') } : {}),
                          note: field(data, 'note'),
                        })
                      }
                    >
                      <label>
                        {t('discrepancies.resolution')}
                        <select name="resolution" defaultValue="loss">
                          <option value="loss">{t('discrepancies.loss')}</option>
                          <option value="remeasured">{t('discrepancies.remeasured')}</option>
                        </select>
                      </label>
                      <label>
                        {t('discrepancies.remeasuredMass')}
                        <input name="remeasured" inputMode="numeric" />
                      </label>
                      <label>
                        {t('discrepancies.note')}
                        <input name="note" required />
                      </label>
                    </ActionForm>
                  ) : (
                    <p>{t(`discrepancies.${d.resolution ?? 'loss'}`)}</p>
                  )}
                </article>
              ))}
            </section>
            <section>
              <h2>{t('duty.title')}</h2>
              <DutiesList loan={loan} />
            </section>
          </>
        );
      }}
    </CustodyPage>
  );
}
