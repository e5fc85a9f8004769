"""Where a verifier can check a licence, and what we can tell from the number itself.

A table maps (country, profession) to the public registers where a licence can be looked up.
The server never calls any of them: the links are opened by the verifier's own browser, with the
number filled in where the register opens a record by number. Operators extend or replace the
table with a JSON file (config VERIFICATION_REGISTRIES_FILE), keyed the same way:

    {"DE": {"physician": [{"name": "...", "url": "https://...", "note": "...",
                           "authority_keywords": ["westfalen", "lippe"]}]},
     "US": {"*": [{"name": "NPPES NPI Registry", "url": "https://...",
                   "lookup_url": "https://.../provider-view/{number}", "number_kind": "npi"}]}}

A (country, profession) key in the file replaces the built-in entries for that key; "*" applies
to every profession of the country.

Numbers are checked where their structure is known (US NPI, German LANR, UK GMC and NMC numbers);
everything else is accepted for a human to check.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from stdnum import luhn
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

ANY_PROFESSION = "*"


@dataclass(frozen=True)
class Register:
    name: str
    url: str = ""                      # the register's search page; empty for guidance without a register
    lookup_url: str = ""               # opens one record; contains {number}
    number_kind: str = ""              # the number format lookup_url needs ("npi", "lanr", ...)
    note: str = ""
    authority_keywords: tuple[str, ...] = ()   # matched against the issuing authority the applicant named
    authority_excludes: tuple[str, ...] = ()


@dataclass(frozen=True)
class RegisterLink:
    register: Register
    href: str
    number_filled: bool
    matches_authority: bool


@dataclass(frozen=True)
class NumberCheck:
    """What the format check says about a number, for the verifier."""

    kind: str          # "npi", "lanr", "gmc", "nmc" or "" when no format is known
    label: str         # "US National Provider Identifier (NPI)"
    state: str         # "valid", "invalid" or "unchecked"
    message: str
    details: dict = field(default_factory=dict)


# --- number formats -------------------------------------------------------------------------

_SEPARATORS = re.compile(r"[\s\-./]+")


def _clean(number: str) -> str:
    return _SEPARATORS.sub("", number or "").upper()


def _strip_prefix(value: str, *prefixes: str) -> tuple[str, bool]:
    for prefix in prefixes:
        if value.startswith(prefix):
            return value[len(prefix):].lstrip(":#"), True
    return value, False


def npi_is_valid(npi: str) -> bool:
    """A US NPI is 10 digits whose last is a Luhn check digit computed with the 80840 prefix."""
    return len(npi) == 10 and npi.isdigit() and luhn.is_valid("80840" + npi)


def lanr_check_digit(first_six: str) -> int:
    """German LANR: digits 1-6 weighted 4, 9, 4, 9, 4, 9; the check digit is 10 minus the sum mod 10 (10 -> 0)."""
    total = sum(int(digit) * weight for digit, weight in zip(first_six, (4, 9, 4, 9, 4, 9)))
    return (10 - total % 10) % 10


def lanr_is_valid(lanr: str) -> bool:
    return len(lanr) == 9 and lanr.isdigit() and int(lanr[6]) == lanr_check_digit(lanr[:6])


_NMC_PIN = re.compile(r"^\d{2}[A-Z]\d{4}[A-Z]$")


def _check_us(profession: str, number: str) -> NumberCheck:
    value, prefixed = _strip_prefix(_clean(number), "NPI")
    label = _("US National Provider Identifier (NPI)")
    looks_like_npi = value.isdigit() and len(value) == 10
    if not (prefixed or looks_like_npi):
        return NumberCheck("", "", "unchecked", _("Not an NPI; probably a state licence number. Check it with the "
                                                "issuing state board."))
    if not value.isdigit() or len(value) != 10:
        return NumberCheck("npi", label, "invalid", _("An NPI has exactly 10 digits; this one has %(num)d. Please "
                                                      "check it.", num=sum(c.isdigit() for c in value)))
    if not npi_is_valid(value):
        return NumberCheck("npi", label, "invalid",
                           _("This NPI's check digit does not match: one of the 10 digits is probably mistyped. "
                           "Please compare it with your NPPES record."))
    return NumberCheck("npi", label, "valid", _("The NPI check digit is correct (Luhn over the 80840 prefix)."),
                       {"number": value})


def _check_de(profession: str, number: str) -> NumberCheck:
    if profession != "physician":
        return _unchecked()
    value, prefixed = _strip_prefix(_clean(number), "LANR")
    label = _("German lifelong physician number (LANR)")
    if not (prefixed or (value.isdigit() and len(value) == 9)):
        return NumberCheck("", "", "unchecked", _("Not a LANR; probably a chamber membership or Approbation number. "
                                                "Check it with the Landesärztekammer."))
    if not value.isdigit() or len(value) != 9:
        return NumberCheck("lanr", label, "invalid", _("A LANR has exactly 9 digits: six for the physician, a check "
                                                     "digit and two for the specialty group. Please check it."))
    if not lanr_is_valid(value):
        return NumberCheck("lanr", label, "invalid",
                           _("This LANR's check digit (the 7th digit) does not match the first six digits: one of "
                           "them is probably mistyped. Please compare it with your KV documents."))
    return NumberCheck("lanr", label, "valid", _("The LANR check digit is correct; specialty group code %(code)s.",
                                                 code=value[7:]),
                       {"number": value, "specialty_group": value[7:]})


def _check_gb(profession: str, number: str) -> NumberCheck:
    value = _clean(number)
    if profession == "physician":
        value, _prefix = _strip_prefix(value, "GMC")
        label = _("GMC reference number")
        if not (value.isdigit() and len(value) == 7):
            return NumberCheck("gmc", label, "invalid",
                               _("A GMC reference number has exactly 7 digits, for example 1234567."))
        return NumberCheck("gmc", label, "valid", _("Seven digits, as GMC reference numbers have (no check digit)."),
                           {"number": value})
    if profession in ("nurse", "midwife"):
        value, _prefix = _strip_prefix(value, "NMCPIN", "NMC", "PIN")
        label = _("NMC PIN")
        if not _NMC_PIN.match(value):
            return NumberCheck("nmc", label, "invalid",
                               _("An NMC PIN has two digits, a letter, four digits and a letter, for example 12A3456B."))
        return NumberCheck("nmc", label, "valid", _("The NMC PIN has the right form (no check digit)."),
                           {"number": value})
    return _unchecked()


def _unchecked() -> NumberCheck:
    return NumberCheck("", "", "unchecked", _("No number format is known for this country and profession; "
                                            "check the number in the register."))


_CHECKS = {"US": _check_us, "DE": _check_de, "GB": _check_gb}


def describe_licence_number(country: str, profession: str, number: str) -> NumberCheck:
    check = _CHECKS.get((country or "").upper())
    if check is None or not (number or "").strip():
        return _unchecked()
    return check(profession or "", number)


def check_licence_number(country: str, profession: str, number: str) -> str | None:
    """A clear message when the number fails its format or check digit; None when it passes or when
    its format is unknown (then a verifier checks it by hand)."""
    result = describe_licence_number(country, profession, number)
    return result.message if result.state == "invalid" else None


# --- registers ------------------------------------------------------------------------------

_KAMMER_NOTE = _l("The responsible Landesärztekammer keeps the physician's membership and Approbation; many offer a "
                "public Arztsuche, otherwise ask the chamber to confirm.")


def _chamber(name: str, url: str, keywords: tuple[str, ...], excludes: tuple[str, ...] = ()) -> Register:
    return Register(name=name, url=url, note=_KAMMER_NOTE, authority_keywords=keywords, authority_excludes=excludes)


_NO_GERMAN_REGISTER = Register(
    name=_l("No public register"),
    note=_l("This profession holds a state certificate (Urkunde über die Erlaubnis zum Führen der Berufsbezeichnung); "
         "ask for a copy and check it with the issuing Landesbehörde."))

NPPES = Register(
    name="NPPES NPI Registry (CMS)", url="https://npiregistry.cms.hhs.gov/search",
    lookup_url="https://npiregistry.cms.hhs.gov/provider-view/{number}", number_kind="npi",
    note=_l("Every US provider who bills electronically has an NPI; the record lists state licence numbers."),
    authority_keywords=("nppes", "npi", "cms"),
)

DEFAULT_REGISTERS: dict[tuple[str, str], list[Register]] = {
    ("DE", "physician"): [
        _chamber("Landesärztekammer Baden-Württemberg", "https://www.aerztekammer-bw.de",
                 ("badenwuerttemberg", "badenwurttemberg", "stuttgart")),
        _chamber("Bayerische Landesärztekammer", "https://www.blaek.de", ("bayer", "blaek", "muenchen")),
        _chamber("Ärztekammer Berlin", "https://www.aekb.de", ("berlin",)),
        _chamber("Landesärztekammer Brandenburg", "https://www.laekb.de", ("brandenburg",)),
        _chamber("Ärztekammer Bremen", "https://www.aekhb.de", ("bremen",)),
        _chamber("Ärztekammer Hamburg", "https://www.aerztekammer-hamburg.org", ("hamburg",)),
        _chamber("Landesärztekammer Hessen", "https://www.laekh.de", ("hessen", "laekh")),
        _chamber("Ärztekammer Mecklenburg-Vorpommern", "https://www.aek-mv.de", ("mecklenburg", "vorpommern")),
        _chamber("Ärztekammer Niedersachsen", "https://www.aekn.de", ("niedersachsen",)),
        _chamber("Ärztekammer Nordrhein", "https://www.aekno.de", ("nordrhein", "aekno")),
        _chamber("Landesärztekammer Rheinland-Pfalz", "https://www.laek-rlp.de", ("rheinland", "pfalz")),
        _chamber("Ärztekammer des Saarlandes", "https://www.aerztekammer-saarland.de", ("saar",)),
        _chamber("Sächsische Landesärztekammer", "https://www.slaek.de", ("saechsisch", "slaek", "sachsen"),
                 ("anhalt", "niedersachsen")),
        _chamber("Ärztekammer Sachsen-Anhalt", "https://www.aeksa.de", ("anhalt",)),
        _chamber("Ärztekammer Schleswig-Holstein", "https://www.aeksh.de", ("schleswig", "holstein")),
        _chamber("Landesärztekammer Thüringen", "https://www.laek-thueringen.de", ("thueringen", "thuringen")),
        _chamber("Ärztekammer Westfalen-Lippe", "https://www.aekwl.de", ("westfalen", "lippe", "aekwl")),
        Register(name="Bundesärztekammer (links to every Landesärztekammer)", url="https://www.bundesaerztekammer.de",
                 note=_l("Use this when the applicant did not name a chamber we recognise.")),
    ],
    ("DE", "pharmacist"): [
        Register(name="ABDA (links to the Landesapothekerkammern)", url="https://www.abda.de",
                 note=_l("Pharmacists are members of their state's Apothekerkammer; ask it to confirm the Approbation.")),
    ],
    ("DE", "psychotherapist"): [
        Register(name="Bundespsychotherapeutenkammer (links to the state chambers)", url="https://www.bptk.de",
                 note=_l("Psychotherapists are members of their state's Psychotherapeutenkammer.")),
    ],
    **{("DE", profession): [_NO_GERMAN_REGISTER] for profession in ("nurse", "midwife", "physiotherapist",
                                                                       "paramedic")},
    ("US", ANY_PROFESSION): [NPPES],
    ("US", "physician"): [
        Register(name="FSMB DocInfo (state medical board licences)", url="https://www.docinfo.org/",
                 note=_l("Search by name and state; shows licences and board actions.")),
    ],
    ("US", "nurse"): [
        Register(name="Nursys QuickConfirm (NCSBN)", url="https://www.nursys.com/",
                 note=_l("Search by name or licence number and the licensing state."),
                 authority_keywords=("nursing", "nursys", "ncsbn")),
    ],
    ("IN", "physician"): [
        Register(name="Indian Medical Register (National Medical Commission)",
                 url="https://www.nmc.org.in/information-desk/indian-medical-register/",
                 note=_l("Search by registration number together with the State Medical Council and year of "
                      "registration."),
                 authority_keywords=("medicalcouncil", "nmc", "nationalmedical")),
    ],
    ("IN", "nurse"): [
        Register(name="Indian Nursing Council", url="https://www.indiannursingcouncil.org/",
                 note=_l("Nurses register with their State Nursing Council; the INC links to them.")),
    ],
    ("IN", "midwife"): [
        Register(name="Indian Nursing Council", url="https://www.indiannursingcouncil.org/",
                 note=_l("Midwives register with their State Nursing Council; the INC links to them.")),
    ],
    ("IN", "pharmacist"): [
        Register(name="Pharmacy Council of India", url="https://www.pci.nic.in/",
                 note=_l("Pharmacists register with their State Pharmacy Council.")),
    ],
    ("GB", "physician"): [
        Register(name="GMC medical register (LRMP)",
                 url="https://www.gmc-uk.org/registration-and-licensing/the-medical-register",
                 note=_l("Search by the 7-digit GMC reference number; check the licence to practise."),
                 authority_keywords=("gmc", "generalmedical")),
    ],
    ("GB", "nurse"): [
        Register(name="NMC register", url="https://www.nmc.org.uk/registration/search-the-register/",
                 note=_l("Search by NMC PIN."), authority_keywords=("nmc", "nursingandmidwifery")),
    ],
    ("GB", "midwife"): [
        Register(name="NMC register", url="https://www.nmc.org.uk/registration/search-the-register/",
                 note=_l("Search by NMC PIN."), authority_keywords=("nmc", "nursingandmidwifery")),
    ],
    ("GB", "pharmacist"): [
        Register(name="GPhC register", url="https://www.pharmacyregulation.org/registers",
                 authority_keywords=("gphc", "pharmaceutical", "pharmacyregulation")),
    ],
    ("GB", "physiotherapist"): [
        Register(name="HCPC register", url="https://www.hcpc-uk.org/check-the-register/",
                 authority_keywords=("hcpc",)),
    ],
    ("GB", "paramedic"): [
        Register(name="HCPC register", url="https://www.hcpc-uk.org/check-the-register/",
                 authority_keywords=("hcpc",)),
    ],
    ("CH", "physician"): [
        Register(name="MedReg (Federal Office of Public Health)", url="https://www.medregom.admin.ch/",
                 note=_l("Search by name or GLN.")),
    ],
    ("CH", "pharmacist"): [
        Register(name="MedReg (Federal Office of Public Health)", url="https://www.medregom.admin.ch/",
                 note=_l("Search by name or GLN.")),
    ],
    ("CH", "psychotherapist"): [
        Register(name="PsyReg (Federal Office of Public Health)", url="https://www.psyreg.admin.ch/",
                 note=_l("Search by name or GLN.")),
    ],
}


class RegistryConfigError(ValueError):
    pass


def _fold(text: str) -> str:
    """Lower-case ASCII letters and digits only, German umlauts spelled out, for keyword matching."""
    text = (text or "").casefold().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", text)


def _register_from_json(raw, where: str) -> Register:
    if not isinstance(raw, dict):
        raise RegistryConfigError(f"{where}: each register must be an object")
    unknown = set(raw) - {"name", "url", "lookup_url", "number_kind", "note", "authority_keywords",
                          "authority_excludes"}
    if unknown:
        raise RegistryConfigError(f"{where}: unknown keys {sorted(unknown)}")
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise RegistryConfigError(f"{where}: every register needs a name")
    for key in ("url", "lookup_url"):
        value = raw.get(key, "")
        if not isinstance(value, str) or (value and not value.startswith("https://")):
            raise RegistryConfigError(f"{where}: {key} must be an https:// address")
    lookup_url = raw.get("lookup_url", "")
    if lookup_url and "{number}" not in lookup_url:
        raise RegistryConfigError(f"{where}: lookup_url must contain {{number}}")
    number_kind = raw.get("number_kind", "")
    if number_kind not in ("", "npi", "lanr", "gmc", "nmc", "any"):
        raise RegistryConfigError(f"{where}: number_kind must be one of npi, lanr, gmc, nmc, any")
    keywords = raw.get("authority_keywords", [])
    excludes = raw.get("authority_excludes", [])
    if not all(isinstance(item, str) for item in [*keywords, *excludes]):
        raise RegistryConfigError(f"{where}: authority_keywords and authority_excludes are lists of strings")
    return Register(name=name.strip(), url=raw.get("url", ""), lookup_url=lookup_url, number_kind=number_kind,
                    note=str(raw.get("note", "")), authority_keywords=tuple(_fold(k) for k in keywords if _fold(k)),
                    authority_excludes=tuple(_fold(k) for k in excludes if _fold(k)))


def load_registers(path: str | None) -> dict[tuple[str, str], list[Register]]:
    """The built-in table, with the operator's file (if any) replacing entries key by key."""
    table = {key: list(value) for key, value in DEFAULT_REGISTERS.items()}
    if not path:
        return table
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise RegistryConfigError(f"VERIFICATION_REGISTRIES_FILE {path}: {error}") from error
    if not isinstance(data, dict):
        raise RegistryConfigError(f"{path}: the top level must be an object keyed by country code")
    for country, by_profession in data.items():
        if not (isinstance(country, str) and re.fullmatch(r"[A-Za-z]{2}", country)):
            raise RegistryConfigError(f"{path}: {country!r} is not a two-letter country code")
        if not isinstance(by_profession, dict):
            raise RegistryConfigError(f"{path}: {country} must map professions to lists of registers")
        for profession, registers in by_profession.items():
            where = f"{path}: {country}/{profession}"
            if not isinstance(registers, list):
                raise RegistryConfigError(f"{where}: expected a list of registers")
            table[(country.upper(), profession)] = [_register_from_json(raw, where) for raw in registers]
    return table


def registers_for(table: dict, country: str, profession: str) -> list[Register]:
    country = (country or "").upper()
    return list(table.get((country, profession), [])) + list(table.get((country, ANY_PROFESSION), []))


def _matches(register: Register, folded_authority: str) -> bool:
    if not folded_authority or not register.authority_keywords:
        return False
    if any(exclude in folded_authority for exclude in register.authority_excludes):
        return False
    return any(keyword in folded_authority for keyword in register.authority_keywords)


def registry_links(table: dict, country: str, profession: str, number: str, authority: str) -> list[RegisterLink]:
    """The registers to check this licence in, those matching the named authority first, with the
    number filled into the link where the register opens a record by number and the number has the
    register's format."""
    check = describe_licence_number(country, profession, number)
    folded = _fold(authority)
    links = []
    for register in registers_for(table, country, profession):
        href, filled = register.url, False
        if register.lookup_url:
            usable = (register.number_kind == "any" and _clean(number)) or (
                check.state == "valid" and check.kind == register.number_kind)
            if usable:
                value = check.details.get("number") or _clean(number)
                href, filled = register.lookup_url.replace("{number}", quote(value, safe="")), True
        links.append(RegisterLink(register=register, href=href, number_filled=filled,
                                  matches_authority=_matches(register, folded)))
    links.sort(key=lambda link: (not link.matches_authority, not link.number_filled))
    return links


def configured_registers():
    """The table for the running app, read once per app (and validated at start-up)."""
    from flask import current_app

    cache = current_app.extensions.setdefault("verification_registers", {})
    path = current_app.config.get("VERIFICATION_REGISTRIES_FILE") or ""
    if path not in cache:
        cache[path] = load_registers(path)
    return cache[path]
