// A table declared as data: the DDL is generated from it and the Appender writes by its column names.
export type ColumnType = 'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'BOOLEAN' | 'DATE' | 'TIMESTAMP' | 'JSON';

export interface Column {
  name: string;
  type: ColumnType;
  notNull?: boolean;
}

export interface Table {
  name: string;
  columns: Column[];
  primaryKey?: string[];
}

export const col = (name: string, type: ColumnType, notNull = false): Column => ({ name, type, notNull });
