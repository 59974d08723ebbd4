// Layer rules for dependency-cruiser. Folders in data-flow order:
//   model/ → extractors/ → normalizers/{lines,repair,clean,parse}/ → data/ (reference tables; store in data/store/)
//   → reports/ → pipeline/ ; bench/, sample/ and test/ sit beside them.
// Paths are relative to the project root (run: depcruise --config .dependency-cruiser.cjs model extractors …).
// Orphans are not checked here: knip reports unused files.

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No circular dependencies anywhere (type-only imports count too).',
      from: {},
      to: { circular: true },
    },

    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that does not resolve escapes every rule below (tsc reports it too, but the layer rules would pass it silently).',
      from: {},
      to: { couldNotResolve: true },
    },

    // ── model/ ────────────────────────────────────────────────────────────────────────────────
    {
      name: 'model-imports-only-zod',
      severity: 'error',
      comment: 'model/ is the shared document model: it imports other model/ files and zod, nothing else of the project.',
      from: { path: '^model/' },
      to: { pathNot: ['^model/', '^node_modules/zod/'] },
    },

    // ── extractors/ ───────────────────────────────────────────────────────────────────────────
    {
      name: 'extractors-only-model-and-data-reference',
      severity: 'error',
      comment: 'extractors/ (file → pages) may import model/ and data reference files, not later stages nor data/store/.',
      from: { path: '^extractors/' },
      to: { path: '^(normalizers|data/store|reports|pipeline|bench|sample|test)/' },
    },

    // ── normalizers/ ──────────────────────────────────────────────────────────────────────────
    {
      name: 'normalizers-only-model-extractors-data-reference',
      severity: 'error',
      comment: 'normalizers/ may import model/, extractors/ and data reference files, not data/store/ nor later stages.',
      from: { path: '^normalizers/' },
      to: { path: '^(data/store|reports|pipeline|bench|sample|test)/' },
    },
    {
      name: 'normalizers-lines-before-repair-clean-parse',
      severity: 'error',
      comment: 'normalizers/lines/ runs first: it must not import repair/, clean/ or parse/ (shared helpers belong at the normalizers/ root).',
      from: { path: '^normalizers/lines/' },
      to: { path: '^normalizers/(repair|clean|parse)/' },
    },
    {
      name: 'normalizers-repair-before-clean-parse',
      severity: 'error',
      comment: 'normalizers/repair/ must not import clean/ or parse/.',
      from: { path: '^normalizers/repair/' },
      to: { path: '^normalizers/(clean|parse)/' },
    },
    {
      name: 'normalizers-clean-before-parse',
      severity: 'error',
      comment: 'normalizers/clean/ must not import parse/.',
      from: { path: '^normalizers/clean/' },
      to: { path: '^normalizers/parse/' },
    },

    // ── data/ ─────────────────────────────────────────────────────────────────────────────────
    {
      name: 'data-reference-only-model',
      severity: 'error',
      comment:
        'data reference tables (data/ outside data/store/) are read by extractors/ and normalizers/, so they import only model/ and other reference files.',
      from: { path: '^data/', pathNot: '^data/store/' },
      to: { path: '^(extractors|normalizers|data/store|reports|pipeline|bench|sample|test)/' },
    },
    {
      name: 'data-store-not-later-stages',
      severity: 'error',
      comment: 'data/store/ may import model/, extractors/, normalizers/ and data/, not reports/, pipeline/, bench/, sample/ or test/.',
      from: { path: '^data/store/' },
      to: { path: '^(reports|pipeline|bench|sample|test)/' },
    },

    // ── reports/ ──────────────────────────────────────────────────────────────────────────────
    {
      name: 'reports-not-later-stages',
      severity: 'error',
      comment: 'reports/ (CSV/HTML writers) must not import pipeline/, bench/, sample/ or test/.',
      from: { path: '^reports/' },
      to: { path: '^(pipeline|bench|sample|test)/' },
    },

    // ── sample/ ───────────────────────────────────────────────────────────────────────────────
    {
      name: 'sample-only-model-extractors-data-reference',
      severity: 'error',
      comment: 'sample/ (the sample-corpus generator) may import model/, extractors/ and data reference files only.',
      from: { path: '^sample/' },
      to: { path: '^(normalizers|data/store|reports|pipeline|bench|test)/' },
    },

    // ── bench/ and test/ ──────────────────────────────────────────────────────────────────────
    {
      name: 'only-test-imports-test',
      severity: 'error',
      comment: 'Nothing outside test/ imports test/ (bench/ included).',
      from: { pathNot: '^test/' },
      to: { path: '^test/' },
    },
    {
      name: 'only-bench-and-test-import-bench',
      severity: 'error',
      comment: 'Nothing except bench/ and test/ imports bench/.',
      from: { pathNot: '^(bench|test)/' },
      to: { path: '^bench/' },
    },
    {
      name: 'test-imports-only-bench-fixtures',
      severity: 'error',
      comment: 'test/ may import the bench fixtures (bench/fixtures-*.ts), not the benchmarks themselves.',
      from: { path: '^test/' },
      to: { path: '^bench/', pathNot: '^bench/fixtures-[^/]+\\.ts$' },
    },
  ],

  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^dist/', '^sample-corpus/', '^\\.tmp/'] },
    // type-only imports are dependencies too (model types must not leak upwards)
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.test.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
      extensions: ['.ts', '.d.ts', '.js', '.mjs', '.cjs', '.json'],
    },
    skipAnalysisNotInRules: true,
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
