CREATE TABLE response (
	id INTEGER NOT NULL,
	url VARCHAR NOT NULL,
	status INTEGER NOT NULL,
	content_type VARCHAR NOT NULL,
	body BLOB NOT NULL,
	fetched_at FLOAT NOT NULL,
	PRIMARY KEY (id)
);

CREATE UNIQUE INDEX ix_response_url ON response (url);

CREATE TABLE run (
	id INTEGER NOT NULL,
	"key" VARCHAR NOT NULL,
	started_at VARCHAR NOT NULL,
	finished_at VARCHAR,
	status VARCHAR NOT NULL,
	options VARCHAR NOT NULL,
	veribib_version VARCHAR NOT NULL,
	PRIMARY KEY (id)
);

CREATE INDEX ix_run_key ON run ("key");

CREATE TABLE schema_version (
	version INTEGER NOT NULL,
	applied_at VARCHAR NOT NULL,
	PRIMARY KEY (version)
);

CREATE TABLE work (
	id INTEGER NOT NULL,
	"key" VARCHAR NOT NULL,
	matched BOOLEAN NOT NULL,
	doi VARCHAR,
	pmid VARCHAR,
	arxiv VARCHAR,
	title VARCHAR,
	authors VARCHAR NOT NULL,
	year INTEGER,
	container VARCHAR,
	record VARCHAR,
	verdict VARCHAR NOT NULL,
	flags VARCHAR NOT NULL,
	first_seen VARCHAR NOT NULL,
	checked_at VARCHAR NOT NULL,
	PRIMARY KEY (id)
);

CREATE INDEX ix_work_doi ON work (doi);

CREATE UNIQUE INDEX ix_work_key ON work ("key");

CREATE INDEX ix_work_pmid ON work (pmid);

CREATE INDEX ix_work_verdict ON work (verdict);

CREATE TABLE document (
	id INTEGER NOT NULL,
	run_id INTEGER NOT NULL,
	path VARCHAR NOT NULL,
	format VARCHAR NOT NULL,
	sha256 VARCHAR NOT NULL,
	warnings VARCHAR NOT NULL,
	error VARCHAR,
	PRIMARY KEY (id),
	UNIQUE (run_id, path),
	FOREIGN KEY(run_id) REFERENCES run (id)
);

CREATE INDEX ix_document_run_id ON document (run_id);

CREATE TABLE verdict (
	id INTEGER NOT NULL,
	run_id INTEGER NOT NULL,
	ref_id VARCHAR NOT NULL,
	verdict VARCHAR NOT NULL,
	flags VARCHAR NOT NULL,
	judgement VARCHAR NOT NULL,
	judged_at VARCHAR NOT NULL,
	PRIMARY KEY (id),
	UNIQUE (run_id, ref_id),
	FOREIGN KEY(run_id) REFERENCES run (id)
);

CREATE INDEX ix_verdict_run_id ON verdict (run_id);

CREATE INDEX ix_verdict_verdict ON verdict (verdict);

CREATE TABLE work_check (
	id INTEGER NOT NULL,
	work_id INTEGER NOT NULL,
	run_id INTEGER,
	kind VARCHAR NOT NULL,
	checked_at VARCHAR NOT NULL,
	verdict VARCHAR NOT NULL,
	flags VARCHAR NOT NULL,
	evidence VARCHAR NOT NULL,
	changes VARCHAR NOT NULL,
	PRIMARY KEY (id),
	UNIQUE (work_id, run_id),
	FOREIGN KEY(work_id) REFERENCES work (id),
	FOREIGN KEY(run_id) REFERENCES run (id)
);

CREATE INDEX ix_work_check_run_id ON work_check (run_id);

CREATE INDEX ix_work_check_work_id ON work_check (work_id);

CREATE TABLE reference (
	id INTEGER NOT NULL,
	run_id INTEGER NOT NULL,
	document_id INTEGER NOT NULL,
	ref_id VARCHAR NOT NULL,
	raw_text VARCHAR NOT NULL,
	origin_file VARCHAR NOT NULL,
	origin_line INTEGER,
	"key" VARCHAR,
	fields VARCHAR NOT NULL,
	identifiers VARCHAR NOT NULL,
	work_id INTEGER,
	verdict_id INTEGER,
	PRIMARY KEY (id),
	UNIQUE (run_id, ref_id),
	FOREIGN KEY(run_id) REFERENCES run (id),
	FOREIGN KEY(document_id) REFERENCES document (id),
	FOREIGN KEY(work_id) REFERENCES work (id),
	FOREIGN KEY(verdict_id) REFERENCES verdict (id)
);

CREATE INDEX ix_reference_document_id ON reference (document_id);

CREATE INDEX ix_reference_ref_id ON reference (ref_id);

CREATE INDEX ix_reference_run_id ON reference (run_id);

CREATE INDEX ix_reference_work_id ON reference (work_id);
