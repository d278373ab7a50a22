import { describe, expect, it } from 'vitest';
import type { AtRiskRow, CommitmentInfo } from './accountability.queries.ts';
import { actLine, daysToGo, reasonLines, whoActs } from './at-risk-model.ts';

const partner = (id: string, name: string) => ({ id, name });
const commitment = (id: string, status: CommitmentInfo['status'], owner: [string, string], dueDate: string): CommitmentInfo =>
  ({ id, description: `${id} desc`, status, dueDate, owner: partner(...owner), engagement: { id: 'e-claims-copilot', name: 'Claims triage copilot' } });

// o-claims-nps as of 2026-12-05, the sample's designed case.
const nps: AtRiskRow = {
  outcome: {
    id: 'o-claims-nps', description: 'Adjuster satisfaction above 40', status: 'PENDING', dueDate: '2027-02-26',
    engagement: { id: 'e-claims-copilot', name: 'Claims triage copilot', customer: { name: 'Rheinhafen', region: { code: 'DE' } } },
  },
  daysToDue: 83,
  reasons: ['DEFECTIVE_DEPENDENCY', 'OVERDUE_DEPENDENCY'],
  orchestratorNow: partner('p-cortexa', 'Cortexa'),
  orchestratorOnDueDate: partner('p-tessellate', 'Tessellate'),
  defective: [commitment('m-claims-rules', 'LATE', ['p-quillfield', 'Quillfield'], '2026-04-30')],
  overdue: [commitment('m-claims-followup', 'PENDING', ['p-tessellate', 'Tessellate'], '2026-11-30')],
};

describe('the words of an outcome at risk', () => {
  it('says how many days are left, today and tomorrow in words', () => {
    expect(daysToGo(83)).toBe('due in 83 days');
    expect(daysToGo(1)).toBe('due tomorrow');
    expect(daysToGo(0)).toBe('due today');
  });

  it('names each reason with the commitments behind it and their owners', () => {
    const lines = reasonLines(nps);
    expect(lines.map((l) => l.reason)).toEqual(['DEFECTIVE_DEPENDENCY', 'OVERDUE_DEPENDENCY']);
    expect(lines.map((l) => l.text)).toEqual([
      'Defective dependency: m-claims-rules (Quillfield, late)',
      'Overdue dependency: m-claims-followup (Tessellate, pending, was due 2026-11-30)',
    ]);
    expect(lines[1]!.meaning).toBe('a commitment it depends on is past its due date and not delivered');
  });

  it('keeps a reason whose commitments a partner token may not see, and says so', () => {
    expect(reasonLines({ ...nps, reasons: ['OVERDUE_DEPENDENCY'], overdue: [] }).map((l) => l.text))
      .toEqual(['Overdue dependency: outside what your token may see']);
  });

  it('says who must act now and, after a planned handover, who answers on the due date', () => {
    expect(whoActs(nps)).toEqual({ now: 'Cortexa must act now', onDueDate: 'Tessellate accountable on 2027-02-26 (handover planned)', changes: true });
    expect(actLine(nps)).toBe('Cortexa must act now · Tessellate accountable on 2027-02-26 (handover planned)');
  });

  it('names one orchestrator once when it holds the role on both dates', () => {
    const same = { ...nps, orchestratorOnDueDate: partner('p-cortexa', 'Cortexa') };
    expect(whoActs(same).changes).toBe(false);
    expect(actLine(same)).toBe('Cortexa must act now');
  });

  it('says so when nobody orchestrates now or on the due date', () => {
    expect(actLine({ ...nps, orchestratorNow: null })).toBe('No orchestrator now: nobody holds the role to act · Tessellate accountable on 2027-02-26');
    expect(actLine({ ...nps, orchestratorOnDueDate: null })).toBe('Cortexa must act now · nobody accountable on 2027-02-26 (no orchestrator then)');
    expect(whoActs({ ...nps, orchestratorNow: null, orchestratorOnDueDate: null }).changes).toBe(false);
  });
});
