/** The day a report is produced, `YYYY-MM-DD` in UTC; SOURCE_DATE_EPOCH (seconds) fixes it for reproducible output. */
export function reportDate(): string {
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  const when = process.env.SOURCE_DATE_EPOCH !== undefined && Number.isFinite(epoch) ? new Date(epoch * 1000) : new Date();
  return when.toISOString().slice(0, 10);
}
