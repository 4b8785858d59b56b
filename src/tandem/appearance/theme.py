"""The municipality's theme: name, logo and colours from settings, laid over the NL Design System tokens.

Pure: `theme_from(settings)` reads the values, `problems` says in Dutch what is wrong with them (the system check
refuses to start with a colour that fails WCAG 2.1 AA against white), `css` writes the custom properties.
Colours are only ever written from a validated #rrggbb value, so nothing else reaches the stylesheet.
"""
import re
from dataclasses import dataclass

HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
# Tandem's own blue: white text on it is 8.1:1, on the dark one more.
DEFAULT_PRIMARY, DEFAULT_PRIMARY_DARK = "#1d4f91", "#123566"
MIN_CONTRAST = 4.5  # WCAG 2.1 AA, 1.4.3: normal text (white on the colour, and the colour as link text on white)


@dataclass(frozen=True)
class Theme:
    name: str = ""
    logo: str = ""  # a path under the static files, e.g. "gemeente/logo.svg"
    primary: str = DEFAULT_PRIMARY
    primary_dark: str = DEFAULT_PRIMARY_DARK

    @property
    def site_name(self) -> str:
        return f"Tandem {self.name}" if self.name else "Tandem"


def theme_from(settings) -> Theme:
    return Theme(name=getattr(settings, "TANDEM_THEME_NAME", "") or "",
                 logo=getattr(settings, "TANDEM_THEME_LOGO", "") or "",
                 primary=getattr(settings, "TANDEM_THEME_PRIMARY", "") or DEFAULT_PRIMARY,
                 primary_dark=getattr(settings, "TANDEM_THEME_PRIMARY_DARK", "") or DEFAULT_PRIMARY_DARK)


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(first: str, second: str) -> float:
    """The WCAG 2.1 contrast ratio of two #rrggbb colours (1 to 21)."""
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def problems(theme: Theme) -> list[str]:
    found = []
    for setting, colour in (("TANDEM_THEME_PRIMARY", theme.primary), ("TANDEM_THEME_PRIMARY_DARK", theme.primary_dark)):
        if not HEX.match(colour):
            found.append(f"{setting} moet een kleur zijn als #1d4f91 (zes tekens na het hekje), niet {colour!r}.")
        elif contrast(colour, "#ffffff") < MIN_CONTRAST:
            found.append(f"{setting} {colour} heeft met wit een contrast van {contrast(colour, '#ffffff'):.1f}:1; "
                         f"WCAG 2.1 AA vraagt minstens {MIN_CONTRAST}:1. Kies een donkerder kleur.")
    if theme.logo and (theme.logo.startswith(("/", "http:", "https:", "//")) or ".." in theme.logo):
        found.append("TANDEM_THEME_LOGO is een pad binnen de statische bestanden, zoals gemeente/logo.svg.")
    return found


def css(theme: Theme) -> str:
    """Custom properties for the NL Design System tokens (basis layer) and Tandem's own stylesheet."""
    if problems(theme):
        theme = Theme()
    p, d = theme.primary, theme.primary_dark
    pairs = {
        "--primary": p, "--primary-dark": d,
        "--basis-color-action-1-inverse-bg-default": p, "--basis-color-action-1-inverse-bg-hover": d,
        "--basis-color-action-1-inverse-bg-active": d, "--basis-color-accent-1-inverse-bg-default": p,
        "--basis-color-accent-1-inverse-bg-hover": d, "--basis-color-accent-1-inverse-bg-active": d,
        "--basis-color-action-1-color-default": p, "--basis-color-action-1-color-hover": d,
        "--basis-color-action-1-border-default": p,
        "--basis-color-action-2-color-default": p, "--basis-color-action-2-color-hover": d,
        "--basis-color-action-2-color-active": d, "--tandem-header-bg": d,
    }
    body = "\n".join(f"  {name}: {value};" for name, value in pairs.items())
    return f"/* Thema: {theme.site_name} (instellingen TANDEM_THEME_*) */\n.tandem-theme {{\n{body}\n}}\n"
