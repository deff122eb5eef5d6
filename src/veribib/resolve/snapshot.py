"""A local snapshot of Crossref records, indexed in SQLite for lookups without a network.

The input is JSON Lines, one Crossref ``message`` object per line (the shape of Crossref's public
data file), plain or gzipped; lines holding a whole API answer (``{"message": {...}}``, also a
work list) are accepted too. The index (SQLite with an FTS5 table) lives in the cache folder and
is rebuilt only when the input's size, mtime and SHA-256 say it changed. A miss in a snapshot is
no evidence, so its NOT_FOUND outcomes are not authoritative.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import json
import logging
import os
import sqlite3
import tempfile
import time
import zlib
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, BinaryIO, cast

from veribib.errors import InputError
from veribib.model import Fields, Outcome, Status, Work
from veribib.resolve.normalize import (
    container_matches,
    container_names,
    page_keys,
    search_terms,
    volume_key,
)
from veribib.resolve.records import work_from_crossref

log = logging.getLogger(__name__)

SCHEMA_VERSION = "3"
MAX_WARNINGS = 20  # warnings kept (and logged one by one); the rest are only counted

# Bulky parts of a Crossref record that no Work field uses; dropped to keep the index small.
_DROP = frozenset(
    (
        "reference",
        "abstract",
        "license",
        "link",
        "assertion",
        "funder",
        "content-domain",
        "indexed",
        "deposited",
        "created",
        "resource",
        "relation-ships",
        "archive",
    )
)
# bm25 column weights: title, authors, container, year.
_BM25 = "bm25(works_fts, 4.0, 2.0, 1.0, 0.5)"
_BATCH = 2000
_SQL_VARS = 500
# Query words in more than this share of records are dropped (their BM25 weight is near zero and
# their long posting lists are what makes a search slow), keeping at least _MIN_TERMS words.
_COMMON_SHARE = 0.01
_COMMON_FLOOR = 200
_MIN_TERMS = 6

_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE works(
    id INTEGER PRIMARY KEY,
    doi TEXT,
    line INTEGER NOT NULL,
    record BLOB NOT NULL,
    containers TEXT NOT NULL,
    issns TEXT NOT NULL,
    volume TEXT,
    year INTEGER
);
CREATE TABLE pages(key TEXT NOT NULL, work INTEGER NOT NULL);
CREATE VIRTUAL TABLE works_fts USING fts5(
    title, authors, container, year,
    content='', tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TABLE terms(term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
"""
_INDEXES = """
CREATE UNIQUE INDEX works_doi ON works(doi);
CREATE INDEX pages_key ON pages(key);
INSERT INTO works_fts(works_fts) VALUES('optimize');
"""


@dataclass(frozen=True, slots=True)
class SnapshotStats:
    """What building (or reusing) an index found: counts and the first warnings."""

    records: int
    skipped: int  # malformed lines, or records with neither DOI nor title
    duplicates: int  # later lines repeating a DOI already indexed (the first one is kept)
    rebuilt: bool  # False when an up-to-date index was reused
    seconds: float
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Fingerprint:
    size: int
    mtime_ns: int
    sha256: str


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _fingerprint(path: Path, sha256: str | None = None) -> _Fingerprint:
    st = path.stat()
    return _Fingerprint(st.st_size, st.st_mtime_ns, sha256 or _sha256(path))


def default_index_path(jsonl_path: str | Path, cache_dir: str | Path) -> Path:
    """Where the index of a snapshot file lives: ``<cache>/snapshots/<name>-<hash of path>``."""
    source = Path(jsonl_path).expanduser().resolve()
    name = source.name.removesuffix(".gz").removesuffix(".jsonl").removesuffix(".json")
    tag = hashlib.sha1(str(source).encode("utf-8")).hexdigest()[:10]
    return Path(cache_dir).expanduser() / "snapshots" / f"{name}-{tag}.sqlite"


def _open_lines(path: Path) -> BinaryIO:
    """The snapshot file as binary lines, gunzipped when it is gzip (by magic number)."""
    with path.open("rb") as fh:
        magic = fh.read(2)
    return cast(BinaryIO, gzip.open(path, "rb")) if magic == b"\x1f\x8b" else path.open("rb")


def _messages(obj: Any) -> list[Mapping[str, Any]] | None:
    """The Crossref work records in one parsed line; None when it holds none."""
    if isinstance(obj, Mapping) and isinstance(obj.get("message"), Mapping):
        obj = obj["message"]
    if not isinstance(obj, Mapping):
        return None
    items = obj.get("items")
    if isinstance(items, list) and "DOI" not in obj and "title" not in obj:
        return [i for i in items if isinstance(i, Mapping)] or None
    return [obj]


class _Builder:
    """Reads a snapshot file into a fresh index database, counting what it skips."""

    def __init__(self, source: Path, conn: sqlite3.Connection) -> None:
        self.source = source
        self.conn = conn
        self.records = 0
        self.skipped = 0
        self.duplicates = 0
        self.warnings: list[str] = []
        self._dois: set[str] = set()
        self._works: list[tuple[Any, ...]] = []
        self._pages: list[tuple[str, int]] = []
        self._fts: list[tuple[Any, ...]] = []
        self.df: Counter[str] = Counter()

    def warn(self, line: int | None, message: str) -> None:
        self.skipped += 1
        if len(self.warnings) < MAX_WARNINGS:
            where = f"{self.source}:{line}" if line is not None else str(self.source)
            text = f"{where}: {message}"
            self.warnings.append(text)
            log.warning("snapshot: %s", text)

    def run(self) -> None:
        lineno = 0
        try:
            with _open_lines(self.source) as fh:
                for lineno, raw in enumerate(fh, start=1):
                    self._line(lineno, raw)
        except (OSError, EOFError, zlib.error) as exc:
            if lineno == 0 and self.records == 0:
                raise InputError(str(self.source), f"cannot read the snapshot: {exc}") from exc
            self.warn(lineno + 1, f"file ends early or is damaged, kept what came before: {exc}")
        self._flush()

    def _line(self, lineno: int, raw: bytes) -> None:
        if not raw.strip():
            return
        try:
            obj = json.loads(raw)
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            self.warn(lineno, f"not a JSON line ({exc})")
            return
        messages = _messages(obj)
        if messages is None:
            self.warn(lineno, "not a Crossref work record (a JSON object)")
            return
        for message in messages:
            self._record(lineno, message)
        if len(self._works) >= _BATCH:
            self._flush()

    def _record(self, lineno: int, message: Mapping[str, Any]) -> None:
        try:
            work = work_from_crossref(message, source="snapshot")
        except (TypeError, ValueError, AttributeError, KeyError) as exc:
            self.warn(lineno, f"cannot read the record ({exc!r})")
            return
        if not work.doi and not work.fields.title:
            self.warn(lineno, "record has neither a DOI nor a title")
            return
        if work.doi:
            if work.doi in self._dois:
                self.duplicates += 1
                return
            self._dois.add(work.doi)
        self.records += 1
        rowid = self.records
        slim = {k: v for k, v in message.items() if k not in _DROP}
        record = zlib.compress(json.dumps(slim, ensure_ascii=False).encode("utf-8"), 1)
        f = work.fields
        names = container_names((f.container, *work.container_short))
        self._works.append(
            (
                rowid,
                work.doi,
                lineno,
                record,
                json.dumps(names),
                json.dumps(work.issn),
                volume_key(f.volume),
                f.year,
            )
        )
        keys = {*page_keys(f.first_page), *page_keys(work.article_number)}
        self._pages.extend((k, rowid) for k in keys)
        columns = (
            " ".join(t for t in (f.title, work.subtitle) if t),
            " ".join(f"{p.family} {p.given}" for p in f.authors),
            " ".join(t for t in (f.container, *work.container_short) if t),
            str(f.year) if f.year else "",
        )
        self._fts.append((rowid, *columns))
        self.df.update(set(search_terms(columns, limit=1000)))

    def _flush(self) -> None:
        self.conn.executemany("INSERT INTO works VALUES (?,?,?,?,?,?,?,?)", self._works)
        self.conn.executemany("INSERT INTO pages VALUES (?,?)", self._pages)
        self.conn.executemany(
            "INSERT INTO works_fts(rowid, title, authors, container, year) VALUES (?,?,?,?,?)",
            self._fts,
        )
        self._works.clear()
        self._pages.clear()
        self._fts.clear()


def _read_meta(index_path: Path) -> dict[str, str] | None:
    """The meta table of an existing index, or None when it is missing or unreadable."""
    if not index_path.is_file():
        return None
    try:
        with contextlib.closing(sqlite3.connect(f"file:{index_path}?mode=ro", uri=True)) as c:
            return {k: v for k, v in c.execute("SELECT key, value FROM meta")}
    except sqlite3.Error:
        return None


def _is_current(meta: Mapping[str, str] | None, source: Path) -> tuple[bool, str | None]:
    """Whether an index built from ``source`` is still current (and the file's hash if read)."""
    if meta is None or meta.get("schema") != SCHEMA_VERSION:
        return False, None
    st = source.stat()
    if meta.get("size") == str(st.st_size) and meta.get("mtime_ns") == str(st.st_mtime_ns):
        return True, None
    if meta.get("size") != str(st.st_size):
        return False, None
    # Same size, new mtime (copied, touched): only the content decides.
    digest = _sha256(source)
    return meta.get("sha256") == digest, digest


class Snapshot:
    """A local, read-only ``WorkRegistry`` over an indexed Crossref JSON Lines file."""

    name = "snapshot"
    authoritative = False

    def __init__(self, index_path: Path, source: Path, stats: SnapshotStats) -> None:
        self.index_path = index_path
        self.source = source
        self.stats = stats
        self._conn = sqlite3.connect(
            f"file:{index_path}?mode=ro", uri=True, check_same_thread=False
        )

    # --- building and opening ------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, cache_dir: str | Path | None = None) -> Snapshot:
        """Open a snapshot file, (re)building its index in ``<cache_dir>/snapshots`` if needed."""
        from veribib.config import default_cache_dir

        return cls.build(path, default_index_path(path, cache_dir or default_cache_dir()))

    @classmethod
    def build(cls, jsonl_path: str | Path, index_path: str | Path, force: bool = False) -> Snapshot:
        """Index ``jsonl_path`` into ``index_path`` unless an index of the same content is there."""
        source = Path(jsonl_path).expanduser()
        index = Path(index_path).expanduser()
        if not source.is_file():
            raise InputError(str(source), "snapshot file not found")
        started = time.perf_counter()
        meta = _read_meta(index)
        current, digest = (False, None) if force else _is_current(meta, source)
        if current and meta is not None:
            if digest is not None:
                _touch_meta(index, source)
            stats = SnapshotStats(
                records=int(meta.get("records", "0")),
                skipped=int(meta.get("skipped", "0")),
                duplicates=int(meta.get("duplicates", "0")),
                rebuilt=False,
                seconds=time.perf_counter() - started,
                warnings=tuple(json.loads(meta.get("warnings", "[]"))),
            )
            return cls(index, source, stats)
        stats = _build_index(source, index, digest, started)
        return cls(index, source, stats)

    def close(self) -> None:
        """Close the index database."""
        self._conn.close()

    async def aclose(self) -> None:
        """Close the index database (the async form the resolver calls on every registry)."""
        self.close()

    # --- lookups (sync) --------------------------------------------------------------------

    def _works(self, ids: Sequence[int]) -> dict[int, Work]:
        out: dict[int, Work] = {}
        for start in range(0, len(ids), _SQL_VARS):
            chunk = ids[start : start + _SQL_VARS]
            marks = ",".join("?" * len(chunk))
            for rowid, blob in self._conn.execute(
                f"SELECT id, record FROM works WHERE id IN ({marks})", chunk
            ):
                message = json.loads(zlib.decompress(blob))
                out[rowid] = replace(work_from_crossref(message, source="snapshot"), score=None)
        return out

    def lookup_dois(self, dois: Sequence[str]) -> dict[str, Work]:
        """The indexed works among ``dois`` (matched case-insensitively), keyed as asked."""
        wanted = {d.strip().lower(): d for d in dois if d and d.strip()}
        keys = list(wanted)
        found: dict[str, int] = {}
        for start in range(0, len(keys), _SQL_VARS):
            chunk = keys[start : start + _SQL_VARS]
            marks = ",".join("?" * len(chunk))
            found.update(
                self._conn.execute(f"SELECT doi, id FROM works WHERE doi IN ({marks})", chunk)
            )
        works = self._works(list(found.values()))
        return {wanted[doi]: works[rowid] for doi, rowid in found.items()}

    def _informative(self, terms: list[str]) -> list[str]:
        """The query words worth searching with: common ones dropped, the rarest kept."""
        if len(terms) <= _MIN_TERMS:
            return terms
        marks = ",".join("?" * len(terms))
        df: dict[str, int] = dict(
            self._conn.execute(f"SELECT term, df FROM terms WHERE term IN ({marks})", terms)
        )
        # A word the index never saw may still match a stemmed form, so it counts as rare.
        cutoff = max(_COMMON_FLOOR, int(self.stats.records * _COMMON_SHARE))
        kept = [t for t in terms if df.get(t, 0) <= cutoff]
        if len(kept) >= _MIN_TERMS:
            return kept
        rarest = set(sorted(terms, key=lambda t: df.get(t, 0))[:_MIN_TERMS])
        return [t for t in terms if t in rarest]

    def search_works(self, fields: Fields, text: str, rows: int = 5) -> tuple[Work, ...]:
        """Best BM25 matches over title, authors, container and year; ``score`` set on each."""
        terms = search_terms(
            (
                fields.title,
                " ".join(p.family for p in fields.authors),
                fields.container,
                str(fields.year) if fields.year else None,
                text,
            )
        )
        terms = self._informative(terms)
        if not terms or rows <= 0:
            return ()
        query = " OR ".join(f'"{t}"' for t in terms)
        hits = self._conn.execute(
            f"SELECT rowid, {_BM25} AS s FROM works_fts WHERE works_fts MATCH ? ORDER BY s LIMIT ?",
            (query, rows),
        ).fetchall()
        works = self._works([rowid for rowid, _ in hits])
        return tuple(replace(works[rowid], score=-s) for rowid, s in hits if rowid in works)

    def locate(
        self, container: str, volume: str | None, first_page: str, year: int | None
    ) -> tuple[Work, ...]:
        """Works at a journal + volume + first page or article number; unknowns never exclude."""
        keys = page_keys(first_page)
        if not keys or not container.strip():
            return ()
        marks = ",".join("?" * len(keys))
        rows = self._conn.execute(
            "SELECT DISTINCT w.id, w.containers, w.issns, w.volume, w.year FROM pages p "
            f"JOIN works w ON w.id = p.work WHERE p.key IN ({marks})",
            keys,
        ).fetchall()
        cited_volume = volume_key(volume)
        ranked: list[tuple[int, int]] = []
        for rowid, names, issns, vol, rec_year in rows:
            if not container_matches(container, json.loads(names), json.loads(issns)):
                continue
            if cited_volume and vol:
                if vol != cited_volume:
                    continue
            elif year and rec_year and abs(year - rec_year) > 1:
                # Without a volume on both sides, the year keeps far-off namesakes out.
                continue
            ranked.append((0 if cited_volume and vol else 1, rowid))
        ranked.sort()
        works = self._works([rowid for _, rowid in ranked])
        return tuple(works[rowid] for _, rowid in ranked if rowid in works)

    # --- WorkRegistry ----------------------------------------------------------------------

    def _miss(self, what: str) -> Outcome[Any]:
        return Outcome(
            Status.NOT_FOUND,
            source=self.name,
            detail=f"{what} not in snapshot {self.source.name}",
            authoritative=False,
        )

    async def works_by_doi(self, dois: Sequence[str]) -> dict[str, Outcome[Work]]:
        """One Outcome per DOI asked: FOUND from the index, else a non-authoritative NOT_FOUND."""
        found = self.lookup_dois(dois)
        return {
            d: Outcome(Status.FOUND, found[d], source=self.name) if d in found else self._miss(d)
            for d in dois
        }

    async def search(self, fields: Fields, text: str, rows: int = 5) -> Outcome[tuple[Work, ...]]:
        """Bibliographic search in the index."""
        works = self.search_works(fields, text, rows)
        if works:
            return Outcome(Status.FOUND, works, source=self.name, authoritative=False)
        return self._miss("no match")

    async def by_locator(
        self, container: str, volume: str | None, first_page: str, year: int | None
    ) -> Outcome[tuple[Work, ...]]:
        """Locator lookup in the index."""
        works = self.locate(container, volume, first_page, year)
        if works:
            return Outcome(Status.FOUND, works, source=self.name, authoritative=False)
        return self._miss(f"{container} {volume or '?'}:{first_page}")

    def __repr__(self) -> str:
        return f"Snapshot({str(self.source)!r}, records={self.stats.records})"


def _touch_meta(index: Path, source: Path) -> None:
    """Record a new mtime for unchanged content, so the next open skips hashing."""
    try:
        with contextlib.closing(sqlite3.connect(index)) as conn, conn:
            conn.execute(
                "UPDATE meta SET value = ? WHERE key = 'mtime_ns'",
                (str(source.stat().st_mtime_ns),),
            )
    except sqlite3.Error as exc:  # a read-only cache still works, it just hashes again
        log.debug("cannot update snapshot index meta %s: %s", index, exc)


def _build_index(source: Path, index: Path, digest: str | None, started: float) -> SnapshotStats:
    """Build a new index in a temporary file and move it into place atomically."""
    fingerprint = _fingerprint(source, digest)
    index.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=index.name + ".", suffix=".tmp", dir=index.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        with contextlib.closing(sqlite3.connect(tmp)) as conn:
            conn.execute("PRAGMA journal_mode=OFF")
            conn.execute("PRAGMA synchronous=OFF")
            conn.executescript(_SCHEMA)
            builder = _Builder(source, conn)
            builder.run()
            conn.executemany("INSERT INTO terms VALUES (?, ?)", builder.df.items())
            conn.executescript(_INDEXES)
            meta = {
                "schema": SCHEMA_VERSION,
                "source": str(source.resolve()),
                "size": str(fingerprint.size),
                "mtime_ns": str(fingerprint.mtime_ns),
                "sha256": fingerprint.sha256,
                "records": str(builder.records),
                "skipped": str(builder.skipped),
                "duplicates": str(builder.duplicates),
                "warnings": json.dumps(builder.warnings),
                "built_at": str(time.time()),
            }
            conn.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
            conn.commit()
        tmp.chmod(0o644)  # mkstemp makes it private; an index holds nothing secret
        os.replace(tmp, index)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    seconds = time.perf_counter() - started
    log.info(
        "snapshot %s: indexed %d records (%d skipped, %d duplicate DOIs) in %.1fs",
        source,
        builder.records,
        builder.skipped,
        builder.duplicates,
        seconds,
    )
    if builder.skipped:
        log.warning("snapshot %s: %d lines skipped", source, builder.skipped)
    return SnapshotStats(
        records=builder.records,
        skipped=builder.skipped,
        duplicates=builder.duplicates,
        rebuilt=True,
        seconds=seconds,
        warnings=tuple(builder.warnings),
    )


def iter_records(path: str | Path) -> Iterator[Mapping[str, Any]]:
    """Every Crossref record of a snapshot file, skipping malformed lines (for tools/tests)."""
    with _open_lines(Path(path)) as fh:
        for raw in fh:
            try:
                messages = _messages(json.loads(raw)) if raw.strip() else None
            except (UnicodeDecodeError, json.JSONDecodeError):
                continue
            yield from messages or ()
