import type { PortalProject } from '../../contracts/portal.js';
import { grams, usePortalT, ValueChip } from '../portal/localise.js';
import { Link } from '../router.js';
import { Name } from './Name.js';
import { Home, InstitutionLink } from './PartnerLinks.js';
import { TableScroll } from './TableScroll.js';
import { Unconfirmed } from './Unconfirmed.js';

/** Projects with their participants; on a phone each row becomes a card. */
export function ProjectsTable({ projects, showProgram = false }: { projects: PortalProject[]; showProgram?: boolean }) {
  const { t } = usePortalT();
  if (projects.length === 0) return <p className="muted">{t('common.noProjects')}</p>;
  return (
    <TableScroll label={t('tables.projects')}>
      <table className="table table--cards" data-testid="projects-table">
        <thead>
          <tr>
            <th scope="col">{t('tables.project')}</th>
            <th scope="col">{t('tables.participants')}</th>
            {showProgram ? <th scope="col">{t('tables.program')}</th> : null}
            <th scope="col">{t('tables.levelStatus')}</th>
          </tr>
        </thead>
        <tbody>
          {projects.map((p) => (
            <tr key={p.id} data-testid="project-row">
              <td data-label={t('tables.project')}>
                <strong data-testid="project-title">{p.title}</strong> <Unconfirmed fact={p} />
                {p.summary ? <p className="cell-note">{p.summary}</p> : null}
                {p.hostModule || p.massG != null ? (
                  <p className="cell-note">{[p.hostModule?.name, grams(t, p.massG)].filter(Boolean).join(' · ')}</p>
                ) : null}
              </td>
              <td data-label={t('tables.participants')}>
                <ul className="participants">
                  {p.participants.map(({ role, institution }) => (
                    <li key={institution.id} data-testid="participant">
                      <InstitutionLink institution={institution} />
                      {role === 'lead' ? <span className="role">{t('tables.lead')}</span> : null}
                      <span className="participant-home">
                        <Home institution={institution} />
                      </span>
                    </li>
                  ))}
                </ul>
              </td>
              {showProgram ? (
                <td data-label={t('tables.program')}>
                  <Link to={`/programs/${p.program.slug}`}>
                    <Name name={p.program.name} nativeName={p.program.nativeName} />
                  </Link>
                </td>
              ) : null}
              <td data-label={t('tables.levelStatus')}>
                <ValueChip value={p.level} tone="level" /> <ValueChip value={p.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
