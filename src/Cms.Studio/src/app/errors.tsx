import type { OperationResult } from '@urql/core';

/** A typed error from a mutation payload (the mutation convention), or one made here for a failed request. */
export interface UserErrorData {
  __typename: string;
  code: string;
  message: string;
  field?: string | null;
  slug?: string | null;
  currentVersion?: number | null;
  assetIds?: string[] | null;
  articles?: { articleId: string; slug: string; versions: number[] }[] | null;
}

// The error fields each kind of mutation payload selects, as fragments its operations spread.
/** A mutation's payload, when there is one, and every error in one list. */
export interface PayloadAndErrors<P> {
  payload: P | null;
  errors: UserErrorData[];
}

/**
 * The payload of a mutation and its errors in one list: the payload's typed errors, or, when the request itself
 * failed (network, authorization), one error made of the GraphQL error's code and message.
 */
export function payloadOf<Data extends Record<Field, { errors: readonly UserErrorData[] } | null>, Field extends string>(
  result: OperationResult<Data>,
  field: Field,
): PayloadAndErrors<NonNullable<Data[Field]>> {
  const payload = result.data?.[field] ?? null;
  if (payload) {
    return { payload, errors: [...payload.errors] };
  }
  const graphQLError = result.error?.graphQLErrors[0];
  const code = typeof graphQLError?.extensions?.code === 'string' ? graphQLError.extensions.code : 'REQUEST_FAILED';
  const message = graphQLError?.message ?? result.error?.networkError?.message ?? result.error?.message ?? 'The request failed.';
  return { payload: null, errors: [{ __typename: 'RequestError', code, message }] };
}

/** The messages of errors, for a list shown where the action was. */
export function ErrorList({ errors, testId }: { errors: UserErrorData[]; testId?: string }) {
  if (errors.length === 0) {
    return null;
  }
  return (
    <div role="alert" className="problem" data-testid={testId}>
      <ul>
        {errors.map((error, index) => (
          <li key={index} data-code={error.code}>
            {error.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
