"""Aksara Bali under page headings, when the display option asks for it (issue 4 §5).

The headings are written in the templates as plain <h1>s; rather than touch every template,
base.html passes the rendered content through `aksara_judul`, which adds the Balinese-script
copy inside each <h1>. The copy is aria-hidden: a screen reader cannot read the script, and
the Latin heading beside it says the same. Bali's signage rule (Pergub Bali 80/2018) writes
Aksara Bali above the Latin of any name, Indonesian or Balinese, so the heading is
transliterated in the page's own language.
"""
import re

from markupsafe import Markup, escape

from ..bahasa.aksara_bali import transliterate

_H1 = re.compile(r"(<h1\b[^>]*>)(.*?)(</h1>)", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_ENTITY = re.compile(r"&(amp|lt|gt|quot|#39);")
_ENTITIES = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "#39": "'"}


def script_copy(latin: str) -> Markup:
    """The span that shows `latin` in Balinese script. Each word is a span of its own that
    never breaks (mentari.css .aksara__kata): browsers break Balinese between any two
    syllables, which split "Karangasem" across lines (issue 21); lines now break between
    words only, as in the Latin heading."""
    words = Markup(" ").join(Markup('<span class="aksara__kata">{}</span>').format(word)
                             for word in transliterate(latin).split())
    return Markup('<span class="aksara" lang="ban-Bali" aria-hidden="true">{}</span>').format(
        words)


def _text(html: str) -> str:
    text = _ENTITY.sub(lambda m: _ENTITIES[m.group(1)], _TAG.sub(" ", html))
    return " ".join(text.split())


def with_headings(html) -> Markup:
    """Rendered page content with each <h1> followed, inside it, by its Balinese script."""
    def add(match):
        text = _text(match.group(2))
        if not text:
            return match.group(0)
        return f"{match.group(1)}{match.group(2)}{script_copy(text)}{match.group(3)}"
    # Already-rendered (escaped) page content; only our own escaped span is added.
    return Markup(_H1.sub(add, str(escape(html))))  # nosec B704


def init_app(app):
    app.jinja_env.filters.update(aksara_judul=with_headings, aksara=script_copy)
