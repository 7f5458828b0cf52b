/** A named figure a benchmark prints, with the target it is held to. */
export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  /** Human form of the target, e.g. "<= 2 ms". */
  target?: string;
  /** Whether the target was met; undefined when the figure has no target. */
  met?: boolean;
  detail?: string;
}

/** A group of figures measured together. */
export interface BenchSuite {
  name: string;
  run(): Promise<BenchFigure[]>;
}

/** Prints one figure as `name: value unit (target …, met)`. */
export function printFigure(figure: BenchFigure): void {
  const value = Number.isInteger(figure.value) ? String(figure.value) : figure.value.toFixed(3);
  const target = figure.target ? `  target ${figure.target}: ${figure.met ? 'met' : 'MISSED'}` : '';
  const detail = figure.detail ? `  (${figure.detail})` : '';
  console.log(`${figure.name}: ${value} ${figure.unit}${target}${detail}`);
}

/** Median of a list of numbers. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Runs `fn` `times` times and returns each duration in milliseconds. */
export function timeRuns(times: number, fn: () => void): number[] {
  const durations: number[] = [];
  for (let i = 0; i < times; i += 1) {
    const start = performance.now();
    fn();
    durations.push(performance.now() - start);
  }
  return durations;
}
