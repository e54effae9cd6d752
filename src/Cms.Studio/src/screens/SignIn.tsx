import { useEffect, useRef, useState } from 'react';
import { Button, FieldError, Form, Input, Label, Text, TextField } from 'react-aria-components';
import type { Credentials } from '../app/credentials';
import { apiKeyCredentials, storedKey, storeKey } from '../app/session';
import { studioSettings, type OrganisationSignIn } from '../app/settings';
import { whoIs } from '../app/whoIs';
import { strings } from '../app/strings';
import { Frame } from '../app/Shell';

import type { Caller } from '../app/caller';

const s = strings.signIn;

// MSAL's chunk, loaded only on a deployment with organisation sign-in.
const organisationSignIn = () => import('../app/organisation');

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Completes or resumes this tab's organisation sign-in: who signed in, or why it did not work; null when there is none. */
async function resumeOrganisation(organisation: OrganisationSignIn): Promise<{ credentials: Credentials; caller: Caller } | { problem: string } | null> {
  try {
    const credentials = await (await organisationSignIn()).resumeSignIn(organisation);
    if (!credentials) {
      return null;
    }
    const result = await whoIs(credentials);
    if ('caller' in result) {
      return { credentials, caller: result.caller };
    }
    return { problem: result.problem === 'noRole' ? s.organisationNoRole : result.problem === 'refused' ? s.organisationRefused : s.unreachable };
  } catch (error) {
    return { problem: s.organisationFailed(reasonOf(error)) };
  }
}

/** Leaves for the organisation's sign-in page; says why when that could not start. */
async function beginOrganisation(organisation: OrganisationSignIn): Promise<string | null> {
  try {
    await (await organisationSignIn()).beginSignIn(organisation);
    return null;
  } catch (error) {
    return s.organisationFailed(reasonOf(error));
  }
}

type Stage = { name: 'starting' } | { name: 'ready'; organisation: OrganisationSignIn | null } | { name: 'leaving' };

/**
 * Sign-in: with the organisation's account where the deployment configures it (MSAL, back on this page signed in), or
 * by pasting an API key. A reload resumes the tab's sign-in of either kind without asking again.
 */
export function SignIn({ onSignedIn, problem }: { onSignedIn: (credentials: Credentials, caller: Caller) => void; problem?: string | null }) {
  const [stage, setStage] = useState<Stage>({ name: 'starting' });
  const [key, setKey] = useState(storedKey() ?? '');
  const [keyProblem, setKeyProblem] = useState<string | null>(problem ?? null);
  const [organisationProblem, setOrganisationProblem] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const started = useRef(false);

  /** Checks a key and signs in with it; says why not at the field otherwise. */
  async function submitKey(candidate: string): Promise<boolean> {
    setChecking(true);
    setKeyProblem(null);
    const credentials = apiKeyCredentials(candidate.trim());
    const result = await whoIs(credentials);
    setChecking(false);
    if ('caller' in result) {
      storeKey(candidate.trim(), result.caller);
      onSignedIn(credentials, result.caller);
      return true;
    }
    setKeyProblem(s[result.problem]);
    return false;
  }

  useEffect(() => {
    if (started.current) {
      return;
    }
    started.current = true;
    void (async () => {
      // A pasted key resumes first: it needs nothing else before the first query.
      const resumed = storedKey();
      if (resumed && (await submitKey(resumed))) {
        return;
      }

      const organisation = (await studioSettings().catch(() => null))?.signIn ?? null;
      const resumedOrganisation = organisation ? await resumeOrganisation(organisation) : null;
      if (resumedOrganisation && 'caller' in resumedOrganisation) {
        onSignedIn(resumedOrganisation.credentials, resumedOrganisation.caller);
        return;
      }
      setOrganisationProblem(resumedOrganisation?.problem ?? null);

      setStage({ name: 'ready', organisation });
    })();
  });

  async function signInWithOrganisation(organisation: OrganisationSignIn) {
    setStage({ name: 'leaving' });
    setOrganisationProblem(null);
    const problem = await beginOrganisation(organisation);
    if (problem) {
      setOrganisationProblem(problem);
      setStage({ name: 'ready', organisation });
    }
  }

  if (stage.name === 'starting') {
    // Resuming is usually instant: only the bar, then the screen, so nothing jumps.
    return (
      <Frame>
        <p className="summary" role="status">
          {s.starting}
        </p>
      </Frame>
    );
  }

  if (stage.name === 'leaving') {
    return (
      <Frame>
        <div className="sign-in">
          <h1>{s.title}</h1>
          <p role="status">{s.leaving}</p>
        </div>
      </Frame>
    );
  }

  return (
    <Frame>
      <div className="sign-in">
        <h1>{s.title}</h1>
        {stage.organisation && (
          <section className="sign-in-organisation" aria-labelledby="organisation-heading">
            <h2 id="organisation-heading">{s.organisationHeading}</h2>
            <p>{s.organisationIntro}</p>
            {organisationProblem && (
              <p className="problem" role="alert">
                {organisationProblem}
              </p>
            )}
            <Button className="button primary" onPress={() => void signInWithOrganisation(stage.organisation!)}>
              {s.organisationSubmit}
            </Button>
          </section>
        )}
        {stage.organisation && <h2>{s.keyHeading}</h2>}
        <p>{s.intro}</p>
        <Form
          validationErrors={keyProblem ? { apiKey: keyProblem } : {}}
          onSubmit={(event) => {
            event.preventDefault();
            void submitKey(key);
          }}
        >
          <TextField
            name="apiKey"
            isRequired
            value={key}
            onChange={(value) => {
              setKey(value);
              setKeyProblem(null);
            }}
            autoComplete="off"
            className="field"
          >
            <Label className="label">{s.keyLabel}</Label>
            <Input type="password" spellCheck={false} />
            <Text slot="description">{s.keyDescription}</Text>
            <FieldError />
          </TextField>
          <Button type="submit" className={stage.organisation ? 'button secondary' : 'button primary'} isDisabled={checking}>
            {checking ? s.checking : s.submit}
          </Button>
        </Form>
      </div>
    </Frame>
  );
}
