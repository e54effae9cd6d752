import { useState } from 'react';
import { Button, Input, Label, TextField } from 'react-aria-components';
import { useMutation, useQuery } from 'urql';
import { ChoiceField } from '../app/ChoiceField';
import { DataTable } from '../app/DataTable';
import { ErrorList, payloadOf, type UserErrorData } from '../app/errors';
import { TextInput } from '../app/fields';
import { FormPanel } from '../app/FormPanel';
import { formatActor, formatDateTime, timeZoneName } from '../app/format';
import { strings } from '../app/strings';
import { StudioApiKeysDocument as KeysQuery, StudioCreateApiKeyDocument as CreateKey, StudioRevokeApiKeyDocument as RevokeKey, type Role } from '../gql/graphql';

const k = strings.apiKeys;

interface ApiKeyRow {
  id: string;
  name: string;
  publicId: string;
  role: string;
  createdAt: string;
  createdBy: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** API keys (admin): every key with its role and use; make one (its secret shown once) or revoke one at once. */
export default function ApiKeys() {
  const [result, refetch] = useQuery({ query: KeysQuery, requestPolicy: 'network-only' });
  const [, create] = useMutation(CreateKey);
  const [, revoke] = useMutation(RevokeKey);
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('EDITOR');
  const [expires, setExpires] = useState('');
  const [secret, setSecret] = useState<{ name: string; secret: string } | null>(null);
  const [errors, setErrors] = useState<UserErrorData[]>([]);

  async function createKey() {
    const { payload, errors: found } = payloadOf(
      await create({ input: { name: name.trim(), role, expiresAt: expires ? new Date(expires).toISOString() : null } }),
      'createApiKey',
    );
    setErrors(found);
    if (payload?.secret && payload.apiKey) {
      setSecret({ name: payload.apiKey.name, secret: payload.secret });
      setName('');
      refetch({ requestPolicy: 'network-only' });
    }
  }

  async function revokeKey(row: ApiKeyRow) {
    if (!window.confirm(k.confirmRevoke(row.name))) {
      return;
    }
    const { errors: found } = payloadOf(await revoke({ input: { id: row.id } }), 'revokeApiKey');
    setErrors(found);
    refetch({ requestPolicy: 'network-only' });
  }

  const status = (row: ApiKeyRow) =>
    row.revokedAt ? k.revoked(formatDateTime(row.revokedAt)) : row.expiresAt && new Date(row.expiresAt) < new Date() ? k.expired : k.active;

  return (
    <section aria-labelledby="keys-title" className="screen">
      <h1 id="keys-title">{k.title}</h1>
      <FormPanel title={k.create} onSubmit={() => void createKey()}>
        <div className="row">
          <TextInput label={k.name} value={name} onChange={setName} hint={k.nameHint} error={errors.find((e) => e.field === 'name')?.message ?? null} />
          <ChoiceField label={k.role} options={strings.roles} selected={role} onChange={setRole} />
          <TextField className="field" value={expires} onChange={setExpires}>
            <Label className="label">{k.expires(timeZoneName())}</Label>
            <Input type="datetime-local" />
          </TextField>
          <Button type="submit" className="button primary" isDisabled={!name.trim()}>
            {k.createButton}
          </Button>
        </div>
      </FormPanel>
      {secret && (
        <div role="alert" className="secret" data-testid="new-secret">
          <p>{k.shownOnce(secret.name)}</p>
          <code>{secret.secret}</code>
        </div>
      )}
      <ErrorList errors={errors.filter((e) => e.field !== 'name')} />
      <DataTable label={k.table} columns={[k.name, k.role, k.status, k.lastUsed, k.created, k.actions]}>
            {result.data?.apiKeys.map((row) => (
              <tr key={row.id} data-key={row.name}>
                <th scope="row">
                  {row.name} <span className="slug">{row.publicId}</span>
                </th>
                <td>{strings.roles[row.role] ?? row.role}</td>
                <td className="status-cell">{status(row)}</td>
                <td>{formatDateTime(row.lastUsedAt)}</td>
                <td>{k.createdLine(formatDateTime(row.createdAt), formatActor(row.createdBy))}</td>
                <td>
                  {!row.revokedAt && (
                    <Button className="button secondary" onPress={() => void revokeKey(row)}>
                      {k.revoke(row.name)}
                    </Button>
                  )}
                </td>
              </tr>
            ))}
      </DataTable>
    </section>
  );
}
