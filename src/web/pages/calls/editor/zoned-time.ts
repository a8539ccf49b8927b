// Deadlines are typed as wall-clock time in the call's IANA zone and sent in UTC. Intl gives a zone's
// offset at an instant; two passes settle the offset around daylight-saving changes.

function offsetMinutes(zone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((wall - at.getTime()) / 60_000);
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** "2026-12-31T17:00" in `zone` → ISO UTC; null when either is not valid (the server then names the field). */
export function zonedToUtc(local: string, zone: string): string | null {
  const m = LOCAL.exec(local);
  if (!m) return null;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  try {
    let t = wall - offsetMinutes(zone, new Date(wall)) * 60_000;
    t = wall - offsetMinutes(zone, new Date(t)) * 60_000;
    return new Date(t).toISOString();
  } catch {
    return null;
  }
}

/** ISO UTC → "YYYY-MM-DDTHH:mm" as a clock in `zone` shows it (for a datetime-local input). */
export function utcToZoned(iso: string | null | undefined, zone: string): string {
  if (!iso) return '';
  const at = new Date(iso);
  try {
    return new Date(at.getTime() + offsetMinutes(zone, at) * 60_000).toISOString().slice(0, 16);
  } catch {
    return at.toISOString().slice(0, 16);
  }
}

/** The IANA zones this browser knows, UTC first. */
export function timeZones(): string[] {
  const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  return ['UTC', ...supported.filter((z) => z !== 'UTC')];
}
