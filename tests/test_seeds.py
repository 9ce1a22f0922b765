"""Reading seed files and decoding them into numbered, tidy lines."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from archive import seeds as seeds_module
from archive.model import WARNING, RawSeed, SeedText
from archive.names import id_problem
from archive.seeds import add_seed, decode_seed, read_seeds, seed_name

from conftest import PINNED

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "seeds"


def fixture(name: str) -> RawSeed:
    """A fixture seed read from disk as the build reads it."""
    return RawSeed(f"fixtures/{name}", name, (FIXTURES / name).read_bytes())


def decoded(raw: RawSeed) -> SeedText:
    """A seed that must decode to text."""
    text, _ = decode_seed(raw)
    assert text is not None
    return text


def texts(text: SeedText) -> dict[int, str]:
    """Line number -> text."""
    return {line.number: line.text for line in text.lines}


def test_read_seeds_lists_visible_txt_files_sorted(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_bytes(b"second")
    (tmp_path / "a.txt").write_bytes(b"first")
    (tmp_path / ".hidden.txt").write_bytes(b"editor swap file")
    (tmp_path / "notes.md").write_bytes(b"not a seed")
    (tmp_path / "dir.txt").mkdir()
    seeds, problems = read_seeds(tmp_path, display_prefix="input")
    assert [(s.path, s.name, s.data, s.id) for s in seeds] == [
        ("input/a.txt", "a.txt", b"first", "a"),
        ("input/b.txt", "b.txt", b"second", "b"),
    ]
    assert [p.format() for p in problems] == [
        "input/dir.txt: error: is not a regular file: a seed is a UTF-8 text file in the seeds folder itself"
    ]


def test_read_seeds_never_follows_a_link_nor_reads_a_special_file(tmp_path: Path) -> None:
    (tmp_path / "951_passwd.txt").symlink_to("/etc/passwd")
    (tmp_path / "952_env.txt").symlink_to("/proc/self/environ")
    os.mkfifo(tmp_path / "953_pipe.txt")  # reading a FIFO would block the build forever
    seeds, problems = read_seeds(tmp_path)
    assert seeds == ()
    link = "error: is a symbolic link; the build reads only regular files, never what a link points to: a seed is a UTF-8 text file in the seeds folder itself"
    assert [p.format() for p in problems] == [
        f"seeds/951_passwd.txt: {link}",
        f"seeds/952_env.txt: {link}",
        "seeds/953_pipe.txt: error: is not a regular file: a seed is a UTF-8 text file in the seeds folder itself",
    ]


@pytest.mark.parametrize(
    ("name", "why", "suggestion"),
    [
        ("902_a`<img src=x onerror=alert(1)>`b.txt", "it may hold only lowercase letters and digits, joined by single `_` or `-`", "902_a-img-src-x-onerror-alert-1-b.txt"),
        ("903_x(<img src=x onerror=alert(1)>.txt", "it may hold only lowercase letters and digits, joined by single `_` or `-`", "903_x-img-src-x-onerror-alert-1.txt"),
        ("904_a\n<b>b.txt", "it may hold only lowercase letters and digits, joined by single `_` or `-`", "904_a-b-b.txt"),
        ("Café Report.txt", "it may hold only lowercase letters and digits, joined by single `_` or `-`", "cafe-report.txt"),
        ("index.txt", "`index` is reserved for the site's own list pages", "index-1.txt"),
        ("a" * 251 + ".txt", "it is 251 characters long, over 80", "a" * 80 + ".txt"),
    ],
)
def test_read_seeds_refuses_names_that_cannot_be_ids_and_suggests_one(tmp_path: Path, name: str, why: str, suggestion: str) -> None:
    (tmp_path / name).write_text("Headline\n\nText.\n")
    seeds, problems = read_seeds(tmp_path)
    assert seeds == ()
    [problem] = problems
    assert problem.message == (
        f"file name cannot be an article id: {why}; rename it to {suggestion}"
    )
    assert "\n" not in problem.format()


def test_a_name_that_is_not_utf8_is_shown_escaped(tmp_path: Path) -> None:
    (tmp_path / os.fsdecode(b"905_\xff\xfe.txt")).write_text("Headline\n\nText.\n")
    _, [problem] = read_seeds(tmp_path)
    assert problem.location.path == "seeds/905_\\xff\\xfe.txt"
    assert problem.message.endswith("rename it to 905.txt")
    problem.format().encode("utf-8")  # printable: no lone surrogates left to crash the output


def test_read_seeds_reads_the_real_seeds_byte_for_byte() -> None:
    seeds, problems = read_seeds(SEEDS)
    assert problems == ()
    assert set(PINNED.values()) <= {s.id for s in seeds}
    assert [s.id for s in seeds] == sorted(s.id for s in seeds)
    assert {s.path for s in seeds} >= {"seeds/002_3a7575835685a05e.txt"}
    assert all(s.data == (SEEDS / s.name).read_bytes() for s in seeds)


def test_real_seeds_decode_as_utf8_without_problems() -> None:
    for raw in read_seeds(SEEDS)[0]:
        text, problems = decode_seed(raw)
        assert problems == ()
        assert text is not None and text.encoding == "utf-8"
        assert text.sha256 == hashlib.sha256((SEEDS / raw.name).read_bytes()).hexdigest()


def test_real_seed_line_numbers_match_the_file() -> None:
    seeds = {s.id[:3]: decoded(s) for s in read_seeds(SEEDS)[0] if s.id in PINNED.values()}
    # 002 ends with fifteen blank lines after its footer; they are dropped, numbering is not.
    assert len(seeds["002"].lines) == 71
    assert texts(seeds["002"])[71] == "15:45 07.02.2026 •"
    assert texts(seeds["002"])[30].startswith("Question:In your opening remarks")
    assert texts(seeds["001"])[7] == "Leer en Español"
    assert texts(seeds["001"])[8] == ""
    assert len(seeds["001"].lines) == 31  # no final newline: the last line still counts
    assert len(seeds["000"].lines) == 11
    assert [line.number for line in seeds["004"].lines] == [1, 2, 3, 4, 5, 6]


def test_bom_and_crlf() -> None:
    text = decoded(fixture("bom_crlf.txt"))
    assert text.encoding == "utf-8-sig"
    assert texts(text) == {
        1: "Talks Resume in Geneva",
        2: "",
        3: "The ministers met on Monday, in Geneva.",
        4: "",
        5: "They agreed to meet again.",
    }


def test_old_mac_line_endings_count_as_lines() -> None:
    text = decoded(RawSeed("x/cr.txt", "cr.txt", b"one\rtwo\r\rfour\r\n"))
    assert texts(text) == {1: "one", 2: "two", 3: "", 4: "four"}


def test_invalid_utf8_falls_back_to_cp1252_with_a_warning() -> None:
    text, problems = decode_seed(fixture("cp1252.txt"))
    assert text is not None and text.encoding == "cp1252"
    assert texts(text)[3] == "The minister ordered a café and spoke of “quoted” words."
    # 0x81 is undefined in cp1252: read as U+0081, a C1 control, then removed.
    assert texts(text)[4] == "A byte that cp1252 leaves undefined: ."
    assert [(p.location.path, p.location.line, p.severity) for p in problems] == [
        ("fixtures/cp1252.txt", 3, WARNING),
        ("fixtures/cp1252.txt", 4, WARNING),
    ]
    assert problems[0].message == (
        "not valid UTF-8 (first bad byte at line 3); decoded as cp1252 — re-save it as UTF-8"
    )
    assert "U+0081" in problems[1].message


def test_invalid_utf8_after_a_bom_is_still_reported_by_line() -> None:
    text, problems = decode_seed(RawSeed("x/b.txt", "b.txt", b"\xef\xbb\xbfok\r\nna\xefve\r\n"))
    assert text is not None and text.encoding == "cp1252"
    assert texts(text) == {1: "ok", 2: "naïve"}
    assert [p.location.line for p in problems] == [2]


def test_control_characters_removed_with_one_warning() -> None:
    text, problems = decode_seed(fixture("controls.txt"))
    assert text is not None
    assert texts(text) == {
        1: "Control Characters in a Seed",
        2: "",
        3: "A NUL byte and a bell in the text.",
        4: "A formfeed must not start a new line.",
        5: "An escape and a C1 next line character.",
    }
    assert len(problems) == 1
    problem = problems[0]
    assert (problem.location.path, problem.location.line, problem.severity) == ("fixtures/controls.txt", 3, WARNING)
    assert "removed 5 control characters" in problem.message
    assert "lines 3, 4, 5" in problem.message
    assert "U+0000" in problem.message and "U+0085" in problem.message


def test_tab_survives_as_a_space_not_as_a_control_character() -> None:
    text, problems = decode_seed(RawSeed("x/t.txt", "t.txt", b"a\tb"))
    assert problems == ()
    assert text is not None and texts(text) == {1: "a b"}


def test_unicode_is_normalised_to_nfc() -> None:
    text = decoded(RawSeed("x/n.txt", "n.txt", "Cafe\u0301 Sinirliog\u0306lu".encode()))
    assert texts(text) == {1: "Caf\u00e9 Sinirlio\u011flu"}


def test_odd_and_invisible_spaces_are_tidied() -> None:
    raw = "  a\u2009b\u202fc\u3000d\u200be\u00adf  \u00a0 g ".encode()
    assert texts(decoded(RawSeed("x/s.txt", "s.txt", raw))) == {1: "a b c def g"}


@pytest.mark.parametrize("name", ["empty.txt", "whitespace.txt"])
def test_empty_seed_is_skipped_with_a_warning(name: str) -> None:
    text, problems = decode_seed(fixture(name))
    assert text is None
    assert [(p.location.path, p.location.line, p.severity) for p in problems] == [
        (f"fixtures/{name}", 0, WARNING)
    ]
    assert "is empty; skipped" in problems[0].message


def test_sha256_is_of_the_raw_bytes() -> None:
    raw = fixture("bom_crlf.txt")
    assert decoded(raw).sha256 == hashlib.sha256((FIXTURES / "bom_crlf.txt").read_bytes()).hexdigest()
    assert decoded(raw).sha256 != decoded(RawSeed(raw.path, raw.name, raw.data[3:])).sha256


def test_decoding_is_deterministic() -> None:
    for raw in read_seeds(FIXTURES)[0]:
        assert decode_seed(raw) == decode_seed(raw)


def test_a_new_seed_is_named_by_the_next_number_and_its_hash() -> None:
    data = b"Headline\n\nText.\n"
    digest = hashlib.sha256(data).hexdigest()[:16]
    assert seed_name(data, ["000_958310810f9c2547.txt", "004_3c915cf34bc33e91.txt", "README.md", "x_y.txt"]) == f"005_{digest}.txt"
    assert seed_name(data, []) == f"000_{digest}.txt"
    assert id_problem(seed_name(data, ["999_x.txt"])[:-4]) is None


def test_add_copies_byte_for_byte_and_never_twice(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "000_958310810f9c2547.txt").write_bytes(b"an older seed\n")
    article = tmp_path / "Collected Article (TASS).txt"
    article.write_bytes(b"\xef\xbb\xbfHeadline\r\n\r\nText as collected.\r\n")
    added, problem = add_seed(article, seeds)
    assert problem is None and added == f"seeds/001_{hashlib.sha256(article.read_bytes()).hexdigest()[:16]}.txt"
    assert (tmp_path / added).read_bytes() == article.read_bytes()
    again, problem = add_seed(article, seeds)
    assert again is None and problem.message == f"is already in the archive as {added}"
    assert sorted(p.name for p in seeds.iterdir()) == ["000_958310810f9c2547.txt", added.split("/")[1]]


def test_add_reads_only_the_seeds_of_the_same_size(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for number in range(20):
        (seeds / f"{number:03d}_x.txt").write_bytes(b"seed %d of another size\n" % number * (number + 2))
    (seeds / "020_same.txt").write_bytes(b"twelve bytes")
    article = tmp_path / "article.txt"
    article.write_bytes(b"twelve bytes")
    read: list[str] = []
    real_read = seeds_module.read_regular
    monkeypatch.setattr(seeds_module, "read_regular", lambda path, limit: read.append(path.name) or real_read(path, limit))
    added, problem = add_seed(article, seeds)
    assert added is None and problem.message == "is already in the archive as seeds/020_same.txt"
    assert read == ["article.txt", "020_same.txt"]


def test_add_refuses_links_and_empty_files(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (tmp_path / "passwd.txt").symlink_to("/etc/passwd")
    (tmp_path / "empty.txt").write_bytes(b" \n\n")
    for name, why in (("passwd.txt", "is a symbolic link"), ("empty.txt", "is empty")):
        added, problem = add_seed(tmp_path / name, seeds)
        assert added is None and problem.message.startswith(why)
    assert list(seeds.iterdir()) == []
