"""A realistic demo instance: groups, verified members of several professions, threads in
markdown, a pending registration and (once moderation exists) an open report."""
from __future__ import annotations

import random
from datetime import timedelta

from .accounts.models import User, VerificationStatus
from .accounts.services import create_user
from .primer.content import PRIMER_VERSION
from .db_types import utcnow
from .extensions import db
from .groups.models import Role
from .groups.services import add_member, create_group
from .posts.services import GuardResult, create_topic, reply

DEMO_PASSWORD = "konsil-demo-visit"

PEOPLE = [
    # email, name, profession, specialty, organisation, country, role
    ("admin@demo.konsil.example", "Dr. Lena Hoffmann", "physician", "Internal medicine", "Klinikum Nord", "DE", "admin"),
    ("moderator@demo.konsil.example", "Dr. Arjun Mehta", "physician", "Cardiology", "City Heart Institute", "IN", "moderator"),
    ("nurse@demo.konsil.example", "Sarah O'Connell", "nurse", "Intensive care", "St. Mary's Hospital", "US", "member"),
    ("pharmacist@demo.konsil.example", "Jonas Weber", "pharmacist", "Clinical pharmacy", "Apotheke am Markt", "DE", "member"),
    ("midwife@demo.konsil.example", "Priya Nair", "midwife", "Community midwifery", "Sunrise Maternity", "IN", "member"),
    ("physio@demo.konsil.example", "Tom Becker", "physiotherapist", "Neurorehabilitation", "Reha Zentrum Süd", "DE", "member"),
    ("gp@demo.konsil.example", "Dr. Maria Rossi", "physician", "General practice", "Riverside Practice", "US", "member"),
    ("paramedic@demo.konsil.example", "Ken Adeyemi", "paramedic", "Emergency medical services", "County EMS", "US", "member"),
]

GROUPS = [
    ("Cardiology Round", "cardiology-round", "Case-free discussion of cardiology practice, guidelines and difficult decisions.",
     "listed"),
    ("Night Shift", "night-shift", "For everyone who keeps the wards running at night: staffing, safety, tips.", "secret"),
    ("Medication Safety", "medication-safety", "Pharmacists and prescribers on interactions, dosing and shortages.",
     "listed"),
]

GUIDELINES = """## Our guidelines

1. **No patient-identifying information.** No names, dates of birth, record numbers, addresses or photos. Describe cases so that nobody could recognise the person.
2. **Be collegial.** Disagree with arguments, not with people.
3. **Cite your sources** when you state facts about evidence: guideline, trial, DOI or PMID.
4. **What is said here stays here.** Do not copy posts elsewhere without consent.

Moderators may hide, edit or remove posts that break these rules.
"""

THREADS = {
    "cardiology-round": [
        ("Anticoagulation after TAVI: what is your default?", [
            "Our team is revisiting the default antithrombotic strategy after **TAVI** in patients *without* another indication for anticoagulation.\n\nCurrent practice here:\n\n- single antiplatelet therapy (aspirin 75–100 mg)\n- clopidogrel only if recent PCI\n\nWhat do you do, and has anyone moved away from SAPT?",
            "Same here. Since POPular TAVI (cohort A) we stopped routine DAPT. Bleeding dropped noticeably in our registry.",
            "We follow the 2021 ESC/EACTS valvular guideline: lifelong SAPT. Exceptions are discussed in the heart team.",
            "> lifelong SAPT\n\nAgreed. One nuance: with subclinical leaflet thrombosis on CT we do *not* start OAC routinely either.",
            "Useful thread. For reference: Nijenhuis et al., N Engl J Med 2020;382:1696-1707.",
        ]),
        ("Ambulatory ECG monitoring after cryptogenic stroke", [
            "How long do you monitor after cryptogenic stroke before you give up on finding AF? We do 72 h Holter, then an implantable loop recorder for selected cases.",
            "30 days of patch monitoring for everyone under 75 here. Yield is much higher than 24–72 h.",
            "Loop recorder straight away if the echo shows an enlarged left atrium (LAVI > 34 ml/m²).",
        ]),
        ("Reading list: heart failure 2024–2026", [
            "Let's collect the papers that changed your heart-failure practice. I'll start:\n\n| Topic | Paper |\n|---|---|\n| SGLT2i in HFpEF | EMPEROR-Preserved |\n| Rapid up-titration | STRONG-HF |\n\nAdd yours below.",
            "STEP-HFpEF for obese patients with HFpEF: symptoms and function improved with semaglutide.",
            "Not a trial, but the 2023 ESC focused update is worth re-reading for the SGLT2i class I recommendation.",
        ]),
    ],
    "night-shift": [
        ("Handover checklists that actually work", [
            "We are rewriting our night handover. Which items would you **never** drop from the checklist?",
            "Escalation plan and resuscitation status for every patient. Everything else can be looked up.",
            "Pending results! Half of our morning surprises are labs nobody chased overnight.",
            "We use SBAR on a laminated card. Boring, but it works at 3 am.",
            "@sarah.o.connell could you share your ICU version? Ours feels too long.",
            "Sure, I'll post a de-identified template next shift.",
        ]),
        ("Staying alert at 4 am", [
            "What helps you stay sharp in the dead hours? Caffeine timing, naps, light?",
            "A 20-minute nap at 2 am if the ward allows it. Never longer: sleep inertia is worse.",
            "Bright light at the station and a short walk every two hours.",
        ]),
    ],
    "medication-safety": [
        ("Shortage: alternatives to amoxicillin suspension", [
            "Our wholesaler has no amoxicillin suspension again. What are you substituting for children?",
            "We split tablets for older children and use *phenoxymethylpenicillin* where appropriate. Check the local guideline first.",
            "Please document the substitution clearly: we had two dosing errors from mg vs ml confusion.\n\n```\n250 mg/5 ml = 50 mg/ml\n```",
        ]),
        ("DOAC dosing in renal impairment", [
            "Reminder: dose apixaban by **age, weight and creatinine** (two of three criteria), not by eGFR alone.",
            "And for dabigatran use Cockcroft-Gault creatinine clearance, not eGFR. Our EHR shows eGFR by default, which is misleading.",
            "Good point. We added a CrCl calculator to the order set.",
            "Does anyone have experience with edoxaban in CrCl > 95 ml/min? The label caution confuses our prescribers.",
        ]),
    ],
}


def seed_demo() -> list[tuple[str, str]]:
    rng = random.Random(20261121)
    users: dict[str, User] = {}
    for email, name, profession, specialty, organisation, country, role in PEOPLE:
        user = create_user(email=email, display_name=name, password=DEMO_PASSWORD,
                           status=VerificationStatus.VERIFIED, profession=profession, specialty=specialty,
                           organisation=organisation, country=country, licence_number="DEMO-" + email[:4].upper(),
                           licence_authority="Demo registry")
        user.is_admin = role == "admin"
        user.primer_version = PRIMER_VERSION  # demo accounts have read the patient-data primer
        user.is_verifier = role == "admin"
        users[email] = user
    admin = users["admin@demo.konsil.example"]
    moderator = users["moderator@demo.konsil.example"]
    everyone = list(users.values())
    db.session.flush()

    groups = {}
    for name, slug, description, visibility in GROUPS:
        group = create_group(admin, name=name, slug=slug, description=description, guidelines=GUIDELINES,
                             visibility=visibility, invite_policy="members")
        groups[slug] = group
        for user in everyone:
            if user is admin:
                continue
            role = Role.MODERATOR if user is moderator else Role.MEMBER
            add_member(admin, group, user, role=role, invited_by=admin, accepted_guidelines=True)
            user.invited_by_id = admin.id

    start = utcnow() - timedelta(days=12)
    for slug, threads in THREADS.items():
        group = groups[slug]
        for index, (title, bodies) in enumerate(threads):
            when = start + timedelta(days=index * 3, hours=rng.randint(0, 12))
            authors = [u for u in everyone]
            first = create_topic(rng.choice(authors), group, title=title, body=bodies[0], guard=GuardResult())
            first.created_at = first.topic.created_at = when
            for body in bodies[1:]:
                when += timedelta(hours=rng.randint(1, 20))
                post = reply(rng.choice(authors), first.topic, body=body, guard=GuardResult())
                post.created_at = when
            first.topic.last_activity_at = when
    pending = create_user(email="pending@demo.konsil.example", display_name="Dr. Felix Braun", password=DEMO_PASSWORD,
                          status=VerificationStatus.PENDING, profession="physician", specialty="Neurology",
                          organisation="Uniklinik West", country="DE", licence_number="DEMO-PEND",
                          licence_authority="Ärztekammer Westfalen-Lippe", invited_by=moderator)
    add_member(None, groups["cardiology-round"], pending, invited_by=moderator)
    from .verification.demo import seed_verification_demo

    seed_verification_demo(users, groups)
    _seed_extras(users, groups)
    return [(email, role) for email, _, _, _, _, _, role in PEOPLE] + [(pending.email, "pending verification")]


def _seed_extras(users, groups) -> None:
    """Feature demos (open report, verification request) that other features add."""
    from .demo_extras import seed_extras

    seed_extras(users, groups)


DEMO_DOMAIN = "@demo.konsil.example"


def demo_logins() -> list[tuple[str, str]]:
    """The demo accounts as they are now in the database (an account may have been deleted,
    promoted, suspended or verified since the demo was loaded), with what each can do."""
    from sqlalchemy import select

    from .groups.models import Membership

    users = db.session.scalars(select(User).where(User.email.like(f"%{DEMO_DOMAIN}"))).all()
    order = {email: index for index, (email, *_rest) in enumerate(PEOPLE)}
    users.sort(key=lambda user: (order.get(user.email, len(order)), user.email))
    roles = {}
    for user_id, role in db.session.execute(select(Membership.user_id, Membership.role)
                                            .where(Membership.user_id.in_([user.id for user in users]))):
        roles.setdefault(user_id, set()).add(role)
    logins = []
    for user in users:
        parts = []
        if user.is_admin:
            parts.append("admin")
        if user.is_verifier and not user.is_admin:
            parts.append("verifier")
        held = roles.get(user.id, set())
        if Role.OWNER in held:
            parts.append("group owner")
        if Role.MODERATOR in held:
            parts.append("moderator")
        status = user.verification_status
        if status == VerificationStatus.PENDING:
            parts.append("pending verification")
        elif status != VerificationStatus.VERIFIED:
            parts.append(f"verification {status}")
        elif not parts:
            parts.append("member")
        logins.append((user.email, ", ".join(parts)))
    return logins
