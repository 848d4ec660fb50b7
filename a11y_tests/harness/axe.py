"""axe-core on the current page: `audit` fails with a readable list of violations."""
import functools
import json
import logging

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa",
                                          "wcag22aa", "best-practice"]},
    # "region" (all content inside landmarks) is off by default in axe; screen-reader users
    # navigate by landmarks, so text outside them is easy to miss.
    "rules": {"region": {"enabled": True}},
}

AUDITED: list[str] = []  # every page-state axe checked in this process, by label


@functools.cache
def _axe_source() -> str:
    # Axe.inject reads the 500 KB script from disk for every page; read it once.
    from axe_selenium_python.axe import _DEFAULT_SCRIPT
    with open(_DEFAULT_SCRIPT, encoding="utf8") as f:
        return f.read()


def audit(driver, label: str) -> None:
    """Run axe on the current page and fail with a readable list of violations."""
    from axe_selenium_python import Axe
    driver.execute_script(_axe_source())
    # Axe.run pastes options into the script with %s: give it JSON, not a Python repr.
    # Only violations come back in full: the passes' node lists are large and unused.
    options = dict(AXE_OPTIONS, resultTypes=["violations"])
    if driver.execute_script(
            "return document.documentElement.classList.contains('kontras-tinggi')"):
        # High contrast promises 7:1 for all text: axe's AAA contrast rule checks exactly that.
        options["rules"] = dict(options["rules"], **{"color-contrast-enhanced": {"enabled": True}})
    try:
        results = Axe(driver).run(options=json.dumps(options))
    except Exception as stuck:  # a hung renderer: urllib3's read timeout, or WebDriver's
        if "timed out" not in str(stuck).lower() and "timeout" not in type(stuck).__name__.lower():
            raise
        logging.getLogger(__name__).warning("axe did not answer on %s (%s); reloading once",
                                            label, type(stuck).__name__)
        driver.get(driver.current_url)
        driver.execute_script(_axe_source())
        results = Axe(driver).run(options=json.dumps(options))
    AUDITED.append(label)
    if results["violations"]:
        # Raised, not asserted: pytest's assert rewriting would append the whole result dict.
        raise AssertionError(violation_report(label, driver.current_url, results["violations"]))


def violation_report(label: str, url: str, violations: list[dict], per_rule: int = 3) -> str:
    lines = [f"{len(violations)} axe violation(s) on {label} ({url}):"]
    for v in violations:
        lines.append(f"- {v['id']} [{v.get('impact')}] {v['help']} ({len(v['nodes'])} "
                     f"element(s))")
        for node in v["nodes"][:per_rule]:
            target = " ".join(str(t) for t in node["target"])
            summary = " ".join((node.get("failureSummary") or "").split())
            lines.append(f"    {target}: {summary[:300]}")
    return "\n".join(lines)
