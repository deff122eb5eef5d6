"""The store's tables (SQLModel): runs, documents, references, responses seen, verdicts.

Structured values (fields, identifiers, evidence, ...) are kept as JSON text: they are read back
whole, never queried by part, and their shape is versioned by ``SCHEMA_VERSION``.
"""

from __future__ import annotations

from sqlalchemy import Column, LargeBinary, UniqueConstraint
from sqlmodel import Field, SQLModel

SCHEMA_VERSION = 1


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
    ref_id: str  # Reference.id, stable within the run
    raw_text: str
    origin_file: str
    origin_line: int | None = None
    key: str | None = None
    fields: str = "{}"  # JSON
    identifiers: str = "{}"  # JSON


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
    """The judge's verdict on a reference in a run, with its evidence."""

    __tablename__ = "verdict"
    __table_args__ = (UniqueConstraint("run_id", "ref_id"),)

    id: int | None = Field(default=None, primary_key=True)
    run_id: int = Field(foreign_key="run.id", index=True)
    ref_id: str
    verdict: str = Field(index=True)
    flags: str = "[]"  # JSON
    judgement: str = "{}"  # JSON of the whole Judgement
    judged_at: str
