// Enheten för hemtjänst: the plan with the long indicator table that is split over a page (2023).
import type { Indicator, UnitSpec } from '../model.js';

const ind = (name: string, unitTarget: string, kfTarget: string, periodicity: Indicator['periodicity'] = 'År'): Indicator => ({
  name,
  unitTarget,
  kfTarget,
  periodicity,
});

const BY_NAMND = 'Tas fram av nämnd/styrelse';

function careIndicators(y: number): Indicator[] {
  if (y === 2022)
    return [
      ind('Andel brukare som är nöjda med sin insats', '90 %', '90 %'),
      ind('Andel brukare i hemtjänsten som upplever att de kan påverka vid vilka tider de får hjälp', '80 %', 'öka'),
      ind('Antal olika medarbetare som en brukare med hemtjänst möter under en fjortondagarsperiod', '12', BY_NAMND),
      ind('Andel brukare som upplever att personalen tar hänsyn till deras åsikter och önskemål', '', 'öka'),
    ];
  if (y === 2023)
    return [
      { ...ind('Andel brukare som är nöjd med insatsen', '90 %', '90 %'), same: 'Andel brukare som är nöjda med sin insats' },
      ind('Andel brukare i hemtjänsten som upplever att de kan påverka vid vilka tider de får hjälp', '82 %', 'öka'),
      ind('Antal olika medarbetare som en brukare med hemtjänst möter under en fjortondagarsperiod', '11', BY_NAMND),
      ind('Andel brukare som upplever att personalen tar hänsyn till deras åsikter och önskemål', '', 'öka'),
      ind('Andel brukare med hemtjänst som har en aktuell genomförandeplan', '100 %', '', 'Tertial'),
      ind('Andel brukare som känner sig trygga med att bo hemma med stöd från hemtjänsten', '88 %', '85 %'),
      ind('Andel avvikelser inom hemtjänsten som har åtgärdats inom en månad', '', '', 'Tertial'),
    ];
  return [
    { ...ind('Andel brukare som är nöjd med insatsen', '92 %', '90 %'), same: 'Andel brukare som är nöjda med sin insats' },
    {
      ...ind('Andel brukare i hemtjänsten som kan påverka vid vilka tider de får hjälp', '85 %', 'öka'),
      same: 'Andel brukare i hemtjänsten som upplever att de kan påverka vid vilka tider de får hjälp',
    },
    ind('Antal olika medarbetare som en brukare med hemtjänst möter under en fjortondagarsperiod', '10', 'minska'),
    {
      ...ind('Andel brukare som känner sig trygga med att bo hemma med hjälp av hemtjänsten', '90 %', '85 %'),
      same: 'Andel brukare som känner sig trygga med att bo hemma med stöd från hemtjänsten',
    },
  ];
}

function staffIndicators(y: number): Indicator[] {
  const sick = { 2022: '8 %', 2023: '7,5 %', 2024: '7 %' }[y] ?? '8 %';
  const out = [ind('Sjukfrånvaro', sick, BY_NAMND, 'Tertial')];
  if (y >= 2023) out.push(ind('Sjukfrånvaro dag 1–14', '3,5 %', BY_NAMND, 'Tertial'));
  if (y === 2024) out.push(ind('Medarbetarindex för engagemang och ledarskap', '80', '82'));
  return out;
}

const continuityGoal = (y: number) => ({
  title: 'Brukarna får sin hjälp av ett litet antal kända medarbetare och kan påverka när och hur insatserna utförs',
  sections: [
    {
      heading: 'Förväntat resultat' as const,
      paragraphs: [
        'Brukaren känner igen de medarbetare som kommer hem till hen och vet vem som är kontaktman. Brukaren upplever att hjälpen kommer på överenskommen tid och att det går att ändra tiden när något oväntat händer.',
        `Antalet olika medarbetare som en brukare möter under två veckor har minskat jämfört med ${y - 1}.`,
      ],
    },
    {
      heading: 'Arbetssätt' as const,
      paragraphs: [
        '• Planering',
        'Planeringen görs i mindre grupper där varje grupp ansvarar för ett geografiskt område. Samordnaren lägger schemat så att kontaktmannen gör så många av besöken hos sina brukare som möjligt. Vid frånvaro ersätts kontaktmannen i första hand av någon i samma grupp.',
        '• Kontaktmannaskap',
        'Kontaktmannen upprättar genomförandeplanen tillsammans med brukaren inom två veckor från att insatsen startat. Planen beskriver vad brukaren vill ha hjälp med, hur hjälpen ska ges och vilka tider som passar. Kontaktmannen går igenom planen med brukaren minst två gånger per år och när behoven ändras.',
        '• Delaktighet',
        'Brukaren tillfrågas vid varje uppföljning om hen är nöjd med tiderna och med hur insatserna utförs. Synpunkter dokumenteras och tas upp på gruppens veckomöte. Anhöriga bjuds in när brukaren önskar det.',
      ],
    },
    {
      heading: 'Uppföljning' as const,
      paragraphs: [
        'Personalkontinuiteten mäts varje månad i planeringssystemet och redovisas på arbetsplatsträff. Resultatet i stadens brukarundersökning analyseras i grupperna och leder till förbättringsåtgärder.',
      ],
    },
    {
      heading: 'Utveckling' as const,
      paragraphs: [`Under ${y} prövar enheten att låta brukare välja mellan två tidsfönster för sina morgonbesök.`],
    },
  ],
});

const securityGoal = (y: number) => ({
  title: 'Brukarna känner sig trygga med hemtjänstens insatser och med att bo kvar hemma',
  sections: [
    {
      heading: 'Förväntat resultat' as const,
      paragraphs: [
        'Brukaren upplever att medarbetarna har rätt kunskap och ger ett gott bemötande. Risker för fall, undernäring och trycksår upptäcks tidigt och åtgärdas tillsammans med hälso- och sjukvården.',
      ],
    },
    {
      heading: 'Arbetssätt' as const,
      paragraphs: [
        '• Trygghet',
        'Medarbetarna gör riskbedömningar vid första besöket och när brukarens hälsa förändras. Trygghetslarm testas varje månad. Nyckelhanteringen följer stadens rutin och kontrolleras vid egenkontroller.',
        '• Kompetens',
        `Alla medarbetare har under ${y} genomgått stadens webbutbildning om demenssjukdomar. Undersköterskor med särskild kompetens inom demens och palliativ vård fungerar som stöd för sina kollegor.`,
        'Vid misstanke om att en brukare far illa eller utsätts för våld i en nära relation tar medarbetaren kontakt med enhetschef samma dag, och enheten följer rutinen för anmälan.',
      ],
    },
    {
      heading: 'Uppföljning' as const,
      paragraphs: [
        'Avvikelser sammanställs varje tertial och analyseras i enhetens ledningsgrupp. Resultatet av egenkontrollerna redovisas i verksamhetsberättelsen.',
      ],
    },
  ],
});

export const hemtjanst: UnitSpec = {
  key: 'hemtjanst',
  unit: 'Enheten för hemtjänst',
  author: 'Kerstin Holmqvist',
  dnr: (y) => `HÄ ${y - 1}/${[412, 698, 731][y - 2022] ?? 700}`,
  date: (y) => `${y}-01-${[24, 27, 29][y - 2022] ?? 28}`,
  intro: (y) => [
    {
      heading: 'Enhetens uppdrag',
      paragraphs: [
        'Enheten för hemtjänst utför beviljade insatser till äldre och till personer med funktionsnedsättning som bor i eget boende i stadsdelsområdet. Insatserna omfattar både service, som städning, tvätt och inköp, och personlig omvårdnad. Enheten ansvarar också för trygghetslarm och nattpatrull i den södra delen av stadsdelsområdet.',
        'Vårt mål är att varje brukare ska kunna leva ett så självständigt liv som möjligt i sitt eget hem, med hjälp som ges med respekt för den enskildes vanor och önskemål.',
      ],
    },
    {
      heading: 'Organisation',
      paragraphs: [
        `Enheten har cirka ${[96, 102, 99][y - 2022] ?? 100} medarbetare fördelade på fyra hemtjänstgrupper och en nattgrupp. Varje grupp leds av en biträdande enhetschef och har en samordnare som ansvarar för planeringen. Enhetschefen ansvarar för ekonomi, arbetsmiljö och kvalitetsarbete.`,
        'Enheten utför insatser hos omkring 420 brukare. De flesta är över 80 år, och andelen brukare med omfattande behov av omvårdnad har ökat de senaste åren.',
      ],
    },
    {
      heading: `Utvecklingsområden ${y}`,
      paragraphs: [
        `Under ${y} fortsätter enheten arbetet med att öka personalkontinuiteten. Grupperna görs mindre och planeringen utgår från geografiska områden, så att samma medarbetare oftare besöker samma brukare.`,
        'Enheten ska också förbättra dokumentationen i genomförandeplanerna. Vid egenkontroller har vi sett att planerna ofta beskriver vad som ska göras men inte hur brukaren vill att det ska göras.',
        'Medarbetarna har varit delaktiga i arbetet med verksamhetsplanen på arbetsplatsträffar under hösten. Den färdiga planen gås igenom i alla grupper i början av året.',
      ],
    },
  ],
  goals: (y) => {
    const goals: ReturnType<UnitSpec['goals']> = [
      { kf: 'care', indicators: careIndicators(y), board: true, unitGoals: y === 2022 ? [continuityGoal(y)] : [continuityGoal(y), securityGoal(y)] },
      { kf: 'safety', indicators: [], board: true, unitGoals: [] },
      {
        kf: 'climate',
        indicators: y === 2022 ? [ind('Andel fordon i hemtjänsten som drivs med förnybara drivmedel', '100 %', '')] : [],
        board: true,
        unitGoals: [
          {
            title: 'Enhetens resor och inköp ger så liten klimatpåverkan som möjligt',
            sections: [
              {
                heading: 'Förväntat resultat',
                paragraphs: [
                  'Medarbetarna tar sig mellan besöken med cykel, elbil eller till fots. Förbrukningsmaterial beställs samlat en gång i veckan.',
                ],
              },
              {
                heading: 'Arbetssätt',
                paragraphs: [
                  'Enheten har tolv elcyklar och fyra elbilar. Bilarna används bara för besök som ligger långt från gruppens lokal eller när medarbetaren behöver ta med sig tyngre hjälpmedel.',
                  'Vid inköp av livsmedel åt brukare följer medarbetarna brukarens önskemål, men informerar gärna om klimatsmarta alternativ när brukaren är intresserad.',
                ],
              },
              { heading: 'Uppföljning', paragraphs: ['Körjournaler och inköp följs upp varje tertial.'] },
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
            title: 'Enheten bedriver verksamheten inom sin budget',
            sections: [
              {
                heading: 'Förväntat resultat',
                paragraphs: ['Enheten har en ekonomi i balans vid årets slut och prognoserna under året är träffsäkra.'],
              },
              {
                heading: 'Arbetssätt',
                paragraphs: [
                  'Hemtjänstens intäkter beror på antalet utförda timmar. Samordnarna följer varje vecka upp förhållandet mellan planerad och utförd tid och bemanningen anpassas efter antalet beviljade timmar.',
                  'Enhetschefen går igenom det ekonomiska läget på arbetsplatsträff varje månad.',
                ],
              },
              { heading: 'Uppföljning', paragraphs: ['Månadsprognoser görs tillsammans med controller.'] },
            ],
          },
        ],
      },
      {
        kf: 'staff',
        indicators: staffIndicators(y),
        board: true,
        unitGoals: [
          {
            title: 'Medarbetarna har en god arbetsmiljö och möjlighet till kompetensutveckling',
            sections: [
              {
                heading: 'Förväntat resultat',
                paragraphs: ['Sjukfrånvaron har minskat och medarbetarna upplever att de har inflytande över sitt arbete.'],
              },
              {
                heading: 'Arbetssätt',
                paragraphs: [
                  '• Arbetsmiljö',
                  'Skyddsombud och chefer gör gemensamma skyddsronder två gånger per år. Tunga förflyttningar görs alltid med hjälpmedel, och nya medarbetare får förflyttningsutbildning under introduktionen.',
                  '• Kompetensutveckling',
                  'Varje medarbetare har en individuell utvecklingsplan som tas fram vid medarbetarsamtalet. Enheten deltar i stadens satsning på att fler vårdbiträden ska utbilda sig till undersköterskor.',
                ],
              },
              { heading: 'Uppföljning', paragraphs: ['Sjukfrånvaron följs upp varje månad och medarbetarundersökningen varje år.'] },
            ],
          },
        ],
      },
    ];
    if (y === 2024)
      goals.push({
        kf: 'preparedness',
        indicators: [ind('Andel medarbetare som har genomgått utbildning i krisberedskap', '90 %', 'öka')],
        board: true,
        unitGoals: [
          {
            title: 'Enheten kan utföra de mest angelägna insatserna även vid en längre störning',
            sections: [
              {
                heading: 'Arbetssätt',
                paragraphs: [
                  'Enhetens kontinuitetsplan listar de brukare som behöver hjälp varje dag, till exempel med mat och läkemedel. Listan uppdateras varje vecka och finns i pappersform i varje grupps lokal.',
                ],
              },
              { heading: 'Uppföljning', paragraphs: ['Planen övas en gång per år och erfarenheterna dokumenteras.'] },
            ],
          },
        ],
      });
    return goals;
  },
  resources: (y) => [
    'Enhetens största resurs är medarbetarna. Personalkostnaderna utgör omkring fyra femtedelar av enhetens kostnader, och därför är planeringen av arbetstiden avgörande för att hålla budget.',
    `Enheten hyr tre lokaler i stadsdelsområdet. Inför ${y + 1} ses behovet av lokaler över, eftersom två av grupperna skulle kunna dela lokal.`,
  ],
  budget: (y) =>
    y === 2022
      ? undefined
      : {
          income: [
            { label: 'Taxor och avgifter', amount: 0 },
            { label: 'Hyresintäkter', amount: 0 },
            { label: 'Bidrag', amount: y === 2023 ? 1250 : 980 },
            { label: 'Försäljning', amount: y === 2023 ? 56480 : 58940 },
            { label: 'Övriga externa intäkter', amount: 320 },
          ],
          costs: [
            { label: 'Personalkostnader', amount: y === 2023 ? 52932 : 55410 },
            { label: 'Övriga personalkostnader', amount: 870 },
            { label: 'Lokalkostnader', amount: 2415 },
            { label: 'Entreprenader och köp av verksamhet', amount: 150 },
            { label: 'Övriga kostnader', amount: y === 2023 ? 4120 : 4385 },
          ],
        },
};
