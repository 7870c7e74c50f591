"""Write a synthetic, contract-valid corpus: N events and N/2 stories in Latvian and English.

Clearly fictional content of realistic length, with Latvian diacritics, for benchmarks and
scale tests. Usage: python benchmarks/corpus.py ROOT N   (ROOT gets events/ and stories/)
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

KINDS = "seminar training meeting conference presentation campaign study programme other".split()
PLACES = "jelgava riga talsi tukums vilaka ventspils lithuania".split()
THEMES = "mediation education women youth culture data cooperation awareness".split()
LV_WORDS = (
    "romu kopiena ģimeņu mācības skolotāju palīgi pašvaldība sadarbība izglītība jaunieši sievietes "
    "kultūra mediators seminārs pieredze apmaiņa līdzdalība Viļaka Jelgava Ventspils Rīga Talsi "
    "aktīvisti dzīvesstāsts pētījums dati atbalsts kapacitāte iesaiste saziņa bērni vecāki"
).split()
EN_WORDS = (
    "Roma community family training teacher assistants municipality cooperation education youth women "
    "culture mediator seminar experience exchange participation support capacity involvement children"
).split()


def sentence(rng: random.Random, words: list[str], count: int) -> str:
    return " ".join(rng.choice(words) for _ in range(count)).capitalize() + "."


def date(rng: random.Random, index: int) -> str:
    year, month, day = 2010 + index % 16, 1 + rng.randrange(12), 1 + rng.randrange(28)
    return [f"{year}", f"{year}-{month:02d}", f"{year}-{month:02d}-{day:02d}"][index % 3]


def write_corpus(root: Path, count: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    for folder in ("events", "stories"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    for index in range(count):
        neutral = (
            f"date: '{date(rng, index)}'\nkind: {KINDS[index % len(KINDS)]}\n"
            f"places: [{', '.join(rng.sample(PLACES, 2))}]\nthemes: [{', '.join(rng.sample(THEMES, 2))}]\n"
            f"project: platforma-{'v' if index % 2 else 'vi'}\n"
        )
        _write(root / "events" / f"event-{index:05d}", rng, neutral, index, "Izdomāts pasākums", "Made-up event")
    for index in range(count // 2):
        neutral = f"date: '{date(rng, index)}'\nconsent: 2024-01-15\nthemes: [{rng.choice(THEMES)}]\n"
        _write(
            root / "stories" / f"story-{index:05d}",
            rng,
            neutral,
            index,
            "Izdomāts stāsts",
            "Made-up story",
            person=True,
        )


def _write(stem: Path, rng: random.Random, neutral: str, index: int, lv_title: str, en_title: str, person=False):
    for lang, title, words in (("lv", lv_title, LV_WORDS), ("en", en_title, EN_WORDS)):
        summary = sentence(rng, words, 30)[:280]
        meta = f"title: '{title} {index}: {sentence(rng, words, 5)}'\nsummary: '{summary}'\n"
        if person:
            meta += f"person: '{'Persona' if lang == 'lv' else 'Person'} {index}'\n"
        if lang == "lv":
            meta += neutral
        body = "\n\n".join(" ".join(sentence(rng, words, 14) for _ in range(5)) for _ in range(4))
        Path(f"{stem}.{lang}.md").write_text(f"---\n{meta}---\n\n{body}\n", encoding="utf-8")


if __name__ == "__main__":
    write_corpus(Path(sys.argv[1]), int(sys.argv[2]))
