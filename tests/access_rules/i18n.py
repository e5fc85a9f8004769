"""The language switcher: anyone may choose the language the pages are shown in."""
from .core import EVERYONE

RULES = {
    "i18n.choose": EVERYONE,  # the empty form the matrix sends is refused with 400
}
