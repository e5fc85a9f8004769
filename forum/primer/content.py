from __future__ import annotations

from flask_babel import lazy_gettext as _l

# Bump when the text below changes in substance: every member confirms the new version before posting.
PRIMER_VERSION = 1

# What the law of the member's country calls identifying, in one sentence each.
COUNTRY_RULES = {
    "DE": _l("In Germany, patient data is protected by the GDPR (Art. 9), the BDSG and your professional "
             "secrecy (§ 203 StGB): anything that lets a colleague work out who the patient is counts, "
             "including a rare diagnosis together with a town or a date."),
    "AT": _l("In Austria, the GDPR and the DSG apply, and professional secrecy binds you: anything that lets "
             "someone work out who the patient is counts as identifying."),
    "CH": _l("In Switzerland, the revised FADP treats health data as sensitive, and professional secrecy "
             "(Art. 321 StGB) applies: anything that lets someone work out who the patient is counts."),
    "US": _l("In the United States, HIPAA's Safe Harbor rule lists 18 identifiers: names, geographic units "
             "smaller than a state, all dates except the year, phone and fax numbers, e-mail addresses, record "
             "and health-plan numbers, device serial numbers, URLs, IP addresses, photos and any other unique code."),
    "GB": _l("In the United Kingdom, the UK GDPR and the common-law duty of confidentiality apply: anything "
             "that could identify the patient, alone or combined with other details, counts."),
    "IN": _l("In India, the DPDP Act 2023 and the medical council's ethics regulations apply: names, "
             "Aadhaar or ABHA numbers, addresses, phone numbers and record numbers identify a patient."),
}
EU_RULE = _l("In the European Union, the GDPR (Art. 9) treats health data as a special category: anything that "
             "lets someone work out who the patient is counts, directly (a name) or in combination (a rare "
             "condition, a ward and a date).")
EU = {"BE", "BG", "CY", "CZ", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT",
      "NL", "PL", "PT", "RO", "SE", "SI", "SK"}
DEFAULT_RULE = _l("Wherever you work, data that lets someone work out who the patient is -- directly or in "
                  "combination -- is protected by your professional secrecy and by data-protection law.")

# Three examples, each one of the guard's categories (forum/privacy_guard/detector.py CATEGORIES).
EXAMPLES = (
    ("patient_name", _l("“Mrs Keller on ward 4 …”"), _l("“A woman in her seventies …”")),
    ("date", _l("“admitted on 3 March 2025, discharged on the 9th”"),
     _l("“admitted in spring, a week’s stay”")),
    ("record_number", _l("“case number KH-204711”"), _l("no number at all")),
)

RULE = _l("The forum's rule: describe the clinical question, never the person. If the guard flags something, "
          "change it rather than confirming past it; a post published past the guard waits for a moderator "
          "before anyone else sees it.")


def rule_for(country: str | None):
    country = (country or "").upper()
    if country in COUNTRY_RULES:
        return COUNTRY_RULES[country]
    if country in EU:
        return EU_RULE
    return DEFAULT_RULE
