/**
 * The sample's deal registrations (contract: Deal registration): a short story on the
 * story engagements, each registration showing one rule (sample.test.ts asserts the
 * facts; the README's worked example decides the open conflict). Today is 2026-11-21.
 *
 * - Rheinhafen Versicherung: Brightwater's data-platform registration (approved) expired on
 *   2025-05-11. Cortexa registered the claims copilot's genai work on 2025-04-28 and was
 *   approved, yet Brightwater recorded the SOURCED touch k-cc-sourced on 2025-05-20,
 *   inside Cortexa's window: a SOURCED_AGAINST_REGISTRATION conflict, the credit dispute
 *   attribution shows. Stratus's later claim was rejected, so it counts for nothing.
 * - Sakuragawa Bank: Hoshimi AI's approved registration for the underwriting agent, in
 *   force today, with no rival: the ordinary case.
 * - Zeelander Havenbedrijf: after Kestrel stepped out of the port twin pursuit (2026-10-16),
 *   Meridian Fibre and Gridsense Analytics both registered its digital-twin work; both PENDING and
 *   in force today, an OVERLAPPING_REGISTRATIONS conflict waiting for a decision.
 *   Meridian registered first, so it has priority.
 */
import type { DealRegistrationInput } from '../../graph/model/index.ts';

export const DEAL_REGISTRATIONS: DealRegistrationInput[] = [
  {
    id: 'dr-rh-data-platform', partner: 'p-brightwater', customer: 'c-rheinhafen', capability: 'data-platform',
    // No expiresOn: the contract's default window of 90 days, to 2025-05-11.
    registeredOn: '2025-02-10', status: 'APPROVED', reason: 'Lakehouse follow-on scoped with the CFO',
  },
  {
    id: 'dr-rh-genai', partner: 'p-cortexa', customer: 'c-rheinhafen', capability: 'genai',
    registeredOn: '2025-04-28', status: 'APPROVED', reason: 'Cortexa brought the claims copilot to the COO',
  },
  {
    id: 'dr-rh-genai-stratus', partner: 'p-stratus', customer: 'c-rheinhafen', capability: 'genai',
    registeredOn: '2025-08-20', expiresOn: '2025-11-18', status: 'REJECTED', reason: 'Marketplace purchase only; no part in the sale',
  },
  {
    id: 'dr-saku-agentic', partner: 'p-hoshimi', customer: 'c-sakuragawa', capability: 'agentic-ai',
    registeredOn: '2026-07-20', expiresOn: '2027-01-31', status: 'APPROVED', reason: 'Sourced by Hoshimi AI; the underwriting lead confirmed',
  },
  {
    id: 'dr-zee-twin-meridian', partner: 'p-meridian', customer: 'c-zeelander', capability: 'digital-twin',
    registeredOn: '2026-10-19', expiresOn: '2027-04-30', status: 'PENDING',
  },
  {
    id: 'dr-zee-twin-gridsense', partner: 'p-gridsense', customer: 'c-zeelander', capability: 'digital-twin',
    registeredOn: '2026-11-02', expiresOn: '2027-04-30', status: 'PENDING',
  },
];
