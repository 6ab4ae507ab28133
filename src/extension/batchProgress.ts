// The "12 / 50 · about 30 s left" line of a batch's progress notification (pure).

/** 4200 → "5 s", 95000 → "1 min 35 s", 7_380_000 → "2 h 3 min". */
export function formatDuration(ms: number): string {
  const s = Math.max(1, Math.ceil(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 ? `${m} min ${s % 60} s` : `${m} min`;
  const h = Math.floor(m / 60);
  return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
}

/** Time left at the pace so far; undefined until something finished. */
export function estimateRemainingMs(done: number, total: number, elapsedMs: number): number | undefined {
  if (done <= 0 || elapsedMs <= 0) return undefined;
  return ((total - done) * elapsedMs) / done;
}

export function progressMessage(done: number, total: number, elapsedMs: number): string {
  const left = estimateRemainingMs(done, total, elapsedMs);
  if (done >= total) return `${done} / ${total}`;
  return left === undefined ? `${done} / ${total}` : `${done} / ${total} · about ${formatDuration(left)} left`;
}
