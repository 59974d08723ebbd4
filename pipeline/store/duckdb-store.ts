// Kept so existing imports (`./store/duckdb-store.js`) go on working; the store lives in store.ts.
export * from './store.js';
