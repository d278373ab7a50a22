/** createApiToken's refusals, as a person reads them. */
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../tests/support/api.ts';

const { gql } = useTestApp(() => ({
  partners: [{ id: 'p1', name: 'One', type: 'ISV' }],
}));

describe('createApiToken refusals', () => {
  it.each([
    ['ANALYST', 'an ANALYST token is not bound to a partner'],
    ['ADMIN', 'an ADMIN token is not bound to a partner'],
  ])('%s with a partnerId: "%s"', async (role, message) => {
    const res = await gql('mutation($role: AccessRole!) { createApiToken(role: $role, partnerId: "p1") { id } }', { role });
    expect(res.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions.problems).toEqual([{ path: 'partnerId', message }]);
  });
});
