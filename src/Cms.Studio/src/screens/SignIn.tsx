import { useEffect, useRef, useState } from 'react';
import { Button, FieldError, Form, Input, Label, Text, TextField } from 'react-aria-components';
import { documentIdOf, graphqlPath } from '../app/client';
import { StudioSignInDocument, type StudioSignInQuery } from '../gql/graphql';
import { strings } from '../app/strings';

import type { Caller } from '../app/caller';

type Check = { caller: Caller } | { problem: string };

/** Asks the server who the key belongs to; the studio shows the role, the server still decides every request. */
async function checkKey(key: string): Promise<Check> {
  try {
    const response = await fetch(graphqlPath, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json', 'X-Api-Key': key },
      body: JSON.stringify({ documentId: documentIdOf(StudioSignInDocument) }),
    });
    if (response.status === 401 || response.status === 403) {
      return { problem: strings.signIn.refused };
    }

    const body = (await response.json()) as { data?: StudioSignInQuery; errors?: unknown[] };
    const me = body.data?.me;
    if (!me || body.errors?.length) {
      return { problem: strings.signIn.refused };
    }

    return me.role ? { caller: { name: me.name, role: me.role } } : { problem: strings.signIn.noRole };
  } catch {
    return { problem: strings.signIn.unreachable };
  }
}

export function SignIn({ initialKey, onSignedIn }: { initialKey: string | null; onSignedIn: (key: string, caller: Caller) => void }) {
  const [key, setKey] = useState(initialKey ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const resumed = useRef(false);

  async function submit(candidate: string) {
    setChecking(true);
    setProblem(null);
    const result = await checkKey(candidate.trim());
    setChecking(false);
    if ('caller' in result) {
      onSignedIn(candidate.trim(), result.caller);
    } else {
      setProblem(result.problem);
    }
  }

  // A reload keeps the tab's key: check it once without asking again.
  useEffect(() => {
    if (initialKey && !resumed.current) {
      resumed.current = true;
      void submit(initialKey);
    }
  });

  return (
    <main id="main" className="sign-in">
      <h1>{strings.signIn.title}</h1>
      <p>{strings.signIn.intro}</p>
      <Form
        validationErrors={problem ? { apiKey: problem } : {}}
        onSubmit={(event) => {
          event.preventDefault();
          void submit(key);
        }}
      >
        <TextField
          name="apiKey"
          isRequired
          value={key}
          onChange={(value) => {
            setKey(value);
            setProblem(null);
          }}
          autoComplete="off"
          className="field"
        >
          <Label className="label">{strings.signIn.keyLabel}</Label>
          <Input type="password" spellCheck={false} />
          <Text slot="description">{strings.signIn.keyDescription}</Text>
          <FieldError />
        </TextField>
        <Button type="submit" className="button primary" isDisabled={checking}>
          {checking ? strings.signIn.checking : strings.signIn.submit}
        </Button>
      </Form>
    </main>
  );
}
