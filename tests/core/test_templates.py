"""Every template, checked as text: Django's {# #} comments end on the same line (a comment spread over two
lines is printed on the page as it is)."""
from pathlib import Path

import tandem

TEMPLATES = Path(tandem.__file__).parent / "templates"


def test_no_comment_spans_two_lines():
    wrong = [f"{path.relative_to(TEMPLATES)}:{number}" for path in TEMPLATES.rglob("*.html")
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if line.count("{#") > line.count("#}")]
    assert not wrong, "Gebruik {% comment %} voor opmerkingen over meer regels: " + ", ".join(wrong)
