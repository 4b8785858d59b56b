"""Invented texts for the demo safety plans: unsafe situations (TOP3), meetings, scores and analyses.

Plain Dutch (B1). The family's words and the professionals' words stand side by side. Placeholders: {mother},
{father}, {carer} (the parent an agreement is about), {child}, {network} (someone from the family's own
network), {lead} (the consulent) and {partner} (the partner worker on the team, or the consulent).
"""

# Each theme: key, what the family needs for it (see plans._fits), the family's words, the professionals' words,
# safety conditions, and agreements as (who, what, what happens if it is not kept).
THEMES = [
    {"key": "alcohol", "needs": "father",
     "family": "Als papa gedronken heeft, wordt er thuis geschreeuwd.",
     "professional": "Escalerende ruzies onder invloed van alcohol in bijzijn van de kinderen.",
     "conditions": ["{father} drinkt geen alcohol als de kinderen thuis zijn.",
                    "Als er toch ruzie komt, zijn de kinderen op een veilige plek."],
     "agreements": [("father", ("Drinkt geen alcohol als de kinderen thuis zijn. Als hij trek krijgt, belt hij "
                     "{network}."), "{mother} gaat met de kinderen naar {network} en belt dezelfde avond {lead}."),
                    ("lead", "Regelt een eerste gesprek bij de verslavingszorg voor {father}.",
                     "{lead} bespreekt in het team wat er dan nodig is."),
                    ("network", "Is op vrijdag- en zaterdagavond bereikbaar en komt langs als {mother} belt.",
                     "{mother} belt de wijkagent of 112 als het niet veilig is.")]},
    {"key": "quarrel", "needs": "father",
     "family": "Als we ruzie hebben, gaan we schreeuwen en gooit er iemand met spullen. {child} zit dan boven op "
               "de trap.",
     "professional": "Partnergeweld (schreeuwen, gooien met voorwerpen) waarvan {child} getuige is.",
     "conditions": ["Er wordt niet geschreeuwd of gegooid waar {child} bij is.",
                    "Als de ruzie oploopt, gaat één ouder de deur uit om af te koelen."],
     "agreements": [("father", ("Gaat een half uur wandelen zodra hij merkt dat hij boos wordt (signaalplan op de "
                     "koelkast)."), ("{mother} belt {network}; {lead} plant binnen een week een gesprek met beide "
                     "ouders.")),
                    ("mother", "Belt {network} als een ruzie niet stopt, en gaat met {child} naar boven.",
                     "{lead} bespreekt met {mother} wat haar tegenhield."),
                    ("lead", "Meldt beide ouders aan voor een training 'omgaan met boosheid'.",
                     "{partner} kijkt mee of een andere vorm van hulp beter past.")]},
    {"key": "threat", "needs": "father",
     "family": "{father} zegt dat ik de kinderen nooit meer zie als ik wegga. Ik durf dan niets meer te zeggen.",
     "professional": "Dwingende controle en dreigen door {father}; {mother} voelt zich niet vrij om te kiezen.",
     "conditions": ["{mother} heeft een eigen telefoon en een eigen bankrekening.",
                    "{mother} weet waar ze met de kinderen veilig terecht kan."],
     "agreements": [("mother", "Bewaart een tas met papieren en medicijnen bij {network}.",
                     "{lead} helpt de tas samen in te pakken bij het volgende huisbezoek."),
                    ("partner", "Spreekt {father} aan op het dreigen en verwijst hem naar hulp voor plegers.",
                     "Het team overweegt een melding bij Veilig Thuis of de politie.")]},
    {"key": "smack", "needs": "",
     "family": "Als {child} niet luistert en ik moe ben, ga ik te ver. Dan geef ik een tik.",
     "professional": "Fysiek straffen van {child} bij oplopende spanning in de opvoeding.",
     "conditions": ["{child} wordt niet geslagen, ook niet met een tik.",
                    "{carer} weet wat te doen als de boosheid opkomt."],
     "agreements": [("carer", "Loopt naar de keuken en telt tot tien. Lukt dat niet, dan belt {carer} {network}.",
                     "{lead} komt binnen twee dagen langs om te bespreken wat er gebeurde."),
                    ("lead", "Regelt opvoedondersteuning thuis, één keer per week.",
                     "{lead} zoekt samen met het gezin een andere hulpverlener."),
                    ("network", "Neemt {child} op woensdagmiddag mee, zodat {carer} even rust heeft.",
                     "{carer} vraagt iemand anders uit het netwerk.")]},
    {"key": "debts", "needs": "",
     "family": "Als er brieven over schulden komen, raak ik in paniek en schreeuw ik tegen iedereen.",
     "professional": "Financiële stress door schulden leidt tot boosheid en onrust in huis.",
     "conditions": ["Er is iemand die meekijkt naar de post en de rekeningen.",
                    "De kinderen merken zo min mogelijk van de geldzorgen."],
     "agreements": [("carer", "Opent de post niet meer alleen, maar op maandag samen met {network}.",
                     "{lead} kijkt bij het volgende huisbezoek samen naar de stapel post."),
                    ("lead", "Meldt het gezin aan bij de schuldhulpverlening van de gemeente.",
                     "{lead} belt de schuldhulpverlening zelf en vraagt om voorrang.")]},
    {"key": "school", "needs": "schoolchild",
     "family": "'s Ochtends komt niemand uit bed. Dan gaat {child} niet naar school.",
     "professional": "Regelmatig schoolverzuim van {child} door gebrek aan structuur in de ochtend.",
     "conditions": ["{child} is elke schooldag op tijd op school.",
                    "Er is elke ochtend een volwassene wakker om {child} te helpen."],
     "agreements": [("carer", "Zet twee wekkers en brengt {child} om kwart over acht naar school.",
                     "School belt {carer} om negen uur; {network} brengt {child} de volgende dag."),
                    ("network", "Belt op maandag, woensdag en vrijdag om half acht even op.",
                     "{carer} spreekt met {lead} af wie het overneemt."),
                    ("lead", "Spreekt elke twee weken met de leerkracht over de aanwezigheid van {child}.",
                     "De leerplichtambtenaar schuift aan bij het volgende overleg.")]},
    {"key": "alone", "needs": "young",
     "family": "Als ik avonddienst heb, is {child} soms alleen thuis.",
     "professional": "Jong kind regelmatig zonder toezicht van een volwassene in de avond.",
     "conditions": ["{child} is nooit alleen thuis.", "Er is een vaste oppas als {carer} moet werken."],
     "agreements": [("carer", "Geeft het werkrooster elke week door aan {network}.",
                     "{carer} neemt geen avonddienst aan zonder oppas."),
                    ("network", "Past op {child} op de avonden dat {carer} werkt.",
                     "{lead} zoekt met het gezin naar kinderopvang of een gastouder.")]},
    {"key": "low", "needs": "",
     "family": "Als ik somber ben, blijf ik in bed. Dan zorgt {child} voor zichzelf en voor mij.",
     "professional": "Onbehandelde sombere klachten van {carer}; {child} neemt zorgtaken over van een volwassene.",
     "conditions": ["{carer} krijgt hulp voor de sombere klachten.",
                    "{child} hoeft niet voor een volwassene te zorgen."],
     "agreements": [("carer", "Gaat naar de huisarts voor een verwijzing naar de GGZ.",
                     "{lead} gaat mee naar de huisarts."),
                    ("network", "Komt twee keer per week koken en kijkt hoe het met {child} gaat.",
                     "{carer} belt {lead} als het niet lukt."),
                    ("lead", ("Zoekt met {child} een plek om over thuis te praten, bijvoorbeeld bij het "
                     "schoolmaatschappelijk werk."), "{lead} praat zelf elke maand even met {child}.")]},
    {"key": "handover", "needs": "single",
     "family": "Bij het brengen en halen krijgen wij ruzie. {child} staat ertussen en moet kiezen.",
     "professional": "Conflict tussen ex-partners bij de overdracht; {child} raakt klem tussen de ouders.",
     "conditions": ["{child} is niet bij ruzies tussen de ouders.",
                    "Brengen en halen gaat zonder dat de ouders elkaar hoeven te spreken."],
     "agreements": [("mother", "Brengt {child} op vrijdag naar school; de vader van {child} haalt daar op.",
                     "{lead} bespreekt met beide ouders een andere plek voor de overdracht."),
                    ("ex", "Maakt afspraken alleen via het oudercontactschrift, niet via {child}.",
                     "{lead} nodigt beide ouders apart uit voor een gesprek."),
                    ("lead", "Regelt een gesprek bij een mediator voor beide ouders.",
                     "{partner} denkt mee over een verwijzing naar 'Kinderen uit de knel'.")]},
    {"key": "cannabis", "needs": "",
     "family": "Als ik geblowd heb, let ik niet goed op {child}.",
     "professional": "Cannabisgebruik van {carer} terwijl {carer} voor {child} zorgt; het toezicht schiet tekort.",
     "conditions": ["{carer} gebruikt niet als {child} thuis is.",
                    "Er is altijd een nuchtere volwassene bij {child}."],
     "agreements": [("carer", "Gebruikt niet in huis en niet als {child} er is.",
                     "{child} slaapt die nacht bij {network}; {lead} wordt de volgende dag gebeld."),
                    ("lead", "Regelt een gesprek bij de verslavingszorg voor {carer}.",
                     "{lead} bespreekt met {carer} wat de drempel is.")]},
    {"key": "runaway", "needs": "teen",
     "family": "{child} blijft 's nachts weg en neemt de telefoon niet op. We weten dan niet waar {child} is.",
     "professional": "{child} onttrekt zich 's nachts aan het toezicht van de ouders; risico op uitbuiting.",
     "conditions": ["{child} is om elf uur 's avonds thuis.", "De ouders weten altijd waar {child} is."],
     "agreements": [("child", "Stuurt om tien uur 's avonds een berichtje aan {carer}: waar en met wie.",
                     "{carer} belt {network} om mee te zoeken en belt {lead} de volgende ochtend."),
                    ("carer", "Belt de politie als {child} om middernacht niet thuis en niet bereikbaar is.",
                     "{lead} bespreekt de vermissing dezelfde week in het team."),
                    ("partner", "Praat elke week met {child} over vrienden en geld.",
                     "{lead} neemt dat gesprek over.")]},
]

NETWORK = ["oma Ria", "opa Gerrit", "tante Naima", "buurvrouw Els", "oom Hasan", "vriendin Joyce", "zus Mirjam",
           "buurman Kees", "oma Fatma", "nicht Sandra"]

NO_EXPERT_REASONS = [
    "Het beraad werd binnen twee dagen gepland vanwege de crisis; er was zo snel geen ervaringsdeskundige.",
    "Het gezin wilde dit keer geen ervaringsdeskundige erbij; we vragen het bij het volgende overleg opnieuw.",
    "De ervaringsdeskundigen van Samenkracht! waren op deze datum niet beschikbaar.",
    "{mother} wil eerst het team beter leren kennen voordat er nog iemand bij komt.",
]

DECISIONS = [
    ("Samen met het gezin is de top 3 van onveilige situaties vastgesteld. Iedereen weet wat er minimaal moet "
    "gebeuren en wie wat doet."),
    "Het gezin en het netwerk hebben de afspraken zelf bedacht. Het team vindt ze voldoende voor nu.",
    "De afspraken zijn bijgesteld: wat werkte blijft, wat niet lukte krijgt een nieuwe datum.",
    "Het plan is besproken met het gezin en het netwerk. De volgende evaluatie staat vast.",
]

MONITOR = [
    "{lead} (consulent) houdt de afspraken bij; {network} belt elke week even met {mother}.",
    "{network} en {lead} houden samen de afspraken in de gaten en bellen elkaar elke twee weken.",
    "{partner} houdt de afspraken bij en bespreekt ze in elk teamoverleg met {lead}.",
]

FAMILY_EXPLAIN = [
    "Het gaat echt beter dan vorig jaar. We praten meer met elkaar.",
    "Ik vind dat het wel meevalt. Iedereen heeft wel eens ruzie.",
    "Ik schrik nog steeds als de deur hard dichtgaat.",
    "We hebben goede afspraken gemaakt, maar het moet nog blijken.",
    "Ik voel me veiliger sinds {network} vaker langskomt.",
]

PROFESSIONAL_EXPLAIN = {
    "direct_safety": ["De afspraken zijn nieuw en nog niet getoetst. Er is nog te weinig zicht op de avonden.",
                      "Er is de afgelopen weken opnieuw een incident geweest.",
                      "Het gezin werkt mee, maar de risico's zijn nog groot."],
    "stable_safety": ["De afspraken worden grotendeels nagekomen. Het netwerk doet echt mee.",
                      "Er zijn geen nieuwe incidenten, maar de spanning is er nog wel.",
                      "Het gaat beter; we willen zien of het ook zo blijft als de hulp minder wordt."],
    "recovery": ["Het is al maanden veilig. Nu is er ruimte voor herstel en voor wat de kinderen hebben meegemaakt.",
                 "Het netwerk houdt het zelf vol. Wij kunnen een stap terug doen."],
}

NETWORK_EXPLAIN = ["Ik zie dat ze hun best doen, maar ik maak me nog wel zorgen.",
                   "Het is veel rustiger als ik langskom.", "Ik ben er als het nodig is."]

REFUSALS = [
    "{father} wil niet tekenen: hij is het niet eens met situatie 1, maar doet wel mee aan de afspraken.",
    "Het gezin wil eerst met een eigen vertrouwenspersoon naar het plan kijken.",
    ("{mother} tekent niet omdat ze bang is dat het plan bij de rechter komt. We hebben uitgelegd waar het plan "
    "voor is; ze denkt erover na."),
]

ANALYSES = [
    {"facts": "Twee meldingen bij Veilig Thuis over geschreeuw in de avond. {child} verzuimt vaker van school "
              "sinds de zomer. {carer} vertelt zelf over spanningen door geldzorgen.",
     "risk_factors": "Schulden, weinig steun uit de eigen familie, spanning tussen de ouders.",
     "protective_factors": "{carer} wil hulp en is eerlijk over wat er gebeurt. {network} is betrokken.",
     "patterns": "De spanning loopt op aan het eind van de maand, als het geld op is.",
     "hypotheses": "Als de geldzorgen minder worden, neemt de spanning thuis af.",
     "challenge": "Jullie leggen veel nadruk op de schulden. Wat weten we over hoe {child} de avonden beleeft? "
                  "Is er ook met {child} zelf gesproken?",
     "response": "Terecht punt. {lead} heeft met {child} gesproken; {child} noemt vooral het schreeuwen. We "
                 "hebben een hypothese toegevoegd over de ruzies los van het geld."},
    {"facts": "{carer} is bekend bij de GGZ met sombere klachten. {child} zorgt vaak voor het eten. School "
              "meldt dat {child} moe is.",
     "risk_factors": "Onbehandelde klachten van {carer}, weinig netwerk, {child} neemt zorgtaken over.",
     "protective_factors": "Er is een warme band tussen {carer} en {child}. {network} wil helpen.",
     "patterns": "Als {carer} zich slechter voelt, trekt {carer} zich terug en stopt de dagstructuur.",
     "hypotheses": "Met behandeling voor {carer} en steun in huis kan {child} weer kind zijn.",
     "challenge": "De analyse is vooral gebaseerd op wat {carer} zelf vertelt. Welke feiten hebben we van "
                  "anderen, zoals school of de huisarts?",
     "response": "We hebben met toestemming van {carer} de huisarts en school gesproken. Hun informatie staat "
                 "nu bij de feiten, los van onze mening."},
    {"facts": "De politie is twee keer geweest na ruzie. Er is gedronken. {child} was thuis.",
     "risk_factors": "Alcoholgebruik, eerdere incidenten, kinderen getuige van geweld.",
     "protective_factors": "Beide ouders willen het veilig maken. {network} biedt opvang.",
     "patterns": "De incidenten zijn in het weekend en 's avonds, na drankgebruik.",
     "hypotheses": "Zonder alcohol in de avond blijft het rustig; de ruzies gaan niet over één onderwerp.",
     "challenge": "Ik mis de kant van het gezin in de hypothesen. Hoe verklaren de ouders zelf wat er gebeurt? "
                  "En is de inschatting 'rustig zonder alcohol' getoetst?",
     "response": "We hebben de analyse met het gezin besproken. Hun eigen verklaring staat nu apart bij de "
                 "hypothesen. De toetsing volgt bij de evaluatie van het plan."},
]
