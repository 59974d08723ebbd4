// A small built-in base for the Swedish language model, written for this project (not taken from any
// plan): the most common Swedish words in rough frequency order, and everyday sentences that put the
// short, easily confused words (är/år/ar, för/for, på/pa, så/sa, mål/mal, där/dar, när/nar, få/fa,
// gå/ga, två, våra/vara, både, även, över, också, sätt/satt, stöd/stod, känna/kanna, ändra/andra …) in
// their usual company. The caller's clean texts are added on top (see language-model.ts).

/** Roughly the 300 most frequent Swedish words, most frequent first. */
export const BASE_WORDS = `
och i att det som en på är av för med till den har de inte om ett han men var jag sig från vi så
kan man när år säger hon under också efter eller nu sin där vid mot ska skulle kommer ut får finns
vara hade alla andra mycket än här då sedan över bara in blir upp även vad få två vill ha många hur
mer går sitt någon bli bland dem sina kunna detta mellan utan redan samma första tre mig vilket
genom varit helt del dag göra gör kommun tid stora både tog vår våra dess dock nya flera ingen
enligt där nästa inom stor något tillsammans fram själv hela ännu inför sätt ny fått ingen mindre
annat tidigare ofta arbete alltid annan borde hos olika eftersom stöd fler gång goda god bra gamla
äldre barn elever personer människor staden landet kvinnor män flickor pojkar hem skolan vården
behov ökad öka minska minskade ökade behöver måste kunde gjorde gått kom såg sade fick ger ges
tar tas ta gäller gällande bör kan vet tror tycker känner känna lära läsa skriva arbeta arbetar
möjlighet möjligheter möjligt mål målet målen syfte syftet uppdrag ansvar ansvarar arbetet verksamhet
verksamheten verksamheter enheten enhet nämnden staden stadens året åren år under hösten våren
sommaren vintern januari februari mars april maj juni juli augusti september oktober november
december vecka veckan månad månaden dagar timmar procent kronor miljoner ungefär cirka drygt nästan
närmare minst högst högre lägre längre större mindre bättre sämre viktigt viktig viktiga särskilt
särskild därför dessutom däremot således alltså nämligen tyvärr gärna gemensam gemensamma egen egna
eget hög höga låg låga lång långa kort korta ny nytt nya öppen öppna öppet säker säkert trygg tryggt
trygghet hälsa vård omsorg stödet insatser insats åtgärder åtgärd förändring förändringar utveckling
utveckla utvecklar följa följer uppföljning fortsätta fortsätter fortsatt ökning minskning
`;

/** Common everyday words (verbs in their usual forms, nouns, adjectives), mostly with å/ä/ö — the
 * letters an English OCR model loses — so that `läser`/`laser`, `höra`/`hora`, `många`/`manga` have a
 * side the model has seen. Each counts a little (see `addBase`). */
export const BASE_VOCABULARY = `
läsa läser läste läst läsning läsår lära lär lärde lärt lärare lärarna lärande höra hör hörde hört
höst hösten höstterminen vår våren vårterminen sommar sommaren vinter vintern väder vädret väg vägen
vägar väga väger vägde våga vågar vågade måla målar målade målning höra hörs känna känner kände känsla
känslor gå går gick gått gång gången gånger få får fick fått stå står stod stått förstå förstår
förstod förstått både många mången ändå ända ände även ännu ändra ändrar ändrade ändring öppna öppnar
öppnade öppen öppet öppna öppettider öka ökar ökade ökning över övre övriga övrigt övning övningar
möte möten mötet möta möter mötte möjlig möjligt mål målet målen mån måndag måndagar månad månader
månaden månadens måste mått mår mådde må bänk bänkar bänken bänkarna bäst bästa bättre bär bära bära
bröd bröder bror böcker bok boken bön bönor död döda dörr dörren dörrar fönster fönstret fält
fågel fåglar fåglarna få fåtal fö föda föder född födelsedag följa följer följde följt för före
förra först första förskola förskolan förskolor förälder föräldrar föräldrarna förening föreningar
förändra förändring förändringar försöka försöker försökte försök förslag förtroende förvaltning
glömma glömmer glömde grön gröna grönt grönska gräs gräset gräsmatta gräsmattor gärna gör göra gjort
hål hålla håller höll hållit hålls hänga hänger hände händer hänt häst hästar här härifrån hög höga
högt högre högst hösten hämta hämtar hämtade hälsa hälsan hälsar hämta hjälp hjälpa hjälper hjälpte
kär kärlek kök köket köpa köper köpte köpt kö köer kör köra körde körsbär kött kött kön kunskap
lägga lägger lade lagt läge läget lägenhet lägenheter lätt lätta lättare lång långa långt längre
längst längd lån låna lånar lånade låg låga lågt lämna lämnar lämnade läkare läkaren löpa löper
löser lösa lösning lösningar lördag lördagar mjölk mörk mörker mörkt nära närmare närmast nästa
nästan nöjd nöjda nöjt nödvändig nödvändigt nöje når nå nått näst ord plocka på påbörja påverka
rädd räcka räcker rätt rätta rättighet rättigheter röd röda rött röra rör rörde rörelse räkna räknar
sång sånger säga säger sade sagt säker säkert säkerhet säl sälja säljer sålde sätt sätta sätter
satte sjö sjön sjöar skräp skräpig skräpet skön skönt skåp skog skogen skola skolan skolgården
skär skära skärm slå slår slog slut släkt släkting små smör smörgås smörgåsar snö snön snöar spår
språk språket stå står städa städar städning stäng stänga stänger stängd ställe stället ställa
ställer stöd stödja stödjer stör störa störst större stöta syster söder söka söker sökte sön söndag
sött svår svåra svårt svårare svar svara svarar svarade tåg tåget tält tänka tänker tänkte tät
tävling tävlingar tömma tål tåla träd träden träffa träffar träffade trädgård trädgårdar trött
tvätta tvättar två tvåa tydlig utanför vägg väggar väl välja väljer valde välkommen välkomna vän
vänner väntar vänta väntade värme värld världen väska väst väster vått växa växer växte växt växter
åka åker åkte år året åren åt åter återvända åtta åttio ägg ägare äga äger äldre äldst äng ängar
ärende ärenden äta äter åt ätit äpple äpplen ö öar öga ögon öl önska önskar önskade öra öron öst öster
`;

/** Everyday sentences (administrative and general prose). */
export const BASE_SENTENCES = `
Det är viktigt att alla får det stöd de behöver.
Målet är att fler ska få möjlighet att arbeta.
Vi arbetar för att öka tryggheten i staden.
Under året kommer vi att fortsätta arbetet med att utveckla verksamheten.
Det finns två skäl till att vi har valt att göra så.
Han säger att det är svårt att få tid till allt.
Hon bor i en lägenhet på andra våningen.
Barnen leker på gården när det är bra väder.
Vi träffas en gång i månaden för att gå igenom läget.
Det här är första året som vi gör så.
Arbetet ska vara klart före sommaren.
Det är både roligt och lärorikt.
Många av de äldre bor kvar i sina hem.
Vi vill ändra arbetssättet så att det blir bättre för de boende.
Andra delar av arbetet följs upp varje år.
Det gäller även de som har fått beslut tidigare.
Resultatet följs upp två gånger per år.
Under år 2023 ska vi öka andelen nöjda brukare.
År 2024 blir ett viktigt år för oss.
Vi har fått nya medarbetare och fler kommer under våren.
Kostnaderna ökade med fem procent förra året.
Det var svårt att hitta personal under hösten.
Vi måste hålla budgeten i balans.
Alla ska känna sig trygga och välkomna.
Ett gott bemötande är grunden för vårt arbete.
Vi ska möta varje person med respekt.
Mötet hålls på tisdag klockan tio.
Där finns också ett kafé och en lekplats.
När det regnar är det färre som kommer.
Vi har sett att fler söker stöd än tidigare.
Det som står i planen gäller för hela året.
Det är inte lätt att nå alla som behöver hjälp.
Vi får ofta frågor om hur man ansöker.
Man kan gå dit själv eller få hjälp av någon.
Stödet ges på olika sätt beroende på behov.
Det ska vara lätt att göra rätt.
Vår ambition är att alla ska få samma möjligheter.
Våra medarbetare är vår viktigaste resurs.
Vi kommer även att se över rutinerna.
Över hälften av de svarande är nöjda.
Det är också viktigt att följa upp resultaten.
Vi har gjort en plan för hur arbetet ska gå till.
Det gör att vi kan ta emot fler.
Man bör inte vänta för länge med att söka hjälp.
De flesta är nöjda med den hjälp de får.
Vi vill nå ut till fler med information på flera språk.
Det blev ett bra år trots allt.
Ett av målen är att minska sjukfrånvaron.
Målen för året är satta av nämnden.
Nämnden beslutar om mål och budget för verksamheten.
Enhetens mål ska bidra till nämndens mål.
Alla mål följs upp i samband med tertialrapporterna.
Vi ser fram emot att möta nya utmaningar.
Det är dags att gå vidare.
Jag har bott här i många år.
De kom hem sent på kvällen.
Vi åker till landet på sommaren.
Det står en bänk vid sjön.
Boken ligger på bordet i köket.
Hon läser en bok varje vecka.
Han går till jobbet varje morgon.
Eleverna får läxor två gånger i veckan.
Det är kallt ute och det snöar.
Vi ses på måndag.
Det är lätt att förstå varför så många vill bo här.
Vi tar hand om varandra.
Stöd och service ska ges utifrån behov.
Personalen får utbildning under året.
Det är svårt att säga hur det blir.
Antalet ärenden ökade under året.
Vi följer utvecklingen och vidtar åtgärder vid behov.
Vi kommer att arbeta för att nå målen.
Det behövs mer samverkan mellan verksamheterna.
Vi har ett nära samarbete med andra aktörer.
I år ska vi satsa på att förbättra arbetsmiljön.
I samarbete med föreningar ordnar vi aktiviteter för äldre.
I den här planen beskrivs hur vi ska arbeta.
Åtgärden ska vara genomförd före årets slut.
Åren går fort när man har roligt.
Öppettiderna är längre på vardagar.
Ökningen beror på att fler har flyttat hit.
Äldre personer ska kunna leva ett självständigt liv.
Ändringen gäller från den 1 januari.
Även små förändringar kan göra stor skillnad.
Är du nöjd med den hjälp du får?
Får vi komma på besök?
Så här arbetar vi.
Så länge det går ska man få bo kvar hemma.
På så sätt kan vi bli bättre.
På grund av pandemin blev det färre möten.
För att nå målet krävs ett långsiktigt arbete.
För oss är det viktigt att lyssna.
Där det behövs ska vi sätta in extra resurser.
När vi möts går det bättre.
Två av tre är nöjda.
Både barn och vuxna är välkomna.
Efter två år ska insatsen utvärderas.
Skolan är en trygg plats för alla barn.
Biblioteket är en mötesplats för hela området.
Förvaltningen är en stor arbetsgivare i kommunen.
Huset är ett av de äldsta i staden.
Hon är en av dem som har arbetat här längst.
Det här är ett arbete som tar tid.
Föreningen är en viktig del av livet i byn.
Parken är öppen hela året.
Verksamheten är en del av det förebyggande arbetet.
Mottagningen är stängd under sommaren.
Kontoret är en bra arbetsplats med en god arbetsmiljö.
Varje år görs en enkät bland de boende.
Ett år senare var allt klart.
Om ett år ska vi se tillbaka på vad vi har gjort.
Målet för i år är detsamma som förra året.
`;
