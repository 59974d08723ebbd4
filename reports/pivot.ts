// Long rows (entity × year → value) turned into one row per entity with a column per year, which is
// what a person compares in a spreadsheet. The query does the work; this only lays its rows out.

export interface PivotSpec {
  /** the columns that name one entity (e.g. ['unit_name', 'indicator_name']); kept, in this order */
  key: readonly string[];
  /** the column holding the year (an integer: number, bigint or digit string) */
  year: string;
  /** the column whose value goes under the year */
  value: string;
  /** years that get a column even when no row has them (e.g. --from..--to); others seen are added */
  years?: readonly number[];
  /** two rows for the same entity and year: 'error' (default) throws, 'first'/'last' keeps that one */
  onDuplicate?: 'error' | 'first' | 'last';
}

export interface Pivoted {
  /** the key columns, then one column per year ('2017', '2018', …), ascending */
  columns: string[];
  /** one row per entity, in the order entities first appear; a year without a row is null */
  rows: Record<string, unknown>[];
}

function yearOf(v: unknown, spec: PivotSpec): number | null {
  if (v === null || v === undefined) return null;
  const n = typeof v === 'bigint' ? Number(v) : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n)) throw new Error(`pivotYears: ${spec.year} = ${String(v)} is not a year`);
  return n;
}

const keyText = (values: unknown[]) => JSON.stringify(values, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v));

/** Pivots `rows` to years as columns. Rows whose year is null are left out (they have no column). */
export function pivotYears(rows: readonly Record<string, unknown>[], spec: PivotSpec): Pivoted {
  const onDuplicate = spec.onDuplicate ?? 'error';
  const years = new Set<number>(spec.years ?? []);
  const entities = new Map<string, { key: unknown[]; byYear: Map<number, unknown> }>();
  for (const row of rows) {
    const year = yearOf(row[spec.year], spec);
    if (year === null) continue;
    years.add(year);
    const key = spec.key.map((k) => row[k] ?? null);
    const id = keyText(key);
    let entity = entities.get(id);
    if (!entity) {
      entity = { key, byYear: new Map() };
      entities.set(id, entity);
    }
    if (entity.byYear.has(year)) {
      if (onDuplicate === 'error') throw new Error(`pivotYears: two rows for ${id} in ${year}`);
      if (onDuplicate === 'first') continue;
    }
    entity.byYear.set(year, row[spec.value] ?? null);
  }
  const yearColumns = [...years].sort((a, b) => a - b).map(String);
  const clash = yearColumns.find((y) => spec.key.includes(y));
  if (clash) throw new Error(`pivotYears: key column ${clash} is also a year column`);
  const out = [...entities.values()].map(({ key, byYear }) => {
    const row: Record<string, unknown> = {};
    spec.key.forEach((k, i) => {
      row[k] = key[i];
    });
    for (const y of yearColumns) row[y] = byYear.get(Number(y)) ?? null;
    return row;
  });
  return { columns: [...spec.key, ...yearColumns], rows: out };
}
