/**
 * Browser sessions (contract: Browser sessions and the explorer). A session node holds only
 * the SHA-256 of its id, as a token node holds only its secret's; it is linked to the
 * token it was exchanged for, or, for the ADMIN_TOKEN setting (no node), carries that
 * secret's hash so that changing the setting ends its sessions.
 *
 * Times are datetimes; `idleUntil` is the earlier of "idle too long" and the absolute
 * expiry, so one indexed property answers both the lookup and the clean-up.
 */

export const CREATE_TOKEN_SESSION = `
MATCH (t:ApiToken {id: $tokenId})
WHERE t.revokedAt IS NULL
CREATE (s:BrowserSession {hash: $hash, createdAt: datetime({epochMillis: $now}), lastSeenAt: datetime({epochMillis: $now}),
  idleUntil: datetime({epochMillis: $idleUntil}), expiresAt: datetime({epochMillis: $expiresAt})})-[:SESSION_OF]->(t)
RETURN s.hash AS hash`;

export const CREATE_ENV_SESSION = `
CREATE (s:BrowserSession {hash: $hash, envTokenHash: $envTokenHash, createdAt: datetime({epochMillis: $now}),
  lastSeenAt: datetime({epochMillis: $now}), idleUntil: datetime({epochMillis: $idleUntil}), expiresAt: datetime({epochMillis: $expiresAt})})
RETURN s.hash AS hash`;

/** A live session and what it stands for; a revoked token's session finds no token. */
export const FIND_SESSION = `
MATCH (s:BrowserSession {hash: $hash})
WHERE s.idleUntil > datetime({epochMillis: $now})
OPTIONAL MATCH (s)-[:SESSION_OF]->(t:ApiToken)
WHERE t.revokedAt IS NULL
RETURN t.id AS tokenId, t.role AS role, t.partnerId AS partnerId, t.label AS label, s.envTokenHash AS envTokenHash,
  s.lastSeenAt.epochMillis AS lastSeenAt, s.idleUntil.epochMillis AS idleUntil, s.expiresAt.epochMillis AS expiresAt`;

export const TOUCH_SESSION = `
MATCH (s:BrowserSession {hash: $hash})
SET s.lastSeenAt = datetime({epochMillis: $now}), s.idleUntil = datetime({epochMillis: $idleUntil})`;

export const DELETE_SESSION = `
MATCH (s:BrowserSession {hash: $hash})
DETACH DELETE s
RETURN count(*) AS n`;

/** Ended sessions, a bounded batch at a time (the idleUntil index finds them). */
export const DELETE_ENDED_SESSIONS = `
MATCH (s:BrowserSession)
WHERE s.idleUntil <= datetime({epochMillis: $now})
WITH s LIMIT $limit
DETACH DELETE s
RETURN count(*) AS n`;
