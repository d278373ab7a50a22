/**
 * Ids are a kind prefix plus a 1-based index, zero-padded to the width of the largest
 * index the run can produce, so ids sort in generation order as plain strings.
 */
export class IdFormat {
  private readonly width: number;

  constructor(private readonly prefix: string, maxCount: number) {
    this.width = String(Math.max(1, maxCount)).length;
  }

  /** The id of the item at 0-based `index`. */
  of(index: number): string {
    return this.prefix + String(index + 1).padStart(this.width, '0');
  }
}
