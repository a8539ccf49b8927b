import { Link } from '../router.js';
import { useLoadedState } from '../use-load.js';
import { custodyApi } from './api.js';
import { LoansTable } from './CuratorLoansPage.js';
import { CustodyPage, formatMass, useCustodyT } from './common.js';
import { ActionForm, DutiesList, field, ItemsTable, massField, ReceiptFields, ShipmentCard } from './LoanParts.js';

/** The borrower's home: their institution's loans. */
export function BorrowerHomePage() {
  const t = useCustodyT();
  const { load } = useLoadedState((signal) => custodyApi.borrowerLoans(signal), 'borrower-loans');
  return (
    <CustodyPage title={t('borrower.title')} back={{ to: '/', label: t('borrower.home') }} load={load}>
      {(data) => (
        <>
          <p>{t('borrower.intro')}</p>
          <LoansTable loans={data.loans} base="/borrower/loans" />
        </>
      )}
    </CustodyPage>
  );
}

const STATES = ['intact', 'partly_consumed', 'consumed', 'lost', 'contaminated'] as const;

/** One loan for the borrower: receipts to confirm, samples held, inventory, reports, returns, consumption. */
export function BorrowerLoanPage({ id }: { id: string }) {
  const t = useCustodyT();
  const { load, reload } = useLoadedState((signal) => custodyApi.loan(id, signal), `borrower-loan-${id}`);
  return (
    <CustodyPage
      title={load.state === 'ready' ? t('loan.title', { reference: load.data.reference }) : t('borrower.title')}
      back={{ to: '/borrower', label: t('borrower.back') }}
      load={load}
    >
      {(loan) => {
        const held = loan.items.filter((i) => i.outUg > 0 && i.sampleStatus === 'on_loan');
        const incoming = loan.shipments.filter((s) => s.direction === 'outbound' && s.status === 'in_transit');
        const outgoing = loan.shipments.filter((s) => s.direction === 'return' && s.status === 'prepared');
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
            <section>
              <h2>{t('duty.title')}</h2>
              <DutiesList loan={loan} />
            </section>
            {incoming.map((s) => (
              <section key={s.id}>
                <h2>{t('receipt.title')}</h2>
                <ShipmentCard shipment={s}>
                  <ActionForm
                    testId="confirm-receipt"
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
                </ShipmentCard>
              </section>
            ))}
            <section>
              <h2>{t('borrower.held')}</h2>
              <ItemsTable loan={loan} />
            </section>
            {held.length ? (
              <section>
                <h2>{t('inventory.title')}</h2>
                <ActionForm
                  testId="inventory-form"
                  label={t('inventory.file')}
                  onDone={reload}
                  submit={(data) =>
                    custodyApi.inventory(loan.id, {
                      lines: held.map((i) => ({
                        loanItemId: i.id,
                        massUg: massField(data, `mass-${i.id}`),
                        state: field(data, `state-${i.id}`),
                        location: field(data, `location-${i.id}`),
                      })),
                    })
                  }
                >
                  {held.map((i) => (
                    <fieldset key={i.id}>
                      <legend>{i.number}</legend>
                      <label>
                        {t('inventory.mass')}
                        <input name={`mass-${i.id}`} inputMode="numeric" defaultValue={String(i.outUg)} required />
                      </label>
                      <label>
                        {t('inventory.state')}
                        <select name={`state-${i.id}`} defaultValue="intact">
                          {STATES.map((s) => (
                            <option key={s} value={s}>
                              {t(`inventoryState.${s}`)}
                            </option>
                          ))}
                        </select>
                      </label>
                      <label>
                        {t('inventory.location')}
                        <input name={`location-${i.id}`} required />
                      </label>
                    </fieldset>
                  ))}
                </ActionForm>
                {loan.inventories.length ? <p>{t('inventory.filed', { n: loan.inventories.length })}</p> : null}
              </section>
            ) : null}
            <section>
              <h2>{t('outputs.title')}</h2>
              <ul>
                {loan.outputs.map((o) => (
                  <li key={o.id}>
                    {t(`outputs.${o.kind}`)}: {o.title} {o.doi ? <code>doi:{o.doi}</code> : null} — {o.samples.join(', ')}
                  </li>
                ))}
              </ul>
              {loan.items.length ? (
                <ActionForm
                  testId="output-form"
                  label={t('outputs.file')}
                  onDone={reload}
                  submit={(data) =>
                    custodyApi.output(loan.id, {
                      kind: field(data, 'kind'),
                      title: field(data, 'title'),
                      doi: field(data, 'doi') || null,
                      sampleIds: loan.items.filter((i) => data.get(`used-${i.id}`)).map((i) => i.sampleId),
                    })
                  }
                >
                  <label>
                    {t('outputs.kind')}
                    <select name="kind" defaultValue="report">
                      <option value="report">{t('outputs.report')}</option>
                      <option value="publication">{t('outputs.publication')}</option>
                    </select>
                  </label>
                  <label>
                    {t('outputs.titleField')}
                    <input name="title" required />
                  </label>
                  <label>
                    {t('outputs.doi')}
                    <input name="doi" />
                  </label>
                  <fieldset>
                    <legend>{t('outputs.samples')}</legend>
                    {loan.items.map((i) => (
                      <label key={i.id}>
                        <input type="checkbox" name={`used-${i.id}`} defaultChecked /> {i.number}
                      </label>
                    ))}
                  </fieldset>
                </ActionForm>
              ) : null}
            </section>
            {held.length ? (
              <section>
                <h2>{t('use.title')}</h2>
                <ActionForm
                  testId="use-form"
                  label={t('use.record')}
                  onDone={reload}
                  submit={(data) =>
                    custodyApi.use(loan.id, {
                      loanItemId: field(data, 'item'),
                      kind: field(data, 'kind'),
                      massUg: massField(data, 'mass'),
                      reason: field(data, 'reason'),
                    })
                  }
                >
                  <label>
                    {t('sample.number')}
                    <select name="item">
                      {held.map((i) => (
                        <option key={i.id} value={i.id}>
                          {i.number} ({formatMass(i.outUg)})
                        </option>
                      ))}
                    </select>
                  </label>
                  <label>
                    {t('use.kind')}
                    <select name="kind" defaultValue="consume">
                      <option value="consume">{t('use.consume')}</option>
                      <option value="loss">{t('use.loss')}</option>
                      <option value="contamination">{t('use.contamination')}</option>
                    </select>
                  </label>
                  <label>
                    {t('use.mass')}
                    <input name="mass" inputMode="numeric" required />
                  </label>
                  <label>
                    {t('use.reason')}
                    <input name="reason" required />
                  </label>
                </ActionForm>
                <h2>{t('return.title')}</h2>
                <ActionForm
                  testId="return-form"
                  label={t('return.prepare')}
                  onDone={reload}
                  submit={(data) =>
                    custodyApi.prepareShipment(loan.id, 'return', {
                      courier: field(data, 'courier'),
                      trackingNumber: field(data, 'tracking'),
                      sealedContainerIds: [field(data, 'container')],
                      items: held
                        .filter((i) => field(data, `r-${i.id}`))
                        .map((i) => ({
                          loanItemId: i.id,
                          massUg: massField(data, `r-${i.id}`),
                          containerId: field(data, 'container'),
                        })),
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
                  {held.map((i) => (
                    <label key={i.id}>
                      {t('return.mass', { number: i.number })}
                      <input name={`r-${i.id}`} inputMode="numeric" defaultValue={String(i.outUg)} />
                    </label>
                  ))}
                </ActionForm>
              </section>
            ) : null}
            {outgoing.map((s) => (
              <ShipmentCard key={s.id} shipment={s}>
                <ActionForm
                  testId="dispatch-return"
                  label={t('ship.dispatch')}
                  onDone={reload}
                  submit={(data) => custodyApi.dispatch(s.id, field(data, 'place'))}
                >
                  <label>
                    {t('ship.place')}
                    <input name="place" required />
                  </label>
                </ActionForm>
              </ShipmentCard>
            ))}
          </>
        );
      }}
    </CustodyPage>
  );
}

/** Where a label's QR code leads: is this a genuine sample, what it is and who holds it (by kind). */
export function VerifySamplePage({ number }: { number: string }) {
  const t = useCustodyT();
  const { load } = useLoadedState((signal) => custodyApi.verify(number, signal), `verify-${number}`);
  return (
    <CustodyPage title={t('verify.title', { number })} back={{ to: '/', label: t('borrower.home') }} load={load}>
      {(v) =>
        v.genuine ? (
          <p data-testid="verify-genuine">
            {t('verify.genuine', {
              type: v.sampleType,
              mass: formatMass(v.declaredMassUg ?? 0),
              custodian: t(`custodian.${v.custodian ?? 'agency'}`),
            })}
          </p>
        ) : (
          <p data-testid="verify-unknown">
            {t('verify.unknown')} <Link to="/">{t('borrower.home')}</Link>
          </p>
        )
      }
    </CustodyPage>
  );
}
