"""A span's surroundings written in capitals: counted over letters only, any script."""

from __future__ import annotations

from typing import Any

from storyline.analyze.naming.cleanup import shouting


def _bare(text: str, start: int, end: int) -> bool:
    """The count spelled out, one character at a time."""
    window = text[max(0, start - 40) : end + 40]
    letters = [ch for ch in window if ch.isalpha()]
    return len(letters) > 30 and sum(ch.isupper() for ch in letters) > 0.8 * len(letters)


def test_shouting_counts_letters(nlp: Any) -> None:
    texts = (
        "THEY SAID: FREE ÉLODIE MARSH NOW, OR WE MARCH AGAIN ON FRIDAY! Nobody came.",
        "Élodie Marsh walked to the café on Straße Nine, where 42 people waited.",
        "SHORT CAPS. then a quiet line that goes on and on in lower case for a while.",
        "ΑΘΗΝΑ ΚΑΙ ΠΑΤΡΑ ΣΗΜΕΡΑ ΠΡΩΙ: Mo Venn said the ferry ran late again today.",
    )
    results = []
    for text in texts:
        doc = nlp(text)
        for start in range(0, len(text), 7):
            end = min(len(text), start + 5)
            assert shouting(doc, start, end) == _bare(text, start, end)
            results.append(shouting(doc, start, end))
    assert any(results) and not all(results)
