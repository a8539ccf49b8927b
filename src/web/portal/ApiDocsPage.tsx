import { Fragment, useMemo, useState } from 'react';
import { request } from '../api.js';
import { Loaded } from '../components/PageState.js';
import { TableScroll } from '../components/TableScroll.js';
import { useLoad } from '../use-load.js';
import { useTitle } from '../use-title.js';
import { usePortalT } from './localise.js';

// /api/docs: the OpenAPI document (/api/docs/json) as a plain, accessible page: operations grouped
// by tag, each a disclosure with its parameters, request body, responses and their schemas, and the
// problem codes every error may carry. Headings, lists, tables and <details>: nothing a screen
// reader or a keyboard cannot use.

type Schema = {
  type?: string | string[];
  format?: string;
  description?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  $ref?: string;
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
};
type Parameter = { name: string; in: string; required?: boolean; description?: string; schema?: Schema };
type Operation = {
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: Schema }> }>;
};
type OpenApi = {
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
};

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const MAX_DEPTH = 6;

export function ApiDocsPage() {
  const { t } = usePortalT();
  useTitle(t('apiDocs.title'));
  const load = useLoad((signal) => request<OpenApi>('GET', '/api/docs/json', undefined, signal), 'api-docs');
  return (
    <Loaded load={load} what={t('notFound.page')}>
      {(doc) => <Docs doc={doc} />}
    </Loaded>
  );
}

/** The problem codes from the table in the document's description ("| code | HTTP | meaning |"). */
function problemCodes(description: string | undefined): { code: string; status: string; meaning: string }[] {
  return (description ?? '')
    .split('\n')
    .filter((line) => /^\|\s*[A-Z_]+\s*\|/.test(line))
    .map((line) => line.split('|').map((cell) => cell.trim()))
    .map(([, code, status, meaning]) => ({ code: code ?? '', status: status ?? '', meaning: meaning ?? '' }));
}

function Docs({ doc }: { doc: OpenApi }) {
  const { t } = usePortalT();
  const groups = useMemo(() => {
    const byTag = new Map<string, { method: string; path: string; op: Operation }[]>();
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const method of METHODS) {
        const op = item[method];
        if (!op) continue;
        const tag = op.tags?.[0] ?? 'other';
        if (!byTag.has(tag)) byTag.set(tag, []);
        byTag.get(tag)!.push({ method, path, op });
      }
    }
    return [...byTag.entries()].sort(([a], [b]) => a.localeCompare(b));
  }, [doc]);
  const intro = (doc.info.description ?? '').split('\n\n').filter((p) => !p.startsWith('|') && !p.startsWith('Errors are'));
  const codes = problemCodes(doc.info.description);
  return (
    <article className="api-docs" data-testid="api-docs">
      <h1>
        {doc.info.title} <span className="muted">{doc.info.version}</span>
      </h1>
      {intro.map((p) => (
        <p key={p}>{p.replaceAll('`', '')}</p>
      ))}
      <p>
        <a href="/api/docs/json" data-testid="openapi-json">
          {t('apiDocs.json')}
        </a>
      </p>
      <nav aria-label={t('apiDocs.tags')}>
        <ul className="inline-list">
          {groups.map(([tag, ops]) => (
            <li key={tag}>
              <a href={`#tag-${tag}`}>
                {tag} ({ops.length})
              </a>
            </li>
          ))}
          <li>
            <a href="#problems">{t('apiDocs.problems')}</a>
          </li>
        </ul>
      </nav>
      {groups.map(([tag, ops]) => (
        <section key={tag} aria-labelledby={`tag-${tag}`} data-testid="api-tag">
          <h2 id={`tag-${tag}`}>{tag}</h2>
          {ops.map(({ method, path, op }) => (
            <OperationView key={`${method} ${path}`} method={method} path={path} op={op} doc={doc} />
          ))}
        </section>
      ))}
      <section aria-labelledby="problems">
        <h2 id="problems">{t('apiDocs.problems')}</h2>
        <p>{t('apiDocs.problemsLead')}</p>
        <TableScroll label={t('apiDocs.problems')}>
          <table className="table" data-testid="problem-codes">
            <thead>
              <tr>
                <th scope="col">{t('apiDocs.code')}</th>
                <th scope="col">HTTP</th>
                <th scope="col">{t('apiDocs.meaning')}</th>
              </tr>
            </thead>
            <tbody>
              {codes.map((c) => (
                <tr key={c.code}>
                  <td>
                    <code>{c.code}</code>
                  </td>
                  <td>{c.status}</td>
                  <td>{c.meaning}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
    </article>
  );
}

function OperationView({ method, path, op, doc }: { method: string; path: string; op: Operation; doc: OpenApi }) {
  // The details of an operation are drawn when it is opened: all of them at once would be a page of
  // tens of thousands of elements.
  const [open, setOpen] = useState(false);
  return (
    <details className="api-op" data-testid="api-operation" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        <span className={`api-method api-method--${method}`}>{method.toUpperCase()}</span> <code>{path}</code>
        {op.summary ? <span className="api-op__summary"> — {op.summary}</span> : null}
      </summary>
      {open ? <OperationDetails op={op} doc={doc} /> : null}
    </details>
  );
}

function OperationDetails({ op, doc }: { op: Operation; doc: OpenApi }) {
  const { t } = usePortalT();
  const body = op.requestBody?.content ? Object.entries(op.requestBody.content)[0] : undefined;
  return (
    <>
      {op.description ? <p>{op.description}</p> : null}
      {op.parameters?.length ? (
        <>
          <h3>{t('apiDocs.parameters')}</h3>
          <ul className="api-schema">
            {op.parameters.map((p) => (
              <li key={`${p.in} ${p.name}`}>
                <code>{p.name}</code> <span className="muted">({p.in})</span>
                {p.required ? <strong> {t('apiDocs.required')}</strong> : null} <TypeLabel schema={p.schema} doc={doc} />
                {(p.description ?? p.schema?.description) ? <span> — {p.description ?? p.schema?.description}</span> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {body ? (
        <>
          <h3>
            {t('apiDocs.body')} <span className="muted">({body[0]})</span>
          </h3>
          <SchemaView schema={body[1].schema} doc={doc} depth={0} />
        </>
      ) : null}
      <h3>{t('apiDocs.responses')}</h3>
      <dl className="api-responses">
        {Object.entries(op.responses ?? {}).map(([status, response]) => {
          const content = response.content ? Object.entries(response.content)[0] : undefined;
          return (
            <Fragment key={status}>
              <dt>
                <code>{status}</code> {response.description ?? ''}
              </dt>
              <dd>{content?.[1].schema ? <SchemaView schema={content[1].schema} doc={doc} depth={0} /> : null}</dd>
            </Fragment>
          );
        })}
      </dl>
    </>
  );
}

function resolve(schema: Schema | undefined, doc: OpenApi): Schema | undefined {
  if (!schema?.$ref) return schema;
  const name = schema.$ref.split('/').pop() ?? '';
  return doc.components?.schemas?.[name] ?? schema;
}

function typeOf(schema: Schema | undefined, doc: OpenApi): string {
  const s = resolve(schema, doc);
  if (!s) return 'any';
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (s.const !== undefined) return JSON.stringify(s.const);
  const variants = s.anyOf ?? s.oneOf;
  if (variants) return variants.map((v) => typeOf(v, doc)).join(' | ');
  const type = Array.isArray(s.type) ? s.type.join(' | ') : (s.type ?? (s.properties ? 'object' : 'any'));
  if (type === 'array') return `${typeOf(s.items, doc)}[]`;
  return s.format ? `${type} (${s.format})` : type;
}

function TypeLabel({ schema, doc }: { schema: Schema | undefined; doc: OpenApi }) {
  return <span className="api-type">{typeOf(schema, doc)}</span>;
}

/** A schema as nested lists of fields, each with its type, whether it is required, and its description. */
function SchemaView({ schema, doc, depth }: { schema: Schema | undefined; doc: OpenApi; depth: number }) {
  const { t } = usePortalT();
  const s = resolve(schema, doc);
  if (!s || depth > MAX_DEPTH) return null;
  const objectLike = s.properties ? s : s.type === 'array' ? resolve(s.items, doc) : undefined;
  const variants = s.anyOf ?? s.oneOf;
  if (!objectLike?.properties) {
    if (variants?.some((v) => resolve(v, doc)?.properties))
      return (
        <ul className="api-schema">
          {variants.map((v, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the variants of one schema, in their order
            <li key={i}>
              <SchemaView schema={v} doc={doc} depth={depth + 1} />
            </li>
          ))}
        </ul>
      );
    return <TypeLabel schema={s} doc={doc} />;
  }
  const required = new Set(objectLike.required ?? []);
  return (
    <>
      {s.type === 'array' ? <span className="api-type">{t('apiDocs.arrayOf')}</span> : null}
      <ul className="api-schema">
        {Object.entries(objectLike.properties).map(([name, field]) => {
          const inner = resolve(field, doc);
          const nested = inner?.properties || (inner?.type === 'array' && resolve(inner.items, doc)?.properties);
          return (
            <li key={name}>
              <code>{name}</code> <TypeLabel schema={field} doc={doc} />
              {required.has(name) ? <strong> {t('apiDocs.required')}</strong> : null}
              {inner?.description ? <span> — {inner.description}</span> : null}
              {nested ? <SchemaView schema={field} doc={doc} depth={depth + 1} /> : null}
            </li>
          );
        })}
      </ul>
    </>
  );
}
