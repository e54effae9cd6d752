import { useEffect, useState } from 'react';
import { Button, Input, Label, TextField } from 'react-aria-components';
import { useMutation, useQuery } from 'urql';
import { Link } from 'wouter';
import { hasRole, useCaller } from '../app/caller';
import { ChoiceField } from '../app/ChoiceField';
import { DataTable } from '../app/DataTable';
import { ErrorList, payloadOf, type UserErrorData } from '../app/errors';
import { formatActor, formatDateTime, timeZoneName } from '../app/format';
import { strings } from '../app/strings';
import { ComparisonView } from './ComparisonView';
import { StudioAsOfDocument as AsOfQuery, StudioCompareDocument as CompareQuery, StudioHistoryDocument as HistoryQuery, StudioRestoreDocument as Restore } from '../gql/graphql';

const h = strings.history;

interface VersionRow {
  number: number;
  author: string;
  createdAt: string;
  changeNote: string | null;
  everPublished: boolean;
}

/** An article's history: every version with its author, time, note and publication marks; compare, restore, as of. */
export default function History({ id }: { id: string }) {
  const canRestore = hasRole(useCaller(), 'EDITOR');
  const [after, setAfter] = useState<string | null>(null);
  const [rows, setRows] = useState<VersionRow[]>([]);
  const [result, refetch] = useQuery({ query: HistoryQuery, variables: { id, after }, requestPolicy: 'network-only' });
  const article = result.data?.article ?? null;
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [errors, setErrors] = useState<UserErrorData[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [, restore] = useMutation(Restore);
  const [asOfInput, setAsOfInput] = useState('');
  const [asOf, setAsOf] = useState<string | null>(null);

  // Pages of versions accumulate (newest first); a restore reloads from the top.
  useEffect(() => {
    const page = article?.versions?.nodes;
    if (page) {
      setRows((all) => (after ? [...all.filter((r) => !page.some((p) => p.number === r.number)), ...page] : page));
    }
  }, [article, after]);

  // By default the latest version is compared with the one before it.
  useEffect(() => {
    if (article && to === null) {
      setTo(String(article.latestVersionNumber));
      setFrom(String(Math.max(1, article.latestVersionNumber - 1)));
    }
  }, [article, to]);

  const [compared] = useQuery({
    query: CompareQuery,
    variables: { id, from: Number(from), to: Number(to) },
    pause: from === null || to === null,
  });
  const [asOfResult] = useQuery({ query: AsOfQuery, variables: { id, asOf: asOf ?? '' }, pause: asOf === null });

  if (result.fetching && rows.length === 0) {
    return <p className="summary">{h.loading}</p>;
  }
  if (!article) {
    return (
      <p role="alert" className="problem">
        {result.error?.message ?? strings.editor.notFound}
      </p>
    );
  }

  async function restoreVersion(version: number) {
    if (!article || !window.confirm(h.confirmRestore(version, article.latestVersionNumber + 1))) {
      return;
    }
    const { payload, errors: found } = payloadOf(
      await restore({ input: { id: article.id, version, expectedVersion: article.latestVersionNumber } }),
      'restoreArticleVersion',
    );
    setErrors(found);
    if (payload?.article && found.length === 0) {
      setNotice(h.restored(version, payload.article.latestVersionNumber));
      setAfter(null);
      setTo(String(payload.article.latestVersionNumber));
      setFrom(String(version));
      refetch({ requestPolicy: 'network-only' });
    }
  }

  const options = Object.fromEntries(rows.map((r) => [String(r.number), h.versionOption(r.number, formatDateTime(r.createdAt))]));
  const comparison = compared.data?.compareArticleVersions ?? null;
  return (
    <section aria-labelledby="history-title" className="screen history">
      <p>
        <Link href={`/articles/${encodeURIComponent(article.id)}`}>← {h.backToEditor}</Link>
      </p>
      <h1 id="history-title">{h.title(article.title)}</h1>
      <ErrorList errors={errors} />
      <p className="hint" aria-live="polite" data-testid="history-notice">
        {notice}
      </p>
      <DataTable
        label={h.versions}
        columns={[h.columns.version, h.columns.savedBy, h.columns.savedAt, h.columns.note, h.columns.published, ...(canRestore ? [h.columns.actions] : [])]}
      >
            {rows.map((row) => (
              <tr key={row.number} data-version={row.number}>
                <th scope="row" className="number">
                  {row.number}
                </th>
                <td>{formatActor(row.author)}</td>
                <td>{formatDateTime(row.createdAt)}</td>
                <td>{row.changeNote ?? '—'}</td>
                <td>
                  {row.number === article.publishedVersionNumber ? (
                    <span className="status status-published">{h.publishedNow}</span>
                  ) : row.everPublished ? (
                    <span className="status">{h.publishedBefore}</span>
                  ) : (
                    ''
                  )}
                </td>
                {canRestore && (
                  <td>
                    {row.number !== article.latestVersionNumber && (
                      <Button className="button secondary" onPress={() => void restoreVersion(row.number)}>
                        {h.restore(row.number)}
                      </Button>
                    )}
                  </td>
                )}
              </tr>
            ))}
      </DataTable>
      {article.versions?.pageInfo.hasNextPage && (
        <Button className="button secondary" onPress={() => setAfter(article.versions?.pageInfo.endCursor ?? null)}>
          {h.older}
        </Button>
      )}

      <section aria-labelledby="compare-title" className="panel">
        <h2 id="compare-title">{h.compare}</h2>
        <div className="row">
          <ChoiceField label={h.from} options={options} selected={from ?? ''} onChange={setFrom} />
          <ChoiceField label={h.to} options={options} selected={to ?? ''} onChange={setTo} />
        </div>
        {compared.fetching && <p className="hint">{h.comparing}</p>}
        {comparison && <ComparisonView comparison={comparison} />}
      </section>

      <section aria-labelledby="asof-title" className="panel">
        <h2 id="asof-title">{h.asOfTitle}</h2>
        <form
          className="row"
          onSubmit={(event) => {
            event.preventDefault();
            if (asOfInput) {
              setAsOf(new Date(asOfInput).toISOString());
            }
          }}
        >
          <TextField className="field" value={asOfInput} onChange={setAsOfInput}>
            <Label className="label">{h.asOfLabel(timeZoneName())}</Label>
            <Input type="datetime-local" />
          </TextField>
          <Button type="submit" className="button secondary" isDisabled={!asOfInput}>
            {h.show}
          </Button>
        </form>
        {asOf && !asOfResult.fetching && (
          <div data-testid="as-of">
            {asOfResult.data?.article ? (
              <article className="as-of">
                <p className="meta">{h.asOfLine(asOfResult.data.article.version.number, formatDateTime(asOf))}</p>
                <h3>{asOfResult.data.article.title}</h3>
                <p className="meta">{asOfResult.data.article.historicalDate.display}</p>
                <p>{asOfResult.data.article.summary}</p>
                {asOfResult.data.article.sections.map((section) => (
                  <section key={section.key}>
                    <h4>{section.heading}</h4>
                    {/* bodyHtml is rendered and sanitized by the server, exactly as delivery serves it. */}
                    <div className="prose" dangerouslySetInnerHTML={{ __html: section.bodyHtml }} />
                  </section>
                ))}
              </article>
            ) : (
              <p className="empty">{h.notPublishedThen(formatDateTime(asOf))}</p>
            )}
          </div>
        )}
      </section>
    </section>
  );
}
