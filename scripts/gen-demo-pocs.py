#!/usr/bin/env python3
"""Generate crates/cli/data/demo-pocs.json: the fictional points of contact
that `pocdir serve --demo` puts in an empty database.

Every person, title and organisation is invented. Names are typical of each
State, written in its scripts, with a Latin transliteration in brackets
where the script is not Latin. E-mail addresses are under example.org
(reserved by RFC 2606). Telephone numbers come only from ranges that
regulators keep free for drama and fiction (see FICTION_RANGES and
crates/cli/data/README.md); a State without such a range of its own uses
another's. Time zones are real IANA zones of the State's capital and
languages real BCP 47 tags of languages used there.

Python 3 standard library only. Deterministic: the same SEED gives the same
file, byte for byte.

    python3 scripts/gen-demo-pocs.py           # writes the file
    python3 scripts/gen-demo-pocs.py --check   # exits 1 if it is out of date
"""

import json
import random
import sys
import unicodedata
from pathlib import Path

SEED = 20260301
OUT = Path(__file__).resolve().parent.parent / "crates/cli/data/demo-pocs.json"
KEYS = OUT.parent / "keys"

# Ranges reserved for fiction: (prefix of the E.164 number, digits that
# follow, how to print it). Keep in step with crates/cli/data/README.md and
# with FICTION_RANGES in crates/cli/src/demo.rs (its tests check every number).
FICTION_RANGES = {
    # Ofcom (UK), "telephone numbers for drama purposes".
    "uk-mobile": ("+447700900", 3, lambda d: f"+44 7700 900{d}"),
    "uk-london": ("+442079460", 3, lambda d: f"+44 20 7946 0{d}"),
    # North American Numbering Plan: 555-0100 to 555-0199 in every area code.
    "nanp-202": ("+120255501", 2, lambda d: f"+1 202 555 01{d}"),
    "nanp-613": ("+161355501", 2, lambda d: f"+1 613 555 01{d}"),
    "nanp-876": ("+187655501", 2, lambda d: f"+1 876 555 01{d}"),
    # ACMA (Australia): (0X) 5550 xxxx landlines and a few mobile numbers.
    "au-canberra": ("+6125550", 4, lambda d: f"+61 2 5550 {d}"),
    "au-mobile": ("+6149157015", 1, lambda d: f"+61 491 570 15{d}"),
    # ARCEP (France), national numbering plan, 2.5.12 (audiovisual works).
    "fr-paris": ("+3319900", 4, lambda d: f"+33 1 99 00 {d[:2]} {d[2:]}"),
    "fr-mobile": ("+3363998", 4, lambda d: f"+33 6 39 98 {d[:2]} {d[2:]}"),
}
# Only 156 to 159 of the ACMA mobile numbers are used (the others ACMA lists
# are scattered, not a block).
AU_MOBILE_DIGITS = ["6", "7", "8", "9"]

# Which ranges a State's office and mobile numbers come from.
PHONE_PLAN = {
    "GBR": ("uk-london", "uk-mobile"),
    "USA": ("nanp-202", "nanp-202"),
    "CAN": ("nanp-613", "nanp-613"),
    "JAM": ("nanp-876", "nanp-876"),
    "AUS": ("au-canberra", "au-mobile"),
    # Only four ACMA mobile numbers are used, so the Pacific neighbours
    # take Ofcom's mobile range.
    "NZL": ("au-canberra", "uk-mobile"),
    "FJI": ("au-canberra", "uk-mobile"),
    "FRA": ("fr-paris", "fr-mobile"),
    "SEN": ("fr-paris", "fr-mobile"),
    "CIV": ("fr-paris", "fr-mobile"),
    "MAR": ("fr-paris", "fr-mobile"),
}
DEFAULT_PLAN = ("uk-london", "uk-mobile")

WEEKDAYS = "Mon-Fri 09:00-17:00"

# code: (alpha-2 for the e-mail domain, time zone, languages, office hours,
#        names as (name in the State's script, Latin transliteration or None))
STATES = {
    # --- Africa ---
    "EGY": ("eg", "Africa/Cairo", ["ar", "en"], "Sun-Thu 09:00-17:00", [
        ("أحمد عبد الرحمن", "Ahmed Abdel Rahman"), ("منى الشريف", "Mona El-Sherif"),
        ("كريم حسني", "Karim Hosny")]),
    "MAR": ("ma", "Africa/Casablanca", ["ar", "fr", "en"], "Mon-Fri 08:30-16:30", [
        ("يوسف العلمي", "Youssef El Alami"), ("Salma Benjelloun", None),
        ("Mehdi Tazi", None)]),
    "NGA": ("ng", "Africa/Lagos", ["en", "ha", "yo"], "Mon-Fri 08:00-16:00", [
        ("Chukwuemeka Obi", None), ("Aisha Bello", None), ("Oluwaseun Adeyemi", None)]),
    "KEN": ("ke", "Africa/Nairobi", ["en", "sw"], "Mon-Fri 08:00-17:00", [
        ("Wanjiru Kamau", None), ("Otieno Odhiambo", None), ("Grace Achieng", None),
        ("Brian Kiprotich", None)]),
    "ZAF": ("za", "Africa/Johannesburg", ["en", "af", "zu"], "Mon-Fri 08:00-16:30", [
        ("Thandiwe Nkosi", None), ("Pieter van der Merwe", None), ("Sipho Dlamini", None)]),
    "SEN": ("sn", "Africa/Dakar", ["fr", "wo", "en"], "Mon-Fri 08:00-17:00", [
        ("Awa Ndiaye", None), ("Mamadou Diop", None), ("Fatou Sarr", None)]),
    "ETH": ("et", "Africa/Addis_Ababa", ["am", "en"], "Mon-Fri 08:30-17:30", [
        ("ሰላም ተስፋዬ", "Selam Tesfaye"), ("ዳዊት መንግሥቱ", "Dawit Mengistu"),
        ("ሕይወት አበበ", "Hiwot Abebe")]),
    "GHA": ("gh", "Africa/Accra", ["en"], "Mon-Fri 08:00-17:00", [
        ("Kwame Mensah", None), ("Akosua Boateng", None), ("Kofi Asante", None)]),
    "CIV": ("ci", "Africa/Abidjan", ["fr", "en"], "Mon-Fri 07:30-16:30", [
        ("Aya Kouassi", None), ("Koffi N'Guessan", None), ("Mariam Touré", None)]),
    # --- Americas ---
    "USA": ("us", "America/New_York", ["en", "es"], WEEKDAYS, [
        ("Jennifer Morales", None), ("David Chen", None), ("Marcus Johnson", None)]),
    "CAN": ("ca", "America/Toronto", ["en", "fr"], "Mon-Fri 08:30-16:30", [
        ("Geneviève Tremblay", None), ("Michael Singh", None), ("Étienne Gagnon", None)]),
    "MEX": ("mx", "America/Mexico_City", ["es", "en"], WEEKDAYS, [
        ("María Fernanda López", None), ("José Luis Ramírez", None),
        ("Ximena Hernández", None)]),
    "BRA": ("br", "America/Sao_Paulo", ["pt", "en", "es"], "Mon-Fri 09:00-18:00", [
        ("João Pereira", None), ("Ana Luísa Conceição", None), ("Thiago Araújo", None)]),
    "ARG": ("ar", "America/Argentina/Buenos_Aires", ["es", "en"], WEEKDAYS, [
        ("Martín Fernández", None), ("Lucía Giménez", None), ("Santiago Núñez", None)]),
    "CHL": ("cl", "America/Santiago", ["es", "en"], "Mon-Fri 09:00-18:00", [
        ("Catalina Muñoz", None), ("Sebastián Rojas", None), ("Valentina Soto", None)]),
    "COL": ("co", "America/Bogota", ["es", "en"], "Mon-Fri 08:00-17:00", [
        ("Camila Rodríguez", None), ("Juan Pablo Gutiérrez", None), ("Daniela Ospina", None)]),
    "JAM": ("jm", "America/Jamaica", ["en"], "Mon-Fri 08:30-16:30", [
        ("Andre Campbell", None), ("Shanique Brown", None), ("Damion Williams", None)]),
    # --- Asia ---
    "PAK": ("pk", "Asia/Karachi", ["ur", "en"], WEEKDAYS, [
        ("بلال احمد", "Bilal Ahmed"), ("ماہ نور خان", "Mahnoor Khan")]),
    "IND": ("in", "Asia/Kolkata", ["hi", "en"], "Mon-Fri 09:30-18:00", [
        ("प्रिया शर्मा", "Priya Sharma"), ("अर्जुन मेहता", "Arjun Mehta"),
        ("अनन्या अय्यर", "Ananya Iyer")]),
    "CHN": ("cn", "Asia/Shanghai", ["zh-Hans", "en"], "Mon-Fri 08:30-17:30", [
        ("王丽华", "Wang Lihua"), ("陈志强", "Chen Zhiqiang"), ("刘洋", "Liu Yang")]),
    "JPN": ("jp", "Asia/Tokyo", ["ja", "en"], "Mon-Fri 09:30-18:15", [
        ("佐藤 美咲", "Satō Misaki"), ("高橋 健一", "Takahashi Ken'ichi"),
        ("山本 大輔", "Yamamoto Daisuke")]),
    "KOR": ("kr", "Asia/Seoul", ["ko", "en"], "Mon-Fri 09:00-18:00", [
        ("김지현", "Kim Ji-hyun"), ("박민준", "Park Min-jun"), ("이서연", "Lee Seo-yeon")]),
    "IDN": ("id", "Asia/Jakarta", ["id", "en"], "Mon-Fri 08:00-16:00", [
        ("Siti Rahmawati", None), ("Budi Santoso", None), ("Dewi Lestari", None)]),
    "SGP": ("sg", "Asia/Singapore", ["en", "zh-Hans", "ms", "ta"], "Mon-Fri 08:30-18:00", [
        ("陈伟明", "Tan Wei Ming"), ("Nurul Huda binti Ismail", None),
        ("பிரியா ராமன்", "Priya Raman")]),
    "THA": ("th", "Asia/Bangkok", ["th", "en"], "Mon-Fri 08:30-16:30", [
        ("สมชาย ใจดี", "Somchai Jaidee"), ("ณัฐวดี ศรีสุข", "Nattawadee Srisuk"),
        ("ปิยะพงษ์ วงศ์ใหญ่", "Piyapong Wongyai")]),
    "VNM": ("vn", "Asia/Ho_Chi_Minh", ["vi", "en"], "Mon-Fri 08:00-17:00", [
        ("Nguyễn Thị Lan", None), ("Trần Văn Minh", None), ("Phạm Quốc Huy", None)]),
    "SAU": ("sa", "Asia/Riyadh", ["ar", "en"], "Sun-Thu 08:00-16:00", [
        ("عبدالله القحطاني", "Abdullah Al-Qahtani"), ("نورة العتيبي", "Noura Al-Otaibi"),
        ("فيصل الدوسري", "Faisal Al-Dosari")]),
    "ARE": ("ae", "Asia/Dubai", ["ar", "en"], "Mon-Fri 07:30-15:30", [
        ("مريم المنصوري", "Mariam Al Mansoori"), ("خالد الشامسي", "Khalid Al Shamsi"),
        ("سعيد الكعبي", "Saeed Al Kaabi")]),
    "KAZ": ("kz", "Asia/Almaty", ["kk", "ru", "en"], "Mon-Fri 09:00-18:30", [
        ("Айгерім Сәрсенбаева", "Aigerim Sarsenbayeva"),
        ("Нұрлан Жақсыбеков", "Nurlan Zhaksybekov"), ("Дана Оспанова", "Dana Ospanova")]),
    # --- Europe ---
    "FRA": ("fr", "Europe/Paris", ["fr", "en"], "Mon-Fri 09:00-18:00", [
        ("Hélène Lefèvre", None), ("François Mercier", None)]),
    "DEU": ("de", "Europe/Berlin", ["de", "en"], "Mon-Fri 08:00-16:30", [
        ("Jürgen Weiß", None), ("Katharina Müller", None), ("Lukas Schröder", None),
        ("Anja Köhler", None)]),
    "GBR": ("gb", "Europe/London", ["en", "cy"], WEEKDAYS, [
        ("Oliver Hughes", None), ("Priya Patel", None), ("Siobhan McCarthy", None)]),
    "POL": ("pl", "Europe/Warsaw", ["pl", "en"], "Mon-Fri 08:15-16:15", [
        ("Agnieszka Wiśniewska", None), ("Paweł Kowalczyk", None),
        ("Małgorzata Zielińska", None)]),
    "EST": ("ee", "Europe/Tallinn", ["et", "en", "ru"], "Mon-Fri 08:30-17:00", [
        ("Kadri Tamm", None), ("Märt Kask", None), ("Jüri Põld", None)]),
    "NLD": ("nl", "Europe/Amsterdam", ["nl", "en"], "Mon-Fri 08:30-17:00", [
        ("Sanne de Vries", None), ("Daan Bakker", None), ("Femke van den Berg", None)]),
    "ESP": ("es", "Europe/Madrid", ["es", "en", "ca"], "Mon-Fri 08:00-15:00", [
        ("Lucía Martínez Ruiz", None), ("Álvaro García Pérez", None),
        ("Núria Puig i Ferrer", None)]),
    "RUS": ("ru", "Europe/Moscow", ["ru", "en"], "Mon-Fri 09:00-18:00", [
        ("Анна Смирнова", "Anna Smirnova"), ("Дмитрий Кузнецов", "Dmitry Kuznetsov"),
        ("Елена Волкова", "Yelena Volkova")]),
    "GRC": ("gr", "Europe/Athens", ["el", "en"], "Mon-Fri 08:00-16:00", [
        ("Ελένη Παπαδοπούλου", "Eleni Papadopoulou"), ("Γιώργος Νικολάου", "Giorgos Nikolaou"),
        ("Κατερίνα Γεωργίου", "Katerina Georgiou")]),
    "CHE": ("ch", "Europe/Zurich", ["de", "fr", "it", "en"], "Mon-Fri 08:00-17:00", [
        ("Matthias Brunner", None), ("Sophie Rochat", None), ("Luca Bernasconi", None)]),
    # --- Oceania ---
    "AUS": ("au", "Australia/Sydney", ["en"], "Mon-Fri 08:30-17:00", [
        ("Charlotte Nguyen", None), ("Liam O'Brien", None), ("Mia Kowalski", None)]),
    "NZL": ("nz", "Pacific/Auckland", ["en", "mi"], "Mon-Fri 08:30-17:00", [
        ("Aroha Ngata", None), ("Tom Williamson", None), ("Mere Tāwhiri", None)]),
    "FJI": ("fj", "Pacific/Fiji", ["en", "fj", "hif"], "Mon-Fri 08:00-16:30", [
        ("Litia Vakaloloma", None), ("Ravinesh Prasad", None), ("Seru Ratuvou", None)]),
}

# Nominations waiting for the secretariat: (code, role). States not in
# STATES take no part yet; their nomination is their first step.
NEW_STATES = {
    "NPL": ("np", "Asia/Kathmandu", ["ne", "en"], "Sun-Fri 10:00-17:00", [
        ("सीता पौडेल", "Sita Poudel"), ("राजेश श्रेष्ठ", "Rajesh Shrestha")]),
    "GEO": ("ge", "Asia/Tbilisi", ["ka", "en", "ru"], "Mon-Fri 09:00-18:00", [
        ("ნინო ბერიძე", "Nino Beridze")]),
    "JOR": ("jo", "Asia/Amman", ["ar", "en"], "Sun-Thu 08:00-15:00", [
        ("لينا الحسيني", "Lina Al-Husseini")]),
    "PER": ("pe", "America/Lima", ["es", "qu", "en"], "Mon-Fri 08:30-17:30", [
        ("Rosa Quispe Mamani", None)]),
    "BGD": ("bd", "Asia/Dhaka", ["bn", "en"], "Sun-Thu 09:00-17:00", [
        ("তানভীর রহমান", "Tanvir Rahman")]),
}
PENDING = [
    ("NPL", "diplomatic"), ("NPL", "technical"), ("GEO", "technical"),
    ("JOR", "diplomatic"), ("PER", "technical"), ("BGD", "technical"),
    # A third PoC for States already taking part.
    ("KEN", "technical"), ("DEU", "technical"),
]

# The PoCs of the demo accounts (crates/cli/src/demo.rs): same names and
# e-mail addresses, so a newcomer signed in as one finds themself listed.
DEMO_ACCOUNT_POCS = {
    ("PAK", "technical"): ("عائشہ ملک", "Ayesha Malik", "technical.poc@cert.pk.example.org"),
    ("PAK", "diplomatic"): ("عمران صدیقی", "Imran Siddiqui", "diplomatic.poc@mofa.pk.example.org"),
    ("FRA", "technical"): ("Léa Fontaine", None, "technical.poc@cert.fr.example.org"),
    ("FRA", "diplomatic"): ("Julien Moreau", None, "diplomatic.poc@diplomatie.fr.example.org"),
}

DIPLOMATIC_ORGS = [
    "Ministry of Foreign Affairs — Cyber Diplomacy Desk",
    "Ministry of Foreign Affairs — Directorate for International Security",
    "Ministry of Foreign Affairs — Office of the Ambassador for Cyber Affairs",
    "Permanent Mission to the United Nations, New York",
]
DIPLOMATIC_TITLES = [
    "Cyber diplomacy desk officer",
    "Deputy Director, International Cyber Policy",
    "First Secretary (cyber and new technologies)",
    "Counsellor, Disarmament and International Security",
]
TECHNICAL_ORGS = [
    "National CERT",
    "National CSIRT",
    "National Cyber Security Centre — Incident Response",
    "Government CERT (GovCERT)",
    "National Cyber Security Agency — Coordination Centre",
]
TECHNICAL_TITLES = [
    "Head of incident response",
    "Senior incident handler",
    "Threat intelligence lead",
    "Head of international cooperation",
]


def ascii_slug(latin: str) -> str:
    """`Étienne Gagnon` → `etienne.gagnon`, for an e-mail address."""
    plain = unicodedata.normalize("NFKD", latin).encode("ascii", "ignore").decode()
    words = ["".join(c for c in w if c.isalnum()) for w in plain.lower().split()]
    return ".".join(w for w in words if w)


class Phones:
    """Hands out distinct numbers from each fiction range, in a seeded order."""

    def __init__(self, rng: random.Random):
        self.pools = {}
        for key, (_, digits, _) in FICTION_RANGES.items():
            if key == "au-mobile":
                pool = list(AU_MOBILE_DIGITS)
            else:
                pool = [str(n).zfill(digits) for n in range(10**digits)]
            rng.shuffle(pool)
            self.pools[key] = pool

    def take(self, key: str) -> str:
        pool = self.pools[key]
        if not pool:
            sys.exit(f"fiction range {key} is used up")
        return FICTION_RANGES[key][2](pool.pop())


def display(name: str, latin: str | None) -> str:
    return f"{name} ({latin})" if latin else name


def poc(rng, phones, code, info, role, person, email, shift):
    """One PocDraft. `shift` is "office" or "24/7" (technical duty desks)."""
    cc, zone, languages, hours, _ = info
    office_range, mobile_range = PHONE_PLAN.get(code, DEFAULT_PLAN)
    name, latin = person
    if role == "diplomatic":
        organisation = rng.choice(DIPLOMATIC_ORGS)
        title = rng.choice(DIPLOMATIC_TITLES)
        domain = f"mfa.{cc}.example.org"
    else:
        organisation = rng.choice(TECHNICAL_ORGS)
        title = "Duty officer (24/7 watch)" if shift == "24/7" else rng.choice(TECHNICAL_TITLES)
        domain = f"cert.{cc}.example.org"
    emails = [email or f"{ascii_slug(latin or name)}@{domain}"]
    numbers = [{"number": phones.take(office_range), "use": "office"}]
    secure_channels = []
    notes = ""
    if shift == "24/7":
        emails.append(f"duty@{domain}")
        numbers.append({"number": phones.take(mobile_range), "use": "24x7"})
        secure_channels.append(f"Matrix: #duty:{domain}")
        notes = "Duty desk staffed around the clock; ask for the duty officer."
    elif rng.random() < 0.5:
        numbers.append({"number": phones.take(mobile_range), "use": "mobile"})
    return {
        "role": role,
        "name": display(name, latin),
        "title": title,
        "organisation": organisation,
        "emails": emails,
        "phones": numbers,
        "secure_channels": secure_channels,
        "languages": languages,
        "time_zone": zone,
        "hours": "24/7" if shift == "24/7" else hours,
        "notes": notes,
    }


def generate() -> str:
    rng = random.Random(SEED)
    phones = Phones(rng)
    entries = []
    names_left = {code: list(info[4]) for code, info in {**STATES, **NEW_STATES}.items()}

    def person(code):
        left = names_left[code]
        if not left:
            sys.exit(f"{code} has too few names")
        return left.pop(0)

    for code, info in STATES.items():
        # Everyone has a diplomatic and a technical PoC; about a third of the
        # States also run a 24/7 technical duty desk.
        roles = [("diplomatic", "office"), ("technical", "office")]
        if rng.random() < 0.35 or code in ("PAK", "FRA"):
            roles.append(("technical", "24/7"))
        for role, shift in roles:
            fixed = DEMO_ACCOUNT_POCS.get((code, role)) if shift == "office" else None
            if fixed:
                who, email = (fixed[0], fixed[1]), fixed[2]
            else:
                who, email = person(code), None
            entries.append({
                "participant": code,
                "status": "active",
                "poc": poc(rng, phones, code, info, role, who, email, shift),
            })
    for code, role in PENDING:
        info = STATES.get(code) or NEW_STATES[code]
        entries.append({
            "participant": code,
            "status": "pending",
            "poc": poc(rng, phones, code, info, role, person(code), None, "office"),
        })
    # A few CERT PoCs publish an OpenPGP key (fictional, made with GnuPG,
    # never expiring): crates/cli/data/keys/<e-mail>.asc.
    for entry in entries:
        key = KEYS / f"{entry['poc']['emails'][0]}.asc"
        if key.exists():
            entry["poc"]["openpgp_key"] = key.read_text(encoding="ascii")
    doc = {
        "about": "Fictional PoCs for `pocdir serve --demo`; generated by "
                 "scripts/gen-demo-pocs.py, see crates/cli/data/README.md. Do not edit by hand.",
        "seed": SEED,
        "pocs": entries,
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def main() -> None:
    text = generate()
    if "--check" in sys.argv[1:]:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
            sys.exit(f"{OUT} is out of date: run scripts/gen-demo-pocs.py")
        return
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(text, encoding="utf-8")
    active = sum(1 for e in json.loads(text)["pocs"] if e["status"] == "active")
    print(f"wrote {OUT}: {active} active, {len(json.loads(text)['pocs']) - active} pending")


if __name__ == "__main__":
    main()
