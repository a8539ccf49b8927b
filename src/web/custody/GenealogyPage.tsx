import { request } from '../api.js';
import { Link } from '../router.js';
import { useLoadedState } from '../use-load.js';
import { CustodyPage, formatMass, useCustodyT } from './common.js';

interface Node {
  id: string;
  number: string;
  sampleType: string;
  availableUg: number;
  declaredMassUg: number;
  status: string;
  children: Node[];
}

/** Nested lists: a screen reader announces each level and its size, and keyboard users tab through the links. */
function Branch({ node }: { node: Node }) {
  const t = useCustodyT();
  return (
    <li>
      <Link to={`/custody/samples/${node.id}`}>{node.number}</Link> — {node.sampleType},{' '}
      {t('genealogy.masses', { declared: formatMass(node.declaredMassUg), available: formatMass(node.availableUg) })},{' '}
      {t(`sampleStatus.${node.status}`)}
      {node.children.length ? (
        <ul aria-label={t('genealogy.splitsOf', { number: node.number })}>
          {node.children.map((c) => (
            <Branch key={c.id} node={c} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/** A sample's ancestors and the tree of its subsamples, with its labels. */
export function GenealogyPage({ id }: { id: string }) {
  const t = useCustodyT();
  const { load } = useLoadedState(
    (signal) => request<{ ancestors: Node[]; tree: Node }>('GET', `/api/samples/${id}/genealogy`, undefined, signal),
    `genealogy-${id}`,
  );
  return (
    <CustodyPage
      title={
        load.state === 'ready' ? t('genealogy.title', { number: load.data.tree.number }) : t('genealogy.title', { number: '' })
      }
      back={{ to: '/custody/where', label: t('where.back') }}
      load={load}
    >
      {(data) => (
        <>
          {data.ancestors.length ? (
            <p>
              {t('genealogy.ancestors')}{' '}
              {data.ancestors.map((a, i) => (
                <span key={a.id}>
                  {i ? ' › ' : ''}
                  <Link to={`/custody/samples/${a.id}`}>{a.number}</Link>
                </span>
              ))}
            </p>
          ) : null}
          <ul aria-label={t('genealogy.tree')} data-testid="genealogy-tree">
            <Branch node={data.tree} />
          </ul>
          <p>
            <a href={`/api/samples/${id}/labels.pdf`}>{t('loan.labels')}</a>
          </p>
        </>
      )}
    </CustodyPage>
  );
}
