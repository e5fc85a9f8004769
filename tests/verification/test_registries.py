"""Format checks and register links: what the number itself says, and where a verifier looks it up."""
import json

import pytest

from config import TestingConfig
from forum import create_app
from forum.verification.registries import (DEFAULT_REGISTERS, RegistryConfigError, check_licence_number,
                                           describe_licence_number, lanr_check_digit, load_registers,
                                           npi_is_valid, registry_links)


@pytest.mark.parametrize("npi", ["1234567893", "1245319599", "1 234-567 893", "NPI 1234567893", "npi:1234567893"])
def test_valid_npis_pass(npi):
    assert check_licence_number("US", "physician", npi) is None
    assert describe_licence_number("US", "physician", npi).state == "valid"


def test_npi_with_a_wrong_check_digit_is_refused_with_a_clear_message():
    message = check_licence_number("US", "physician", "1234567890")
    assert message is not None and "check digit" in message and "NPI" in message


def test_npi_check_digit_uses_the_80840_prefix():
    # Plain Luhn over the ten digits accepts 1234567897; only with the 80840 prefix is 3 the right check digit.
    assert npi_is_valid("1234567893")
    assert not npi_is_valid("1234567897")
    assert check_licence_number("US", "nurse", "1234567897") is not None


def test_an_explicit_npi_of_the_wrong_length_is_refused():
    message = check_licence_number("US", "physician", "NPI 12345")
    assert message is not None and "10 digits" in message


def test_us_state_licence_numbers_are_left_to_a_human():
    assert check_licence_number("US", "nurse", "RN-123456") is None
    assert describe_licence_number("US", "nurse", "RN-123456").state == "unchecked"


def test_lanr_check_digit_follows_the_kbv_rule():
    # Digits 1-6 weighted 4,9,4,9,4,9: 1*4+2*9+3*4+4*9+5*4+6*9 = 144, so the check digit is 10 - 4 = 6.
    assert lanr_check_digit("123456") == 6
    assert lanr_check_digit("999999") == 9
    assert check_licence_number("DE", "physician", "123456601") is None
    assert describe_licence_number("DE", "physician", "123456601").details["specialty_group"] == "01"


def test_lanr_with_a_wrong_check_digit_is_refused():
    message = check_licence_number("DE", "physician", "123456501")
    assert message is not None and "check digit" in message and "LANR" in message


def test_german_chamber_numbers_and_other_professions_are_accepted_for_review():
    assert check_licence_number("DE", "physician", "WL-48213") is None
    assert check_licence_number("DE", "nurse", "123456501") is None  # nurses have no LANR


def test_uk_formats():
    assert check_licence_number("GB", "physician", "GMC 7034021") is None
    assert "7 digits" in check_licence_number("GB", "physician", "70340")
    assert check_licence_number("GB", "nurse", "12A3456B") is None
    assert "NMC PIN" in check_licence_number("GB", "midwife", "123456")


def test_unknown_countries_and_indian_numbers_are_accepted_for_human_review():
    assert check_licence_number("IN", "physician", "MMC/2009/04567") is None
    assert check_licence_number("BR", "physician", "CRM-SP 123456") is None
    assert describe_licence_number("IN", "physician", "12345").state == "unchecked"


def test_us_physician_link_opens_the_npi_record():
    links = registry_links(DEFAULT_REGISTERS, "US", "physician", "1234567893", "NPPES")
    first = links[0]
    assert first.href == "https://npiregistry.cms.hhs.gov/provider-view/1234567893"
    assert first.number_filled and first.matches_authority
    assert any("docinfo" in link.href for link in links)


def test_invalid_npi_is_never_filled_into_a_link():
    links = registry_links(DEFAULT_REGISTERS, "US", "physician", "1234567890", "")
    assert all(not link.number_filled for link in links)
    assert all("1234567890" not in link.href for link in links)


def test_german_physician_gets_the_responsible_chamber_first():
    links = registry_links(DEFAULT_REGISTERS, "DE", "physician", "123456601", "Ärztekammer Westfalen-Lippe")
    assert links[0].register.name == "Ärztekammer Westfalen-Lippe" and links[0].matches_authority
    assert sum(link.matches_authority for link in links) == 1
    saxony = registry_links(DEFAULT_REGISTERS, "DE", "physician", "1", "Sächsische Landesärztekammer")
    assert saxony[0].register.name == "Sächsische Landesärztekammer"
    assert not any(link.matches_authority for link in saxony if "Anhalt" in link.register.name)


def test_indian_physician_gets_the_indian_medical_register():
    links = registry_links(DEFAULT_REGISTERS, "IN", "physician", "12345", "Maharashtra Medical Council")
    assert links and "nmc.org.in" in links[0].href and "Indian Medical Register" in links[0].register.name


def test_no_register_for_unknown_combinations():
    assert registry_links(DEFAULT_REGISTERS, "BR", "physician", "1", "CRM") == []


def test_operators_extend_the_table_with_a_json_file(tmp_path):
    path = tmp_path / "registers.json"
    path.write_text(json.dumps({"BR": {"physician": [{
        "name": "CFM Busca Médicos", "url": "https://portal.cfm.org.br/busca-medicos/",
        "lookup_url": "https://example.org/crm/{number}", "number_kind": "any"}]},
        "US": {"*": [{"name": "Our own NPI mirror", "url": "https://npi.example.org/",
                      "lookup_url": "https://npi.example.org/{number}", "number_kind": "npi"}]}}))
    table = load_registers(str(path))
    brazil = registry_links(table, "BR", "physician", "CRM/SP 123", "")
    assert brazil[0].href == "https://example.org/crm/CRMSP123" and brazil[0].number_filled
    us = registry_links(table, "US", "physician", "1234567893", "")
    names = [link.register.name for link in us]
    assert "Our own NPI mirror" in names and "NPPES NPI Registry (CMS)" not in names  # replaced, key by key
    assert any("docinfo" in link.href for link in us)  # the physician-specific entry stays


@pytest.mark.parametrize("content, complaint", [
    ("not json", "VERIFICATION_REGISTRIES_FILE"),
    (json.dumps({"USA": {}}), "two-letter"),
    (json.dumps({"US": {"*": [{"name": "x", "url": "http://insecure.example"}]}}), "https://"),
    (json.dumps({"US": {"*": [{"name": "x", "url": "https://a.example", "lookup_url": "https://a.example/"}]}}),
     "{number}"),
])
def test_a_broken_registers_file_stops_the_app_at_start_up(tmp_path, content, complaint):
    path = tmp_path / "registers.json"
    path.write_text(content)
    with pytest.raises(RegistryConfigError, match=".*" + complaint.replace("{", r"\{").replace("}", r"\}")):
        create_app(TestingConfig, {"VERIFICATION_REGISTRIES_FILE": str(path),
                                   "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'x.sqlite3'}"})
