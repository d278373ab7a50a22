/**
 * How much of a client's value a message may quote: enough to recognise it, never the
 * whole of it. A message that quoted a 1 MB date string answered 2.9 MB; every message
 * that quotes input clips it here, so the API, the import and the CLI agree.
 */
export const QUOTE_CHARS = 40;

/** `value` cut to `max` characters (UTF-16 units) with an ellipsis, never in the middle of a surrogate pair. */
export function clip(value: string, max = QUOTE_CHARS): string {
  if (value.length <= max) return value;
  const code = value.charCodeAt(max - 1);
  const end = code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
  return `${value.slice(0, end)}…`;
}

/** At most `max` items of a list in a message, then how many more there are. */
export function clipList(items: readonly string[], max = 10, separator = ', '): string {
  const shown = items.slice(0, max).map((item) => clip(item)).join(separator);
  return items.length > max ? `${shown}${separator}… (${items.length - max} more)` : shown;
}
