/**
 * An at-risk outcome in a governance lead's words: how long is left, why it is at risk
 * (the contract's reasons with the commitments behind them) and who must act. Pure.
 */
import type { RiskReason } from '../api/generated/graphql.ts';
import type { AtRiskRow, CommitmentInfo } from './accountability.queries.ts';

/** `daysToDue` is never negative: the API lists outcomes due on or after the as-of date. */
export function daysToGo(days: number): string {
  if (days === 0) return 'due today';
  if (days === 1) return 'due tomorrow';
  return `due in ${days} days`;
}

const REASON_WORDS: Record<RiskReason, { label: string; meaning: string }> = {
  DEFECTIVE_DEPENDENCY: { label: 'Defective dependency', meaning: 'a commitment it depends on is late or failed' },
  OVERDUE_DEPENDENCY: { label: 'Overdue dependency', meaning: 'a commitment it depends on is past its due date and not delivered' },
};

export interface ReasonLine {
  reason: RiskReason;
  label: string;
  meaning: string;
  commitments: readonly CommitmentInfo[];
  /** "Defective dependency: m-claims-rules (Quillfield, late)". */
  text: string;
}

/** One commitment behind a reason: its owner, and what makes it a risk. */
function commitmentWords(c: CommitmentInfo, reason: RiskReason): string {
  const status = c.status.toLowerCase().replace(/_/g, ' ');
  return reason === 'OVERDUE_DEPENDENCY'
    ? `${c.id} (${c.owner.name}, ${status}, was due ${c.dueDate ?? 'without a date'})`
    : `${c.id} (${c.owner.name}, ${status})`;
}

/**
 * The reasons in the API's order. A PARTNER token does not see commitments outside its
 * scope, so a reason can stand with none listed: it says so rather than show nothing.
 */
export function reasonLines(row: Pick<AtRiskRow, 'reasons' | 'defective' | 'overdue'>): ReasonLine[] {
  return row.reasons.map((reason) => {
    const commitments = reason === 'DEFECTIVE_DEPENDENCY' ? row.defective : row.overdue;
    const shown = commitments.length ? commitments.map((c) => commitmentWords(c, reason)).join('; ') : 'outside what your token may see';
    return { reason, ...REASON_WORDS[reason], commitments, text: `${REASON_WORDS[reason].label}: ${shown}` };
  });
}

export interface WhoActs {
  /** "Cortexa must act now". */
  now: string;
  /** "Tessellate accountable on 2027-02-26 (handover planned)". */
  onDueDate: string;
  /** Whether the orchestrator on the due date is another than today's (or one of them is missing). */
  changes: boolean;
}

export function whoActs(row: Pick<AtRiskRow, 'orchestratorNow' | 'orchestratorOnDueDate' | 'outcome'>): WhoActs {
  const { orchestratorNow: now, orchestratorOnDueDate: due } = row;
  const changes = (now?.id ?? null) !== (due?.id ?? null);
  const date = row.outcome.dueDate;
  return {
    now: now ? `${now.name} must act now` : 'No orchestrator now: nobody holds the role to act',
    onDueDate: due
      ? `${due.name} accountable on ${date}${now && changes ? ' (handover planned)' : ''}`
      : `nobody accountable on ${date} (no orchestrator then)`,
    changes,
  };
}

/** The list row's line: who acts now, and who answers on the due date when that is someone else. */
export function actLine(row: Pick<AtRiskRow, 'orchestratorNow' | 'orchestratorOnDueDate' | 'outcome'>): string {
  const who = whoActs(row);
  return who.changes ? `${who.now} · ${who.onDueDate}` : who.now;
}
