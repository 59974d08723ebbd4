// pdfmake on the server, offline: its bundled Roboto fonts, no URL or foreign file access. Set up once.
import { createRequire } from 'node:module';
import pdfmake from 'pdfmake';

let ready = false;

export function pdfmakeReady(): typeof pdfmake {
  if (!ready) {
    const require = createRequire(import.meta.url);
    pdfmake.addFonts(require('pdfmake/fonts/Roboto.js') as Record<string, Record<string, string>>);
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy((p) => p.includes('pdfmake'));
    ready = true;
  }
  return pdfmake;
}

/** The plans' table look: thin grey rules between rows, no vertical rules. */
export const PLAN_TABLE_LAYOUT = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0,
  hLineColor: () => '#999999',
  paddingTop: () => 3,
  paddingBottom: () => 3,
};
