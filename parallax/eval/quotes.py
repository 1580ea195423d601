"""``parallax eval quotes``: attribution of speech on PolNeAR, against textacy's ``direct_quotations``.

Data: PolNeAR's brat files (``attributions/*.ann``) with their texts (``text/*.txt``; an annotation file
``NAME_XXXX.ann`` belongs to ``NAME.txt``, ``XXXX`` naming the annotator). Each annotation file is one
document.

Scope: speech attributions only. A gold attribution counts when its cue contains one of
:data:`SPEECH_CUES` (reporting verbs such as said, told, according, added, warned); cues of thought or
feeling ("are afraid", "sees", "mocked") are left out, since neither system tries to find them.

Matching (overlap-based): a predicted content span matches a gold content span when they share at least
half of the shorter span's characters; each gold and each predicted span is matched at most once, best
overlap first. Precision = matched predictions / predictions; recall = matched gold / gold. Speaker
accuracy is over matched pairs whose gold attribution has a source: right when the predicted speaker
overlaps the gold source span, or its last capitalised word appears in it (a resolved pronoun).
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from parallax.errors import ParallaxError
from parallax.eval.files import input_files

SPEECH_CUES = frozenset(
    [
        "said",
        "say",
        "says",
        "saying",
        "told",
        "tell",
        "tells",
        "telling",
        "according",
        "added",
        "adds",
        "adding",
        "stated",
        "states",
        "statement",
        "asked",
        "asks",
        "announced",
        "announces",
        "explained",
        "explains",
        "noted",
        "notes",
        "wrote",
        "writes",
        "written",
        "argued",
        "argues",
        "insisted",
        "warned",
        "warns",
        "warning",
        "confirmed",
        "confirms",
        "denied",
        "denies",
        "acknowledged",
        "suggested",
        "replied",
        "responded",
        "declared",
        "claimed",
        "claims",
        "commented",
        "testified",
        "admitted",
        "predicted",
        "promised",
        "vowed",
        "urged",
        "recalled",
        "emphasized",
        "stressed",
        "tweeted",
        "tweet",
        "cautioned",
        "conceded",
        "complained",
        "quoted",
        "remarks",
        "interview",
        "speech",
    ]
)
MIN_OVERLAP = 0.5


@dataclass(frozen=True)
class Gold:
    content: tuple[tuple[int, int], ...]
    source: tuple[tuple[int, int], ...]
    cue: str


@dataclass(frozen=True)
class Predicted:
    start: int
    end: int
    speaker: str | None
    speaker_start: int | None
    parts: tuple[tuple[int, int], ...] = ()  # a split quote's fragments; () for start..end

    def pieces(self) -> tuple[tuple[int, int], ...]:
        return self.parts or ((self.start, self.end),)


@dataclass(frozen=True)
class Document:
    name: str
    text: str
    gold: tuple[Gold, ...]


def _spans(field: str) -> tuple[tuple[int, int], ...]:
    return tuple((int(a), int(b)) for a, b in (part.split() for part in field.split(";")))


def parse_ann(text: str) -> list[Gold]:
    """The attributions of one brat file."""
    spans: dict[str, tuple[str, tuple[tuple[int, int], ...], str]] = {}
    events = []
    for line in text.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, where = parts[1].partition(" ")
            spans[parts[0]] = (label, _spans(where), parts[2] if len(parts) > 2 else "")
        elif line.startswith("E") and len(parts) >= 2:
            events.append(dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg))
    gold = []
    for event in events:
        content = spans.get(event.get("Content", ""))
        if content is None:
            continue
        source = spans.get(event.get("Source", ""))
        cue = spans.get(event.get("Cue", ""))
        gold.append(Gold(content[1], source[1] if source else (), cue[2] if cue else ""))
    return gold


def is_speech(gold: Gold) -> bool:
    return any(word in SPEECH_CUES for word in re.findall(r"[a-z]+", gold.cue.lower()))


def load(path: str | Path) -> list[Document]:
    """Every annotated document under ``path`` (a folder with attributions/ and text/, or .ann files)."""
    anns = input_files(path, ".ann", "point at a PolNeAR folder such as ../shared/eval/polnear/dev")
    docs = []
    for ann in anns:
        stem = re.sub(r"_[0-9a-f]{4}$", "", ann.stem)
        candidates = [
            ann.with_suffix(".txt"),
            ann.parent.parent / "text" / f"{stem}.txt",
            ann.parent / f"{stem}.txt",
        ]
        text_path = next((c for c in candidates if c.exists()), None)
        if text_path is None:
            raise ParallaxError(
                f"{ann}: no text file found for it (looked for {candidates[1]}); keep text/ beside attributions/"
            )
        gold = tuple(g for g in parse_ann(ann.read_text(encoding="utf-8")) if is_speech(g))
        docs.append(Document(ann.stem, text_path.read_text(encoding="utf-8"), gold))
    return docs


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match(predicted: Sequence[Predicted], gold: Sequence[Gold]) -> list[tuple[int, int]]:
    """(predicted index, gold index) pairs, one-to-one, best overlap first."""
    candidates = []
    for p_index, pred in enumerate(predicted):
        for g_index, g in enumerate(gold):
            shared = sum(_overlap(part, span) for part in pred.pieces() for span in g.content)
            gold_len = sum(e - s for s, e in g.content)
            pred_len = sum(e - s for s, e in pred.pieces())
            shorter = max(min(pred_len, gold_len), 1)
            if shared >= MIN_OVERLAP * shorter:
                candidates.append((shared / shorter, p_index, g_index))
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, p_index, g_index in sorted(candidates, reverse=True):
        if p_index not in used_p and g_index not in used_g:
            used_p.add(p_index)
            used_g.add(g_index)
            pairs.append((p_index, g_index))
    return pairs


def speaker_right(pred: Predicted, gold: Gold, text: str) -> bool | None:
    if not gold.source:
        return None
    if pred.speaker is None:
        return False
    if pred.speaker_start is not None:
        span = (pred.speaker_start, pred.speaker_start + len(pred.speaker))
        if any(_overlap(span, s) for s in gold.source):
            return True
    names = [w for w in re.findall(r"[A-Za-z’'-]+", pred.speaker) if w[:1].isupper()]
    source_text = " ".join(text[s:e] for s, e in gold.source)
    return bool(names) and names[-1] in source_text


System = Callable[[Sequence[Document]], list[list[Predicted]]]


def parallax_system(docs: Sequence[Document]) -> list[list[Predicted]]:
    from parallax.models import Article
    from parallax.nlp import get_nlp
    from parallax.quotes import find_attributions

    articles = [Article(f"{i:012d}", d.name, d.text) for i, d in enumerate(docs)]
    analyses = get_nlp().analyse(articles)
    out = []
    for article, analysis in zip(articles, analyses, strict=True):
        found = find_attributions(article, analysis)
        out.append([Predicted(a.start, a.end, a.speaker, a.speaker_start, a.parts) for a in found])
    return out


def textacy_system(docs: Sequence[Document]) -> list[list[Predicted]]:
    """textacy 0.13's ``direct_quotations`` on spaCy's full small English pipeline (it needs the parser)."""
    import spacy
    from textacy.extract.triples import direct_quotations

    from parallax.nlp import spacy_package

    nlp = spacy.load(spacy_package())
    out = []
    for doc in nlp.pipe(d.text for d in docs):
        preds = []
        try:
            triples = list(direct_quotations(doc))
        except (ValueError, IndexError):  # textacy trips on some unbalanced quote marks
            triples = []
        for triple in triples:
            speaker = " ".join(t.text for t in triple.speaker) or None
            start = triple.speaker[0].idx if triple.speaker else None
            preds.append(
                Predicted(triple.content.start_char, triple.content.end_char, speaker, start)
            )
        out.append(preds)
    return out


def score(docs: Sequence[Document], predictions: Sequence[Sequence[Predicted]]) -> dict[str, float]:
    n_pred = n_gold = matched = right = judged = 0
    for doc, preds in zip(docs, predictions, strict=True):
        pairs = match(preds, doc.gold)
        n_pred += len(preds)
        n_gold += len(doc.gold)
        matched += len(pairs)
        for p_index, g_index in pairs:
            verdict = speaker_right(preds[p_index], doc.gold[g_index], doc.text)
            if verdict is not None:
                judged += 1
                right += verdict
    precision = matched / n_pred if n_pred else 0.0
    recall = matched / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(100 * precision, 2),
        "recall": round(100 * recall, 2),
        "f1": round(100 * f1, 2),
        "speaker_accuracy": round(100 * right / judged, 2) if judged else 0.0,
        "predicted": n_pred,
        "gold": n_gold,
    }


def evaluate(
    path: str | Path, systems: Iterable[tuple[str, System]] | None = None
) -> dict[str, Any]:
    docs = load(path)
    systems = systems or (
        ("parallax", parallax_system),
        ("textacy direct_quotations", textacy_system),
    )
    rows = []
    for name, system in systems:
        start = time.perf_counter()
        predictions = system(docs)
        seconds = time.perf_counter() - start
        rows.append({"system": name, **score(docs, predictions), "seconds": round(seconds, 2)})
    return {"rows": rows, "documents": len(docs)}
