"""The store's tables (SQLModel): runs, documents, references, responses seen, verdicts, works.

Structured values (fields, identifiers, evidence, ...) are kept as JSON text: they are read back
whole, never queried by part, and their shape is versioned by ``SCHEMA_VERSION``.
"""

from __future__ import annotations

from sqlalchemy import Column, LargeBinary, UniqueConstraint
from sqlmodel import Field, SQLModel

from veribib.store.db import SCHEMA_VERSION  # noqa: F401  (defined beside the migrations)


class SchemaVersion(SQLModel, table=True):
    """Which schema migrations have been applied to this database."""

    __tablename__ = "schema_version"

    version: int = Field(primary_key=True)
    applied_at: str


class RunRow(SQLModel, table=True):
    """One `veribib check` run; ``key`` identifies its inputs and options so it can resume."""

    __tablename__ = "run"

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(index=True)
    started_at: str
    finished_at: str | None = None
    status: str = "running"  # running, done, failed
    options: str = "{}"  # JSON
    veribib_version: str = ""


class DocumentRow(SQLModel, table=True):
    """An input file read in a run."""

    __tablename__ = "document"
    __table_args__ = (UniqueConstraint("run_id", "path"),)

    id: int | None = Field(default=None, primary_key=True)
    run_id: int = Field(foreign_key="run.id", index=True)
    path: str
    format: str
    sha256: str
    warnings: str = "[]"  # JSON list of {"origin", "message"}
    error: str | None = None


class ReferenceRow(SQLModel, table=True):
    """A reference of a document: raw text, origin, parsed fields, identifiers."""

    __tablename__ = "reference"
    __table_args__ = (UniqueConstraint("run_id", "ref_id"),)

    id: int | None = Field(default=None, primary_key=True)
    run_id: int = Field(foreign_key="run.id", index=True)
    document_id: int = Field(foreign_key="document.id", index=True)
    ref_id: str = Field(index=True)  # Reference.id: the document's path and position
    raw_text: str
    origin_file: str
    origin_line: int | None = None
    key: str | None = None
    fields: str = "{}"  # JSON
    identifiers: str = "{}"  # JSON
    # The work this reference cites, set once it is judged (schema 2).
    work_id: int | None = Field(default=None, foreign_key="work.id", index=True)
    # Its verdict (schema 3): the row its run wrote, or an earlier run's identical one.
    verdict_id: int | None = Field(default=None, foreign_key="verdict.id")


class ResponseRow(SQLModel, table=True):
    """The latest registry response seen for a URL (the cache); failures are never stored."""

    __tablename__ = "response"

    id: int | None = Field(default=None, primary_key=True)
    url: str = Field(index=True, unique=True)
    status: int
    content_type: str = ""
    body: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    fetched_at: float


class VerdictRow(SQLModel, table=True):
    """The judge's verdict on a reference, with its evidence, as the run ``run_id`` first gave
    it; later runs that judge the reference the same way link to this row
    (``ReferenceRow.verdict_id``) rather than writing it again."""

    __tablename__ = "verdict"
    __table_args__ = (UniqueConstraint("run_id", "ref_id"),)

    id: int | None = Field(default=None, primary_key=True)
    run_id: int = Field(foreign_key="run.id", index=True)
    ref_id: str
    verdict: str = Field(index=True)
    flags: str = "[]"  # JSON
    judgement: str = "{}"  # JSON of the whole Judgement
    judged_at: str


class WorkRow(SQLModel, table=True):
    """One work of the library: a real work found in a registry, or one only known as cited.

    ``key`` is its identity: ``doi:…``, ``pmid:…``, ``arxiv:…``, ``trial:…``, ``record:…`` (a
    registry record without identifiers) or ``cited:…`` (author, year and title as cited, for
    works no registry matched). ``verdict``/``flags`` are the latest judgement's (the worst
    verdict of its citations then, and the flags about the work itself).
    """

    __tablename__ = "work"

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(index=True, unique=True)
    matched: bool = False  # a registry record was matched
    doi: str | None = Field(default=None, index=True)
    pmid: str | None = Field(default=None, index=True)
    arxiv: str | None = None
    title: str | None = None
    authors: str = ""  # family names, "; "-separated, for display
    year: int | None = None
    container: str | None = None
    record: str | None = None  # JSON of the matched registry record (a Work)
    verdict: str = Field(index=True)
    flags: str = "[]"  # JSON
    first_seen: str
    checked_at: str  # when the registries were last asked (a run or a recheck)


class WorkCheckRow(SQLModel, table=True):
    """What was learnt about a work at one check: a run (``run_id``) or a recheck."""

    __tablename__ = "work_check"
    __table_args__ = (UniqueConstraint("work_id", "run_id"),)

    id: int | None = Field(default=None, primary_key=True)
    work_id: int = Field(foreign_key="work.id", index=True)
    run_id: int | None = Field(default=None, foreign_key="run.id", index=True)
    kind: str  # "check" or "recheck"
    checked_at: str
    verdict: str
    flags: str = "[]"  # JSON
    evidence: str = "[]"  # JSON list of {"code", "message"}
    changes: str = "[]"  # JSON list of {"kind", "message"} (rechecks)
