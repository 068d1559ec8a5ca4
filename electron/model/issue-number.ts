// Issue numbers follow a per-publication pattern such as 제YYYYMM호. Tokens: YYYY, MM, DD.
export function formatIssue(pattern: string, date: Date): string {
  const yyyy = String(date.getFullYear());
  const mm = String(date.getMonth() + 1).padStart(2, '0');
  const dd = String(date.getDate()).padStart(2, '0');
  return pattern.replaceAll('YYYY', yyyy).replaceAll('MM', mm).replaceAll('DD', dd);
}

// Whether a typed issue number fits the publication's pattern (제202503호 fits 제YYYYMM호).
export function matchesIssuePattern(pattern: string, value: string): boolean {
  const escaped = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const source = escaped
    .replaceAll('YYYY', '(\\d{4})')
    .replaceAll('MM', '(0[1-9]|1[0-2])')
    .replaceAll('DD', '(0[1-9]|[12]\\d|3[01])');
  return new RegExp(`^${source}$`, 'u').test(value);
}
