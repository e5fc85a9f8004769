"""The language switcher: anyone may choose the language the pages are shown in."""
from . import answers
from .core import EVERYONE

RULES = {
    "i18n.choose": answers(EVERYONE, 302),  # back to the page the switcher was on
}

FORMS = {"i18n.choose": lambda world: {"locale": "de", "next": "/about"}}
