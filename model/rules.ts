// Every rule id a warning, an error or a repair can carry, with the stage that emits it and a one-line
// meaning. SCHEMA.md lists the same table; a test checks the two agree and that the code uses each id.

export type RuleKind = 'warning' | 'error' | 'repair';

export interface RuleInfo {
  stage: 'extract' | 'repair' | 'parse' | 'normalize' | 'load';
  kind: RuleKind;
  meaning: string;
}

const rule = (stage: RuleInfo['stage'], kind: RuleKind, meaning: string): RuleInfo => ({ stage, kind, meaning });

export const RULES = {
  // extract: reading a file
  unsupported: rule('extract', 'error', 'the file type is not one plans reads'),
  unreadable: rule('extract', 'error', 'the file could not be read from disk, or a folder could not be listed'),
  missing: rule('extract', 'error', 'no such file or folder (or a symbolic link pointing nowhere)'),
  'symlink-loop': rule('extract', 'error', 'a symbolic link leads back into a folder being walked; not followed'),
  'too-large': rule('extract', 'error', 'the file is over --max-file-mb, or the PDF over --max-pages'),
  timeout: rule('extract', 'error', 'reading the document took longer than --timeout-s'),
  empty: rule('extract', 'error', 'the file holds no bytes, only white space, or a PDF without any text'),
  corrupt: rule('extract', 'error', 'the PDF is damaged: no page could be read'),
  encrypted: rule('extract', 'error', 'the PDF is password-protected'),
  'needs-ocr': rule('extract', 'error', 'no page has a text layer and OCR is off'),
  'bad-image': rule('extract', 'error', 'the OCR engine could not read the image'),
  'render-failed': rule('extract', 'error', 'a PDF page could not be rendered for OCR'),
  'ocr-setup': rule('extract', 'error', 'the OCR language data is missing or damaged, or the OCR worker did not start'),
  'decoded-windows-1252': rule('extract', 'warning', 'the text file is not UTF-8 and was decoded as Windows-1252'),
  'rotated-text': rule('extract', 'warning', 'rotated text on a page was left out of the lines'),
  'unplaceable-text': rule('extract', 'warning', 'text items at positions that are not finite numbers were left out of the lines'),
  'page-without-text': rule('extract', 'warning', 'a PDF page has no text layer'),
  'page-unreadable': rule('extract', 'warning', 'one page of a PDF could not be read; the others were'),
  'pdf-repaired': rule('extract', 'warning', 'the PDF was damaged and was read after qpdf rebuilt its file structure; text may be missing'),
  'image-without-resolution': rule('extract', 'warning', 'a page image gives no resolution; positions assume an A4-wide page'),
  'page-ocr': rule('extract', 'warning', "a PDF page was OCR'd, with the reason (no text layer, garbage text, text drawn as curves, --ocr always)"),
  'ocr-page-failed': rule('extract', 'warning', 'OCR of one page failed; the page is left empty'),
  'ocr-low-confidence': rule('extract', 'warning', 'OCR was unsure of a page (low mean word confidence)'),
  'ocr-wrong-language-or-bad-scan': rule('extract', 'warning', 'few OCR words are Swedish: wrong language or a bad scan'),
  'ocr-number-reread': rule('extract', 'warning', 'a number the Swedish model misread was replaced by the English model reading with %'),
  'ocr-number-reread-failed': rule('extract', 'warning', 'the second reading of a page’s numbers failed; a % sign may be missing'),
  'ocr-empty-page': rule('extract', 'warning', 'OCR found no words on a page'),
  // repair: each change is a row in `repairs`, summarised as one warning per rule
  'mojibake-cp1252': rule('repair', 'repair', 'UTF-8 read as Windows-1252 once, undone'),
  'mojibake-latin1': rule('repair', 'repair', 'UTF-8 read as Latin-1 once, undone'),
  'mojibake-cp1252-twice': rule('repair', 'repair', 'UTF-8 read as Windows-1252 twice, undone'),
  'mojibake-latin1-twice': rule('repair', 'repair', 'UTF-8 read as Latin-1 twice, undone'),
  'mojibake-cp1252-thrice': rule('repair', 'repair', 'UTF-8 read as Windows-1252 three times, undone'),
  'mojibake-latin1-thrice': rule('repair', 'repair', 'UTF-8 read as Latin-1 three times, undone'),
  'ocr-letter': rule('repair', 'repair', 'a word the dictionary rejects, restored to the known word OCR damaged (Namndmal → Nämndmål)'),
  'ocr-context': rule('repair', 'repair', 'a valid word replaced by a likelier one in its context (for → för)'),
  'ocr-word-i': rule('repair', 'repair', 'a lone 1, l or | between words read as the word i'),
  'ocr-split': rule('repair', 'repair', 'two words OCR glued together split (attde → att de)'),
  'ocr-speck': rule('repair', 'repair', 'a speck read as punctuation between two words made a space'),
  'ocr-lead-speck': rule('repair', 'repair', 'a stray mark before the first word of a line dropped'),
  'ocr-case': rule('repair', 'repair', 'a function word capitalised mid-sentence lowered'),
  'ocr-bullet': rule('repair', 'repair', 'a lone » opening a line read as the bullet •'),
  // parse: lines → the document model
  'not-a-plan': rule('parse', 'error', 'no goal labels and no indicator table: the file is not a plan'),
  'no-goals-found': rule('parse', 'warning', 'a plan by its title, but no goal label or indicator table of the vocabularies: imported without goals'),
  'goal-without-title': rule('parse', 'warning', 'a goal label with no title after it'),
  'indicator-row-incomplete': rule('parse', 'warning', 'an indicator row with fewer values than its table has columns'),
  'activity-date-unread': rule('parse', 'warning', 'an activity table cell in a date or schedule column holds no date or period the reader knows'),
  'indicator-target-years': rule('parse', 'warning', 'an indicator table has targets for several years; the latest is read as the unit target'),
  'budget-unit-assumed': rule('parse', 'warning', 'a budget table prints no unit (tkr, mnkr, kr): its amounts are read as tkr'),
  'budget-sum-mismatch': rule('parse', 'warning', 'a budget table sum differs from the sum of its lines'),
  // normalize: metadata of the document
  'unit-inferred': rule('normalize', 'warning', 'the unit was not on a front page and was inferred from the body'),
  'unit-missing': rule('normalize', 'warning', 'no unit name found'),
  'year-inferred': rule('normalize', 'warning', 'the plan year was not on a front page and was inferred from the body'),
  'district-missing': rule('normalize', 'warning', 'no stadsdelsförvaltning found'),
  'district-inferred': rule('normalize', 'warning', 'no district administration named as the plan’s own; the district named most was taken'),
  'organisation-kind-unknown': rule('normalize', 'warning', 'the unit’s name has no organisation word of the vocabularies (enhet, nämnd …)'),
  'municipality-missing': rule('normalize', 'warning', 'no municipality named (`X kommun`, `X stad`) and no district administration found'),
  'municipality-uncertain': rule('normalize', 'warning', 'no municipality on the front page, several in the body: the one named most was taken'),
  // load: the store and the batch
  'store-locked': rule('load', 'error', 'the database is open in another process'),
  'store-open': rule('load', 'error', 'the database file could not be opened'),
  'store-schema': rule('load', 'error', 'the database has a schema this plans cannot read'),
  'store-missing': rule('load', 'error', 'no such document in the database'),
  'store-no-database': rule('load', 'error', 'the --db file of a command that reads a database does not exist'),
  'store-refused': rule('load', 'error', 'plans sql was given something other than one read-only query'),
  'diff-no-plan': rule('load', 'error', 'plans diff was given a plan the database does not hold, or one that names several'),
  'store-mismatch': rule('load', 'error', 'rows read back after a load differ from the rows written'),
  'store-input': rule('load', 'error', 'a document and its extraction come from different content'),
  internal: rule('load', 'error', 'an unexpected error (a bug): the message says where'),
  // normalize: the layout stage (normalizers/lines; stage normalize, so a rebuild does not take its warnings for the extraction's)
  'reading-order-guessed': rule('normalize', 'warning', 'a page was read as text columns with lines across them: the reading order is a guess'),
  'table-continued': rule(
    'normalize',
    'warning',
    "a table continued at the top of the next column or page without its header: its cells were placed by the header's columns",
  ),
  'table-cell-split': rule('normalize', 'warning', 'a cell ran over a header column edge and was split there'),
  'page-furniture': rule(
    'normalize',
    'warning',
    'running headers or footers (found by repetition across pages) were labelled as page furniture and left out of the lines read',
  ),
  'heading-looks-cut': rule('normalize', 'warning', 'a heading seems to go on past its line or to stop short; it was joined or left as printed'),
  'hyphen-joined': rule('normalize', 'warning', 'words hyphenated at line ends were joined where the joined word is a word'),
} as const satisfies Record<string, RuleInfo>;

export type RuleId = keyof typeof RULES;
export const RULE_IDS = Object.keys(RULES) as [RuleId, ...RuleId[]];
