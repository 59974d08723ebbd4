// Fritidsenheten Solberga: youth and leisure; rows with only one target and rows with none.
import type { Indicator, UnitGoal, UnitSpec } from '../model.js';

const ind = (name: string, unitTarget: string, kfTarget: string, periodicity: Indicator['periodicity'] = 'År'): Indicator => ({
  name,
  unitTarget,
  kfTarget,
  periodicity,
});

const influenceGoal = (y: number): UnitGoal => ({
  title: 'Unga som besöker fritidsgården är med och bestämmer över verksamhetens innehåll och öppettider',
  sections: [
    {
      heading: 'Förväntat resultat',
      paragraphs: ['Besökarna känner att verksamheten är deras. Aktiviteterna speglar de önskemål som kommer fram på husmöten och i förslagslådan.'],
    },
    {
      heading: 'Arbetssätt',
      paragraphs: [
        '• Husmöten',
        'Fritidsgården har husmöten varannan vecka. Besökarna turas om att leda mötet med stöd av en fritidsledare. Beslut som fattas på mötet sätts upp på anslagstavlan och följs upp på nästa möte.',
        '• Ungdomsråd',
        `Ett ungdomsråd med sex till åtta ledamöter väljs varje termin. Rådet förfogar under ${y} över en egen budget för aktiviteter och utflykter och redovisar vad pengarna har använts till.`,
        'Fritidsledarna uppmuntrar särskilt de besökare som sällan tar ordet att lämna förslag, till exempel genom korta enkäter i mobilen.',
      ],
    },
    {
      heading: 'Uppföljning',
      paragraphs: ['Antalet förslag och hur de har tagits om hand sammanställs varje tertial. Besökarenkäten genomförs i oktober.'],
    },
  ],
});

const girlsGoal = (y: number): UnitGoal => ({
  title: 'Fler flickor besöker fritidsgården och deltar i dess aktiviteter',
  sections: [
    {
      heading: 'Förväntat resultat',
      paragraphs: [`Andelen flickor bland besökarna har ökat jämfört med ${y - 1}.`],
    },
    {
      heading: 'Arbetssätt',
      paragraphs: [
        'Två kvällar i veckan är fritidsgården öppen enbart för tjejer. Programmet tas fram tillsammans med besökarna och innehåller bland annat dans, musikproduktion och läxhjälp.',
        'Fritidsledarna besöker skolornas mellanstadier under våren för att presentera verksamheten och möta blivande besökare.',
      ],
    },
    {
      heading: 'Uppföljning',
      paragraphs: ['Besöksstatistiken förs per kväll och kön och redovisas på arbetsplatsträff varje månad.'],
    },
    {
      heading: 'Utveckling',
      paragraphs: ['Enheten vill pröva att öppna en mötesplats för unga i biblioteket på lördagar.'],
    },
  ],
});

export const fritidSolberga: UnitSpec = {
  key: 'fritid-solberga',
  unit: 'Fritidsenheten Solberga',
  years: [2019, 2022, 2023, 2024],
  districtBefore2020: 'Älvsjö',
  author: 'Jonas Ekberg',
  dnr: (y) => `${y < 2020 ? 'ÄL' : 'HÄ'} ${y - 1}/${[455, 702, 744][y - 2022] ?? 700}`,
  date: (y) => `${y}-01-${[20, 26, 31][y - 2022] ?? 28}`,
  intro: (y) => [
    {
      heading: 'Verksamhetsidé',
      paragraphs: [
        'Fritidsenheten Solberga driver fritidsgården Solbacken, den öppna mötesplatsen i Solberga centrum och parkleken Lärkan. Verksamheten riktar sig till barn och unga mellan tio och tjugo år och ska vara en trygg plats där besökarna möter engagerade vuxna.',
        'Vi arbetar främjande och förebyggande. Genom att erbjuda en meningsfull fritid vill vi stärka skyddsfaktorer hos barn och unga och minska risken för att de dras in i kriminalitet eller missbruk.',
      ],
    },
    {
      heading: 'Organisation',
      paragraphs: [
        `Enheten har ${[14, 15, 15][y - 2022] ?? 15} tillsvidareanställda fritidsledare och ett tiotal timanställda. Enhetschefen ansvarar även för stadsdelsområdets fältassistenter, som arbetar kvällar och helger i de områden där unga samlas.`,
      ],
    },
    {
      heading: `Utvecklingsområden ${y}`,
      paragraphs: [
        'Enheten ska nå fler flickor och fler unga med funktionsnedsättning. Lokalerna på Solbacken tillgänglighetsanpassas under våren och programmet ses över tillsammans med besökarna.',
        'Samarbetet med skolorna i området fördjupas så att fritidsledarna kan möta eleverna redan under skoldagen.',
      ],
    },
  ],
  goals: (y) => {
    const goals: ReturnType<UnitSpec['goals']> = [
      {
        kf: 'youth',
        indicators:
          y <= 2022
            ? [
                ind('Antal platser för feriejobb', '', '', 'Tertial'),
                ind('Andel unga som upplever att de kan påverka verksamheten på fritidsgården', '70 %', ''),
              ]
            : [
                { ...ind('Antal erbjudna platser för feriejobb', '', '', 'Tertial'), same: 'Antal platser för feriejobb' },
                {
                  ...ind('Andel unga som upplever att de kan påverka fritidsgårdens verksamhet', y === 2023 ? '75 %' : '78 %', ''),
                  same: 'Andel unga som upplever att de kan påverka verksamheten på fritidsgården',
                },
              ],
        board: true,
        unitGoals: [influenceGoal(y), girlsGoal(y)],
      },
      {
        kf: 'culture',
        indicators: [
          {
            ...ind(
              y === 2024 ? 'Antal besökare på fritidsgården per vecka' : 'Antal besök på fritidsgården per vecka',
              { 2019: '320', 2022: '350', 2023: '380', 2024: '400' }[y] ?? '350',
              '',
            ),
            // the 2024 plan rewords the indicator of the years before
            ...(y === 2024 ? { same: 'Antal besök på fritidsgården per vecka' } : {}),
          },
          ind('Andel flickor bland besökarna', '40 %', 'öka'),
        ],
        board: true,
        unitGoals: [
          {
            title: 'Besökarna får prova på kultur och skapande i samarbete med föreningslivet',
            sections: [
              {
                heading: 'Arbetssätt',
                paragraphs: [
                  'Fritidsgården har en inspelningsstudio och en scen som besökarna kan boka. Varje termin avslutas med en konsert som besökarna planerar själva.',
                  'Föreningar från området bjuds in för att visa sina verksamheter, till exempel kampsport, schack och teater.',
                ],
              },
              { heading: 'Uppföljning', paragraphs: ['Antalet samarbeten och deltagare redovisas i verksamhetsberättelsen.'] },
            ],
          },
        ],
      },
      {
        kf: 'safety',
        indicators: [ind('Andel invånare som känner sig trygga i sitt bostadsområde när det är mörkt ute', '', 'öka')],
        board: y > 2022,
        unitGoals:
          y <= 2022
            ? []
            : [
                {
                  title: 'Unga känner sig trygga på väg till och från fritidsgården',
                  sections: [
                    {
                      heading: 'Arbetssätt',
                      paragraphs: [
                        'Fältassistenterna rör sig i området vid fritidsgårdens stängning på fredagar och lördagar. Belysningen längs gångvägen till Solberga centrum har förbättrats efter förra årets trygghetsvandring.',
                      ],
                    },
                    { heading: 'Uppföljning', paragraphs: ['Tryggheten följs upp i besökarenkäten.'] },
                  ],
                },
              ],
      },
      {
        kf: 'climate',
        indicators: [
          ind(
            'Klimatpåverkan från livsmedelsinköp',
            y <= 2022 ? '1,5 kg CO2 per kg livsmedel' : '1,4 kg CO2 per kg livsmedel',
            y <= 2022 ? '1,7 kg CO2 per kg livsmedel' : '1,6 kg CO2 per kg livsmedel',
            'Tertial',
          ),
        ],
        board: true,
        unitGoals: [
          {
            title: 'Fritidsgårdens kafé och matlagningsaktiviteter har låg klimatpåverkan',
            sections: [
              {
                heading: 'Arbetssätt',
                paragraphs: [
                  'Kaféet serverar vegetariskt två dagar i veckan. Besökarna är med och planerar menyn och lär sig om matens klimatpåverkan.',
                ],
              },
            ],
          },
        ],
      },
      {
        kf: 'economy',
        indicators: [],
        board: true,
        unitGoals: [
          {
            title: 'Enheten håller sin budget',
            sections: [
              {
                heading: 'Arbetssätt',
                paragraphs: ['Bemanningen planeras efter besöksstatistiken. Timanställda används främst under lov, då besöken ökar.'],
              },
              { heading: 'Uppföljning', paragraphs: ['Budgeten följs upp varje månad tillsammans med controller.'] },
            ],
          },
        ],
      },
      { kf: 'staff', indicators: [ind('Sjukfrånvaro', '6 %', 'Tas fram av nämnd/styrelse', 'Tertial')], board: true, unitGoals: [] },
    ];
    if (y === 2023)
      goals.push({
        kf: 'preparedness',
        indicators: [],
        board: true,
        unitGoals: [
          {
            title: 'Fritidsgården kan fungera som trygg samlingsplats vid en störning',
            sections: [
              {
                heading: 'Arbetssätt',
                paragraphs: [
                  'Kontinuitetsplanen beskriver hur fritidsgården kan hållas öppen som värmestuga och informationspunkt vid ett längre strömavbrott.',
                ],
              },
            ],
          },
        ],
      });
    return goals;
  },
  resources: () => [
    'Enhetens resurser är i första hand personal och lokaler. Lokalerna delas med skolans fritidshem under dagtid, vilket håller nere kostnaderna.',
  ],
  budget: (y) =>
    y === 2024
      ? {
          income: [
            { label: 'Taxor och avgifter', amount: 45 },
            { label: 'Hyresintäkter', amount: 120 },
            { label: 'Bidrag', amount: 850 },
            { label: 'Försäljning', amount: 210 },
            { label: 'Övriga externa intäkter', amount: 0 },
          ],
          costs: [
            { label: 'Personalkostnader', amount: 9874 },
            { label: 'Övriga personalkostnader', amount: 215 },
            { label: 'Lokalkostnader', amount: 1960 },
            { label: 'Entreprenader och köp av verksamhet', amount: 380 },
            { label: 'Övriga kostnader', amount: 1105 },
          ],
        }
      : undefined,
};
