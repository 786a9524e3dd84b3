"""Regenerate docs/commands.md: runs every example for real on the bundled corpus and pastes the output.

Run from anywhere with the project's venv set up: `.venv/bin/python docs/generate_commands.py`."""
import os, shutil, subprocess, tempfile, textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
work = Path(tempfile.mkdtemp(prefix="qc-docs-"))
os.symlink(REPO / "corpus", work / "corpus")
env = dict(os.environ, QUOTECHECK_DB="quotes.db", QUOTECHECK_REVIEWER="anna", COLUMNS="110", XDG_CACHE_HOME=str(work / ".cache"),
           PATH=f"{REPO / '.venv/bin'}:{os.environ['PATH']}", NO_COLOR="1")
env.pop("QUOTECHECK_PUBLISHER", None)

def run(command: str) -> str:
    out = subprocess.run(["bash", "-c", command], cwd=work, env=env, stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT, text=True)
    text = out.stdout
    return "\n".join(line.rstrip() for line in text.rstrip("\n").splitlines())

def example(command: str, note: str = "") -> str:
    output = run(command)
    block = f"```console\n$ {command}\n{output}\n```\n\n" if output else f"```console\n$ {command}\n```\n\n"
    return (note + "\n\n" if note else "") + block

def help_of(*names: str) -> str:
    return "<details><summary><code>quotecheck " + " ".join(names) + " --help</code></summary>\n\n```text\n" + run("quotecheck " + " ".join(names) + " --help") + "\n```\n\n</details>\n"

def py(code: str) -> str:
    return subprocess.run([str(REPO / ".venv/bin/python"), "-c", code], cwd=work, env=env, capture_output=True, text=True, check=True).stdout.strip()

parts = []
add = parts.append
add(textwrap.dedent("""\
    # Commands

    Every command that touches the database takes `--db PATH`; without it, `$QUOTECHECK_DB`, else
    `~/.local/share/quotecheck/quotes.db` (`$XDG_DATA_HOME` is honoured). Every command has `--help` with an example.

    Conventions:

    - **Output.** Listings (`search`, `speakers`) print a table on a terminal and JSON lines (one object per line)
      when piped or redirected, so `grep`, `jq` and `head` work on them; `--format table|jsonl|json|csv` chooses.
      Text from articles never reaches a terminal with control characters or escape sequences; JSON keeps every
      character but escapes the dangerous ones (the `json` and `claimreview` exports also escape `<`, `>` and `&`, so
      they are safe inside a `<script>` tag); CSV cells that would run as spreadsheet formulas start with `'`.
    - **Errors** are one line on stderr starting `Error: `, never a traceback. Exit code 0: done; 1: an error, or some
      inputs or ids failed (the rest were still processed); 2: wrong usage (unknown option, invalid choice or date).
    - **Reviewer** (`mark`, `mark-all`, `undo`, `edit`, `add`, `delete`, `speakers merge|rename|gender`,
      `articles delete|reextract`): `--reviewer NAME`, else `$QUOTECHECK_REVIEWER`, else
      your login name.

    The examples below were run on the bundled corpus (`corpus/`) in a fresh directory with
    `QUOTECHECK_DB=quotes.db` and `QUOTECHECK_REVIEWER=anna`, and their output pasted as printed. Where a listing
    shows a table, `--format table` is given, since the output was captured through a pipe.

    """))

# ---- ingest
add("## quotecheck ingest\n\nRead articles, find their quotes and store both. Files (`.txt`, `.md`, `.html`, "
    "`.jsonl` with one article per line), directories (recursively) and `-` for stdin (JSON Lines when its first line is a JSON object "
    "with a `text` string, else HTML or plain text). A JSONL line ends at a newline only, so a record whose text "
    "holds U+2028 or U+0085 stays whole. Text is read as UTF-8 (or UTF-16 with its byte order mark); text in "
    "another encoding (Windows-1252, Latin-1, …) is detected with charset-normalizer, Windows-1252 first, and "
    "stored as UTF-8; `--encoding NAME` forces one for every input. In a directory, files that hold no article "
    "(another file type, gold annotations, a README) are listed on stderr with the reason and counted in the "
    "summary, without failing the run; hidden files are left out; a dangling or looping symbolic link and a named "
    "pipe are reported and skipped (links to directories are not followed). Storing the same article "
    "again stores nothing new (same text, same SHA-256), but a new title, outlet, url or date that the input gives "
    "replaces the stored one (metadata the input lacks stays as it was). A progress bar appears on a terminal only; a one-line summary ends "
    "the run. An input that cannot be read gets one line on stderr naming the file (and line) and the reason; the "
    "rest is still stored, and the exit code is 1. A failure of the database itself (read-only, disk full, damaged) "
    "stops the run with one message and exit code 1; the articles stored before it stay. `ingest` creates the "
    "database when the file is missing or empty, and refuses any other file that is not a quotecheck database "
    "without touching it.\n\n")
add(example("quotecheck ingest corpus/"))
add(example("quotecheck ingest corpus/", "Again: nothing new."))
(work / "mixed").mkdir()
(work / "mixed" / "wire.jsonl").write_text(
    '{"text": "The mayor said the bridge would reopen in May.", "title": "Bridge update", "outlet": "Wire", "published": "2024-03-01"}\n'
    '{"text": "unterminated\n'
    '{"title": "no text here"}\n', encoding="utf-8")
(work / "mixed" / "scan.txt").write_bytes(b"%PDF-1.4\x00\x01\x02")
add(example("quotecheck ingest mixed/; echo \"exit code $?\"", "A batch with bad inputs: the good article is stored, "
            "each bad one is named."))
(work / "desk").mkdir()
(work / "desk" / "letter.txt").write_bytes(
    "Readers write\n\nThe mayor of S\u00e3o Paulo told the paper: \u201cWe will rebuild the caf\u00e9.\u201d\n"
    .encode("cp1252"))
(work / "desk" / "budget.docx").write_bytes(b"PK\x03\x04")
(work / "desk" / "notes").write_text("call back Tuesday\n", encoding="utf-8")
add(example("quotecheck ingest --db desk.db desk/ && quotecheck search --db desk.db --format jsonl",
            "A desk's folder: a Windows-1252 letter is read as such and stored as UTF-8; the files that hold no "
            "article are listed and counted, not failed."))
(work / "desk" / "wire.jsonl").write_text(
    '{"text": "The council said the bridge would reopen in May.", "title": "Bridge shut", "outlet": "Wire"}\n',
    encoding="utf-8")
run("quotecheck ingest --db desk.db desk/wire.jsonl")
(work / "desk" / "wire.jsonl").write_text(
    '{"text": "The council said the bridge would reopen in May.", "title": "Bridge to reopen in May", '
    '"published": "2024-03-02", "url": "https://wire.example/bridge"}\n', encoding="utf-8")
add(example("quotecheck ingest --db desk.db desk/wire.jsonl && quotecheck articles --db desk.db --format table",
            "The wire sends the story again with a corrected headline, a date and a link: the stored article gets "
            "them (its outlet, not sent again, stays)."))
add(help_of("ingest"))

# ---- extract-batch
add("## quotecheck extract-batch\n\nExtract a corpus on a Dask cluster (the `scale` extra: `pip install "
    "'quotecheck[scale]'`): each input file is one task, written as one Parquet quote shard holding its articles with "
    "their quotes, speakers and roles; `ingest` then stores the shards without extracting again, into the database "
    "ingesting the files would give. A local cluster by default (`--jobs` worker processes), or any cluster with "
    "`--scheduler tcp://host:8786` whose workers share the paths. Shards made before from the same file are kept, so "
    "an interrupted run goes on where it stopped. [archive.md](archive.md) has the figures and the multi-machine "
    "setup.\n\n")
add(example("quotecheck extract-batch --jobs 2 --out shards/ corpus/ && ls shards/ | head -n 3"))
add(example("quotecheck ingest --db batch.db shards/", "The shards stored: the same articles, quotes and speakers "
            "as `quotecheck ingest corpus/`."))
add(help_of("extract-batch"))

# ---- source, verify
add("\n## quotecheck source\n\nPrimary sources (speech and interview transcripts, press releases, subtitles) that `quotecheck "
    "verify` checks a speaker's quotes against. [verify.md](verify.md) walks through a check.\n\n")
add(help_of("source"))
add("\n### quotecheck source add\n\nStore a .txt, .md, .html, .srt or .vtt file as a source of one speaker.\n\n")
add(example(f'cp {REPO}/docs/examples/linkevicius-briefing.txt . && quotecheck source add linkevicius-briefing.txt '
            '--speaker "Linas Linkevicius" --date 2017-05-18'))
add(help_of("source", "add"))
add("\n### quotecheck source list\n\nThe stored sources, oldest first.\n\n")
add(example("quotecheck source list --format table"))
add(help_of("source", "list"))
add("\n## quotecheck verify\n\nEach quote against its speaker's sources: verbatim, differs or not-found, the best passage, "
    "where it is, a score and the word-level diff (`[-said-]{+quoted+}`).\n\n")
add(example('quotecheck verify --speaker "Linas Linkevicius" | grep -B1 -A4 -E "verbatim|differs"'))
add(example('quotecheck verify --speaker "Linas Linkevicius" --format jsonl | grep -v not-found'))
add(help_of("verify"))

# ---- variants
add("\n## quotecheck variants\n\nThe same quote across articles: near-identical quotes grouped (trimmed at either end, "
    "words changed), each group flagged `wording` (with the diff against its fullest version) and `conflict` (the "
    "words given to different speakers), the earliest version first. [variants.md](variants.md) says how it works "
    "and how well. Below, two wire stories copy a quote of the corpus: one changes a word, one gives it to "
    "another speaker (a database of their own, so the other examples keep the corpus alone).\n\n")
add(example(f"quotecheck ingest --db wire.db corpus/ {REPO}/docs/examples/variants-wire.jsonl > /dev/null && "
            "quotecheck variants --db wire.db"))
add(example("quotecheck variants --db wire.db --format jsonl"))
add(help_of("variants"))

# ---- stats
add("\n## quotecheck stats\n\nArticles, quotes by kind and status, review progress, the share of quotes from "
    "anonymous sources and the most quoted speakers. `--json` for scripts.\n\n")
add(example("quotecheck stats"))
add(help_of("stats"))

# ---- search
add("\n## quotecheck search\n\nFull-text search over quote text (FTS5; the words are taken literally, so "
    "`20% (citation` is fine) with filters: `--speaker` (spelling and accents need not match), `--status`, `--kind`, "
    "`--outlet`, `--since`/`--until` (publication date), `--article`, `--has-claim [TYPE]` (a checkable claim, see "
    "below), `--limit` (default 50, 0 for all). Each row carries the quote's id, text, kind, speaker, role, status, "
    "rating, reviewer, note, article title, outlet, date, url and claims.\n\n")
add(example("quotecheck search refugees --format table"))
add(example("quotecheck search --speaker Lincevicius --kind direct --limit 2",
            "Piped, the same rows come as JSON lines; the misspelt name still finds Linas Linkevicius."))
add(example("quotecheck search --speaker kowalczyk --format csv --limit 3"))
add(help_of("search"))

# ---- claims
add("\n## quotecheck claims\n\nThe checkable parts of each quote, found when it is stored: numbers and quantities, "
    "percentages, dates, comparisons, superlatives and statements about the past "
    "([claims.md](claims.md) lists the rules and how well they do). `quotecheck claims` counts them by type "
    "(`--refresh` computes them again after the word lists changed); `search --has-claim [TYPE]` lists the quotes "
    "that hold one, each row with its claims.\n\n")
add(example("quotecheck claims"))
add(example("quotecheck search --has-claim comparison --format table"))
add(example("quotecheck search --has-claim percentage --limit 1 | jq -c .claims"))
add(help_of("claims"))

# ---- speakers
add("\n## quotecheck speakers\n\nSpeakers with their roles, quote counts and review progress, most quoted first; "
    "with a NAME, those like it, best first.\n\n")
add(example("quotecheck speakers --format table --limit 8"))
add(example("quotecheck speakers linkevičius --format table --limit 3"))
add(help_of("speakers"))

speaker_ids = dict(line.split("\t", 1)[::-1] for line in py(
    "from quotecheck.store import Store\n"
    "with Store('quotes.db') as s:\n"
    "    for sp in s.speakers(limit=1000): print(f'{sp.id}\\t{sp.name}')").splitlines())
add("\n### quotecheck speakers merge\n\nWhen the extractor made two speakers of one person or organisation, merge them: the second "
    "one's quotes, roles and aliases move to the first, and the merge is recorded (so `quotecheck undo` can split "
    "them again). Each is an id or an exact name.\n\n")
# Speakers the extractor may leave unlinked to the named person they refer to (nominal anaphora in the corpus).
SAME_PERSON = [("Amara Nwosu", "the epidemiologist", "flu-season story"),
               ("Robbie Hallam", "The 38-year-old", "goalkeeper story"),
               ("Local MP Priya Desai", "Ms Desai", "port strike story"),
               ("Marta Kowalczyk", "Ms Kowalczyk", "port strike story"),
               ("Kingsport Rovers", "the club", "goalkeeper story")]
lowered = {name.lower(): name for name in speaker_ids}
pair = next(((keep, lowered[other.lower()], story) for keep, other, story in SAME_PERSON
             if keep in speaker_ids and other.lower() in lowered), None)
if pair:
    keep, other, story = pair
    add(example(f'quotecheck speakers merge "{keep}" {speaker_ids[other]}',
                f'In the {story} the extractor left "{other}" (#{speaker_ids[other]}) apart from {keep}:'))
else:
    first, second = list(speaker_ids)[:2]
    add(example(f'quotecheck speakers merge "{first}" "{second}" && quotecheck undo',
                "The corpus has no duplicate speaker left to merge, so this merges two and undoes it at once:"))
add(help_of("speakers", "merge"))
minister = speaker_ids.get("Linas Linkevicius")
add("\n### quotecheck speakers rename\n\nCorrect a speaker's name; the old one stays as an alias, so later articles "
    "spelling it that way still find the speaker. Recorded in the history.\n\n")
add(example(f'quotecheck speakers rename {minister} "Linas Linkevičius"'))
add(help_of("speakers", "rename"))
add("\n### quotecheck speakers gender\n\nSet a person's gender, or clear it to unknown. Ingest fills it in from the "
    "article (a he or she that refers to the person, an honorific such as Ms) or else from the first name, and "
    "never overrides a reviewer's word; `quotecheck report` counts it. Recorded in the history; `quotecheck undo` "
    "reverses it. Persons only: organisations and anonymous sources have none.\n\n")
add(example(f"quotecheck speakers gender {minister} male"))
add(example("quotecheck speakers linkevičius --limit 1", "JSON and CSV listings carry the gender and its source "
            "(`article`, `first-name` or `reviewer`):"))
add(example('quotecheck speakers gender "Robbie Hallam" clear && quotecheck undo'))
add(example("quotecheck speakers gender Lithuania female"))
add(help_of("speakers", "gender"))

# ---- mark / show / undo
ids = py(
    "from quotecheck.store import Store, QuoteFilter\n"
    "with Store('quotes.db') as s:\n"
    "    qs = s.quotes(QuoteFilter(speaker='Linas Linkevicius'), limit=100)\n"
    "    direct = [q for q in qs if q.kind == 'direct']\n"
    "    partial = [q for q in qs if q.kind == 'partial']\n"
    "    k = s.quotes(QuoteFilter(speaker='Marta Kowalczyk', kind='direct'), limit=3)\n"
    "    print(direct[0].id, partial[0].id, k[0].id, k[1].id)").split()
q_direct, q_partial, q_k1, q_k2 = ids
add("\n## quotecheck mark\n\nThe scriptable form of review: set the status of one or more quotes, with an optional "
    "rating (`true`, `mostly-true`, `half-true`, `mostly-false`, `false`, `unsupported`; `none` clears it), note and "
    "evidence link. Statuses: `unreviewed`, `verified`, `misquoted`, `misattributed`, `disputed`, `unverifiable`. "
    "Each change is one row in the quote's history.\n\n")
add(example(f'quotecheck mark {q_direct} verified --rating mostly-true --note "Matches the ministry\'s readout" '
            f'--evidence https://example.org/readout'))
add(example(f"quotecheck mark {q_k1} {q_k2} verified --reviewer ben"))
add(example(f'quotecheck mark {q_partial} disputed --note "No recording; ask the ministry"'))
add(example("quotecheck mark 9999 verified", "An unknown id is an error; any other ids given are still marked."))
add(example("quotecheck mark 1 approved"))
add(example(f"quotecheck mark {q_direct} --rating true", "Without a STATUS the status stays; only the rating changes."))
add(example("quotecheck mark 1 verified --evidence example.org/source",
            "An evidence link must be an http(s) URL (the same rule in the review app and the quote sheets)."))
add(help_of("mark"))

add("\n## quotecheck mark-all\n\nOne verdict for every quote a filter selects (a speaker's, an article's, "
    "by `--article` row id or external id): it says how many and asks first (`--yes` skips the question). "
    "The whole lot is one action, so one `quotecheck undo` reverses it. `--status` filters the quotes; STATUS is "
    "the verdict given.\n\n")
add(example('quotecheck mark-all unverifiable --speaker "Marta Kowalczyk" --status unreviewed --yes'))
add(example("quotecheck undo"))
add(help_of("mark-all"))

add("\n## quotecheck show\n\nOne quote inside its paragraph (on a terminal the quote is bold and the speaker "
    "mention underlined), with speaker, role, cue, the rule that attributed it, confidence, and the full review "
    "history. `--json` for scripts.\n\n")
add(example(f"quotecheck show {q_direct}"))
add(help_of("show"))

add("\n## quotecheck undo\n\nUndo your latest review action (all of it: a `mark` with a rating and a note is one "
    "action). Repeat to go further back; `--anyone` undoes the latest action of any reviewer. The undo is itself "
    "recorded, and it refuses when someone changed the quote since.\n\n")
add(example(f"quotecheck mark {q_partial} verified --rating half-true"))
add(example("quotecheck undo"))
add(example("quotecheck search --status disputed --format table"))
add(help_of("undo"))

add("\n## quotecheck history\n\nThe review log: every action of every reviewer, oldest first, with when (UTC) and "
    "what changed in words; undone actions stay, with `undone_by` pointing at the undo. `--reviewer` and "
    "`--since` narrow it; `--format csv` gives every stored column for a spreadsheet (cells that would run as "
    "formulas start with `'`).\n\n")
add(example("quotecheck history --format table"))
add(example("quotecheck history --format csv --reviewer ben"))
add(help_of("history"))

# ---- edit, add, delete
q_edit, edit_end, article_id, add_start, add_end = py(
    "from quotecheck.store import Store, QuoteFilter\n"
    "with Store('quotes.db') as s:\n"
    "    q = s.quotes(QuoteFilter(speaker='Marta Kowalczyk', kind='direct'), limit=1)[0]\n"
    "    start = s.article(q.article_id).text.index('the dispute could drag on until Christmas')\n"
    "    print(q.id, q.end - 1, q.article_id, start, start + 41)").split()
add("\n## quotecheck edit\n\nCorrect a quote: its speaker (a known name, or a new speaker), its role (`''` removes "
    "it), its kind, its span (`--start`/`--end`: offsets into the article, as `quotecheck show --json` prints "
    "them). All the changes are one action in the history.\n\n")
add(example(f'quotecheck edit {q_edit} --role "union organiser" --end {edit_end}'))
add(example(f"quotecheck edit {q_edit} --kind rumour"))
add(example("quotecheck undo"))
add(help_of("edit"))

add("\n## quotecheck add\n\nAdd a quote the extractor missed: the words at `--start:--end` of an article (its row "
    "id or external id), with its speaker and role. Undo removes it again.\n\n")
add(example(f'quotecheck add {article_id} --start {add_start} --end {add_end} --kind indirect '
            '--speaker "Priya Desai" --role "local MP"'))
add(example("quotecheck undo"))
add(help_of("add"))

add("\n## quotecheck delete\n\nDelete a false quote. Its whole record stays in the history, so `quotecheck undo` "
    "puts it back with its reviews.\n\n")
add(example(f"quotecheck delete {q_edit}"))
add(example("quotecheck undo"))
add(help_of("delete"))

# ---- articles
add("\n## quotecheck articles\n\nThe stored articles, newest first: row id, external id (the `id` of a JSONL record), "
    "title, outlet, date, quotes and how many are reviewed. Every `--article` option, and `add`, take the row id "
    "or the external id.\n\n")
add(example("quotecheck articles --format table"))
add(help_of("articles"))
add("\n### quotecheck articles delete\n\nDelete an article and its quotes; all of it stays in the history, so "
    "`quotecheck undo` brings it back. Its text can be ingested again meanwhile.\n\n")
add(example(f"quotecheck articles delete {article_id}"))
add(example("quotecheck undo"))
add(help_of("articles", "delete"))
add("\n### quotecheck articles reextract\n\nFind an article's quotes again with this quotecheck's extractor (after "
    "an upgrade, say). A quote found again at the same words keeps its reviews, and so does one found the same "
    "way; the others are replaced. One action, undone by `quotecheck undo`.\n\n")
add(example(f"quotecheck articles reextract {article_id}"))
add(help_of("articles", "reextract"))

# ---- export
add("\n## quotecheck export\n\nThe quote sheet: verified quotes grouped by article, as Markdown by default; also "
    "`csv`, `json`, `html` (one self-contained page with inline CSS, compact and ready to print) and `claimreview` "
    "(schema.org ClaimReview JSON-LD for fact-check pages, one item per rated quote). Takes the filters of `search` "
    "(`--status any` for every quote, `--text WORDS` for full-text). The Markdown and HTML sheets set a direct "
    "quote in quotation marks, show a fragment inside the writer's sentence with the quoted words marked, and "
    "label reported speech as a paraphrase, never in quotation marks; each quote carries its reviewer and review "
    "date, the sheet its export time. [sheets.md](sheets.md) shows the sheets. `-o FILE` writes a file (through a temporary file renamed into place, so a full disk leaves the old file, never a truncated one), else stdout.\n\n")
add(example("quotecheck export"))
add(example("quotecheck export --format csv"))
add(example("quotecheck export --format html -o sheet.html"))
add(example('quotecheck export --format claimreview --publisher "Example Fact Check" --url https://factcheck.example/lithuania-visas; echo "exit code $?"',
            "ClaimReview needs the fact-checking organisation (`--publisher`, or `$QUOTECHECK_PUBLISHER`). Its `url` "
            "is the fact-check page: `--url`, else each quote's evidence link; never the news article, which is the "
            "claim's `appearance`. `datePublished` is the day of the review; the claim's author is a Person or an "
            "Organization as the speaker is. Ratings map onto 1-5 (`false` 1 … `true` 5); `unsupported` has only "
            "the textual verdict. An item without its url, claim date (the article's date) or appearance (the "
            "article's url) is reported, and nothing is written unless `--allow-incomplete`: the corpus articles "
            "carry neither date nor url."))
add(example('quotecheck export --format claimreview --publisher "Example Fact Check" --url https://factcheck.example/lithuania-visas --allow-incomplete'))
add(example("quotecheck export --format claimreview"))
add(help_of("export"))

# ---- report
add("\n## quotecheck report\n\nWho gets quoted, as one HTML page with charts: quotes by speaker type and by role "
    "family, by outlet and by month; the share of anonymous sources; the share of women among the people quoted "
    "(overall, by outlet, by month) with the share whose gender is unknown; the most quoted speakers; review "
    "progress and verdicts. The charts are SVG inside the page, drawn by vl-convert (the `report` extra: "
    "`pip install 'quotecheck[report]'`); without it the command warns and the page says the charts are missing, "
    "every figure still in its tables. Takes the filters of `search`. [report.md](report.md) shows a report on the "
    "corpus.\n\n")
add(example("quotecheck report -o report.html"))
add(example("quotecheck report --since 2030-01-01 -o empty.html"))
add(help_of("report"))

# ---- others
add("\n## quotecheck extract\n\nPrint the quotes found in articles without storing anything.\n\n")
add(example("quotecheck extract corpus/port-calder-strike.txt | head -n 12"))
add(help_of("extract"))
add("\n## quotecheck eval\n\nScore the extractor against gold-annotated articles (see docs/evaluation.md).\n\n")
add(example("quotecheck eval corpus/"))
add(help_of("eval"))
add("\n## quotecheck init\n\nCreate an empty database, or bring one made by an older quotecheck up to date "
    "(only commands that write upgrade a file; the others say so and point here). Only a missing or empty file "
    "becomes a database; another application's SQLite file is refused and left as it was.\n\n")
add(example("quotecheck init --db fresh.db"))
add(example("quotecheck init"))
add(help_of("init"))
add("\n## quotecheck check\n\nLook for damage: SQLite's `integrity_check` and the full-text index's own check. "
    "Commands that write run SQLite's quicker `quick_check` by themselves when the file changed since it was last "
    "found sound, and refuse a damaged file.\n\n")
add(example("quotecheck check"))
add(help_of("check"))
add("\n## quotecheck datasette-metadata\n\nMetadata for [Datasette](https://datasette.io/) (`pip install "
    "'quotecheck[datasette]'`): table and column descriptions, labels, search on quotes and speakers, facets and "
    "three canned queries. [data-model.md](data-model.md#browsing-with-datasette) shows Datasette serving it.\n\n")
add(example("quotecheck datasette-metadata > metadata.json && head -c 600 metadata.json"))
add(help_of("datasette-metadata"))
add("\n## quotecheck review\n\nThe terminal review app (Textual): walk the queue, one key per verdict, saved as you "
    "go. It is interactive, so there is no output to paste here.\n\n")
add(help_of("review"))

(REPO / "docs").mkdir(exist_ok=True)
(REPO / "docs" / "commands.md").write_text("".join(parts).rstrip() + "\n", encoding="utf-8")
shutil.rmtree(work)
print("wrote docs/commands.md")
