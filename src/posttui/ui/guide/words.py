"""What the guided start says, in every language: its questions and why each is asked.

The explanations follow the method in the words its users learn it in: POST's
order, SMART letter by letter, the stakeholder map's linkages, Groundswell's five
objectives, Brandtzæg's user types.
"""

from __future__ import annotations

from posttui.core.i18n import Catalog

GUIDE = Catalog(
    "guide",
    en={
        "title": "Guided start",
        "keys": "enter next · shift+tab back · esc leave the guide (your answers stay in the plan)",
        "progress": "question {n} of {total}",
        "item.segment": "segment {number}",
        "item.objective": "objective {number}",
        "item.initiative": "initiative {number}",
        "skip": "Enter with nothing typed skips this question.",
        "required": "This needs an answer; esc leaves the guide.",
        "choose": "↑ ↓ choose, enter accepts.",
        "list": "Several? Separate them with commas; → completes a word.",
        "not-sure": "Not sure yet",
        "not-sure.why": "Leave it unset for now: you can set it later in the editor.",
        "left": (
            "Left the guide: your answers are in the plan. ctrl+g starts it again, ctrl+s saves."
        ),
        "done.findings": (
            "That is a first plan. {count} findings are left to look at: the first one is "
            "shown here. ctrl+s saves the plan."
        ),
        "done.clean": (
            "That is a first plan, and it has no findings. ctrl+s saves it; "
            "f2 to f5 show each step."
        ),
        "command": "Plan: guided start",
        "command-help": "People, Objectives, Strategy, Technology, one question at a time (ctrl+g)",
        "key.back": "Back",
        "key.leave": "Leave guide",
        "live.specific": "The statement is specific enough.",
        "live.later": (
            "The next questions add the target (M), the owner and the why (A) and the deadline (T)."
        ),
        # People
        "segment-name.ask": "Name a group you want to reach.",
        "segment-name.why": (
            "POST starts with people, not platforms: many businesses jump onto platforms "
            "without set goals, and without knowing whether their customers are there at all. "
            "Name one segment, e.g. 'Students in Trondheim'; more can follow."
        ),
        "segment-description.ask": "Who are they, and what do they need from you?",
        "segment-description.why": (
            "Who needs your services or products? A sentence on who they are keeps everyone "
            "who reads the plan aiming at the same people."
        ),
        "segment-size.ask": "About how many are they?",
        "segment-size.why": (
            "An estimate is enough. It keeps targets realistic: a target of more followers "
            "than there are people in the segments is flagged (R, Realistic)."
        ),
        "segment-platforms.ask": "Where are they: which platforms do they use?",
        "segment-platforms.why": (
            "Technology is chosen last, from here: the platforms where your segments are. "
            "There is no gain in being on a platform where the audience is not. "
            "Type platform ids, e.g. instagram, tiktok."
        ),
        "segment-linkage.ask": "How are they linked to the business?",
        "segment-linkage.why": (
            "A stakeholder map sorts people by their tie to the organization: enabling, "
            "functional (input or output), normative and diffuse linkages. Together they show "
            "everyone the business should use social media towards."
        ),
        "segment-involvement.ask": "How active are they? Start from the Norwegian averages?",
        "segment-involvement.why": (
            "Once the audience is mapped, measure how active it is. Brandtzæg's five user "
            "types, with their shares among Norwegian users:"
        ),
        "segment-involvement.more": (
            "Energizing, supporting and embracing objectives need debaters and advanced users. "
            "Adjust the shares on the People screen (f2)."
        ),
        "involvement.line": "{name} {share} %: {what}",
        "involvement.socializers": "mostly keep in touch with friends and family",
        "involvement.lurkers": "watch what others do, and seldom take part",
        "involvement.sporadics": "drop in now and then",
        "involvement.debaters": "discuss and comment",
        "involvement.advanced": "do it all: discuss, share and make content",
        "averages.yes": "Yes: 34/29/23/9/5, to adjust later",
        "averages.no": "No, not now",
        "segment-another.ask": "Add another segment?",
        "segment-another.why": (
            "Most businesses have more than one audience: those who buy, but also those who "
            "supply, enable or talk about the business. You can add more later on the People "
            "screen (f2)."
        ),
        "segment-another.no": "No, on to Objectives",
        "segment-another.yes": "Yes, another segment",
        # Objectives
        "plan-period-start.ask": "Which period does the plan cover? From (YYYY-MM-DD)",
        "plan-period-start.why": (
            "Asked once, for the whole plan. An objective without a deadline of its own is "
            "due when the period ends, and an objective that starts before the period or is "
            "due after it is pointed out (time-bound/outside-period). Leave it empty if the "
            "plan has no set period; f6 sets it later."
        ),
        "plan-period-end.ask": "Which period does the plan cover? To (YYYY-MM-DD)",
        "plan-period-end.why": (
            "T, Time-bound: an objective without a deadline of its own is due at the "
            "period's end; a deadline after it is pointed out (time-bound/outside-period). "
            "Leave it empty to set it later (f6)."
        ),
        "plan-period.order": "The period ends before it starts: {start} to {end}.",
        "objective-kind.ask": "What do you want to achieve with social media?",
        "objective-kind.why": (
            "Groundswell names five objectives, each mirroring a business function. "
            "Pick the one this objective is about:"
        ),
        "objective-statement.ask": "Write the objective in one sentence.",
        "objective-statement.why": (
            "Objectives are the business's most important steering tool, so make each one "
            "clear. A good objective is SMART:"
        ),
        "objective-statement.more": (
            "Say who, what and how much, e.g. 'Reach 2,000 Instagram followers among "
            "students by 30\u00a0June 2027'."
        ),
        "smart.specific": "the objective is clear.",
        "smart.measurable": "it can be measured, in time, amount and so on.",
        "smart.attractive": "it motivates everyone.",
        "smart.realistic": "you believe you can reach it.",
        "smart.time-bound": "a deadline gives you something to work towards.",
        "objective-segments.ask": "Which segments is it for?",
        "objective-segments.why": "S, Specific: an objective says whom it is for. Your segments:",
        "target-metric.ask": "What will you count?",
        "target-metric.why": (
            "M, Measurable: a target is a number on one platform: followers, reach, "
            "engagement-rate, leads, visits… Leave it empty to add targets later "
            "(ctrl+n on the Objectives screen)."
        ),
        "target-platform.ask": "On which platform?",
        "target-platform.why": "Pick a platform where the objective's audience is.",
        "target-platform.where": "Its segments are on: {platforms}.",
        "target-platform.nowhere": "Its segments have no platforms yet.",
        "target-baseline.ask": "Where do you stand today?",
        "target-baseline.why": (
            "The baseline is today's figure. Without it progress cannot be measured (M), "
            "nor the growth the target needs judged (R, Realistic)."
        ),
        "target-target.ask": "What number will you reach?",
        "target-target.why": (
            "R, Realistic: you should believe you can reach it. Growth above {percent} % a "
            "month, or more followers than there are people in the segments, is flagged."
        ),
        "objective-deadline.ask": "By when? (YYYY-MM-DD)",
        "objective-deadline.why": (
            "T, Time-bound: set a deadline, so that you have something to work towards."
        ),
        "objective-owner.ask": "Who answers for it?",
        "objective-owner.why": (
            "A, Attractive: an objective someone owns is one someone works for. Name a person."
        ),
        "objective-why.ask": "Why is it worth doing?",
        "objective-why.why": (
            "A, Attractive: make objectives that motivate everyone: say what reaching it brings."
        ),
        "objective-another.ask": "Add another objective?",
        "objective-another.why": "This objective so far:",
        "objective-another.no": "No, on to Strategy",
        "objective-another.yes": "Yes, another objective",
        "objective-primary.ask": "Which objective leads?",
        "objective-primary.why": (
            "Groundswell's advice: pick one. The objective that leads is the one the others "
            "give way to when time and money run short; more than three objectives with none "
            "leading is pointed out (objectives/no-focus)."
        ),
        "objective-primary.choice": "'{id}' leads; no other objective does.",
        "objective-primary.none": "None yet",
        "objective-primary.none-why": (
            "Leave it open for now: you can mark the one that leads later on the Objectives "
            "screen (f3)."
        ),
        # Strategy
        "strategy-relationship.ask": (
            "How should the relationship with your audience change? From what, to what?"
        ),
        "strategy-relationship.why": (
            "Strategy is first of all about what you will use social media for, and how. "
            "Plan how the relationship with the customers should change, e.g. 'From an "
            "anonymous café to the students' regular meeting place'."
        ),
        "initiative-description.ask": "What is a first thing you will do to get there?",
        "initiative-description.why": (
            "An initiative serves one or more objectives, e.g. 'Weekly Reels with the staff'. "
            "Posts with action and a personal touch, in video or pictures, create engagement. "
            "Leave it empty to add initiatives later (f4)."
        ),
        "initiative-objectives.ask": "Which objectives does it serve?",
        "initiative-objectives.why": (
            "An objective that no initiative serves has no strategy yet. Your objectives:"
        ),
        # Technology
        "technology-platforms.ask": "Which platforms will the plan use?",
        "technology-platforms.why": (
            "From the other steps you find the platforms the business should be on, and those "
            "it can drop: there is no gain in being on a platform where the audience is not. "
            "Where your segments are:"
        ),
        "platforms.nowhere": "no segment has platforms yet",
    },
    nb={
        "title": "Veiledet start",
        "keys": (
            "enter neste · shift+tab tilbake · esc avslutt veiledningen (svarene blir i planen)"
        ),
        "progress": "spørsmål {n} av {total}",
        "item.segment": "segment {number}",
        "item.objective": "mål {number}",
        "item.initiative": "tiltak {number}",
        "skip": "Trykk enter uten å skrive noe for å hoppe over spørsmålet.",
        "required": "Dette trenger et svar; esc avslutter veiledningen.",
        "choose": "↑ ↓ velg, enter godtar.",
        "list": "Flere? Skill dem med komma; → fullfører et ord.",
        "not-sure": "Vet ikke ennå",
        "not-sure.why": "La det stå åpent foreløpig: du kan sette det senere i redigeringen.",
        "left": (
            "Veiledningen er avsluttet: svarene dine er i planen. ctrl+g starter den igjen, "
            "ctrl+s lagrer."
        ),
        "done.findings": (
            "Det er en første plan. {count} funn gjenstår å se på: det første vises her. "
            "ctrl+s lagrer planen."
        ),
        "done.clean": (
            "Det er en første plan, og den har ingen funn. ctrl+s lagrer den; f2 til f5 viser "
            "hvert steg."
        ),
        "command": "Plan: veiledet start",
        "command-help": "People, Objectives, Strategy, Technology, ett spørsmål om gangen (ctrl+g)",
        "key.back": "Tilbake",
        "key.leave": "Avslutt veiledningen",
        "live.specific": "Setningen er spesifikk nok.",
        "live.later": (
            "De neste spørsmålene legger til målverdien (M), eier og hvorfor (A) og fristen (T)."
        ),
        # People
        "segment-name.ask": "Gi et navn til en gruppe du vil nå.",
        "segment-name.why": (
            "POST starter med folk, ikke plattformer: mange bedrifter hopper ut i flere "
            "plattformer uten bestemte mål, og uten å vite om kundene deres befinner seg der. "
            "Gi ett segment et navn, f.eks. «Studenter i Trondheim»; flere kan komme etterpå."
        ),
        "segment-description.ask": "Hvem er de, og hva trenger de fra dere?",
        "segment-description.why": (
            "Hvem har behov for tjenestene eller produktene deres? En setning om hvem de er, "
            "gjør at alle som leser planen, sikter mot de samme menneskene."
        ),
        "segment-size.ask": "Omtrent hvor mange er de?",
        "segment-size.why": (
            "Et anslag holder. Det holder målene realistiske: et mål om flere følgere enn det "
            "er folk i segmentene, blir flagget (R, Realistisk)."
        ),
        "segment-platforms.ask": "Hvor befinner de seg: hvilke plattformer bruker de?",
        "segment-platforms.why": (
            "Teknologien velges til slutt, herfra: plattformene der segmentene dine er. "
            "Det er ingen gevinst å være på en plattform der målgruppen ikke er. "
            "Skriv plattform-id-er, f.eks. instagram, tiktok."
        ),
        "segment-linkage.ask": "Hvilken tilknytning har de til bedriften?",
        "segment-linkage.why": (
            "Et interessentkart sorterer folk etter tilknytningen til organisasjonen: "
            "muliggjørende (tilretteleggende), funksjonelle (input eller output), normative og "
            "diffuse tilknytninger. Sammen gir de full oversikt over hvem bedriften bør bruke "
            "sosiale medier mot."
        ),
        "segment-involvement.ask": "Hvor aktive er de? Starte med de norske gjennomsnittene?",
        "segment-involvement.why": (
            "Når målgruppen er kartlagt, er det viktig å måle aktivitetsnivået. Brandtzægs fem "
            "brukertyper, med andelene blant norske brukere:"
        ),
        "segment-involvement.more": (
            "Mål om å engasjere, støtte og omfavne trenger diskusjonsbrukere og avanserte "
            "brukere. Juster andelene på People-skjermen (f2)."
        ),
        "involvement.line": "{name} {share} %: {what}",
        "involvement.socializers": "holder mest kontakt med venner og familie",
        "involvement.lurkers": "ser på hva andre gjør, og deltar sjelden selv",
        "involvement.sporadics": "er innom nå og da",
        "involvement.debaters": "diskuterer og kommenterer",
        "involvement.advanced": "gjør alt: diskuterer, deler og lager innhold",
        "averages.yes": "Ja: 34/29/23/9/5, juster senere",
        "averages.no": "Nei, ikke nå",
        "segment-another.ask": "Legge til et segment til?",
        "segment-another.why": (
            "De fleste bedrifter har mer enn én målgruppe: de som kjøper, men også de som "
            "leverer, muliggjør eller snakker om bedriften. Du kan legge til flere senere på "
            "People-skjermen (f2)."
        ),
        "segment-another.no": "Nei, videre til Objectives",
        "segment-another.yes": "Ja, ett segment til",
        # Objectives
        "plan-period-start.ask": "Hvilken periode gjelder planen? Fra (ÅÅÅÅ-MM-DD)",
        "plan-period-start.why": (
            "Spørres én gang, for hele planen. Et mål uten egen frist skal være nådd når "
            "perioden slutter, og et mål som starter før perioden eller har frist etter den, "
            "blir påpekt (time-bound/outside-period). La det stå tomt hvis planen ikke har en "
            "fast periode; f6 setter den senere."
        ),
        "plan-period-end.ask": "Hvilken periode gjelder planen? Til (ÅÅÅÅ-MM-DD)",
        "plan-period-end.why": (
            "T, Tidsbestemt: et mål uten egen frist skal være nådd når perioden slutter; en "
            "frist etter periodens slutt blir påpekt (time-bound/outside-period). La det stå "
            "tomt for å sette det senere (f6)."
        ),
        "plan-period.order": "Perioden slutter før den begynner: {start} til {end}.",
        "objective-kind.ask": "Hva ønsker du å oppnå med sosiale medier?",
        "objective-kind.why": (
            "Groundswell beskriver fem mål, som hvert svarer til en forretningsfunksjon. "
            "Velg det dette målet handler om:"
        ),
        "objective-statement.ask": "Skriv målet i én setning.",
        "objective-statement.why": (
            "Mål er bedriftens viktigste styringsverktøy, så det er viktig at hvert mål er "
            "klart. Et godt mål er SMART:"
        ),
        "objective-statement.more": (
            "Si hvem, hva og hvor mye, f.eks. «2\u00a0000 Instagram-følgere blant studenter "
            "innen 30.\u00a0juni 2027»."
        ),
        "smart.specific": "målet er tydelig.",
        "smart.measurable": "målet kan måles, i tid, mengde og så videre.",
        "smart.attractive": "målet er motiverende for alle.",
        "smart.realistic": "dere har troen på at dere når det.",
        "smart.time-bound": "en frist gir dere noe å jobbe mot.",
        "objective-segments.ask": "Hvilke segmenter er målet for?",
        "objective-segments.why": "S, Spesifikt: et mål sier hvem det er for. Segmentene dine:",
        "target-metric.ask": "Hva skal dere telle?",
        "target-metric.why": (
            "M, Målbart: en målverdi er et tall på én plattform: followers (følgere), reach "
            "(rekkevidde), engagement-rate, leads, visits… La det stå tomt for å legge til "
            "målverdier senere (ctrl+n på Objectives-skjermen)."
        ),
        "target-platform.ask": "På hvilken plattform?",
        "target-platform.why": "Velg en plattform der målgruppen for målet er.",
        "target-platform.where": "Segmentene er på: {platforms}.",
        "target-platform.nowhere": "Segmentene har ingen plattformer ennå.",
        "target-baseline.ask": "Hvor står dere i dag?",
        "target-baseline.why": (
            "Utgangspunktet er tallet i dag. Uten det kan framgangen ikke måles (M), og "
            "veksten målverdien krever, kan ikke vurderes (R, Realistisk)."
        ),
        "target-target.ask": "Hvilket tall skal dere nå?",
        "target-target.why": (
            "R, Realistisk: dere må ha troen på at dere når det. Vekst over {percent} % i "
            "måneden, eller flere følgere enn det er folk i segmentene, blir flagget."
        ),
        "objective-deadline.ask": "Innen når? (ÅÅÅÅ-MM-DD)",
        "objective-deadline.why": (
            "T, Tidsbestemt: sett en frist, slik at dere har noe å jobbe mot."
        ),
        "objective-owner.ask": "Hvem har ansvaret for målet?",
        "objective-owner.why": (
            "A, Attraktivt: et mål noen eier, er et mål noen jobber for. Skriv navnet på en person."
        ),
        "objective-why.ask": "Hvorfor er det verdt å gjøre?",
        "objective-why.why": (
            "A, Attraktivt: lag mål som er motiverende for alle: si hva det gir å nå målet."
        ),
        "objective-another.ask": "Legge til et mål til?",
        "objective-another.why": "Dette målet så langt:",
        "objective-another.no": "Nei, videre til Strategy",
        "objective-another.yes": "Ja, ett mål til",
        "objective-primary.ask": "Hvilket mål skal lede?",
        "objective-primary.why": (
            "Groundswell råder: velg ett. Målet som leder, er det de andre viker for når tid "
            "og penger ikke strekker til; mer enn tre mål uten et som leder, blir påpekt "
            "(objectives/no-focus)."
        ),
        "objective-primary.choice": "«{id}» leder; ingen andre mål gjør det.",
        "objective-primary.none": "Ingen ennå",
        "objective-primary.none-why": (
            "La det stå åpent foreløpig: du kan merke målet som leder senere på "
            "Objectives-skjermen (f3)."
        ),
        # Strategy
        "strategy-relationship.ask": (
            "Hvordan skal forholdet til målgruppen endre seg? Fra hva, til hva?"
        ),
        "strategy-relationship.why": (
            "Strategi handler først og fremst om hva du skal bruke sosiale medier til, og "
            "hvordan. Planlegg hvordan forholdet til kundene skal endre seg, f.eks. «Fra anonym "
            "kafé til studentenes faste møteplass»."
        ),
        "initiative-description.ask": "Hva er det første dere skal gjøre for å komme dit?",
        "initiative-description.why": (
            "Et tiltak tjener ett eller flere mål, f.eks. «Ukentlige Reels med de ansatte». "
            "Innlegg med mye action og personliggjøring, i video eller bilder, skaper "
            "engasjement. La det stå tomt for å legge til tiltak senere (f4)."
        ),
        "initiative-objectives.ask": "Hvilke mål tjener tiltaket?",
        "initiative-objectives.why": (
            "Et mål som ingen tiltak tjener, har ingen strategi ennå. Målene dine:"
        ),
        # Technology
        "technology-platforms.ask": "Hvilke plattformer skal planen bruke?",
        "technology-platforms.why": (
            "Ut fra de andre punktene finner du plattformene bedriften bør være på, og dem den "
            "kan droppe: det er ingen gevinst å være på en plattform der målgruppen ikke er. "
            "Der segmentene dine er:"
        ),
        "platforms.nowhere": "ingen segmenter har plattformer ennå",
    },
)
