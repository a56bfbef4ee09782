/**
 * A long name (a factor, a unit) as lines of at most `max` characters, broken between words, so a
 * chart's axis shows it whole instead of cutting it at the canvas edge. A word longer than `max`
 * keeps a line of its own.
 */
export function wrapLabel(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [''];
}

/** How many characters an axis label may take on a line: about a third of a narrow chart, less of a wide one. */
export function labelCharsFor(chartWidth: number): number {
  return chartWidth < 480 ? 16 : chartWidth < 800 ? 24 : 36;
}

/** A category axis's tick callback: each label wrapped to the chart's width when it is drawn (and redrawn on resize). */
export function wrappedTicks(labels: readonly string[]) {
  return function (this: { chart: { width: number } }, _value: string | number, index: number): string[] {
    return wrapLabel(labels[index] ?? '', labelCharsFor(this.chart.width));
  };
}
