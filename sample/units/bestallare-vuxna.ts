// Beställarenheten vuxna: the purchasing unit; its 2022 plan has only four KF goals.
import type { Indicator, UnitSpec } from '../model.js';

const ind = (name: string, unitTarget: string, kfTarget: string, periodicity: Indicator['periodicity'] = 'År'): Indicator => ({
  name,
  unitTarget,
  kfTarget,
  periodicity,
});

export const bestallareVuxna: UnitSpec = {
  key: 'bestallare-vuxna',
  unit: 'Beställarenheten vuxna',
  renamed: { year: 2024, unit: 'Biståndsenheten vuxna' },
  author: 'Lena Forsberg',
  dnr: (y) => `HÄ ${y - 1}/${[398, 688, 725][y - 2022] ?? 700}`,
  date: (y) => `${y}-02-0${[2, 1, 5][y - 2022] ?? 1}`,
  intro: (y) => [
    {
      heading: 'Verksamhetsidé och uppdrag',
      paragraphs: [
        `${y >= 2024 ? 'Biståndsenheten' : 'Beställarenheten'} vuxna utreder ansökningar om bistånd från personer mellan 21 och 65 år med fysisk eller psykisk funktionsnedsättning, fattar beslut och följer upp att beviljade insatser ger avsett resultat. Handläggningen ska vara rättssäker, likvärdig och ta hänsyn till både jämställdhet och barnets perspektiv när det finns barn i familjen.`,
        `Vid ingången av ${y} var cirka ${[640, 665, 690][y - 2022] ?? 650} personer aktuella vid enheten.`,
      ],
    },
    {
      heading: 'Organisation',
      paragraphs: [
        'Enheten består av två handläggargrupper, en för socialpsykiatri och en för funktionsnedsättning, samt en administrativ grupp. Varje grupp leds av en biträdande enhetschef. Handläggarna har tillgång till extern ärendehandledning en gång i månaden.',
      ],
    },
    {
      heading: 'Kvalitets- och utvecklingsarbete',
      paragraphs: [
        'Enheten granskar varje år ett urval av akter för att se att utredningarna är fullständiga och att besluten är tydligt motiverade. Resultatet används för att ta fram gemensamma mallar och för att planera utbildningsinsatser.',
        'Möten med enskilda prioriteras. Den som ansöker om en insats ska alltid erbjudas ett personligt möte under utredningen.',
      ],
    },
  ],
  goals: (y) => {
    const goals: ReturnType<UnitSpec['goals']> = [
      {
        kf: 'care',
        indicators: [
          y === 2022
            ? ind('Andel brukare som är nöjda med sin insats', '85 %', '90 %')
            : { ...ind('Andel brukare som är nöjd med insatsen', '85 %', '90 %'), same: 'Andel brukare som är nöjda med sin insats' },
          ind('Andel utredningar som är klara inom fyra månader från ansökan', y === 2024 ? '92 %' : '90 %', '', 'Tertial'),
          ind(
            'Andel personer som upplever att de fått en förbättrad situation efter kontakt med socialtjänsten',
            y === 2022 ? '65 %' : '68 %',
            'Tas fram av nämnd/styrelse',
          ),
        ],
        board: true,
        unitGoals: [
          {
            title: 'Den enskilde är delaktig i utredningen och förstår beslutet och hur det kan överklagas',
            sections: [
              {
                heading: 'Förväntat resultat',
                paragraphs: ['Den enskilde upplever att handläggaren har lyssnat och att beslutet är begripligt.'],
              },
              {
                heading: 'Arbetssätt',
                paragraphs: [
                  '• Utredning',
                  'Handläggaren träffar den enskilde tidigt i utredningen, helst i hemmet. Vid behov används tolk eller alternativ kommunikation. Utredningen följer stadens mall och dokumenteras löpande.',
                  '• Beslut',
                  'Beslutet skickas skriftligt tillsammans med en kort sammanfattning på lätt svenska. Handläggaren ringer upp den enskilde när beslutet innebär avslag.',
                ],
              },
              {
                heading: 'Uppföljning',
                paragraphs: [`Handläggningstiderna följs upp varje tertial. Aktgranskning görs under hösten ${y}.`],
              },
            ],
          },
        ],
      },
      {
        kf: 'climate',
        indicators: [ind('Andel resor i tjänsten som görs med kollektivtrafik, cykel eller till fots', '95 %', '')],
        board: true,
        unitGoals: [],
      },
      {
        kf: 'economy',
        indicators: [ind('Budgetföljsamhet', '100 %', '100 %', 'Tertial')],
        board: true,
        unitGoals: [
          {
            title: 'Beviljade insatser är kostnadseffektiva och följs upp',
            sections: [
              {
                heading: 'Arbetssätt',
                paragraphs: [
                  'Köpta platser följs upp minst en gång per år. När behoven har förändrats görs en ny bedömning, och i samråd med den enskilde prövas om stödet kan ges i egen regi eller närmare hemmet.',
                  'Enhetschefen går varje månad igenom de största kostnadsposterna med controller.',
                ],
              },
              { heading: 'Uppföljning', paragraphs: ['Prognosen lämnas varje månad och kommenteras i tertialrapporterna.'] },
            ],
          },
        ],
      },
      {
        kf: 'staff',
        indicators: [
          ind('Sjukfrånvaro', '5 %', 'Tas fram av nämnd/styrelse', 'Tertial'),
          ind('Andel biståndshandläggare med socionomexamen', '100 %', ''),
        ],
        board: true,
        unitGoals: [
          {
            title: 'Handläggarna har en hållbar arbetsbelastning och stöd i svåra ärenden',
            sections: [
              {
                heading: 'Arbetssätt',
                paragraphs: [
                  'Antalet ärenden per handläggare följs varje vecka. Nya handläggare får en mentor och ett begränsat antal ärenden under de första tre månaderna.',
                ],
              },
              { heading: 'Uppföljning', paragraphs: ['Arbetsbelastningen tas upp på varje arbetsplatsträff.'] },
            ],
          },
        ],
      },
    ];
    if (y >= 2023) {
      goals.splice(1, 0, { kf: 'safety', indicators: [], board: true, unitGoals: [] });
      goals.push({
        kf: 'preparedness',
        indicators: [],
        board: true,
        unitGoals: [
          {
            title: 'Enheten kan fatta nödvändiga beslut även när verksamhetssystemet inte fungerar',
            sections: [
              {
                heading: 'Arbetssätt',
                paragraphs: ['Reservrutinen med pappersblanketter övas en gång per år. Listor över pågående akuta ärenden skrivs ut varje vecka.'],
              },
            ],
          },
        ],
      });
    }
    return goals;
  },
  resources: (y) => [
    `Kostnadsbudgeten för ${y} domineras av köpta insatser. Enheten arbetar för att fler insatser ska ges i stadsdelsområdets egna verksamheter.`,
  ],
  budget: (y) =>
    y === 2023
      ? {
          income: [
            { label: 'Taxor och avgifter', amount: 410 },
            { label: 'Hyresintäkter', amount: 8720 },
            { label: 'Bidrag', amount: 0 },
            { label: 'Försäljning', amount: 265 },
            { label: 'Övriga externa intäkter', amount: 3980 },
          ],
          costs: [
            { label: 'Personalkostnader', amount: 24318 },
            { label: 'Övriga personalkostnader', amount: 540 },
            { label: 'Lokalkostnader', amount: 13850 },
            { label: 'Entreprenader och köp av verksamhet', amount: 248630 },
            { label: 'Övriga kostnader', amount: 21470 },
          ],
        }
      : undefined,
};
