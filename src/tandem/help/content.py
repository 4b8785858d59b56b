"""The help pages' text, one per role, in plain Dutch (B1: short sentences, everyday words, 'u').

Every page has the same four parts: what Tandem does for you, the tandem, the guardrails and why, and where to
get help. The tandem and the guardrails that hold for everyone are written once (TANDEM, SHARED_GUARDRAILS).
"""
TANDEM = [
    "Een gezin heeft één vaste contactpersoon: de consulent van het lokale team. Die zit voorop op de tandem.",
    "Is er meer kennis nodig, dan stapt een partner achterop. Bijvoorbeeld Veilig Thuis, de Raad voor de "
    "Kinderbescherming of een gecertificeerde instelling. Later stapt die partner weer af.",
    "Vraagt de veiligheid om een melding of een maatregel? Dan gaat de partner voorop zitten. De consulent blijft "
    "achterop. Niemand draagt het gezin over. Wordt het rustiger, dan wisselen ze weer terug.",
    "Elke partner doet mee in een vorm. U ziet de vorm in de tandem-plaat: als kleur en als tekst. "
    "Groen is met toestemming van het gezin. Oranje is met gebruik van wettelijke bevoegdheden, zoals een melding. "
    "Rood is in het kader van een maatregel. Advies is meedenken met het lokale team.",
]

SHARED_GUARDRAILS = [
    ("U ziet alleen wat u nodig heeft voor uw werk.",
     "Het gaat om gevoelige gegevens van gezinnen. Daarom ziet u alleen gezinnen waarbij u betrokken bent, en "
     "alleen de delen die bij uw rol horen."),
    ("Alles wat u leest of verandert, wordt vastgelegd.",
     "Zo kan het gezin later zien wie wat heeft bekeken. Dat staat in de wet (AVG)."),
    ("Het gezin kan zijn eigen dossier lezen.",
     "Het gaat over hun leven, en de wet geeft hun dat recht. Schrijf dus zo dat het gezin het begrijpt. Houd "
     "feiten en uw mening apart."),
]

ROLES = {
    "consulent": {
        "title": "Consulent (regiehouder)",
        "does": [
            "U ziet uw gezinnen onder Mijn gezinnen. U kunt zoeken op naam of kenmerk, en filteren.",
            "Onder Mijn werk staat wat u moet doen: afspraken die te laat zijn, een maatregel die bijna afloopt, "
            "een ingetrokken toestemming, vragen van het gezin.",
            "U meldt een gezin aan, maakt het veiligheidsplan met het gezin en schrijft in het journaal.",
            "U vraagt een partner om aan te sluiten. Die organisatie zegt ja of nee.",
        ],
        "guardrails": [
            ("Een partner sluit pas aan als zijn organisatie ja zegt.",
             "Zo weet de organisatie wie er bij welk gezin betrokken is. U blijft zelf altijd voorop of achterop."),
            ("Voor de groene vorm is toestemming van het gezin nodig.",
             "Zonder toestemming mag een partner niet actief met het gezin werken. Trekt het gezin de toestemming "
             "in, dan ziet u dat op Mijn werk."),
            ("Een partner neemt de regie alleen over als er een melding of maatregel is.",
             "De tandem draait om één vaste contactpersoon. Alleen als de veiligheid het vraagt, gaat een partner "
             "voorop. U blijft dan in het team."),
            ("Afsluiten vraagt een eindevaluatie en een uitstroomtriage.",
             "Loopt er nog een maatregel, of heeft een partner de regie met wettelijke bevoegdheden? Dan schrijft u "
             "op waarom u toch afsluit. Zo sluit niemand een gezin af terwijl de bescherming nog loopt."),
        ],
    },
    "gedragswetenschapper": {
        "title": "Gedragswetenschapper",
        "does": [
            "U doet mee aan de triage en bekijkt de verklarende analyse.",
            "U kunt tegenspraak geven op een analyse. Het team schrijft daar een reactie op.",
        ],
        "guardrails": [
            ("Uw tegenspraak blijft zichtbaar, ook als het team het er niet mee eens is.",
             "Zo kan iedereen later zien welke vragen er zijn gesteld."),
        ],
    },
    "beschermpartner": {
        "title": "Medewerker van een beschermpartner",
        "does": [
            "U ziet alleen de gezinnen waarbij u bent gevraagd en waar u ja op heeft gezegd.",
            "Onder Mijn werk ziet u verzoeken om aan te sluiten. U zegt ja (en wie er aansluit) of nee, met een reden.",
            "U werkt mee aan hetzelfde veiligheidsplan als het lokale team.",
        ],
        "guardrails": [
            ("Wat u mag zien, hangt af van hoe u meedoet.",
             "Geeft u anoniem advies, dan ziet u geen namen. Zo deelt het gezin niet meer dan nodig is."),
            ("Als u stopt, ziet u het gezin niet meer.",
             "U heeft de gegevens dan niet meer nodig voor uw werk."),
        ],
    },
    "ervaringsdeskundige": {
        "title": "Ervaringsdeskundige",
        "does": [
            "U ziet alleen wat het gezin u heeft toegestaan.",
            "U legt vast hoe vaak u contact had. Wat er is gezegd, schrijft u niet op.",
        ],
        "guardrails": [
            ("Alleen het aantal contacten telt, niet de inhoud.",
             "Het gezin moet u in vertrouwen kunnen spreken."),
        ],
    },
    "teamleider": {
        "title": "Teamleider",
        "does": [
            "U beantwoordt verzoeken om aan te sluiten voor uw organisatie en kiest wie er aansluit.",
            "U ziet de gezinnen van uw team zoals uw rol dat toestaat.",
        ],
        "guardrails": [
            ("U wijst een collega aan, u stapt niet zelf het dossier in.",
             "Zo blijft het aantal mensen dat het dossier leest zo klein mogelijk."),
        ],
    },
    "coordinator": {
        "title": "Coördinator toekomsttuinen",
        "does": [
            "U vult de kwartaalmonitor, controleert de cijfers en keurt een kwartaal goed.",
            "U ziet cijfers per toekomsttuin en voor de hele regio, naast elkaar.",
        ],
        "guardrails": [
            ("U ziet geen namen en geen dossiers.",
             "Voor de monitor zijn alleen aantallen nodig. Kleine aantallen worden afgeschermd als de cijfers "
             "buiten de regio komen."),
            ("Een goedgekeurd kwartaal staat vast.",
             "Zo blijven de cijfers die u heeft doorgegeven gelijk. Wat later nog binnenkomt, ziet u als verschil."),
        ],
    },
    "projectleider": {
        "title": "Projectleider",
        "does": [
            "U volgt het leerprogramma, maakt de voortgangsrapportage en houdt de begroting bij.",
            "U leest de kwartaalmonitor van uw regio.",
        ],
        "guardrails": [
            ("U ziet geen namen en geen dossiers.",
             "Voor uw werk zijn cijfers genoeg. Zo blijven de gegevens van gezinnen bij wie ze nodig heeft."),
        ],
    },
    "beleid": {
        "title": "Beleidsmedewerker",
        "does": ["U leest de monitor, de voortgangsrapportage en de begroting van uw regio."],
        "guardrails": [
            ("U kunt lezen, niet veranderen, en u ziet geen dossiers.",
             "U gebruikt de cijfers voor beleid. Daarvoor zijn geen namen nodig."),
        ],
    },
    "beheerder": {
        "title": "Beheerder",
        "does": [
            "U beheert organisaties, toekomsttuinen en mensen van uw regio onder Beheer.",
            "U nodigt iemand uit per e-mail. Die kiest zelf een wachtwoord en zet de code-app klaar.",
            "Een persoon kan meer rollen hebben. Hij werkt steeds in één rol, en wisselt zelf.",
            "U stelt in wie de kwartaalmonitor invult en wie hem goedkeurt.",
        ],
        "guardrails": [
            ("U ziet geen dossiers.",
             "Beheer gaat over wie er mag werken, niet over de gezinnen zelf."),
            ("Iedere medewerker logt in met een tweede stap (een code).",
             "Een wachtwoord alleen is niet veilig genoeg voor deze gegevens."),
            ("Is iemand zijn telefoon kwijt? Dan bevestigt een tweede persoon het herstel.",
             "Zo kan niemand in zijn eentje de tweede stap van een ander uitzetten."),
            ("U zet een account uit, u verwijdert het niet.",
             "Dan blijft in het logboek te zien wie wat heeft gedaan."),
        ],
    },
    "poolcoordinator": {
        "title": "Poolcoördinator ervaringsdeskundigen",
        "does": [
            "U houdt de pool bij: wie er meedoet, met welk profiel, in welke toekomsttuin, en of iemand tijd heeft.",
            "Vraagt een consulent om een ervaringsdeskundige? Dan ziet u wie past. U stelt iemand voor.",
            "U ziet hoeveel contacten er waren, per ervaringsdeskundige en per kwartaal.",
        ],
        "guardrails": [
            ("U ziet geen namen van gezinnen en geen dossiers.",
             "Voor het indelen van de pool is dat niet nodig. Het gezin beslist zelf wie meekijkt."),
            ("Een ervaringsdeskundige komt pas in het team als het gezin toestemming geeft.",
             "Het gaat om het leven van het gezin. Zij kiezen wie erbij komt."),
            ("Van een contact telt Tandem alleen het soort, het aantal en de duur.",
             "Wat er besproken is, blijft tussen het gezin en de ervaringsdeskundige."),
        ],
    },
    "landelijk": {
        "title": "Landelijk programmateam",
        "does": [
            "U ziet de pilotregio's met hun thema's, en hun cijfers per kwartaal naast elkaar.",
            "U zoekt in de lessen van alle regio's, op thema en op regio.",
            "U leest de goedgekeurde kwartalen in die de regio's u sturen.",
        ],
        "guardrails": [
            ("U ziet geen namen en geen dossiers. Kleine aantallen blijven geheim.",
             "Uit een klein aantal kunt u soms afleiden om welk gezin het gaat. Daarom toont Tandem die niet."),
            ("Tandem leest alleen een bestand in dat de regio zelf heeft ondertekend.",
             "Zo weet u zeker dat de cijfers van die regio komen en dat niemand ze heeft veranderd."),
        ],
    },
}
