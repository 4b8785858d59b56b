"""End-to-end fixtures: a real headless Chromium (Debian's `chromium`) driven by Playwright, and axe-core.

The browser is the system's own; nothing is downloaded. Without chromium the e2e tests are skipped with a
reason, except in CI (CI=true), where they fail.
"""
import os
import shutil

import pytest

CHROMIUM = os.environ.get("TANDEM_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("chromium ontbreekt in CI")
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="nl-NL", timezone_id="Europe/Amsterdam")
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


class AxeChecker:
    """Runs axe-core with the WCAG 2.1 A/AA rules on a page and remembers every page it checked."""

    def __init__(self):
        from axe_playwright_python.sync_playwright import Axe

        self.axe = Axe()
        self.checked: list[str] = []

    def check(self, page) -> None:
        options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
        results = self.axe.run(page, options=options)
        violations = results.response["violations"]
        self.checked.append(page.url)
        details = "\n".join(
            f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes']][:5]}" for v in violations
        )
        assert not violations, f"axe-core vond WCAG-problemen op {page.url}:\n{details}"


@pytest.fixture
def axe():
    return AxeChecker()
