// Encoding detection and mojibake repair (normalizers/encoding), checked on the real seed plans read
// by path from ../shared/seeds (never copied) and on damage generated here from them.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { badness, decodeBytes, fixEncoding, repairMojibake } from '../normalizers/repair/encoding/index.js';

const SEEDS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../shared/seeds');
const haveSeeds = existsSync(SEEDS_DIR);
if (!haveSeeds) console.warn(`encoding seed tests skipped: ${SEEDS_DIR} is missing (the seeds live in ../shared/seeds beside the repo)`);

function seed(prefix: string): string {
  const name = readdirSync(SEEDS_DIR).find((f) => f.startsWith(`${prefix}_`));
  if (!name) throw new Error(`no seed ${prefix}_… in ${SEEDS_DIR}`);
  return readFileSync(join(SEEDS_DIR, name), 'utf8');
}

// --- damage, made independently of the module under test ------------------------------------------

/** UTF-8 bytes read as Windows-1252 the way browsers do (unassigned bytes become C1 controls). */
function cp1252Mojibake(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  const chars = iconv.decode(bytes, 'win1252').split('');
  for (let i = 0; i < bytes.length; i++) if ([0x81, 0x8d, 0x8f, 0x90, 0x9d].includes(bytes[i])) chars[i] = String.fromCharCode(bytes[i]);
  return chars.join('');
}
/** UTF-8 bytes read as Latin-1 (0x80–0x9F become C1 controls). */
const latin1Mojibake = (text: string) => Buffer.from(text, 'utf8').toString('latin1');

/** Apply `damage` to every third paragraph (blank-line separated), keeping the separators. */
function everyThirdParagraph(text: string, damage: (s: string) => string): string {
  const parts = text.split(/(\n[ \t]*\n)/);
  let para = 0;
  return parts.map((p, i) => (i % 2 === 1 ? p : para++ % 3 === 1 ? damage(p) : p)).join('');
}

/** Damage the second half of every fifth line that has non-ASCII on both sides of its middle. */
function halfLines(text: string, damage: (s: string) => string): string {
  return text
    .split('\n')
    .map((line, i) => {
      const mid = line.indexOf(' ', line.length >> 1);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the test asks for non-ASCII characters
      if (i % 5 !== 0 || mid < 0 || !/[^\u0000-\u007f]/.test(line.slice(0, mid)) || !/[^\u0000-\u007f]/.test(line.slice(mid))) return line;
      return line.slice(0, mid) + damage(line.slice(mid));
    })
    .join('\n');
}

const CLEAN_SEEDS = ['000', '003', '004'];
const ALL_SEEDS = ['000', '001', '002', '003', '004'];

const VARIANTS: Array<[string, (s: string) => string, RegExp]> = [
  ['whole-file cp1252 mojibake', cp1252Mojibake, /^mojibake-(cp1252|latin1)$/],
  ['whole-file Latin-1 mojibake (C1 controls)', latin1Mojibake, /^mojibake-(cp1252|latin1)$/],
  ['double cp1252 mojibake', (s) => cp1252Mojibake(cp1252Mojibake(s)), /^mojibake-(cp1252|latin1)-twice$/],
  ['Latin-1 then cp1252 mojibake', (s) => cp1252Mojibake(latin1Mojibake(s)), /^mojibake-(cp1252|latin1)-twice$/],
  ['triple cp1252 mojibake', (s) => cp1252Mojibake(cp1252Mojibake(cp1252Mojibake(s))), /^mojibake-(cp1252|latin1)-thrice$/],
  ['cp1252 mojibake in every third paragraph', (s) => everyThirdParagraph(s, cp1252Mojibake), /^mojibake-(cp1252|latin1)$/],
  ['double mojibake in every third paragraph', (s) => everyThirdParagraph(s, (p) => cp1252Mojibake(cp1252Mojibake(p))), /-twice$/],
  ['Latin-1 mojibake in half of some lines', (s) => halfLines(s, latin1Mojibake), /^mojibake-(cp1252|latin1)$/],
];

describe.skipIf(!haveSeeds)('encoding: real seeds', () => {
  for (const id of ALL_SEEDS) {
    it(`seed ${id} (clean UTF-8${id === '002' ? ', OCR damage that is not mojibake' : ''}) comes out byte-identical`, () => {
      const text = seed(id);
      expect(badness(text)).toBe(0);
      const r = repairMojibake(text);
      expect(r.repairs).toEqual([]);
      expect(r.text).toBe(text);
      const f = fixEncoding(readFileSync(join(SEEDS_DIR, readdirSync(SEEDS_DIR).find((n) => n.startsWith(`${id}_`))!)));
      expect(f.encoding).toBe('utf-8');
      expect(f.text).toBe(text);
    });
  }

  it('throughput on the seeds (logged)', () => {
    const texts = ALL_SEEDS.map(seed);
    const mb = (ts: string[]) => ts.reduce((a, t) => a + Buffer.byteLength(t), 0) / 1e6;
    const rate = (ts: string[], reps: number) => {
      const t0 = performance.now();
      for (let r = 0; r < reps; r++) for (const t of ts) repairMojibake(t);
      return (mb(ts) * reps) / ((performance.now() - t0) / 1000);
    };
    const clean = rate(texts, 10);
    const broken = rate(texts.map(cp1252Mojibake), 3);
    const mixed = rate(
      texts.map((t) => everyThirdParagraph(t, cp1252Mojibake)),
      3,
    );
    console.log(
      `encoding throughput: clean ${clean.toFixed(0)} MB/s, whole-file mojibake ${broken.toFixed(1)} MB/s, every third paragraph ${mixed.toFixed(1)} MB/s`,
    );
    expect(Math.min(clean, broken, mixed)).toBeGreaterThan(0.5);
  });

  for (const id of CLEAN_SEEDS.concat(['001', '002'])) {
    for (const [name, damage, rule] of VARIANTS) {
      it(`seed ${id}: ${name} is repaired exactly`, () => {
        const text = seed(id);
        const broken = damage(text);
        expect(broken).not.toBe(text);
        const r = repairMojibake(broken);
        expect(r.text).toBe(text);
        expect(r.repairs.length).toBeGreaterThan(0);
        const orig = broken.split('\n');
        const fixed = text.split('\n');
        for (const rep of r.repairs) {
          expect(orig[rep.line - 1]).toContain(rep.before);
          expect(fixed[rep.line - 1]).toContain(rep.after);
          expect(rep.confidence).toBeGreaterThan(0.5);
          expect(rep.confidence).toBeLessThanOrEqual(1);
        }
        // every damaged line is reported once, with the rule of its damage
        const damaged = orig.flatMap((l, i) => (l !== fixed[i] ? [i + 1] : []));
        expect(r.repairs.map((x) => x.line)).toEqual(damaged);
        expect(r.repairs.filter((x) => rule.test(x.rule)).length).toBeGreaterThan(r.repairs.length * 0.9);
      });
    }

    it(`seed ${id}: a Windows-1252 byte file decodes back to the text`, () => {
      const text = seed(id);
      // 001 (♂ ♀) and 004 (a Symbol-font bullet) hold characters 1252 cannot store: those become '?'
      const storable = iconv.decode(iconv.encode(text, 'win1252'), 'win1252');
      const f = fixEncoding(iconv.encode(text, 'win1252'));
      expect(f.encoding).toBe('windows-1252');
      expect(f.text).toBe(storable);
      expect(f.repairs).toEqual([]);
      if (id !== '001' && id !== '004') expect(f.text).toBe(text);
    });

    it(`seed ${id}: a UTF-8 file holding mojibake, and a UTF-8 file with one stray 1252 line, are fixed`, () => {
      const text = seed(id);
      const moji = fixEncoding(Buffer.from(cp1252Mojibake(text), 'utf8'));
      expect(moji.encoding).toBe('utf-8');
      expect(moji.text).toBe(text);
      // a 1252 line appended to a UTF-8 file: the file is read as 1252, its UTF-8 parts repaired
      const tail = '\nSista raden: Åsa i Älvsjö för 20 °C – klart.\n';
      const mixed = Buffer.concat([Buffer.from(text, 'utf8'), iconv.encode(tail, 'win1252')]);
      const f = fixEncoding(mixed);
      expect(f.encoding).toBe('windows-1252');
      expect(f.text).toBe(text + tail);
    });

    it(`seed ${id}: BOMs and UTF-16 are detected`, () => {
      const text = seed(id);
      const bom = decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
      expect(bom).toEqual({ text, encoding: 'utf-8-bom' });
      const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
      expect(decodeBytes(le)).toEqual({ text, encoding: 'utf-16le' });
      const be = Buffer.from(le).swap16();
      expect(decodeBytes(be)).toEqual({ text, encoding: 'utf-16be' });
      expect(decodeBytes(Buffer.from(text, 'utf16le'))).toEqual({ text, encoding: 'utf-16le' });
      // a UTF-8 BOM that was itself read as 1252 (ï»¿) is repaired and dropped
      const f = fixEncoding(Buffer.from(cp1252Mojibake('\ufeff' + text), 'utf8'));
      expect(f.text).toBe(text);
    });
  }
});

// --- controls: legitimate text that must not change ------------------------------------------------

const CONTROLS = [
  'för',
  'Ägare',
  'Åsa',
  'ÅÄÖ',
  'ÅÄÖ…',
  '«ÅÄÖ»',
  '»ÅÄÖ»',
  'ÄLVSJÖ–SKÄRHOLMEN',
  'SJÖ¹',
  'ÅÄÖ®',
  'ÖRESUND™',
  'naïve',
  'naïve café',
  'Müller',
  'Straße',
  'São Paulo',
  'Ãgua',
  'ÂªÃ',
  'NÃO',
  'IRMÃ',
  '«IRMÃ»',
  '”IRMÔ',
  '«Hawaï»',
  'Ã ',
  'Ã',
  'Â',
  'Âge',
  'ÂGE',
  'â',
  'ï',
  'Ì',
  'Ø',
  'Æble',
  'ÆØÅ',
  'Œuvre',
  'Šibenik',
  'Žižek',
  'Ÿ',
  'Ñandú',
  'col·lecció',
  '20 °C',
  '-5°C',
  '± 5 %',
  '½ timme',
  '1½ år',
  '§ 4',
  '4 §',
  '§§ 3–5',
  '«citat»',
  '”Med ett gott bemötande”',
  '“quoted”',
  '‚Zitat‘',
  '„Zitat“',
  'don’t',
  'Skärholmen – Vällingby',
  'text — mer',
  '100 €',
  '€100',
  '£5',
  '¥500',
  'Microsoft™',
  '© 2024 Stockholms stad',
  'Södra®',
  'x²',
  'm³',
  'ca 10 µg',
  '¿Qué?',
  '¡Hola!',
  '1ª',
  '2º',
  'Nº 5',
  'André´s',
  'BJÖRK´S',
  'säga nä”…',
  'väl•',
  'Ö»',
  'Ä«',
  'É·',
  'ÅÄÖ¼',
  'ÅÄÖ§',
  'ÖÖ€',
  'ÅÅÅÅ',
  'äää',
  'öööö',
  'åå',
  'Åsa–Örjan',
  'Ö-märkt',
  'é–”',
  'ä”…',
  'ö±',
  'É€',
  'À la carte',
  'à 50 kr',
  'Ü',
  'ÿ',
  'Þórr',
  'ðe',
  'ß”',
  'Жизнь',
  '中文',
  '😀',
  '\uf0b7 punkt',
  '\ufffd',
  'a\u00a0b',
  '×2',
  '÷3',
];

describe('encoding: controls (legitimate text) stay byte-identical', () => {
  it.each(CONTROLS.map((c) => [c]))('%s', (c) => {
    const r = repairMojibake(c);
    expect(r.text).toBe(c);
    expect(r.repairs).toEqual([]);
  });

  it('all controls together, one per line and as one paragraph, stay identical', () => {
    for (const text of [CONTROLS.join('\n'), CONTROLS.join(' ')]) expect(repairMojibake(text).text).toBe(text);
  });

  it('controls beside a damaged paragraph stay identical while the damage is repaired', () => {
    const clean = 'Målet är att öka tryggheten för äldre – ”trygg hemma”.';
    const text = [clean, ...CONTROLS].join('\n');
    const mixed = `${CONTROLS.join('\n')}\n\n${cp1252Mojibake(clean)}\n\n${CONTROLS.join(' ')}`;
    const r = repairMojibake(mixed);
    expect(r.text).toBe(`${CONTROLS.join('\n')}\n\n${clean}\n\n${CONTROLS.join(' ')}`);
    expect(r.repairs.map((x) => x.line)).toEqual([CONTROLS.length + 2]);
    expect(text).toContain(clean);
  });
});

describe('encoding: repairs', () => {
  it('undoes double mojibake in a word and reports it', () => {
    const r = repairMojibake('Rapport\nfÃƒÂ¶r barn\n');
    expect(r.text).toBe('Rapport\nför barn\n');
    expect(r.repairs).toEqual([{ line: 2, before: 'fÃƒÂ¶r', after: 'för', rule: 'mojibake-cp1252-twice', confidence: expect.any(Number) }]);
  });

  it('repairs a capital Å/Ö at the end of a word (Ã… Ã–), CRLF lines and an empty text', () => {
    expect(repairMojibake('FOKUS PÃ… KVALITET\r\nHAMNEN I Ã–\r\n').text).toBe('FOKUS PÅ KVALITET\r\nHAMNEN I Ö\r\n');
    expect(repairMojibake('').text).toBe('');
  });

  it('repairs mojibake next to clean letters on the same line', () => {
    expect(repairMojibake('för fÃ¶r, Ägare Ã„gare').text).toBe('för för, Ägare Ägare');
    expect(repairMojibake('öÃ¤').text).toBe('öä');
    expect(repairMojibake('Ã„lvsjÃ¶ och Älvsjö').text).toBe('Älvsjö och Älvsjö');
  });

  it('names Latin-1 mojibake by its C1 controls', () => {
    const r = repairMojibake(latin1Mojibake('Östra – ”Åsa”'));
    expect(r.text).toBe('Östra – ”Åsa”');
    expect(r.repairs[0].rule).toBe('mojibake-latin1');
  });

  it('repairs typographic punctuation, symbols and other alphabets', () => {
    for (const s of ['”citat”', '– och —', '100 €', 'Microsoft™', '…', '•', '♂', '\uf0b7 punkt', 'Wałęsa', 'Łódź', 'smörgåsbord 😀'])
      expect(repairMojibake(`x ${cp1252Mojibake(s)} y`).text).toBe(`x ${s} y`);
  });

  it('leaves alone what does not round-trip exactly', () => {
    // iconv-lite maps the unassigned 0x9D of ” to U+FFFD: that sequence is lost and stays, the rest is fixed
    const lossy = iconv.decode(Buffer.from('för ”x”', 'utf8'), 'win1252');
    expect(repairMojibake(lossy).text).toBe('för â€\ufffdxâ€\ufffd');
  });

  it('decodes Windows-1252 bytes 0x80–0x9F correctly', () => {
    expect(decodeBytes(Buffer.from([0x93, 0x80, 0x20, 0x96, 0x20, 0x85, 0x94, 0xe5, 0xe4, 0xf6]))).toEqual({
      text: '“€ – …”åäö',
      encoding: 'windows-1252',
    });
    expect(decodeBytes(Buffer.from([0x81, 0x8d, 0xe4])).text).toBe('\u0081\u008dä');
  });
});

// --- properties ------------------------------------------------------------------------------------

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZåäöÅÄÖéÉüÜ';
const CHARS = `${LETTERS}0123456789 \n\r\t.,;:!?-–—”’"'()/%…«»°•`.split('');
const swedishish = fc.array(fc.constantFrom(...CHARS), { maxLength: 80 }).map((a) => a.join(''));
const TOKENS = [
  'för',
  'Ägare',
  'Åsa',
  'ÅÄÖ',
  'Älvsjö',
  'Skärholmen',
  'naïve',
  'Müller',
  'São',
  'é',
  '§',
  '4',
  '°C',
  '20',
  '½',
  '±',
  '€',
  '™',
  '©',
  '«',
  '»',
  '”',
  '’',
  '–',
  '—',
  '…',
  'µg',
  'x²',
  '•',
  '\uf0b7',
];
const tokenText = fc
  .array(fc.tuple(fc.constantFrom(...TOKENS), fc.constantFrom(' ', ' ', ' ', '\n', ', ', '\n\n')), { maxLength: 30 })
  .map((a) => a.map(([t, s]) => t + s).join(''));

describe('encoding: properties', () => {
  it('for Swedish-ish strings, repair(s) = s and repair(mojibake(s)) = s', () => {
    fc.assert(
      fc.property(swedishish, (s) => {
        expect(repairMojibake(s).text).toBe(s);
        expect(repairMojibake(cp1252Mojibake(s)).text).toBe(s);
        expect(repairMojibake(latin1Mojibake(s)).text).toBe(s);
      }),
      { numRuns: 1000 },
    );
  });

  it('for texts of Swedish words and symbols, repair(s) = s and repair(mojibake(s)) = s, also twice', () => {
    fc.assert(
      fc.property(tokenText, (s) => {
        expect(repairMojibake(s).text).toBe(s);
        expect(repairMojibake(cp1252Mojibake(s)).text).toBe(s);
        expect(repairMojibake(cp1252Mojibake(cp1252Mojibake(s))).text).toBe(s);
      }),
      { numRuns: 1000 },
    );
  });
});
