"""build_archive.py end to end on the real seeds: pages, golden files, exit codes, safety."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys

import pytest
import yaml

from archive.markup import escape_markdown
from build_archive import main

from conftest import ANNOTATIONS, GOLDEN, PINNED, ROOT, SEARCH_FIXTURE, SEEDS, TODAY

SEED_IDS = sorted(p.stem for p in SEEDS.glob("*.txt"))


def tree_digest(folder):
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def build(docs, *extra, seeds=SEEDS, annotations=ANNOTATIONS):
    return main(["build", "--seeds", str(seeds), "--annotations", str(annotations), "--docs", str(docs), "--today", TODAY.isoformat(), *extra])


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    docs = tmp_path_factory.mktemp("site") / "docs"
    assert build(docs) == 0
    return docs / "archive"


def read_page(built, article_id):
    text = (built / "articles" / f"{article_id}.md").read_text(encoding="utf-8")
    _, header, body = text.split("---\n", 2)
    return yaml.safe_load(header), body


def test_one_page_per_seed(built):
    assert sorted(p.stem for p in (built / "articles").glob("*.md")) == SEED_IDS


@pytest.mark.parametrize("article_id", SEED_IDS)
def test_page_matches_golden(built, article_id, update_golden):
    page = (built / "articles" / f"{article_id}.md").read_text(encoding="utf-8")
    golden = GOLDEN / f"{article_id}.md"
    if update_golden:
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(page, encoding="utf-8", newline="\n")
    assert golden.exists(), "no golden file yet: run pytest --update-golden and review the diff"
    assert page == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("article_id", SEED_IDS)
def test_front_matter_has_the_promised_keys(built, article_id):
    meta, _ = read_page(built, article_id)
    for key in ("id", "title", "source", "date", "speakers", "topics", "seed", "sha256", "words", "language", "evidence"):
        assert key in meta, key
    assert meta["id"] == article_id
    assert meta["sha256"] == hashlib.sha256((SEEDS / f"{article_id}.txt").read_bytes()).hexdigest()


def test_mkdocs_reads_the_front_matter(built):
    from mkdocs.utils.meta import get_data

    text = (built / "articles" / "003_8ee5cbf78979a153.md").read_text(encoding="utf-8")
    body, meta = get_data(text)
    assert meta["title"] == "Russia invites US to discuss all strategic stability issues - Lavrov"
    assert not body.startswith("---")


def test_real_seed_metadata(built):
    wire, prensa, transcript, tass, rewrite = (read_page(built, PINNED[number])[0] for number in ("000", "001", "002", "003", "004"))
    assert wire["date"] == "2026-02-06"
    assert "sergey-lavrov" in wire["speakers"]
    assert {"new-start", "strategic-stability", "osce", "nato", "ukraine"} <= set(wire["topics"])
    assert prensa["title"] == "Russian Foreign Minister Lavrov: Freezing of Strategic Dialogue with US Multiplies Risks"
    assert set(prensa["speakers"]) == {"sergey-lavrov", "sergey-ryabkov"}
    assert transcript["source"] == "mfa-russia" and transcript["republisher"] == "international-affairs"
    assert transcript["date"] == "2026-02-06" and transcript["republished"] == "2026-02-07"
    assert {"sergey-lavrov", "maria-zakharova"} <= set(transcript["speakers"])
    assert tass["source"] == "tass"
    assert rewrite["evidence"]["title"].startswith("derived")
    assert {"sergey-lavrov", "mikhail-ulyanov"} <= set(rewrite["speakers"])


def test_corrections_override_extraction_and_keep_its_evidence(built):
    tass, _ = read_page(built, "003_8ee5cbf78979a153")
    assert tass["date"] == "2021-02-19"
    assert tass["correction"] == "annotations/articles/003_8ee5cbf78979a153.yml"
    assert tass["evidence"]["date"].startswith("correction: ")
    assert "the text alone gave 2021-02-19?" in tass["evidence"]["date"]
    transcript, _ = read_page(built, "002_3a7575835685a05e")
    assert transcript["correction"] is None and transcript["evidence"]["date"].startswith("written-date: ")


def test_pages_show_their_event_quotes_and_links(built):
    wire, body = read_page(built, "000_958310810f9c2547")
    record, record_body = read_page(built, "002_3a7575835685a05e")
    assert [e["role"] for e in wire["events"]] == ["report"] and [e["role"] for e in record["events"]] == ["primary-record"]
    assert wire["events"][0]["id"] == record["events"][0]["id"]
    assert '<mark class="quote" id="quote-' in body and "## Statements" in body
    # A link written once on the wire's statement shows on the record's statement as a backlink.
    written = {(s["id"], link["to"]) for s in wire["statements"] for link in s["links"] if link["written_here"]}
    backlinks = {(link["to"], s["id"]) for s in record["statements"] for link in s["links"] if not link["written_here"]}
    assert written & backlinks
    assert "(link written on the other statement)" in record_body


def test_event_page_sets_the_record_beside_its_renderings(built):
    events = sorted((built / "events").glob("*.md"))
    assert [p.name for p in events][-1] == "index.md" or "index.md" in [p.name for p in events]
    page = next(p for p in events if p.name != "index.md").read_text(encoding="utf-8")
    assert "## Coverage" in page and "## The record and its renderings" in page
    assert "(articles/002_3a7575835685a05e.md)" in page.replace("../", "")


def test_article_list_and_overview(built):
    listing = (built / "index.md").read_text(encoding="utf-8")
    assert all(f"(articles/{i}.md)" in listing for i in SEED_IDS)
    groups = [line[3:] for line in listing.splitlines() if line.startswith("## ")]
    years = [g for g in groups if g.isdigit()]
    assert years == sorted(years, reverse=True) and "2026" in years
    assert groups == years + [g for g in ("Date uncertain", "Date unknown") if g in groups]
    overview = (built / "_overview.md").read_text(encoding="utf-8")
    assert f"**{len(SEED_IDS)} articles**" in overview


def test_two_builds_are_byte_identical(built, tmp_path):
    assert build(tmp_path / "docs") == 0
    assert tree_digest(tmp_path / "docs" / "archive") == tree_digest(built)


def test_build_never_writes_into_seeds_or_annotations(tmp_path):
    before = tree_digest(SEEDS), tree_digest(ANNOTATIONS)
    assert build(tmp_path / "docs") == 0
    assert (tree_digest(SEEDS), tree_digest(ANNOTATIONS)) == before


def test_check_writes_nothing(tmp_path, capsys):
    assert main(["check", "--seeds", str(SEEDS), "--annotations", str(ANNOTATIONS), "--docs", str(tmp_path / "docs")]) == 0
    assert not (tmp_path / "docs").exists()
    assert f"checked {len(SEED_IDS)} seed(s)" in capsys.readouterr().out


def test_a_failed_build_leaves_the_previous_output(tmp_path, capsys):
    docs = tmp_path / "docs"
    assert build(docs) == 0
    before = tree_digest(docs / "archive")
    annotations = tmp_path / "annotations"
    shutil.copytree(ANNOTATIONS, annotations)
    (annotations / "people.yml").write_text("people:\n  - id: Bad Id\n    name: x\n", encoding="utf-8")
    assert build(docs, annotations=annotations) == 1
    assert tree_digest(docs / "archive") == before
    assert "annotations/people.yml:2: error:" in capsys.readouterr().err.replace(str(tmp_path) + "/", "")


def test_strict_turns_warnings_into_errors(tmp_path, capsys):
    seeds, annotations = tmp_path / "seeds", tmp_path / "annotations"
    seeds.mkdir()
    annotations.mkdir()
    (seeds / "empty.txt").write_bytes(b"  \n\n")
    shutil.copy(SEEDS / "003_8ee5cbf78979a153.txt", seeds)
    for registry in ("people.yml", "topics.yml", "sources.yml"):
        shutil.copy(ANNOTATIONS / registry, annotations)
    assert build(tmp_path / "docs", seeds=seeds, annotations=annotations) == 0
    assert "empty.txt:" in capsys.readouterr().err
    assert build(tmp_path / "docs2", "--strict", seeds=seeds, annotations=annotations) == 1
    assert "error:" in capsys.readouterr().err
    assert not (tmp_path / "docs2").exists()


def test_missing_folder_is_a_usage_error(tmp_path, capsys):
    assert build(tmp_path / "docs", seeds=tmp_path / "nope") == 2
    assert "--seeds folder does not exist" in capsys.readouterr().err


def test_the_site_url_makes_citations_and_json_ld_absolute(tmp_path, capsys):
    article = PINNED["002"]
    assert build(tmp_path / "docs", "--site-url", "https://user.github.io/archive") == 0
    meta, body = read_page(tmp_path / "docs" / "archive", article)
    page = f"https://user.github.io/archive/archive/articles/{article}.html"
    assert meta["jsonld"]["url"] == page
    assert escape_markdown(f"Statement Archive, article {article}: {page}") + "\n" in body and f"  url = {{{page}}}," in body
    for bad in ("ftp://host/", "user.github.io/archive/", "https://host/a b/", "https://host/?q=1"):
        with pytest.raises(SystemExit) as exit:
            build(tmp_path / "other", "--site-url", bad)
        assert exit.value.code == 2 and "is not an http(s) address" in capsys.readouterr().err
    assert not (tmp_path / "other").exists()


def test_bad_arguments_exit_2_with_usage():
    run = subprocess.run([sys.executable, str(ROOT / "build_archive.py"), "frobnicate"], capture_output=True, text=True)
    assert run.returncode == 2 and "usage:" in run.stderr and "Traceback" not in run.stderr


def test_help_names_the_commands_and_exit_codes():
    run = subprocess.run([sys.executable, str(ROOT / "build_archive.py"), "--help"], capture_output=True, text=True)
    assert run.returncode == 0
    assert "build" in run.stdout and "check" in run.stdout and "Exit codes" in run.stdout


def test_github_flag_adds_workflow_annotations(tmp_path, capsys):
    annotations = tmp_path / "annotations"
    shutil.copytree(ANNOTATIONS, annotations)
    (annotations / "events" / "bad.yml").write_text("title: x\ndate: 2026-02-30\narticles: []\n", encoding="utf-8")
    assert main(["check", "--seeds", str(SEEDS), "--annotations", str(annotations), "--github"]) == 1
    out = capsys.readouterr().out
    assert re.search(r"^::error file=.*annotations/events/bad\.yml,line=2::invalid EDTF date '2026-02-30'", out, re.M), out


def test_what_an_article_needs_is_a_warning_until_a_correction_gives_it(tmp_path, capsys):
    seeds, annotations = tmp_path / "seeds", tmp_path / "annotations"
    seeds.mkdir()
    (annotations / "articles").mkdir(parents=True)
    for registry in ("people.yml", "topics.yml", "sources.yml"):
        shutil.copy(ANNOTATIONS / registry, annotations)
    (seeds / "weather.txt").write_text("Rain in Moscow\n\nIt rained all day in Moscow, forecasters said on Monday.\n", encoding="utf-8")
    check = ["check", "--seeds", str(seeds), "--annotations", str(annotations), "--today", TODAY.isoformat()]
    assert main(check) == 0
    err = capsys.readouterr().err.replace(str(tmp_path) + "/", "")
    for start in ("no topic found", "no publication date found", "no marker of a known outlet"):
        assert f"seeds/weather.txt: warning: {start}" in err
    assert "1 article(s) still need curating:\n  weather: date, source, topics\n" in err
    assert main([*check, "--strict"]) == 1
    capsys.readouterr()
    (annotations / "articles" / "weather.yml").write_text(
        "topics:\n  add: [ukraine]\ndate: '2026-02-09'\ndate_evidence: the page's own date\n"
        "source: tass\nsource_evidence: the page's address\n",
        encoding="utf-8",
    )
    assert main([*check, "--strict"]) == 0
    assert "still need" not in capsys.readouterr().err


def test_a_correction_can_add_and_remove_speakers(tmp_path):
    annotations = tmp_path / "annotations"
    shutil.copytree(ANNOTATIONS, annotations)
    (annotations / "articles" / "002_3a7575835685a05e.yml").write_text(
        "speakers:\n  add: [feridun-sinirlioglu]\n  remove: [maria-zakharova]\n", encoding="utf-8"
    )
    assert build(tmp_path / "docs", annotations=annotations) == 0
    meta, body = read_page(tmp_path / "docs" / "archive", "002_3a7575835685a05e")
    assert "feridun-sinirlioglu" in meta["speakers"] and "maria-zakharova" not in meta["speakers"]
    assert "feridun-sinirlioglu" not in meta["mentioned"]
    assert "feridun-sinirlioglu: added by a curated correction" in meta["evidence"]["speakers"]


def test_add_then_check_a_new_article(tmp_path, capsys):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    article = tmp_path / "article.txt"
    article.write_text("Lavrov says talks on strategic stability may resume\n\nMOSCOW, March 3. /TASS/. Sergey Lavrov said the talks may resume.\n", encoding="utf-8")
    assert main(["add", str(article), "--seeds", str(seeds)]) == 0
    out = capsys.readouterr().out
    [name] = [p.name for p in seeds.iterdir() if not (SEEDS / p.name).exists()]
    assert f"added {seeds}/{name} (from {article})" in out and "next: run `make check`" in out
    assert main(["check", "--seeds", str(seeds), "--annotations", str(ANNOTATIONS), "--today", TODAY.isoformat()]) == 0
    assert f"checked {len(SEED_IDS) + 1} seed(s)" in capsys.readouterr().out


def search_cli(site, *args):
    return main(["search", *args, "--site", str(site)])


def test_search_prints_json_results_best_first(search_site, capsys):
    assert search_cli(search_site, '"New START"', "--format", "json") == 0
    article, statement = json.loads(capsys.readouterr().out)
    assert article.keys() == {"id", "title", "kind", "score"} and statement.keys() == article.keys() | {"statement"}
    assert (article["id"], article["kind"], article["title"]) == ("a_phrase", "article", "Lavrov says Russia is ready to discuss New START")
    assert (statement["id"], statement["kind"], statement["statement"]) == ("a_phrase", "statement", "lavrov-new-start-ready")
    assert statement["title"] == "“We are ready to talk about New START with our American counterparts”"
    assert article["score"] > statement["score"] > 0


def test_search_text_lists_results_and_facet_counts(search_site, capsys):
    assert search_cli(search_site, "osce", "--speaker", "Zakharova", "--limit", "1") == 0
    out = capsys.readouterr().out
    assert "c_briefing  Briefing by Foreign Ministry Spokeswoman Maria Zakharova" in out
    assert "2 result(s), the best 1 shown" in out
    assert "  kind: article 1, statement 1" in out


def test_search_exit_codes(search_site, tmp_path, capsys):
    assert search_cli(search_site, "nothingmatchesthis") == 1
    assert search_cli(search_site, "osce", "--speaker", "Zakharov") == 2
    assert "names no speaker; did you mean `maria-zakharova`?" in capsys.readouterr().err
    assert search_cli(search_site, "the") == 2
    assert "nothing to search for in 'the' (the: too common to search)" in capsys.readouterr().err
    assert search_cli(search_site, "osce", "--limit", "0") == 2
    assert search_cli(tmp_path, "osce") == 2
    assert "no search index" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit:
        search_cli(search_site, "osce", "--kind", "speech")
    assert exit.value.code == 2


def test_search_reads_the_docs_folder_right_after_build(tmp_path, capsys):
    docs = tmp_path / "docs"
    assert build(docs, seeds=SEARCH_FIXTURE / "seeds", annotations=SEARCH_FIXTURE / "annotations") == 0
    capsys.readouterr()
    assert search_cli(docs, "Riabkov", "--format", "json") == 0
    assert [r["id"] for r in json.loads(capsys.readouterr().out)] == ["d_riabkov"]
