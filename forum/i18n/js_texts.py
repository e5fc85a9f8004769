"""The sentences static/js shows, in the reader's language.

Pages hand them to the scripts as JSON in a data-texts attribute of the element a script works on (no
inline script: the CSP allows scripts from 'self' only). Placeholders are written %(name)s as everywhere
else, so the catalogue checks cover them; static/js fills them in. Counted sentences come as a "one"
and an "other" form, which the script picks with Intl.PluralRules for the page's language."""
from __future__ import annotations

from flask_babel import get_translations
from flask_babel import lazy_gettext as _l


class _Plural:
    def __init__(self, singular: str, plural: str):
        self.singular, self.plural = singular, plural

    def forms(self) -> dict[str, str]:
        """The translated "one" and "other" templates, placeholders left for the script (1 and 2 stand for
        the two plural categories of every offered language)."""
        translations = get_translations()
        return {"one": translations.ungettext(self.singular, self.plural, 1),
                "other": translations.ungettext(self.singular, self.plural, 2)}


def lazy_ngettext(singular: str, plural: str) -> _Plural:
    """Named like Flask-Babel's function so that `make translations` extracts both forms; unlike it, the
    count is not known here, so the templates stay unfilled."""
    return _Plural(singular, plural)

_EDITOR = {
    "canvas_label": _l("Image with boxes to black out. N: new box; [ and ]: select; arrows: move; "
                       "Shift and arrows: resize; Delete: remove."),
    "new_box": _l("New box"),
    "previous_box": _l("Previous box"),
    "next_box": _l("Next box"),
    "remove_box": _l("Remove box"),
    "no_boxes": _l("No boxes. Press N or use New box to add one."),
    "box_of": _l("Box %(index)s of %(count)s"),
    "box_of_at": _l("Box %(index)s of %(count)s: %(label)s at %(position)s"),
    "your_box": _l("your box"),
}

_COMPOSER = {
    **_EDITOR,
    "wait_processing": _l("Wait until every image is processed."),
    "save_first": _l("Save the boxes of every image before you publish."),
    "not_processed": _l("The image could not be processed (%(status)s)."),
    "interrupted": _l("The connection was interrupted; try again."),
    "uploading": _l("Uploading and checking for identifiers…"),
    "dismiss": _l("Hide this message"),
    "save_boxes": _l("Save boxes"),
    "remove_image": _l("Remove image"),
    "proposed": lazy_ngettext(
        "%(num)d proposed box — blacked out already. Check it; remove a wrong one only if the original file is at hand.",
        "%(num)d proposed boxes — blacked out already. Check each one; remove a wrong one only if the original file is at hand."),
    "nothing_found": _l("Nothing identifying was found. Check the image yourself and add boxes where needed."),
    "original_needed": _l("A blacked-out box can only be removed while the original file is at hand: remove this "
                          "image and upload it again."),
    "saving": _l("Saving the boxes…"),
    "saved": _l("The boxes are filled into the image."),
}

SETS = {"editor": _EDITOR, "composer": _COMPOSER}


def js_texts(name: str) -> dict[str, str]:
    """One set of the scripts' sentences, translated for this request (templates: js_texts('composer'))."""
    return {key: text.forms() if isinstance(text, _Plural) else str(text) for key, text in SETS[name].items()}
