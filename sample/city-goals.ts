// The city council's (KF) goals and the district board's goals (nämndmål), shared by every unit of a
// year. Numbers and titles drift between years on purpose: that is what the parser must survive.
import type { Activity, KfId, Section } from './model.js';

/** 2019 is the last year before the district merger (Hägersten-Liljeholmen and Älvsjö → Hägersten-Älvsjö, 2020);
 * it belongs to the same council mandate as 2022, so its KF goals read as 2022's. */
export type Year = 2019 | 2022 | 2023 | 2024;

const DIRECTIONS: Record<1 | 2 | 3, string> = {
  1: 'En sammanhållen stad där alla invånare har tillgång till en trygg och likvärdig välfärd oavsett var de bor',
  2: 'En klimatsmart stad som minskar sina utsläpp och tar ansvar för kommande generationer',
  3: 'En ekonomiskt hållbar stad med goda villkor för arbete, utbildning och boende',
};

export function directionTitle(n: 1 | 2 | 3): string {
  return DIRECTIONS[n];
}

interface KfDef {
  direction: 1 | 2 | 3;
  number: Record<Year, string>;
  title: Record<Year, string>;
}

const same = <T>(v: T): Record<Year, T> => ({ 2019: v, 2022: v, 2023: v, 2024: v });

const KF: Record<KfId, KfDef> = {
  care: {
    direction: 1,
    number: same('1.1'),
    title: same('Invånare som behöver stöd och omsorg ska få insatser av god kvalitet i rätt tid och utifrån sina egna behov'),
  },
  youth: {
    direction: 1,
    number: same('1.2'),
    title: same('Barn och unga ska ha en meningsfull fritid och goda förutsättningar att forma sina egna liv'),
  },
  safety: {
    direction: 1,
    number: { 2019: '1.4', 2022: '1.4', 2023: '1.3', 2024: '1.3' },
    title: {
      2019: 'Alla invånare ska kunna känna sig trygga i sitt närområde och i stadens offentliga miljöer',
      2022: 'Alla invånare ska kunna känna sig trygga i sitt närområde och i stadens offentliga miljöer',
      2023: 'Invånarna ska känna sig trygga i sitt närområde och i stadens gemensamma miljöer',
      2024: 'Invånarna ska känna sig trygga i sitt närområde och i stadens gemensamma miljöer',
    },
  },
  culture: {
    direction: 1,
    number: { 2019: '1.5', 2022: '1.5', 2023: '1.4', 2024: '1.4' },
    title: same('Alla invånare ska ha tillgång till ett brett utbud av kultur, idrott och föreningsliv'),
  },
  climate: {
    direction: 2,
    number: same('2.1'),
    title: {
      2019: 'Stadens verksamheter ska minska sina utsläpp av växthusgaser',
      2022: 'Stadens verksamheter ska minska sina utsläpp av växthusgaser',
      2023: 'Stadens verksamheter ska minska sina utsläpp av växthusgaser',
      2024: 'Stadens verksamheter ska minska sina utsläpp av växthusgaser och bidra till en hållbar konsumtion',
    },
  },
  economy: {
    direction: 3,
    number: same('3.1'),
    title: same('Stadens ekonomi är stabil och resurserna används där de gör störst nytta'),
  },
  staff: {
    direction: 3,
    number: { 2019: '3.4', 2022: '3.4', 2023: '3.3', 2024: '3.3' },
    title: {
      2019: 'Medarbetarna i staden ska ha goda förutsättningar att utföra sitt arbete',
      2022: 'Medarbetarna i staden ska ha goda förutsättningar att utföra sitt arbete',
      2023: 'Stadens medarbetare ska ges goda förutsättningar att göra ett bra arbete',
      2024: 'Stadens medarbetare ska ges goda förutsättningar att göra ett bra arbete',
    },
  },
  preparedness: {
    direction: 3,
    number: { 2019: '3.5', 2022: '3.5', 2023: '3.4', 2024: '3.4' },
    title: same('Staden ska ha en god beredskap och kunna upprätthålla viktiga samhällsfunktioner vid kris'),
  },
};

export function kfGoal(id: KfId, year: Year): { direction: 1 | 2 | 3; number: string; title: string } {
  const d = KF[id];
  return { direction: d.direction, number: d.number[year], title: d.title[year] };
}

interface BoardDef {
  title: (y: Year) => string;
  sections: (y: Year) => Section[];
  activities: (y: Year) => Activity[];
}

const wholeYear = (y: Year, text: string, from: number = y): Activity => ({
  text,
  start: `${from}-01-01`,
  end: `${y}-12-31`,
});

const BOARD: Record<KfId, BoardDef> = {
  care: {
    title: () => 'Äldre och personer med funktionsnedsättning får stöd och omsorg av hög kvalitet som utgår från den enskildes behov och önskemål',
    sections: (y) => [
      {
        heading: 'Beskrivning',
        paragraphs: [
          `Målet nås genom att nämndens verksamheter inom äldreomsorg och stöd till personer med funktionsnedsättning utgår från varje persons behov, förmågor och önskemål. Insatserna planeras tillsammans med den enskilde och, när den enskilde vill det, med närstående. Under ${y} fortsätter nämnden att stärka kontinuiteten så att den enskilde möter så få olika medarbetare som möjligt.`,
          'Biståndsbesluten ska vara tydliga och möjliga att följa upp. Genomförandeplanerna beskriver hur insatsen ska utföras och uppdateras när behoven förändras. Samverkan med hälso- och sjukvården utvecklas så att övergångar mellan vårdgivare blir trygga.',
          'Nämnden följer de kvalitetsregister och brukarundersökningar som finns inom området och använder resultaten i verksamheternas förbättringsarbete.',
        ],
      },
      {
        heading: 'Förväntat resultat',
        paragraphs: [
          '- Den enskilde upplever att insatserna ges med respekt och att hen kan påverka hur de utförs.',
          '- Personalkontinuiteten har ökat jämfört med föregående år.',
          '- Genomförandeplaner finns och är uppdaterade för alla som har en beviljad insats.',
        ],
      },
    ],
    activities: (y) => [
      wholeYear(y, 'Förvaltningen ska utveckla arbetet med genomförandeplaner så att den enskildes delaktighet framgår tydligt i dokumentationen.'),
      wholeYear(y, 'Förvaltningen ska öka andelen insatser som följs upp inom sex månader från beslut.', y - 1),
    ],
  },
  youth: {
    title: () => 'Barn och unga i stadsdelsområdet har en meningsfull fritid och tillgång till trygga mötesplatser',
    sections: (y) => [
      {
        heading: 'Beskrivning',
        paragraphs: [
          'Målet nås genom att fritidsgårdar, öppna mötesplatser och parkverksamhet erbjuder aktiviteter som barn och unga själva har varit med och tagit fram. Verksamheterna ska vara tillgängliga för alla oavsett kön, funktionsförmåga eller bakgrund.',
          `Under ${y} prioriterar nämnden unga i åldern 13 till 17 år som i dag inte deltar i någon organiserad fritidsaktivitet. Uppsökande arbete sker i samverkan med skolor, fältassistenter och det lokala föreningslivet.`,
        ],
      },
      {
        heading: 'Förväntat resultat',
        paragraphs: [
          '- Fler unga deltar regelbundet i fritidsverksamhet.',
          '- Andelen flickor bland besökarna på fritidsgårdarna har ökat.',
          '- Unga upplever att de kan påverka verksamhetens innehåll.',
        ],
      },
    ],
    activities: (y) => [
      wholeYear(y, 'Förvaltningen ska erbjuda sommarjobb och feriepraktik till ungdomar i stadsdelsområdet i samverkan med lokala arbetsgivare.'),
    ],
  },
  safety: {
    title: (y) =>
      y <= 2022
        ? 'Stadsdelsområdet är tryggt och invånarna upplever att de kan röra sig fritt i sin närmiljö'
        : 'Stadsdelsområdet är tryggt och invånarna kan röra sig fritt i sin närmiljö under dygnets alla timmar',
    sections: (y) => [
      {
        heading: 'Beskrivning',
        paragraphs: [
          'Målet nås genom ett långsiktigt trygghetsarbete där förvaltningen samverkar med polisen, fastighetsägare, skolor och civilsamhälle. Trygghetsvandringar genomförs tillsammans med invånare och resultaten används för att prioritera åtgärder i den fysiska miljön, till exempel belysning, röjning av buskage och klotterborttagning.',
          `Den lokala lägesbilden uppdateras varje månad under ${y} och delas med de verksamheter som möter invånare i sitt arbete.`,
        ],
      },
      {
        heading: 'Förväntat resultat',
        paragraphs: [
          '- Invånarna upplever en ökad trygghet i sitt bostadsområde.',
          '- Åtgärder från trygghetsvandringar har genomförts inom överenskommen tid.',
        ],
      },
    ],
    activities: (y) => [
      wholeYear(y, 'Förvaltningen ska genomföra minst fyra trygghetsvandringar tillsammans med invånare, fastighetsägare och polis.'),
    ],
  },
  culture: {
    title: () => 'Invånarna i stadsdelsområdet har tillgång till ett brett utbud av kultur- och fritidsaktiviteter',
    sections: (y) => [
      {
        heading: 'Beskrivning',
        paragraphs: [
          'Målet nås genom att nämndens verksamheter gör kultur till en del av vardagen. Kulturaktiviteter planeras i samarbete med bibliotek, kulturskola och lokala föreningar så att utbudet når grupper som sällan tar del av det ordinarie kulturlivet.',
          'Föreningar kan söka bidrag för lokal verksamhet. Reglerna för bidragen tydliggörs så att handläggningen blir rättssäker och likvärdig.',
          `Parker och grönområden används som mötesplatser för kultur under sommaren ${y}.`,
        ],
      },
      {
        heading: 'Förväntat resultat',
        paragraphs: ['- Utbudet av kultur- och fritidsaktiviteter når nya målgrupper.', '- Samarbetet med föreningslivet har utvecklats.'],
      },
    ],
    activities: () => [],
  },
  climate: {
    title: () => 'Nämndens verksamheter minskar sin klimatpåverkan och bidrar till stadens klimatmål',
    sections: (y) => [
      {
        heading: 'Beskrivning',
        paragraphs: [
          'Målet nås genom att nämndens verksamheter arbetar efter stadens miljöprogram och den lokala handlingsplanen för klimat och miljö. Livsmedelsinköpen är nämndens största källa till utsläpp av växthusgaser och följs därför upp varje tertial.',
          `Under ${y} genomförs utbildningar i klimatsmarta måltider och energieffektivt beteende. Vid upphandling ställs miljökrav där det är möjligt, och tjänsteresor görs i första hand med kollektivtrafik, cykel eller till fots.`,
        ],
      },
      {
        heading: 'Förväntat resultat',
        paragraphs: [
          '- Klimatpåverkan från livsmedelsinköp har minskat.',
          '- Matavfall sorteras i alla lokaler där det är möjligt.',
          '- Användningen av engångsartiklar i plast har minskat.',
        ],
      },
    ],
    activities: (y) => [
      wholeYear(y, 'Förvaltningen ska kartlägga energianvändningen i de lokaler där nämnden har egen verksamhet och föreslå åtgärder.'),
    ],
  },
  economy: {
    title: (y) =>
      y <= 2022
        ? 'Nämndens verksamheter bedrivs inom beslutad ekonomisk ram'
        : 'Nämndens verksamheter håller sig inom tilldelad budget och använder resurserna effektivt',
    sections: (y) => [
      {
        heading: 'Beskrivning',
        paragraphs: [
          'Verksamheterna ska bedrivas inom beslutad budget. Enheterna följer upp sin ekonomi varje månad tillsammans med controller, och prognoserna kommenteras i tertialrapporterna och i verksamhetsberättelsen.',
          `Nämndens lokalförsörjningsplan tas fram i samband med underlaget för budget ${y + 1}. Lokaler som inte längre behövs sägs upp i god tid.`,
        ],
      },
      {
        heading: 'Förväntat resultat',
        paragraphs: ['- Verksamheterna bedrivs kostnadseffektivt och inom budget.', '- Prognoserna är tillförlitliga.'],
      },
    ],
    activities: () => [],
  },
  staff: {
    title: () => 'Nämnden är en attraktiv arbetsgivare med en god och hälsofrämjande arbetsmiljö',
    sections: (y) => [
      {
        heading: 'Beskrivning',
        paragraphs: [
          'Målet nås genom ett systematiskt arbetsmiljöarbete där chefer och medarbetare tillsammans identifierar risker och åtgärdar dem. Medarbetarundersökningens resultat diskuteras på arbetsplatsträffar och leder till handlingsplaner på varje enhet.',
          `Sjukfrånvaron följs upp varje månad. Under ${y} läggs särskild vikt vid den korta sjukfrånvaron och vid tidiga rehabiliteringsinsatser.`,
        ],
      },
      {
        heading: 'Förväntat resultat',
        paragraphs: ['- Sjukfrånvaron har minskat.', '- Medarbetarna rekommenderar nämnden som arbetsgivare.'],
      },
    ],
    activities: (y) => [wholeYear(y, 'Förvaltningen ska genomföra en riktad satsning på chefers arbetsmiljö med stöd av företagshälsovården.')],
  },
  preparedness: {
    title: () => 'Nämndens verksamheter har god krisberedskap och kan upprätthålla samhällsviktig verksamhet vid störningar',
    sections: (y) => [
      {
        heading: 'Beskrivning',
        paragraphs: [
          'Målet nås genom att varje verksamhet har en aktuell risk- och sårbarhetsanalys och en kontinuitetsplan som är känd av medarbetarna. Planerna övas minst en gång per år.',
          `Under ${y} uppdateras förvaltningens krisledningsplan och rutinerna för information till invånare vid längre störningar i el, vatten eller IT.`,
        ],
      },
      {
        heading: 'Förväntat resultat',
        paragraphs: ['- Samhällsviktiga verksamheter har övade kontinuitetsplaner.'],
      },
    ],
    activities: (y) => [wholeYear(y, 'Förvaltningens samhällsviktiga verksamheter ska ha en kontinuitetsplan som har övats under året.')],
  },
};

export function boardGoal(id: KfId, year: Year): { title: string; sections: Section[]; activities: Activity[] } {
  const b = BOARD[id];
  return { title: b.title(year), sections: b.sections(year), activities: b.activities(year) };
}
