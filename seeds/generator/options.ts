/** What to generate. Counts are exact; the seed picks one of 2^32 ecosystems. */
export interface GenerateOptions {
  partners: number;
  engagements: number;
  seed: number;
}

/** Throws a RangeError naming the first bad option. */
export function checkOptions(options: GenerateOptions): void {
  const { partners, engagements, seed } = options;
  if (!Number.isSafeInteger(partners) || partners < 1) {
    throw new RangeError(`partners must be an integer >= 1, got ${partners}`);
  }
  if (!Number.isSafeInteger(engagements) || engagements < 0) {
    throw new RangeError(`engagements must be an integer >= 0, got ${engagements}`);
  }
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
}
