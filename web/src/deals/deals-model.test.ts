import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import {
  decisionBlocker, decisionFailure, decodeDealsState, describeConflict, EMPTY_STATE, encodeDealsState, filterOf, matchTyped, names, standing,
  type ConflictLike,
} from './deals-model.ts';

const meridian = { id: 'p-meridian', name: 'Meridian Fibre' };
const gridsense = { id: 'p-gridsense', name: 'Gridsense Analytics' };
const zeelander = { id: 'c-zeelander', name: 'Zeelander Havenbedrijf' };
const twin = { id: 'digital-twin', name: 'Digital twin' };

describe('the Deals view in the address', () => {
  it('round-trips every choice and leaves defaults out', () => {
    const value = { partnerId: 'p-meridian', customerId: 'c-zeelander', status: 'PENDING' as const, inForce: true, asOf: '2026-11-21', after: 'abc', engagementsOf: 'c-zeelander' };
    const state = encodeDealsState(value);
    expect(state).toEqual({ partner: 'p-meridian', customer: 'c-zeelander', status: 'PENDING', inForce: '1', asOf: '2026-11-21', after: 'abc', engagementsOf: 'c-zeelander' });
    expect(decodeDealsState(state)).toEqual(value);
    expect(encodeDealsState(EMPTY_STATE)).toEqual({});
    expect(decodeDealsState({})).toEqual(EMPTY_STATE);
  });

  it('reads what it cannot use as the default', () => {
    expect(decodeDealsState({ status: 'MAYBE', asOf: '2026-02-30', inForce: 'yes', partner: '  ' })).toEqual(EMPTY_STATE);
    expect(decodeDealsState({ asOf: '2026-11-21' }).asOf).toBe('2026-11-21');
  });

  it('asks the API with only the filters chosen', () => {
    expect(filterOf(EMPTY_STATE)).toBeNull();
    expect(filterOf({ ...EMPTY_STATE, partnerId: 'p-a', inForce: true, asOf: '2026-01-01' })).toEqual({ partnerId: 'p-a', inForce: true });
    expect(filterOf({ ...EMPTY_STATE, customerId: 'c-a', status: 'REJECTED' })).toEqual({ customerId: 'c-a', status: 'REJECTED' });
  });
});

describe('typing a partner or customer', () => {
  const known = [meridian, gridsense, { id: 'p-meridian-2', name: 'Meridian Two' }];
  it('matches an id, one exact name, or the one name containing the text', () => {
    expect(matchTyped('P-GRIDSENSE', known)).toBe(gridsense);
    expect(matchTyped('meridian fibre', known)).toBe(meridian);
    expect(matchTyped('grid', known)).toBe(gridsense);
  });
  it('matches nothing when the text is empty, unknown or ambiguous', () => {
    expect(matchTyped('  ', known)).toBeNull();
    expect(matchTyped('Stonebridge', known)).toBeNull();
    expect(matchTyped('meridian', known)).toBeNull();
  });
});

describe('conflicts in words', () => {
  const pending = (partner: typeof meridian, id: string, registeredOn: string) => ({ id, partner, registeredOn, expiresOn: '2027-04-30', status: 'PENDING' as const });

  it('names the partners of overlapping registrations and who has priority', () => {
    const conflict: ConflictLike = {
      kind: 'OVERLAPPING_REGISTRATIONS', customer: zeelander, capability: twin,
      registrations: [pending(meridian, 'dr-1', '2026-10-19'), pending(gridsense, 'dr-2', '2026-11-02')],
    };
    expect(describeConflict(conflict, '2026-11-21')).toBe('Meridian Fibre and Gridsense Analytics hold registrations in force for '
      + 'Zeelander Havenbedrijf · Digital twin on 2026-11-21; Meridian Fibre registered first (2026-10-19) and has priority.');
  });

  it('says who claimed SOURCED inside whose approved window', () => {
    const conflict: ConflictLike = {
      kind: 'SOURCED_AGAINST_REGISTRATION', customer: { id: 'c-rh', name: 'Rheinhafen Versicherung' }, capability: { id: 'genai', name: 'GenAI' },
      registrations: [{ id: 'dr-rh-genai', partner: { id: 'p-cortexa', name: 'Cortexa' }, registeredOn: '2025-04-28', expiresOn: '2025-07-27', status: 'APPROVED' }],
      contribution: { id: 'k-cc-sourced', date: '2025-05-20', partner: { id: 'p-brightwater', name: 'Brightwater Systems' } },
      engagement: { id: 'e-claims-copilot', name: 'Claims triage copilot' },
    };
    expect(describeConflict(conflict, '2026-11-21')).toBe('Brightwater Systems claimed SOURCED on Claims triage copilot on 2025-05-20, while Cortexa held '
      + 'an APPROVED registration for Rheinhafen Versicherung · GenAI (2025-04-28 to 2025-07-27).');
  });

  it('lists names as a sentence', () => {
    expect(names([])).toBe('');
    expect(names(['A'])).toBe('A');
    expect(names(['A', 'B', 'C'])).toBe('A, B and C');
  });
});

describe('deciding', () => {
  it('needs a reason that is more than spaces', () => {
    expect(decisionBlocker('')).toMatch(/reason/);
    expect(decisionBlocker('   ')).toMatch(/reason/);
    expect(decisionBlocker('Meridian registered first')).toBeNull();
  });

  it('explains a CONFLICT, a FORBIDDEN and any other refusal', () => {
    const conflict = new ApiError('Another partner holds an APPROVED registration for this customer and capability with overlapping dates: dr-1.', 'CONFLICT', 200);
    expect(decisionFailure(conflict, 'APPROVED')).toBe('Not approved: Another partner holds an APPROVED registration for this customer and capability '
      + 'with overlapping dates: dr-1. Reject one of them, or let the other expire, before approving this one.');
    expect(decisionFailure(new ApiError('no', 'FORBIDDEN', 200), 'APPROVED')).toMatch(/ADMIN/);
    expect(decisionFailure(new Error('boom'), 'REJECTED')).toBe('Not rejected: boom');
  });

  it('tells in force from expired, not yet and rejected, windows being half-open', () => {
    const r = { registeredOn: '2026-10-19', expiresOn: '2027-04-30', status: 'PENDING' as const };
    expect(standing(r, '2026-10-19')).toBe('in force');
    expect(standing(r, '2027-04-29')).toBe('in force');
    expect(standing(r, '2027-04-30')).toBe('expired');
    expect(standing(r, '2026-10-18')).toBe('not yet in force');
    expect(standing({ ...r, status: 'REJECTED' }, '2026-11-21')).toBe('rejected');
  });
});
