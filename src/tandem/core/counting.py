"""Dutch counts: '1 netwerkberaad', '2 netwerkberaden', '0 gezinnen' (Dutch plurals are irregular, so both
forms are written out by the caller)."""


def counted(number: int, singular: str, plural: str) -> str:
    return f"{number} {singular if number == 1 else plural}"
