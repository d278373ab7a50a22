import { describe, expect, it } from 'vitest';
import { ApiError, createApi, isUnknownField, unwrap } from './client.ts';

const answer = (status: number, body: unknown): typeof fetch => async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('the GraphQL client', () => {
  it('sends the bearer token and returns data', async () => {
    let seen: RequestInit | undefined;
    const api = createApi('tok', '/graphql', async (_url, init) => { seen = init; return new Response(JSON.stringify({ data: { viewer: { role: 'ADMIN' } } })); });
    expect(await api.query('{ viewer { role } }')).toEqual({ viewer: { role: 'ADMIN' } });
    expect((seen?.headers as Record<string, string>).Authorization).toBe('Bearer tok');
    expect(JSON.parse(String(seen?.body))).toEqual({ query: '{ viewer { role } }', variables: {} });
  });

  it('turns GraphQL errors into ApiError with the code', async () => {
    const api = createApi('bad', '/graphql', answer(401, { errors: [{ message: 'no', extensions: { code: 'UNAUTHENTICATED' } }] }));
    await expect(api.query('{ viewer { role } }')).rejects.toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
    expect(() => unwrap({ data: null, errors: [{ message: 'x', extensions: { code: 'FORBIDDEN' } }] })).toThrow(ApiError);
  });

  it('says when the server cannot be reached or does not answer in GraphQL', async () => {
    const down = createApi('t', '/graphql', async () => { throw new TypeError('fetch failed'); });
    await expect(down.query('{ a }')).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
    const html = createApi('t', '/graphql', async () => new Response('<html>', { status: 503 }));
    await expect(html.query('{ a }')).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE', status: 503 });
  });

  it('recognises a field the server does not serve', () => {
    const err = new ApiError('Cannot query field "network" on type "Query".', 'GRAPHQL_VALIDATION_FAILED', 400);
    expect(isUnknownField(err, 'network')).toBe(true);
    expect(isUnknownField(err, 'partners')).toBe(false);
  });
});
