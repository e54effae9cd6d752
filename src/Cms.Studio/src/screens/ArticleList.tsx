import { useState, useDeferredValue } from 'react';
import { Button, Input, Label, SearchField, TextField } from 'react-aria-components';
import { hasRole, useCaller } from '../app/caller';
import { ChoiceField } from '../app/ChoiceField';
import { useQuery } from 'urql';
import { Link } from 'wouter';
import { formatActor, formatDateTime } from '../app/format';
import { strings } from '../app/strings';
import type { ArticleFilterInput, ArticleSortInput, ArticleStatus } from '../gql/graphql';
import { StudioArticlesDocument as ArticlesQuery } from '../gql/graphql';

const pageSize = 20;

interface Filters {
  search: string;
  status: string;
  tag: string;
  from: string;
  to: string;
  updatedBy: string;
  sort: string;
}

const noFilters: Filters = { search: '', status: '', tag: '', from: '', to: '', updatedBy: '', sort: 'updated' };

const orders: Record<string, ArticleSortInput[]> = {
  updated: [{ updatedAt: 'DESC' }],
  title: [{ title: 'ASC' }],
  historicalDate: [{ historicalDate: 'ASC' }],
};

/** The filter input in HotChocolate's shape: one `and` of whatever the editor filled in. */
function whereOf(filters: Filters): ArticleFilterInput | null {
  const all: ArticleFilterInput[] = [];
  if (filters.search.trim()) {
    all.push({ title: { contains: filters.search.trim() } });
  }
  if (filters.status) {
    all.push({ status: { eq: filters.status as ArticleStatus } });
  }
  if (filters.tag.trim()) {
    all.push({ tags: { some: { slug: { eq: filters.tag.trim().toLowerCase() } } } });
  }
  const from = Number.parseInt(filters.from, 10);
  if (!Number.isNaN(from) && from !== 0) {
    all.push({ historicalDate: { gte: { year: from } } });
  }
  const to = Number.parseInt(filters.to, 10);
  if (!Number.isNaN(to) && to !== 0) {
    all.push({ historicalDate: { lte: { year: to } } });
  }
  // Actors are recorded with their kind ("cms-api-key:editor-1") and shown without it, so the name typed matches the end.
  if (filters.updatedBy.trim()) {
    all.push({ updatedBy: { endsWith: filters.updatedBy.trim() } });
  }
  return all.length === 0 ? null : { and: all };
}

export function ArticleList() {
  const caller = useCaller();
  const [filters, setFilters] = useState<Filters>(noFilters);
  // Keyset paging: the cursors of the pages before this one, so "previous" needs no offset.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1] ?? null;
  const [result] = useQuery({
    query: ArticlesQuery,
    variables: { first: pageSize, after, where: whereOf(filters), order: orders[filters.sort] },
  });

  function change(next: Partial<Filters>) {
    setFilters((current) => ({ ...current, ...next }));
    setCursors([null]);
  }

  // A page of rows is rendered as a transition: React yields to the browser while it builds the table, so input and
  // paint are never held up by one long task (the slow-phone figures in docs/benchmarks.md).
  const articles = useDeferredValue(result.data)?.articles;
  const canCreate = hasRole(caller, 'EDITOR');
  const rows = articles?.nodes ?? [];
  return (
    <section aria-labelledby="articles-title" className="screen">
      <div className="title-row">
        <h1 id="articles-title">{strings.articles.title}</h1>
        {canCreate && (
          <Link href="/articles/new" className="button primary">
            {strings.newArticle.button}
          </Link>
        )}
      </div>
      <div className="filters" role="search">
        <SearchField className="field grow" value={filters.search} onChange={(search) => change({ search })}>
          <Label className="label">{strings.articles.search}</Label>
          <Input />
        </SearchField>
        <ChoiceField
          label={strings.articles.status}
          options={{ any: strings.articles.anyStatus, ...strings.statuses }}
          selected={filters.status || 'any'}
          onChange={(value) => change({ status: value === 'any' ? '' : value })}
        />
        <TextField className="field" value={filters.tag} onChange={(tag) => change({ tag })} aria-describedby="filter-hint">
          <Label className="label">{strings.articles.tag}</Label>
          <Input />
        </TextField>
        <TextField className="field narrow" value={filters.from} onChange={(from) => change({ from })} inputMode="numeric" aria-describedby="filter-hint">
          <Label className="label">{strings.articles.from}</Label>
          <Input />
        </TextField>
        <TextField className="field narrow" value={filters.to} onChange={(to) => change({ to })} inputMode="numeric" aria-describedby="filter-hint">
          <Label className="label">{strings.articles.to}</Label>
          <Input />
        </TextField>
        <TextField className="field" value={filters.updatedBy} onChange={(updatedBy) => change({ updatedBy })}>
          <Label className="label">{strings.articles.updatedBy}</Label>
          <Input />
        </TextField>
        <ChoiceField label={strings.articles.sort} options={strings.articles.sorts} selected={filters.sort} onChange={(sort) => change({ sort })} />
        <Button className="button secondary" onPress={() => change(noFilters)}>
          {strings.articles.clear}
        </Button>
      </div>
      <p id="filter-hint" className="hint">
        {strings.articles.yearHint}
      </p>

      <p className="summary" aria-live="polite">
        {result.fetching && !articles ? strings.articles.loading : articles ? strings.articles.count(rows.length, articles.totalCount) : ''}
      </p>
      {result.error && (
        <p role="alert" className="problem">
          {strings.articles.failed} {result.error.message}
        </p>
      )}

      {/* The table and pager appear with the first page (an empty table filling in would move its columns and the pager). */}
      {articles && (
        <>
          <div className="table-scroll" tabIndex={0} role="region" aria-label={strings.articles.tableRegion}>
            <table className="articles">
              <thead>
                <tr>
                  <th scope="col">{strings.articles.columns.title}</th>
                  <th scope="col">{strings.articles.columns.date}</th>
                  <th scope="col">{strings.articles.columns.status}</th>
                  <th scope="col" className="number">{strings.articles.columns.latest}</th>
                  <th scope="col" className="number">{strings.articles.columns.published}</th>
                  <th scope="col">{strings.articles.columns.savedBy}</th>
                  <th scope="col">{strings.articles.columns.savedAt}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((article) => (
                  <tr key={article.id}>
                    <th scope="row">
                      <Link href={`/articles/${encodeURIComponent(article.id)}`} className="title">
                        {article.title}
                      </Link>
                      <span className="slug">{article.slug}</span>
                    </th>
                    <td>{article.historicalDate.display}</td>
                    <td>
                      <span className={`status status-${article.status.toLowerCase()}`}>{strings.statuses[article.status] ?? article.status}</span>
                    </td>
                    <td className="number">{article.latestVersionNumber}</td>
                    <td className="number">{article.publishedVersionNumber ?? '—'}</td>
                    <td>{formatActor(article.updatedBy)}</td>
                    <td>{formatDateTime(article.updatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {rows.length === 0 && <p className="empty">{strings.articles.none}</p>}
          </div>

          <nav className="pager" aria-label={strings.articles.pages}>
            <Button className="button secondary" isDisabled={cursors.length === 1} onPress={() => setCursors([null])}>
              {strings.articles.first}
            </Button>
            <Button
              className="button secondary"
              isDisabled={!articles?.pageInfo.hasNextPage}
              onPress={() => articles?.pageInfo.endCursor && setCursors([...cursors, articles.pageInfo.endCursor])}
            >
              {strings.articles.next}
            </Button>
          </nav>
        </>
      )}
    </section>
  );
}
