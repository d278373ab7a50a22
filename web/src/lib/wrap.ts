/** Breaking text into lines that fit a width, with whatever measures it (canvas, SVG, a test's stub). Pure. */
export function wrapText(measure: (text: string) => number, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && measure(next) > width) { lines.push(line); line = word; } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * At most `max` lines; when the text needs more, the last line ends in "…" and still fits
 * (the whole text goes in a title beside it).
 */
export function clampLines(measure: (text: string) => number, text: string, width: number, max: number): { lines: string[]; clipped: boolean } {
  const lines = wrapText(measure, text, width);
  const fitLine = (line: string, ellipsis: boolean) => {
    if (!ellipsis && measure(line) <= width) return line;
    let t = line;
    while (t.length > 1 && measure(`${t.trimEnd()}…`) > width) t = t.slice(0, -1);
    return `${t.trimEnd()}…`;
  };
  if (lines.length <= max) {
    const fitted = lines.map((l) => fitLine(l, false));
    return { lines: fitted, clipped: fitted.some((l, i) => l !== lines[i]) };
  }
  const kept = lines.slice(0, max);
  kept[max - 1] = fitLine(kept[max - 1]!, true);
  return { lines: kept.map((l, i) => (i < max - 1 ? fitLine(l, false) : l)), clipped: true };
}
