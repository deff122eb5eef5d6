"""Measure the reference parser: field-level precision, recall and F1, and its speed.

    python scripts/eval_parser.py [--skip-cora] [--speed-n 10000]

How the comparison is defined
-----------------------------
Gold: AnyStyle's hand-tagged ``parsing/anystyle_gold.xml``. Each gold sequence's tagged spans
go through the *same* span-to-field conversion as the parser's own output
(``veribib.reference.spans.fields_from_spans``): first span of each kind; ``journal`` and
``container-title`` both count as the container; the year is the first 1500–2099 number in
the date (or in a Vancouver ``2009;108(2):`` volume); volume and pages are cut out of their
spans (``Vol. 9,`` → ``9``, ``pp. 1477–81.`` → ``1477-81``). Prediction: ``parse_string``
on the sequence's text (its spans joined by single spaces).

Values are compared after normalisation: inline markup such as ``<italic>`` (present in
some gold strings) dropped, Unicode NFKC, lower case, every run of
non-alphanumeric characters replaced by one space, ends trimmed. Authors are compared as the
ordered list of normalised family names (the whole list must match).

Per reference and field: gold and prediction both present and equal → true positive; both
present and different → one false positive *and* one false negative; gold only → false
negative; prediction only → false positive; neither → not counted. Micro-F1 pools the counts
of the six fields (author, title, container, year, volume, pages).

Because both sides share the conversion, the figures measure tagging (where the fields are)
rather than the conversion's own correctness; the conversion is tested separately on real
reference strings in ``tests/reference``.

Honesty notes: 214 of the 1,669 gold strings also occur (after normalisation) in
``anystyle_core.xml``, the training set; the headline table leaves them out and a second line
gives the figure on all of gold. AnyStyle's CORA file is almost entirely contained in core
(648 of 656 strings), so the CORA table uses a second model trained at run time like the
shipped one but on core *minus* those strings, and evaluates it on CORA (a cross-style test:
CORA is computer-science references). The shipped model's training set also holds strings
rendered from Crossref records (see ``scripts/train_parser.py``); none of them is in gold.

Rendered strings (second table): every citable record of the REPORT half of
``eval_cases.py``'s hash split of the real Crossref/seed records, rendered twice (with DOI and
locator, and without either) by ``eval_cases.render_text`` in its APA, Vancouver, Harvard and
numbered (IEEE) styles, plus the same IEEE strings with a ``[n]`` list number and a Chicago
author-date rendering written here (BibTeX is read by ``source/``, not parsed). The truth is
what the string shows: the authors written out before "et al.", Vancouver's journal
abbreviation and shortened page range, no volume or pages where the style leaves them out,
``n° 95`` as ``95``. Each cell is the share of strings whose field, normalised as above,
equals the truth (absent where absent counts as right); ``all`` is the share with all six
right. The shipped model's synthetic training strings come from the TUNE half only, so none
of these records was seen in training (``scripts/train_parser.py``).

Speed: ``parse_reference`` (tagging, conversion, identifiers, type guess, warnings) over
10,000 real reference strings from Crossref's reference-matching set (repeated as needed).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from veribib.model import Fields, Origin, RawReference
from veribib.reference import parse_reference
from veribib.reference.crf import load_tagger
from veribib.reference.dataset import TaggedReference, read_dataset
from veribib.reference.parser import Tagger, parse_string
from veribib.reference.spans import fields_from_spans, group_spans
from veribib.reference.styles import short_pages
from veribib.reference.training import train_model

sys.path.insert(0, str(Path(__file__).resolve().parent))
import eval_cases as ec
from eval_cases import Cited
from train_parser import training_set

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("VERIBIB_SHARED", ROOT.parent / "shared"))
DATA = SHARED / "data"
FIELDS = ("author", "title", "container", "year", "volume", "pages")


def norm(s: str) -> str:
    """Markup dropped, NFKC, lower case, non-alphanumerics collapsed to single spaces."""
    s = re.sub(r"</?[A-Za-z][\w-]*[^<>]*>", " ", s)
    s = unicodedata.normalize("NFKC", s).lower()
    return re.sub(r"[\W_]+", " ", s).strip()


def values(f: Fields) -> dict[str, str | None]:
    """The six compared fields of ``f`` as normalised strings (None when absent)."""
    authors = " | ".join(norm(p.family) for p in f.authors)
    return {
        "author": authors or None,
        "title": norm(f.title) if f.title else None,
        "container": norm(f.container) if f.container else None,
        "year": str(f.year) if f.year is not None else None,
        "volume": norm(f.volume) if f.volume else None,
        "pages": norm(f.pages) if f.pages else None,
    }


@dataclass
class Counts:
    """True positives, false positives and false negatives of one field."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: str | None, pred: str | None) -> None:
        """Count one reference's comparison (see the module docstring)."""
        if gold and pred:
            if gold == pred:
                self.tp += 1
            else:
                self.fp += 1
                self.fn += 1
        elif gold:
            self.fn += 1
        elif pred:
            self.fp += 1

    def prf(self) -> tuple[float, float, float]:
        """Precision, recall, F1."""
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Result:
    """Counts per field over one data set."""

    n: int = 0
    counts: dict[str, Counts] = field(default_factory=lambda: {f: Counts() for f in FIELDS})

    def micro(self) -> Counts:
        """All six fields pooled."""
        c = Counts()
        for k in self.counts.values():
            c.tp, c.fp, c.fn = c.tp + k.tp, c.fp + k.fp, c.fn + k.fn
        return c


def gold_fields(ref: TaggedReference) -> Fields:
    """The gold spans through the same conversion the parser uses."""
    return fields_from_spans(group_spans(ref.tokens, ref.labels))


def evaluate(refs: Sequence[TaggedReference], tagger: Tagger | None = None) -> Result:
    """Compare the parser with the gold fields of ``refs``."""
    res = Result()
    for ref in refs:
        gold = values(gold_fields(ref))
        pred = values(parse_string(ref.text, tagger=tagger))
        res.n += 1
        for f in FIELDS:
            res.counts[f].add(gold[f], pred[f])
    return res


def print_table(title: str, res: Result) -> None:
    """One table: a line per field and the micro average."""
    print(f"\n{title}  (n = {res.n} references)")
    print(f"{'field':<10} {'P':>7} {'R':>7} {'F1':>7} {'TP':>6} {'FP':>6} {'FN':>6}")
    rows = [*((f, res.counts[f]) for f in FIELDS), ("micro", res.micro())]
    for name, c in rows:
        p, r, f1 = c.prf()
        print(f"{name:<10} {p:7.3f} {r:7.3f} {f1:7.3f} {c.tp:6d} {c.fp:6d} {c.fn:6d}")


def _key(ref: TaggedReference) -> str:
    return re.sub(r"\W+", "", ref.text.lower())


def speed(n: int) -> None:
    """Time ``parse_reference`` on ``n`` real reference strings."""
    path = DATA / "benchmarks/crossref_rme_real_unstructured_2000_sbmv.json"
    strings = [d["ref_string"] for d in json.loads(path.read_text())["dataset"]]
    texts = [strings[i % len(strings)] for i in range(n)]
    parse_reference(RawReference(texts[0], Origin("warmup")), "warmup")  # loads the model
    start = time.perf_counter()
    for i, text in enumerate(texts):
        parse_reference(RawReference(text, Origin("speed", i + 1, i)), f"speed#{i}")
    took = time.perf_counter() - start
    print(
        f"\nspeed: {n} references in {took:.2f} s = {n / took:.0f} references/s, "
        f"{1000 * took / n:.2f} ms each (parse_reference, one process)"
    )


# --- strings rendered from real Crossref records, with known fields ----------------------------

# eval_cases.py's reference-list styles (its fifth, BibTeX, is read by source/, not parsed here)
# plus two the end-to-end cases lack: IEEE lists numbered "[12]" and Chicago author-date.
RENDERED_STYLES = ("apa", "vancouver", "harvard", "numbered", "numbered-list", "chicago")
_PREFIX_WORDS = re.compile(r"^\s*(?:vol(?:ume)?|no|n°|nº|num|number)\s*\.?\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Rendered:
    """One rendered reference string, its style and the fields it truly shows."""

    style: str
    text: str
    want: dict[str, str | None]


def _journal_like(c: Cited) -> bool:
    """As ``eval_cases.render_text`` decides whether it writes journal, volume and pages."""
    return c.kind in ec._ARTICLE_TYPES or (c.kind not in ec._CITABLE_TYPES and bool(c.container))


def shown_fields(c: Cited, style: str) -> dict[str, str | None]:
    """The six compared fields as the style writes them (normalised like ``values``)."""
    base = "numbered" if style == "numbered-list" else style
    people = (
        c.authors[: ec.shown_authors(base, len(c.authors))]
        if base != "chicago"
        else (c.authors if len(c.authors) <= 10 else c.authors[:7])
    )
    if base == "apa" and len(c.authors) > 20 and not c.et_al:
        people = (*c.authors[:19], c.authors[-1])
    journal, chapter = _journal_like(c), c.kind == "book-chapter"
    container = c.container if (journal or chapter) else None
    if journal and base == "vancouver" and container:
        container = (c.container_short or container).replace(".", "")
    pages = c.pages if (journal or chapter) else None
    if pages and base == "vancouver":
        pages = short_pages(pages)
    volume = _PREFIX_WORDS.sub("", c.volume) if (journal and c.volume) else None
    return {
        "author": " | ".join(norm(p.family) for p in people) or None,
        "title": norm(c.title) or None,
        "container": norm(container) if container else None,
        "year": str(c.year) if c.year else None,
        "volume": norm(volume) if volume else None,
        "pages": norm(pages) if pages else None,
    }


def _chicago(c: Cited) -> str:
    """Chicago author-date: ``Family, Given, and Given Family. 2020. “Title.” J 3 (2): 1–10.``"""
    people = c.authors if len(c.authors) <= 10 else c.authors[:7]
    names = [
        f"{p.family}, {p.given}" if i == 0 and p.given else f"{p.given} {p.family}".strip()
        for i, p in enumerate(people)
    ]
    if len(people) < len(c.authors) or c.et_al:
        who = ", ".join(names) + ", et al."
    elif len(names) > 1:
        who = ", ".join(names[:-1]) + (", and " if len(names) > 2 else " and ") + names[-1]
    else:
        who = names[0] if names else ""
    head = f"{who.rstrip('.')}. {c.year}. " if who else ""
    title = c.title if c.title.endswith(("?", "!")) else c.title + "."
    text = head + f"\u201c{title}\u201d "
    if _journal_like(c) and c.container:
        text += c.container
        if c.volume:
            text += f" {c.volume}" + (f" ({c.issue})" if c.issue else "")
        text += f": {ec._dash(c.pages)}." if c.pages else "."
    elif c.kind == "book-chapter" and c.container:
        text += f"In {c.container}" + (f", {ec._dash(c.pages)}" if c.pages else "") + "."
        text += f" {c.publisher}." if c.publisher else ""
    elif c.publisher:
        text += f"{c.publisher}."
    return text.strip() + (f" https://doi.org/{c.doi}." if c.doi else "")


def rendered_set(split: str = "report") -> list[Rendered]:
    """Every citable record of one ``eval_cases`` half in every style, twice: with DOI and
    locator, and without either (as the end-to-end cases write them)."""
    records = [
        r
        for r in ec.load_records()
        if ec.split_of(r.key) == split
        and r.kind in ec._CITABLE_TYPES
        and r.title
        and r.authors
        and r.work.fields.year
    ]
    out: list[Rendered] = []
    for style in RENDERED_STYLES:
        base = "numbered" if style == "numbered-list" else style
        for n, (r, full) in enumerate((r, full) for r in records for full in (True, False)):
            cited = ec._fields_of(r, with_doi=full, locator=full)
            case = ec.Case(
                id=f"{style}-{n}",
                type="correct",
                kind="correct",
                expected="verified",
                acceptable=frozenset({"verified"}),
                style=base,
                cited=cited,
                key=r.key,
                records=(r.key,),
            )
            if style == "chicago":
                text = _chicago(cited)
            else:
                text = ec.render_text(case)
                if style == "numbered-list":
                    text = f"[{n % 60 + 1}] {text}"
            out.append(Rendered(style, text, shown_fields(cited, style)))
    return out


def evaluate_rendered(
    cases: Sequence[Rendered], tagger: Tagger | None = None, show: str = ""
) -> dict[str, dict[str, float]]:
    """Per style: the share of strings whose field is right (absent where absent counts),
    and the share with all six right."""
    tally: dict[str, Counter[str]] = defaultdict(Counter)
    for case in cases:
        got = values(parse_string(case.text, tagger=tagger))
        t = tally[case.style]
        t["n"] += 1
        ok = True
        for f in FIELDS:
            if got[f] == case.want[f]:
                t[f] += 1
            else:
                ok = False
                if show in (f, case.style, "all"):
                    print(
                        f"--- [{case.style}] {f}: {case.text}\n    want: {case.want[f]}\n"
                        f"    got:  {got[f]}",
                        file=sys.stderr,
                    )
        t["all"] += ok
    return {
        s: {k: v / t["n"] for k, v in t.items() if k != "n"} | {"n": t["n"]}
        for s, t in tally.items()
    }


def print_rendered(title: str, table: dict[str, dict[str, float]]) -> None:
    """One line per style: field accuracies and the all-six share."""
    print(f"\n{title}")
    cols = (*FIELDS, "all")
    print(f"{'style':<14} {'n':>4} " + " ".join(f"{c:>9}" for c in cols))
    for style in RENDERED_STYLES:
        if style in table:
            row = table[style]
            print(
                f"{style:<14} {int(row['n']):4d} "
                + " ".join(f"{row.get(c, 0.0):9.3f}" for c in cols)
            )


def cora_tagger(core: Sequence[TaggedReference], cora: Sequence[TaggedReference]) -> Tagger:
    """A model trained like the shipped one but on core minus the CORA strings it contains."""
    cora_keys = {_key(r) for r in cora}
    held = [r for r in core if _key(r) not in cora_keys]
    tmp = Path(tempfile.mkdtemp()) / "core-minus-cora.crfsuite"
    print(f"\ntraining a model on core minus CORA ({len(held)} of {len(core)} references)...")
    train_model(training_set(held), tmp)
    return load_tagger(str(tmp))


def main() -> None:
    """Print the gold table, the rendered-strings table, the CORA table and the speed figure."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--skip-cora", action="store_true", help="skip training the CORA model")
    ap.add_argument("--speed-n", type=int, default=10_000)
    ap.add_argument("--show-errors", type=str, default="", help="print mismatches of a field")
    ap.add_argument(
        "--show-rendered",
        type=str,
        default="",
        help="print rendered mismatches: field, style or all",
    )
    ap.add_argument(
        "--model", type=Path, default=None, help="a model file other than the shipped one"
    )
    ap.add_argument("--only-rendered", action="store_true", help="print the rendered table only")
    args = ap.parse_args()
    tagger = load_tagger(str(args.model)) if args.model else None

    if not args.only_rendered:
        parsing = DATA / "parsing"
        core = read_dataset(parsing / "anystyle_core.xml")
        gold = read_dataset(parsing / "anystyle_gold.xml")
        core_keys = {_key(r) for r in core}
        disjoint = [r for r in gold if _key(r) not in core_keys]

        res = evaluate(disjoint, tagger)
        print_table("AnyStyle gold, strings not in the training set", res)
        all_res = evaluate(gold, tagger)
        print(f"(all {all_res.n} gold strings: micro-F1 {all_res.micro().prf()[2]:.3f})")

        if args.show_errors:
            _show(disjoint, args.show_errors, lambda text: parse_string(text, tagger=tagger))

    print_rendered(
        "Rendered from the REPORT half of the real records (eval_cases styles + 2), "
        "share right per field",
        evaluate_rendered(rendered_set("report"), tagger, args.show_rendered),
    )
    if args.only_rendered:
        return

    if not args.skip_cora:
        cora = read_dataset(parsing / "anystyle_cora_2018.xml")
        print_table(
            "CORA (model trained on core minus CORA)", evaluate(cora, cora_tagger(core, cora))
        )

    if args.speed_n:
        speed(args.speed_n)


def _show(refs: Sequence[TaggedReference], name: str, parse: Callable[[str], Fields]) -> None:
    """Print gold and predicted values where they differ (for working on the parser)."""
    for ref in refs:
        g, p = values(gold_fields(ref))[name], values(parse(ref.text))[name]
        if g != p:
            print(f"--- {ref.text}\n    gold: {g}\n    pred: {p}", file=sys.stderr)


if __name__ == "__main__":
    main()
