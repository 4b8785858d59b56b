"""Invented Dutch names for the demo households. Any resemblance to real people is coincidental."""

GIRLS = ["Emma", "Julia", "Mila", "Tess", "Sophie", "Zoë", "Sara", "Nora", "Yara", "Lina", "Fenna", "Noor",
         "Saar", "Evi", "Liv", "Amira", "Hiba", "Roos", "Isa", "Lotte"]
BOYS = ["Noah", "Daan", "Sem", "Lucas", "Finn", "Levi", "Milan", "Bram", "Adam", "Mees", "Luuk", "Ayoub",
        "Jesse", "Thijs", "Gijs", "Mohammed", "Ravi", "Stijn", "Ruben", "Teun"]
WOMEN = ["Marloes", "Kim", "Samira", "Linda", "Esther", "Priya", "Anouk", "Fatma", "Monique", "Sabine", "Nicole",
         "Jolanda", "Hanneke", "Ilse", "Yasmina", "Wilma"]
MEN = ["Erik", "Mark", "Youssef", "Dennis", "Martijn", "Hakan", "Ronald", "Patrick", "Jeroen", "Bas", "Kevin",
       "Sander", "Ferdi", "Gerrit", "Omar", "Wim"]
# (prefix, family name)
SURNAMES = [("", "Verhoeven"), ("de", "Boer"), ("van", "Leeuwen"), ("", "Kramer"), ("van der", "Linden"),
            ("", "Postma"), ("el", "Hamdaoui"), ("", "Öztürk"), ("de", "Wit"), ("", "Scholten"), ("van", "Wijk"),
            ("", "Bosman"), ("", "Kuiper"), ("ter", "Horst"), ("", "Sahin"), ("", "Veenstra"), ("van den", "Berg"),
            ("", "Pranoto"), ("", "Huisman"), ("de", "Ruiter"), ("", "Koning"), ("", "Baldewsingh"),
            ("van", "Beek"), ("", "Wolters")]
