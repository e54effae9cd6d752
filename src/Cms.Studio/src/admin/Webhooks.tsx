import { useState } from 'react';
import { Button, Checkbox, CheckboxGroup, Label } from 'react-aria-components';
import { useMutation, useQuery } from 'urql';
import { DataTable } from '../app/DataTable';
import { ErrorList, payloadOf, type UserErrorData } from '../app/errors';
import { TextInput } from '../app/fields';
import { FormPanel } from '../app/FormPanel';
import { formatDateTime } from '../app/format';
import { strings } from '../app/strings';
import { StudioCreateWebhookDocument as CreateWebhook, StudioDeleteWebhookDocument as DeleteWebhook, StudioRedeliverDocument as Redeliver, StudioSendTestWebhookDocument as SendTest, StudioUpdateWebhookDocument as UpdateWebhook, StudioWebhookDeliveriesDocument as DeliveriesQuery, StudioWebhooksDocument as WebhooksQuery, type WebhookEventType } from '../gql/graphql';

const w = strings.webhooks;

/** Webhooks (admin): subscriptions to change events; make one (its signing secret shown once), test, pause, delete; each one's deliveries, redelivered on demand. */
export default function Webhooks() {
  const [result, refetch] = useQuery({ query: WebhooksQuery, requestPolicy: 'network-only' });
  const [open, setOpen] = useState<string | null>(null);
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<WebhookEventType[]>(['ARTICLE_PUBLISHED', 'ARTICLE_UNPUBLISHED']);
  const [secret, setSecret] = useState<string | null>(null);
  const [errors, setErrors] = useState<UserErrorData[]>([]);
  const [, create] = useMutation(CreateWebhook);
  const [, update] = useMutation(UpdateWebhook);
  const [, remove] = useMutation(DeleteWebhook);
  const reload = () => refetch({ requestPolicy: 'network-only' });

  async function createWebhook() {
    const { payload, errors: found } = payloadOf(
      await create({ input: { url: url.trim(), description: description.trim() || null, events } }),
      'createWebhook',
    );
    setErrors(found);
    if (payload?.secret && payload.webhook) {
      setSecret(payload.secret);
      setUrl('');
      setDescription('');
      setOpen(payload.webhook.id);
      reload();
    }
  }

  return (
    <section aria-labelledby="webhooks-title" className="screen">
      <h1 id="webhooks-title">{w.title}</h1>
      <FormPanel title={w.create} onSubmit={() => void createWebhook()}>
        <TextInput label={w.url} value={url} onChange={setUrl} inputMode="url" hint={w.urlHint} error={errors.find((e) => e.field === 'url')?.message ?? null} />
        <TextInput label={w.description} value={description} onChange={setDescription} />
        <CheckboxGroup className="checkbox-group" value={events} onChange={(chosen) => setEvents(chosen as WebhookEventType[])}>
          <Label className="label">{w.events}</Label>
          <div className="radios">
            {Object.entries(w.eventNames).map(([value, text]) => (
              <Checkbox key={value} value={value} className="checkbox">
                {text}
              </Checkbox>
            ))}
          </div>
        </CheckboxGroup>
        <Button type="submit" className="button primary" isDisabled={!url.trim() || events.length === 0}>
          {w.createButton}
        </Button>
      </FormPanel>
      {secret && (
        <div role="alert" className="secret" data-testid="new-secret">
          <p>{w.shownOnce}</p>
          <code>{secret}</code>
        </div>
      )}
      <ErrorList errors={errors.filter((e) => e.field !== 'url')} />
      {result.data?.webhooks?.nodes?.length === 0 && <p className="empty">{w.none}</p>}
      <ul className="webhooks">
        {result.data?.webhooks?.nodes?.map((hook) => (
          <li key={hook.id} className="panel" data-webhook={hook.url}>
            <h2>{hook.url}</h2>
            <p className="meta">
              {hook.description ? `${hook.description} · ` : ''}
              {hook.events.map((e) => w.eventNames[e] ?? e).join(', ')}
            </p>
            <p data-testid="webhook-state">
              {hook.disabledAt ? w.disabled(formatDateTime(hook.disabledAt), hook.disabledReason ?? '') : hook.active ? w.active : w.paused}
              {hook.failingSince ? ` ${w.failingSince(formatDateTime(hook.failingSince))}` : ''}
            </p>
            <div className="actions">
              <Button className="button secondary" onPress={() => setOpen(open === hook.id ? null : hook.id)}>
                {open === hook.id ? w.hideDeliveries : w.showDeliveries}
              </Button>
              <Button
                className="button secondary"
                onPress={async () => {
                  setErrors(payloadOf(await update({ input: { id: hook.id, active: !hook.active } }), 'updateWebhook').errors);
                  reload();
                }}
              >
                {hook.active ? w.pause : w.resume}
              </Button>
              <Button
                className="button danger"
                onPress={async () => {
                  if (window.confirm(w.confirmDelete(hook.url))) {
                    setErrors(payloadOf(await remove({ input: { id: hook.id } }), 'deleteWebhook').errors);
                    reload();
                  }
                }}
              >
                {w.delete}
              </Button>
            </div>
            {open === hook.id && <Deliveries id={hook.id} onErrors={setErrors} />}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** One webhook's latest deliveries, newest first, with a test event and a redelivery of any of them. */
function Deliveries({ id, onErrors }: { id: string; onErrors: (errors: UserErrorData[]) => void }) {
  const [result, refetch] = useQuery({
    query: DeliveriesQuery,
    variables: { id },
    requestPolicy: 'network-only',
  });
  const [, sendTest] = useMutation(SendTest);
  const [, redeliver] = useMutation(Redeliver);
  const rows = result.data?.webhook?.deliveries?.nodes ?? [];
  const reload = () => refetch({ requestPolicy: 'network-only' });
  return (
    <div className="deliveries">
      <div className="actions">
        <Button
          className="button secondary"
          onPress={async () => {
            onErrors(payloadOf(await sendTest({ input: { id } }), 'sendTestWebhook').errors);
            reload();
          }}
        >
          {w.sendTest}
        </Button>
        <Button className="button secondary" onPress={reload}>
          {w.refresh}
        </Button>
      </div>
      {rows.length === 0 ? (
        <p className="empty">{w.noDeliveries}</p>
      ) : (
        <DataTable label={w.deliveries} columns={[w.columns.event, w.columns.status, w.columns.attempts, w.columns.last, w.columns.actions]} testId="deliveries">
              {rows.map((row) => (
                <tr key={row.id} data-status={row.status}>
                  <th scope="row">
                    {row.eventType} <span className="slug">{row.messageId}</span>
                  </th>
                  <td>{w.statuses[row.status] ?? row.status}</td>
                  <td className="number">{row.attemptCount}</td>
                  <td>
                    {formatDateTime(row.lastAttemptAt)}
                    {row.lastStatusCode ? ` · HTTP ${row.lastStatusCode}` : ''}
                    {row.lastError ? ` · ${row.lastError}` : ''}
                    {row.nextAttemptAt ? ` · ${w.nextAttempt(formatDateTime(row.nextAttemptAt))}` : ''}
                  </td>
                  <td>
                    <Button
                      className="button secondary"
                      onPress={async () => {
                        onErrors(payloadOf(await redeliver({ input: { id: row.id } }), 'redeliverWebhookEvent').errors);
                        reload();
                      }}
                    >
                      {w.redeliver}
                    </Button>
                  </td>
                </tr>
              ))}
        </DataTable>
      )}
    </div>
  );
}
