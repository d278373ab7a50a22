/**
 * Map projections that read only what the caller will use. A read names, for each key
 * of its row, the Cypher expression that computes it and the field of the API that
 * needs it; given the fields an operation selects, only those keys are read. Reading a
 * property is a store access per row, and every key travels through the driver and is
 * decoded: on a nested list of 700 participations, the unselected keys of the
 * engagements were a third of the statement and half of the decoding.
 *
 * Expressions are constants of the code, never input: the text of a statement varies
 * only with which of them are chosen.
 */

/** The fields wanted of a type; null: all of them (the caller does not know). */
export type Fields = ReadonlySet<string> | null;

/** One key of a row: its name, its expression, and the field that needs it (default: the key itself). */
export type Prop = readonly [key: string, expression: string, field?: string];

/**
 * A Cypher map of the props whose field is wanted, plus the keys in `always` (ids, sort
 * keys), in the order of `props`.
 */
export function mapProjection(props: readonly Prop[], fields: Fields, always: readonly string[] = []): string {
  const chosen = props.filter(([key, , field]) => fields === null || always.includes(key) || fields.has(field ?? key));
  return `{${chosen.map(([key, expression]) => `${key}: ${expression}`).join(', ')}}`;
}

/** A stable name for a choice of fields, for keeping one statement text per choice. */
export function fieldsKey(fields: Fields): string {
  return fields === null ? '*' : [...fields].sort().join(',');
}

const statements = new Map<string, string>();

/**
 * The statement text of one shape (`key`: unique across the code, e.g. "partners page …"),
 * built the first time it is asked for: a request pays a map lookup, not the building.
 * There are few shapes (one per choice of fields and options actually asked).
 */
export function statementFor(key: string, build: () => string): string {
  let text = statements.get(key);
  if (text === undefined) {
    text = build();
    statements.set(key, text);
  }
  return text;
}
