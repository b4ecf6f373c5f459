"""Issue 15 through the CLI, on made-up articles: briefing.toml, `briefing init`, stable
source numbers, What changed, the default title, the page header, and the cases that used
to pass silently."""
from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing.cli import cli
from briefing.config import PROJECT_FILE, load_project
from briefing.render import RUNNING_TITLE_CHARS, marking_layout, running_title

ARTICLES = {
    "a1.md": """---
title: Drone attack on Kharkiv market kills 17
outlet: Daily Wire Service
published: 2026-03-02
---
A drone attack on a crowded market in Kharkiv killed 17 people on Monday, the regional governor said.

The governor said that rescue teams were still searching the rubble of two shops near the market.

"We will find those who sent this drone," the governor told reporters outside the city hall.

Police said the drone was launched from a field about ten kilometres north of the city.

Hospitals in Kharkiv treated 40 injured people overnight, a health official said.
""",
    "a2.md": """---
title: Kharkiv mourns after drone attack
outlet: Evening Courier
published: 2026-03-03
---
The drone attack in Kharkiv has left the city in mourning, with flags at half mast on Tuesday.

Officials said 17 people were killed and dozens more were wounded when the drone struck the market.

The mayor of Kharkiv announced three days of mourning and promised help for the families.

"This city will not be frightened," the mayor said in a speech on Tuesday evening.

Investigators said they had recovered parts of the drone from the roof of a bakery.
""",
    "a3.md": """---
title: Investigators trace drone used in Kharkiv attack
outlet: Morning Ledger
published: 2026-03-04
---
Investigators in Kharkiv said on Wednesday that the drone attack was planned for weeks.

The prosecutor said that two men had been arrested in a village east of the city.

"The evidence points to a small group acting alone," the prosecutor told a news conference.

Ministers met in Paris to discuss the security of public markets after the attack.

The prosecutor said the two men would appear before a judge on Friday.
""",
}


@pytest.fixture()
def folder(tmp_path):
    src = tmp_path / "articles"
    src.mkdir()
    for name, text in ARTICLES.items():
        (src / name).write_text(text, encoding="utf-8")
    return src


def run(*args, ok: bool = True):
    result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    if ok:
        assert result.exit_code == 0, result.output
    return result


def outputs(out: Path) -> tuple[dict, str, str]:
    return (json.loads((out / "briefing.json").read_text(encoding="utf-8")),
            (out / "briefing.html").read_text(encoding="utf-8"), (out / "briefing.md").read_text(encoding="utf-8"))


def what_changed(md: str) -> str:
    return md.split("## What changed", 1)[1].split("\n## ", 1)[0]


PROJECT = '''
title = "Kharkiv: the market attack, week one"
marking = "UNCLASSIFIED // FOR OFFICIAL USE ONLY"
paper = "letter"
section_sentences = 2
comment = """The toll is **likely to rise**; the second source's count is unconfirmed. <b>not markup</b>"""
exclude = ["The mayor of Kharkiv announced three days"]
pin = ["Police said the drone was launched"]

[topics.troop_levels]
enabled = false

[topics.casualties]
order = -1
title = "Dead and wounded"
'''


def test_project_file_sets_every_choice_and_flags_override_it(folder, tmp_path):
    (folder / PROJECT_FILE).write_text(PROJECT, encoding="utf-8")
    out = tmp_path / "out"
    run("build", folder, "-o", out, "--sentences", "3")
    data, html, md = outputs(out)
    assert data["title"] == "Kharkiv: the market attack, week one"
    assert "UNCLASSIFIED // FOR OFFICIAL USE ONLY" in html and md.startswith("**UNCLASSIFIED")
    assert "size: letter" in html
    # the comment: in every format, labelled as the analyst's, its Markdown rendered, raw HTML kept as text
    assert data["comment"].startswith("The toll is **likely to rise**")
    assert 'class="analyst-comment"' in html and "<strong>likely to rise</strong>" in html
    assert "<b>not markup</b>" not in html and "&lt;b&gt;not markup&lt;/b&gt;" in html
    assert html.index("analyst-comment") < html.index('id="summary"')
    assert "Analyst's comment" in md and md.index("Analyst's comment") < md.index("## Executive summary")
    # excluded: quoted nowhere; pinned: first in the summary, whose length the flag set
    quoted = [x["text"] for x in data["summary"]] + [x["text"] for s in data["sections"] for x in s["sentences"]]
    assert not any("mayor of Kharkiv announced" in t for t in quoted)
    assert data["summary"][0]["text"].startswith("Police said the drone was launched") and len(data["summary"]) == 3
    assert any("17 people" in x["text"] for x in data["summary"])  # a pin never pushes the latest toll out
    # topics: one off, one first and retitled, at most section_sentences each
    topics = [s["topic"] for s in data["sections"]]
    assert "troop_levels" not in topics and topics[0] == "casualties"
    assert data["sections"][0]["title"] == "Dead and wounded"
    assert all(len(s["sentences"]) <= 2 for s in data["sections"])
    # a flag beats the file
    run("build", folder, "-o", out, "--title", "From the flag", "--paper", "a4")
    data, html, _ = outputs(out)
    assert data["title"] == "From the flag" and "size: A4" in html


def test_config_option_names_a_file_elsewhere_and_unmatched_fragments_warn(folder, tmp_path):
    config = tmp_path / "elsewhere.toml"
    config.write_text('title = "Named by --config"\npin = ["no sentence says this"]\n', encoding="utf-8")
    result = run("build", folder, "-o", tmp_path / "out", "--config", config)
    assert json.loads((tmp_path / "out" / "briefing.json").read_text())["title"] == "Named by --config"
    assert "pin fragment 'no sentence says this' is in no sentence" in result.output


@pytest.mark.parametrize("text, key", [
    ('paper = "legal"\n', "'paper'"),
    ('sentences = "five"\n', "'sentences'"),
    ('colour = "red"\n', "'colour'"),
    ('exclude = "x"\npin = [1]\n', "'pin'"),
    ('[topics.no_such_topic]\nenabled = false\n', "'topics.no_such_topic'"),
    ('[topics.casualties]\nenabled = "no"\n', "'topics.casualties.enabled'"),
    ('title = \n', "not valid TOML"),
])
def test_a_wrong_key_is_one_line_naming_it(folder, tmp_path, text, key):
    (folder / PROJECT_FILE).write_text(text, encoding="utf-8")
    result = run("build", folder, "-o", tmp_path / "out", ok=False)
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and key in lines[0] and PROJECT_FILE in lines[0], result.output
    assert not (tmp_path / "out" / "briefing.html").exists()


def test_init_writes_a_commented_file_that_reads_as_no_choice_and_never_overwrites(folder):
    (folder / PROJECT_FILE).unlink(missing_ok=True)
    run("init", folder)
    written = (folder / PROJECT_FILE).read_text(encoding="utf-8")
    for key in ("title", "marking", "paper", "pdf_variant", "method", "sentences", "section_sentences",
                "topic_files", "exclude", "pin", "comment", "[topics."):
        assert f"# {key}" in written
    assert load_project(folder / PROJECT_FILE).title is None
    # every commented key, uncommented, is a valid project file
    uncommented = "\n".join(line[2:] if line.startswith("# ") and ("=" in line or line.startswith("# [")) else line
                            for line in written.splitlines())
    uncommented = uncommented.replace('topic_files = ["my-topics.toml"]', "").replace('templates = "my-templates"', "")
    (folder / PROJECT_FILE).write_text(uncommented, encoding="utf-8")
    assert load_project(folder / PROJECT_FILE).marking == "UNCLASSIFIED // FOR OFFICIAL USE ONLY"
    again = run("init", folder, ok=False)
    assert again.exit_code == 1 and "already exists" in again.output
    assert (folder / PROJECT_FILE).read_text(encoding="utf-8") == uncommented


def test_source_numbers_are_kept_across_rebuilds_and_never_reused(folder, tmp_path):
    out = tmp_path / "out"
    run("build", folder, "-o", out)
    first = {Path(s["path"]).name: s["id"] for s in outputs(out)[0]["sources"]}
    assert first == {"a1.md": "S1", "a2.md": "S2", "a3.md": "S3"}  # date order
    (folder / "a2.md").unlink()
    run("build", folder, "-o", out)
    assert {Path(s["path"]).name: s["id"] for s in outputs(out)[0]["sources"]} == {"a1.md": "S1", "a3.md": "S3"}
    (folder / "a0.txt").write_text("A second drone struck a depot near Kharkiv on Sunday, officials said on Monday.\n")
    run("build", folder, "-o", out)
    data, html, md = outputs(out)
    assert {Path(s["path"]).name: s["id"] for s in data["sources"]} == {"a1.md": "S1", "a3.md": "S3", "a0.txt": "S4"}
    assert 'id="S4"' in html and "[S4]" in md


def test_what_changed_tells_the_truth(folder, tmp_path):
    out = tmp_path / "out"
    run("build", folder, "-o", out)
    a1 = folder / "a1.md"
    a1.write_text(a1.read_text(encoding="utf-8").replace("killed 17 people", "killed 18 people"), encoding="utf-8")
    (folder / "a2.md").write_text(ARTICLES["a2.md"].replace("17 people were killed", "18 people were killed"))
    run("build", folder, "-o", out)
    data, html, md = outputs(out)
    changed = what_changed(md)
    assert "**18**, was 17" in changed and "New figure" not in changed
    assert "S1 “Drone attack on Kharkiv market kills 17”" in changed and "a1.md" not in changed
    assert any(f["value"] == 18 and f["previous"] == 17 for f in data["changes"]["figures"])
    assert "<strong>18</strong>, was 17" in html

    (folder / "a3.md").unlink()  # its arrests figure and its quote go with it
    run("build", folder, "-o", out)
    data, html, md = outputs(out)
    changed = what_changed(md)
    assert "Removed source: S3 “Investigators trace drone used in Kharkiv attack”" in changed
    gone = {(g["kind"], g["text"]) for g in data["changes"]["gone"]}
    assert ("quote", "“The evidence points to a small group acting alone”") in gone
    assert any(kind == "figure" and text.endswith(": 2") for kind, text in gone)
    assert "The evidence points to a small group acting alone" in html.split('id="changes"')[1].split("</section>")[0]

    (folder / "empty.txt").write_text("")  # unreadable: a rebuild, but no source changed
    result = run("build", folder, "-o", out)
    assert "skipped" in result.output and "empty.txt" in result.output
    assert what_changed(outputs(out)[2]) == changed


def test_default_title_is_place_and_event_when_sources_agree(folder, tmp_path):
    run("build", folder, "-o", tmp_path / "out")
    assert outputs(tmp_path / "out")[0]["title"] == "Kharkiv: drone attack"
    # only one source of three names an event: no agreement, so the places the most sources name
    for name, word in (("a1.md", "incident"), ("a2.md", "tragedy")):
        text = (folder / name).read_text(encoding="utf-8").replace("drone attack", word).replace("drone", "device")
        (folder / name).write_text(text, encoding="utf-8")
    run("build", folder, "-o", tmp_path / "out2")
    title = outputs(tmp_path / "out2")[0]["title"]
    assert title.startswith("Briefing: Kharkiv") and "drone" not in title


def title_of_articles(tmp_path, *openings: str) -> str:
    """The default title of a build of one short article per opening sentence."""
    folder = tmp_path / "in"
    folder.mkdir()
    for i, text in enumerate(openings):
        (folder / f"{'abc'[i]}.txt").write_text(text + " The governor declared three days of mourning.\n",
                                                encoding="utf-8")
    run("build", folder, "-o", tmp_path / "out")
    return outputs(tmp_path / "out")[0]["title"]


def test_sources_that_name_a_market_bombing_and_a_bombing_agree_on_the_event(tmp_path):
    assert title_of_articles(tmp_path, "A suicide bomber killed 40 people at a market in Kirkuk on Monday.",
                             "The toll from Monday's market bombing in Kirkuk rose to 52 on Tuesday.",
                             "The bombing in Kirkuk killed 48 people, the ministry said.") == "Kirkuk: bombing"


def test_sources_that_name_one_event_in_different_words_agree_on_it(tmp_path):
    assert title_of_articles(tmp_path, "The bombing at a market in Kirkuk killed 40 people on Monday.",
                             "The toll from the blast in Kirkuk rose to 52 on Tuesday.",
                             "The attack in Kirkuk killed 48 people, the ministry said.") \
        in ("Kirkuk: bombing", "Kirkuk: blast")


def test_header_title_and_marking_stay_on_one_line(folder, tmp_path):
    long_title = "Kharkiv: drone attack on the central market, the investigation, the arrests and the mourning"
    short = running_title(long_title)
    assert len(short) <= RUNNING_TITLE_CHARS and short.endswith("…") and long_title.startswith(short[:-1])
    assert running_title("Kharkiv: drone attack") == "Kharkiv: drone attack"
    long_marking = "UNCLASSIFIED // FOR OFFICIAL USE ONLY // NOT FOR RELEASE OUTSIDE THE REGIONAL OFFICE"
    assert marking_layout(long_marking)["marking_alone"] and marking_layout(long_marking)["marking_pt"] < 7.5
    assert not marking_layout("UNCLASSIFIED // FOR OFFICIAL USE ONLY")["marking_alone"]
    out = tmp_path / "out"
    run("build", folder, "-o", out, "--title", long_title, "--marking", long_marking)
    if not shutil_which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(["pdftotext", "-layout", str(out / "briefing.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    marking_lines = [line.strip() for line in text.splitlines() if "UNCLASSIFIED" in line]
    assert marking_lines and all(long_marking in line for line in marking_lines)  # never broken over two lines
    assert not any(line.strip() == "ONLY" or line.strip().startswith("OUTSIDE THE") for line in text.splitlines())


def shutil_which(name: str):
    import shutil

    return shutil.which(name)


def test_cases_that_passed_silently_now_say_so(folder, tmp_path):
    out = tmp_path / "out"
    result = run("build", folder, "-o", out, "--templates", tmp_path / "nonexistent", ok=False)
    assert result.exit_code == 1 and result.output.strip().splitlines() == [
        f"Error: --templates {tmp_path / 'nonexistent'}: no such folder"]

    (folder / "sources.toml").write_text('["a1.md"]\npublished = "sometime last spring"\n'
                                         '["gone.md"]\ntitle = "An article not in the folder"\n', encoding="utf-8")
    result = run("build", folder, "-o", out)
    assert "published = 'sometime last spring' is not a date" in result.output
    assert "[gone.md]: no such file" in result.output
    quiet = run("build", folder, "-o", out, "--force", "-q")
    assert quiet.output == ""  # -q: errors only

    topics = tmp_path / "topics.toml"
    topics.write_text('[[topic]]\nid = "markets"\nnouns = ["market"]\nmin_score = "two"\n', encoding="utf-8")
    result = run("build", folder, "-o", out, "--topics", topics, ok=False)
    assert result.exit_code == 1 and len(result.output.strip().splitlines()) == 1
    assert "min_score must be a number" in result.output


def test_watch_takes_builds_options_and_a_bad_path_is_one_error(folder, tmp_path):
    build_help, watch_help = run("build", "--help").output, run("watch", "--help").output
    options = lambda text: sorted(w for w in text.split() if w.startswith("-"))  # noqa: E731
    extra = set(options(watch_help)) - set(options(build_help))
    assert set(options(build_help)) <= set(options(watch_help)) and extra <= {"--every"}, extra  # and how often to poll
    result = run("watch", tmp_path / "missing", "-o", tmp_path / "out", ok=False)
    assert result.exit_code == 1 and len(result.output.strip().splitlines()) == 1
    assert "missing: no such file or folder" in result.output


def test_watch_ends_quietly_on_ctrl_c_with_status_130(folder, tmp_path):
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "briefing", "watch", str(folder), "-o", str(out),
                             "--title", "Watched", "-q"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        deadline = time.time() + 120
        while not (out / "briefing.json").exists() and time.time() < deadline:
            time.sleep(0.2)
        time.sleep(1)
        proc.send_signal(signal.SIGINT)
        stdout, stderr = proc.communicate(timeout=60)
    finally:
        proc.kill()
    assert proc.returncode == 130
    assert stdout == "" and stderr == "", stderr  # -q, and no KeyboardInterrupt message
    assert json.loads((out / "briefing.json").read_text())["title"] == "Watched"
