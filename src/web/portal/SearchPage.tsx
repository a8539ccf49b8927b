import { type FormEvent, useState } from 'react';
import type { SearchResults } from '../../contracts/portal.js';
import { request } from '../api.js';
import { Loaded } from '../components/PageState.js';
import { Link, navigate, useSearch } from '../router.js';
import { useLoad } from '../use-load.js';
import { useTitle } from '../use-title.js';
import { Name, usePortalT } from './localise.js';
import { Downloads } from './SortableTable.js';

/** /search?q=…: one box over the registry, the calls and their results; the query lives in the URL. */
export function SearchPage() {
  const { t } = usePortalT();
  useTitle(t('search.title'));
  const q = useSearch().get('q')?.trim() ?? '';
  const [text, setText] = useState(q);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim()) navigate(`/search?q=${encodeURIComponent(text.trim())}`);
  };
  return (
    <section data-testid="search-page">
      <h1>{t('search.title')}</h1>
      <search>
        <form onSubmit={submit} className="search-form">
          <label htmlFor="search-q">{t('search.label')}</label>{' '}
          <input id="search-q" type="search" value={text} maxLength={100} onChange={(e) => setText(e.target.value)} />{' '}
          <button type="submit" className="button" data-testid="search-submit">
            {t('search.submit')}
          </button>
        </form>
      </search>
      {q ? <Results q={q} /> : <p className="muted">{t('search.hint')}</p>}
    </section>
  );
}

function Results({ q }: { q: string }) {
  const { t } = usePortalT();
  const api = `/api/portal/search?q=${encodeURIComponent(q)}`;
  const load = useLoad((signal) => request<SearchResults>('GET', api, undefined, signal), q);
  return (
    <Loaded load={load} what={t('notFound.list')}>
      {({ items }) => (
        <>
          <p role="status" data-testid="search-count">
            {t('search.count', { count: items.length, q })}
          </p>
          {items.length > 0 ? (
            <>
              <ol className="search-results" data-testid="search-results">
                {items.map((hit) => (
                  <li key={`${hit.kind} ${hit.path} ${hit.title}`} data-testid="search-hit">
                    <span className="chip chip--level">{t(`search.kind.${hit.kind}`)}</span>{' '}
                    <Link to={hit.path}>
                      <Name name={hit.title} nativeName={hit.nativeTitle} />
                    </Link>
                    {hit.snippet ? <p className="cell-note">{hit.snippet}</p> : null}
                  </li>
                ))}
              </ol>
              <Downloads api={api} name="search" />
            </>
          ) : null}
        </>
      )}
    </Loaded>
  );
}
