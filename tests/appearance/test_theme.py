"""A municipality's theme by settings (name, logo, colours) over the NL Design System tokens."""
import pytest
from django.core.checks import run_checks

from tandem.appearance.theme import Theme, contrast, css, problems, theme_from

pytestmark = pytest.mark.django_db


def test_contrast_follows_wcag():
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast("#1d4f91", "#ffffff"), 1) == 8.1
    assert contrast("#777777", "#ffffff") < 4.5 < contrast("#767676", "#ffffff")  # the well-known AA border


def test_tandems_own_colours_pass():
    assert problems(Theme()) == []


@pytest.mark.parametrize(("theme", "says"), [
    (Theme(primary="#ffcc00"), "contrast"),
    (Theme(primary_dark="red"), "#1d4f91"),
    (Theme(logo="https://elders.example/logo.png"), "statische bestanden"),
    (Theme(logo="../../etc/passwd"), "statische bestanden"),
])
def test_a_bad_setting_is_refused_in_dutch(theme, says):
    assert any(says in text for text in problems(theme))


def test_the_system_check_refuses_a_colour_that_fails_aa(settings):
    settings.TANDEM_THEME_PRIMARY = "#66aaff"
    errors = [e for e in run_checks() if e.id == "tandem.E201"]
    assert errors and "TANDEM_THEME_PRIMARY" in errors[0].msg


def test_css_sets_the_tokens_and_never_an_unchecked_value():
    out = css(Theme(name="Hilversum", primary="#00594f", primary_dark="#003d36"))
    assert "--basis-color-action-1-inverse-bg-default: #00594f;" in out and "--primary-dark: #003d36;" in out
    assert "#00594f" not in css(Theme(primary="#00594f; } body { display:none"))  # invalid: the defaults instead


def test_the_theme_stylesheet_and_the_header(client, settings, actors):
    settings.TANDEM_THEME_NAME, settings.TANDEM_THEME_PRIMARY = "Hilversum", "#00594f"
    settings.TANDEM_THEME_LOGO = "themes/voorbeeld-logo.svg"
    response = client.get("/thema.css")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/css")
    assert "--primary: #00594f;" in response.content.decode()
    html = client.get("/inloggen/").content.decode()
    assert "<title>Inloggen – Tandem Hilversum</title>" in html
    assert 'class="site-name__municipality">Hilversum</span>' in html and 'src="/static/themes/voorbeeld-logo.svg"' in html
    assert theme_from(settings).site_name == "Tandem Hilversum"


def test_every_page_loads_the_vendored_nl_design_system(client, actors):
    client.force_login(actors["consulent"])
    html = client.get("/werk/").content.decode()
    for sheet in ("nlds/voorbeeld-design-tokens.css", "nlds/utrecht-component-library.css", "look.css", "/thema.css"):
        assert sheet in html
    assert 'class="voorbeeld-theme tandem-theme utrecht-body"' in html
    assert "utrecht-button utrecht-button--secondary-action" in html  # sign out: an NL Design System button
