// Escaping for the HTML report. Markup is built only with the `html` template: every string or number
// put in it is escaped, and only `Markup` (the result of another `html`, or `trusted` for the report's
// own constant assets) goes in as it is. A text from a document therefore cannot become markup.

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for element content and for double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** A piece of HTML that is already safe (escaped, or the report's own constant markup). */
export class Markup {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Hole = string | number | null | undefined | Markup | readonly Markup[];

/** Markup from a template: strings and numbers are escaped (null/undefined: nothing), Markup is kept. */
export function html(strings: TemplateStringsArray, ...values: Hole[]): Markup {
  let out = strings[0];
  values.forEach((v, i) => {
    out += hole(v) + strings[i + 1];
  });
  return new Markup(out);
}

function hole(v: Hole): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Markup) return v.value;
  if (Array.isArray(v)) return v.map((m: Markup) => m.value).join('');
  return escapeHtml(String(v));
}

/** The report's own assets (uPlot, its CSS, the page's script): never a text from a document. */
export function trusted(text: string): Markup {
  return new Markup(text);
}

const JSON_ESCAPES: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };

/**
 * JSON for a `<script type="application/json">` element: `<`, `>`, `&`, U+2028 and U+2029 written as
 * \u escapes, so no text in it can close the element (`</script>`), open a comment, or end a JS line.
 * JSON.parse of the element's text gives back the value exactly.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => JSON_ESCAPES[c]);
}
