import { portalApi } from '../api.js';
import { Name } from '../components/Name.js';
import { Loaded } from '../components/PageState.js';
import { TableScroll } from '../components/TableScroll.js';
import { formatNumber } from '../format.js';
import { Link } from '../router.js';
import { useLoad } from '../use-load.js';
import { useTitle } from '../use-title.js';

export function CountriesPage() {
  useTitle('Countries and regions');
  const load = useLoad((signal) => portalApi.countries(signal), 'countries');
  return (
    <Loaded load={load} what="list">
      {({ countries, organisations }) => (
        <section>
          <h1>Partner countries and regions</h1>
          <p className="lead">
            Everyone taking part in a project or partnership. An institution counts toward its country or region, or toward its
            international organisation.
          </p>
          <TableScroll label="Countries and regions table">
            <table className="table" data-testid="countries-table">
              <thead>
                <tr>
                  <th scope="col">Country or region</th>
                  <th scope="col" className="num">
                    Institutions
                  </th>
                  <th scope="col" className="num">
                    Projects
                  </th>
                  <th scope="col" className="num">
                    Programs
                  </th>
                </tr>
              </thead>
              <tbody>
                {countries.map((c) => (
                  <tr key={c.code} data-testid="country-row">
                    <td>
                      <span className="code" aria-hidden="true">
                        {c.code}
                      </span>
                      <Link to={`/countries/${c.code}`}>
                        <Name name={c.name} nativeName={c.nativeName} />
                      </Link>
                      {c.kind === 'region' ? <span className="muted"> (region)</span> : null}
                    </td>
                    <td className="num">{formatNumber(c.institutions)}</td>
                    <td className="num">{formatNumber(c.projects)}</td>
                    <td className="num">{formatNumber(c.programs)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {organisations.length > 0 ? (
            <>
              <h2>International organisations</h2>
              <TableScroll label="International organisations table">
                <table className="table" data-testid="organisations-table">
                  <thead>
                    <tr>
                      <th scope="col">Organisation</th>
                      <th scope="col" className="num">
                        Institutions
                      </th>
                      <th scope="col" className="num">
                        Projects
                      </th>
                      <th scope="col" className="num">
                        Programs
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {organisations.map((o) => (
                      <tr key={o.id}>
                        <td>
                          <strong>{o.acronym}</strong> <Name name={o.name} nativeName={o.nativeName} />
                        </td>
                        <td className="num">{formatNumber(o.institutions)}</td>
                        <td className="num">{formatNumber(o.projects)}</td>
                        <td className="num">{formatNumber(o.programs)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            </>
          ) : null}
        </section>
      )}
    </Loaded>
  );
}
