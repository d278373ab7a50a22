import { describe, expect, it } from 'vitest';
import { ApiError, createApi, isUnknownField, unwrap } from './client.ts';
import { TypedDocumentString } from './generated/graphql.ts';

/** A document as the generated code makes one, for operations the page does not send. */
const doc = <Result = unknown, Variables = Record<string, never>>(text: string) => new TypedDocumentString<Result, Variables>(text);
const VIEWER = doc<{ viewer: { role: string } }>('{ viewer { role } }');

const answer = (status: number, body: unknown): typeof fetch => async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('the GraphQL client', () => {
  it('sends the bearer token and returns data', async () => {
    let seen: RequestInit | undefined;
    const api = createApi('tok', '/graphql', async (_url, init) => { seen = init; return new Response(JSON.stringify({ data: { viewer: { role: 'ADMIN' } } })); });
    expect(await api.query(VIEWER)).toEqual({ viewer: { role: 'ADMIN' } });
    expect((seen?.headers as Record<string, string>).Authorization).toBe('Bearer tok');
    expect(JSON.parse(String(seen?.body))).toEqual({ query: '{ viewer { role } }', variables: {} });
  });

  it('sends the document as text, with its variables', async () => {
    let body = '';
    const api = createApi('tok', '/graphql', async (_url, init) => { body = String(init?.body); return new Response(JSON.stringify({ data: { partner: null } })); });
    const byId = doc<{ partner: null }, { id: string }>('query PickedPartner($id: ID!) { partner(id: $id) { id name } }');
    await api.query(byId, { id: 'p-1' });
    expect(JSON.parse(body)).toEqual({ query: 'query PickedPartner($id: ID!) { partner(id: $id) { id name } }', variables: { id: 'p-1' } });
    // Checked by tsc, never run: a document with a required variable cannot be sent without it.
    // @ts-expect-error: $id is required.
    const withoutId = () => api.query(byId);
    expect(withoutId).toBeTypeOf('function');
  });

  it('turns GraphQL errors into ApiError with the code', async () => {
    const api = createApi('bad', '/graphql', answer(401, { errors: [{ message: 'no', extensions: { code: 'UNAUTHENTICATED' } }] }));
    await expect(api.query(VIEWER)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
    expect(() => unwrap({ data: null, errors: [{ message: 'x', extensions: { code: 'FORBIDDEN' } }] })).toThrow(ApiError);
  });

  it('says when the server cannot be reached or does not answer in GraphQL', async () => {
    const down = createApi('t', '/graphql', async () => { throw new TypeError('fetch failed'); });
    await expect(down.query(doc('{ a }'))).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
    const html = createApi('t', '/graphql', async () => new Response('<html>', { status: 503 }));
    await expect(html.query(doc('{ a }'))).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE', status: 503 });
  });

  it('recognises a field the server does not serve', () => {
    const err = new ApiError('Cannot query field "network" on type "Query".', 'GRAPHQL_VALIDATION_FAILED', 400);
    expect(isUnknownField(err, 'network')).toBe(true);
    expect(isUnknownField(err, 'partners')).toBe(false);
  });
});
