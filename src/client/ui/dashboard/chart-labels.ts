/**
 * A label cut into lines of at most `width` characters at spaces, so a chart shows
 * the whole look-for instead of an ellipsis. A word longer than a line stays whole.
 */
export function wrapLabel(text: string, width = 32): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}
