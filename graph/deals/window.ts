/**
 * A registration's window and the rules every way in shares (registerDeal, the import):
 * [registeredOn, expiresOn), expiresOn by default registeredOn + 90 days and always
 * after registeredOn; a PENDING registration has no reason yet (contract: Deal registration).
 */
import { isRealDate, type DealRegistrationInput, type IsoDate } from '../model/index.ts';

/** How long a registration protects a deal when its input names no expiresOn. */
const DEFAULT_DAYS = 90;

/** `date` plus `days` calendar days (UTC, so no daylight-saving hour shifts a day). */
function addDays(date: IsoDate, days: number): IsoDate {
  const ms = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/** The end of the window: the given expiresOn, else registeredOn + 90 days. */
export function expiryOf(input: Pick<DealRegistrationInput, 'registeredOn' | 'expiresOn'>): IsoDate {
  return input.expiresOn ?? addDays(input.registeredOn, DEFAULT_DAYS);
}

/**
 * The rules of one registration that need nothing but the input itself, reported at
 * `at` + the field (`dealRegistrations[3].expiresOn`, `input.expiresOn`). Fields that
 * are missing or misshapen are left to the shape check.
 */
export function checkRegistration(
  input: Partial<Pick<DealRegistrationInput, 'registeredOn' | 'expiresOn' | 'status' | 'reason'>>, at: string,
  problem: (path: string, message: string) => void,
): void {
  const { registeredOn, expiresOn, status, reason } = input;
  if (registeredOn !== undefined && expiresOn !== undefined && expiresOn !== null
    && isRealDate(registeredOn) && isRealDate(expiresOn) && expiresOn <= registeredOn) {
    problem(`${at}expiresOn`, `must be after registeredOn (${registeredOn})`);
  }
  if ((status ?? 'PENDING') === 'PENDING' && reason !== undefined && reason !== null) {
    problem(`${at}reason`, 'a PENDING registration has no reason yet: the reason comes with its approval or rejection');
  }
}
