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
 * Every character of `text` in lines that fit `width`: at words, and a word wider than the
 * width (an id, a URL) split where it must. Nothing is dropped or shortened.
 */
export function wrapWhole(measure: (text: string) => number, text: string, width: number): string[] {
  const pieces = text.split(/\s+/).filter(Boolean).flatMap((word) => {
    if (measure(word) <= width) return [word];
    const out: string[] = [];
    let piece = '';
    for (const char of word) {
      if (piece && measure(piece + char) > width) { out.push(piece); piece = char; } else piece += char;
    }
    return [...out, piece];
  });
  // Each split piece is as wide as fits, so it never shares a line with the next one.
  return wrapText(measure, pieces.join(' '), width);
}
