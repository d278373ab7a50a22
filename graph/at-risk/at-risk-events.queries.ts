/**
 * The daily at-risk watch's own state: one node holding the day it last looked and
 * the outcomes at risk then, so the next day's look records only what became at risk.
 */

/** Takes the watch's lock; reads nothing (the next statement reads, once it is held). */
export const LOCK_AT_RISK_WATCH = `
MERGE (s:GraphState {key: 'at-risk-watch'})
ON CREATE SET s.day = null, s.outcomes = []
SET s.locked = true`;

export const READ_AT_RISK_WATCH = `
MATCH (s:GraphState {key: 'at-risk-watch'})
RETURN toString(s.day) AS day, s.outcomes AS outcomes`;

export const WRITE_AT_RISK_WATCH = `
MATCH (s:GraphState {key: 'at-risk-watch'})
SET s.day = date($day), s.outcomes = $outcomes`;
