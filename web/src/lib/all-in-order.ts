/**
 * The values of a string union (an enum generated from the API schema) in an order the
 * page chooses, such as a legend's. Checked at compile time both ways: a value the union
 * lacks is a type error, and so is a value of the union the list lacks (the error names
 * it as `missing`). So a value added to or renamed in the API fails the type check here
 * instead of silently dropping out of the page.
 */
export function allInOrder<T extends string>() {
  return <const L extends readonly T[]>(list: L & Unlisted<T, L[number]>): L => list;
}

/** No constraint when every value of T is listed; otherwise a shape no array has. */
type Unlisted<T, Listed> = [Exclude<T, Listed>] extends [never] ? unknown : { missing: Exclude<T, Listed> };
