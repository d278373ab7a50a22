/**
 * The events every successful write records (contract: Events and webhooks), with the
 * fields of each type's `data`. The README lists the same table for integrators.
 */
import type { CommitmentStatus, EngagementRole, IsoDate, OutcomeStatus } from '../model/index.ts';

export const EVENT_TYPES = [
  'outcome.status_changed',
  'outcome.at_risk',
  'commitment.status_changed',
  'role.assigned',
  'role.ended',
  'import.completed',
  'deal.registered',
  'deal.decided',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

export interface EventData {
  'outcome.status_changed': { outcomeId: string; engagementId: string; from: OutcomeStatus; to: OutcomeStatus };
  /**
   * Once a day, for each PENDING outcome that became at risk since the day before
   * (contract: At-risk outcomes, as `atRiskOutcomes` answers on `asOf`).
   */
  'outcome.at_risk': {
    outcomeId: string; engagementId: string; dueDate: IsoDate; asOf: IsoDate; daysToDue: number;
    reasons: string[]; orchestratorNowId: string | null; orchestratorOnDueDateId: string | null;
    defective: string[]; overdue: string[];
  };
  'commitment.status_changed': { commitmentId: string; engagementId: string; ownerId: string | null; from: CommitmentStatus; to: CommitmentStatus };
  /** A role interval that starts: the partner holds `role` from `from` (`to` when it is already planned to end). */
  'role.assigned': { engagementId: string; partnerId: string; role: EngagementRole; from: IsoDate; to: IsoDate | null };
  /** A role interval that now ends at `to` (it was open, or ended at another date). */
  'role.ended': { engagementId: string; partnerId: string; role: EngagementRole; from: IsoDate; to: IsoDate };
  /** One per import, whatever its size: what it upserted, and where it came from when known. */
  'import.completed': {
    source: string | null;
    regions: number; industries: number; capabilities: number; partners: number; customers: number;
    engagements: number; contributions: number; commitments: number; outcomes: number;
  };
  'deal.registered': { registrationId: string; partnerId: string; customerId: string; capabilityId: string; registeredOn: IsoDate; expiresOn: IsoDate; status: string };
  'deal.decided': { registrationId: string; partnerId: string; customerId: string; from: string; to: string; reason: string };
}

/**
 * An event as a write records it. `engagementId` names the engagement the event is
 * about: the partners taking part in it are the event's scope (a partner-scoped
 * webhook or subscription receives it). Without one (an import) the event is about
 * the whole ecosystem, and only unscoped receivers get it.
 */
export type NewEvent = {
  [T in EventType]: { type: T; data: EventData[T]; engagementId: string | null; partnerIds?: string[] };
}[EventType];

/** A recorded, sequenced event as receivers get it. */
export interface StoredEvent {
  id: string;
  /** Its place in the one order all receivers share (sequencer.ts). */
  seq: number;
  type: EventType;
  /** ISO 8601, UTC: when the write recorded it. */
  timestamp: string;
  /** The `data` object as JSON text, exactly as webhooks send it. */
  data: string;
  /** The partners whose scope holds the event; null: the whole ecosystem only. */
  partners: string[] | null;
}

/** Whether a receiver limited to `partnerId` (null: none) may get the event. */
export function inScope(event: Pick<StoredEvent, 'partners'>, partnerId: string | null): boolean {
  return partnerId === null || (event.partners !== null && event.partners.includes(partnerId));
}

/** What a webhook's body and a subscription's payload carry: `{ type, timestamp, data }`. */
export function eventBody(event: Pick<StoredEvent, 'type' | 'timestamp' | 'data'>): string {
  return `{"type":${JSON.stringify(event.type)},"timestamp":${JSON.stringify(event.timestamp)},"data":${event.data}}`;
}
