// The wording readers see for a historical date, as the server words it (Cms.Model's HistoricalDate.Display), so the
// editor previews it while typing; after a save the server's own display replaces it. English, like the server's.

const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export interface DateParts {
  year: number;
  month: number | null;
  day: number | null;
}

function ordinal(n: number): string {
  const suffix = [11, 12, 13].includes(n % 100) ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

function formatYear(year: number, showEra: boolean): string {
  return year < 0 ? `${-year} BCE` : showEra ? `${year} CE` : String(year);
}

function describe(point: DateParts, precision: string, showEra: boolean): string {
  const year = formatYear(point.year, showEra);
  const bce = point.year < 0;
  const month = point.month !== null && point.month >= 1 && point.month <= 12 ? monthNames[point.month - 1] : null;
  switch (precision) {
    case 'DAY':
      return month && point.day !== null ? `${point.day} ${month} ${year}` : year;
    case 'MONTH':
      return month ? `${month} ${year}` : year;
    case 'DECADE':
      return `${Math.abs(point.year)}s` + (showEra && bce ? ' BCE' : '');
    case 'CENTURY':
      return `${ordinal(Math.floor((Math.abs(point.year) - 1) / 100) + 1)} century` + (showEra && bce ? ' BCE' : showEra ? ' CE' : '');
    default:
      return year;
  }
}

/** The label when there is one; otherwise the phrase the precision makes, naming the era as the server does. */
export function displayOf(precision: string, label: string, start: DateParts, end: DateParts | null): string {
  if (label.trim()) {
    return label.trim();
  }
  if (!end) {
    return describe(start, precision, start.year < 0);
  }
  const crossesEra = start.year < 0 !== end.year < 0;
  return `${describe(start, precision, crossesEra)} – ${describe(end, precision, end.year < 0 || crossesEra)}`;
}
