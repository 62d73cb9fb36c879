"""The fast path of ``disclosure check`` and ``disclosure build`` (``cli/fast.py``): a plain
command line runs without Typer and gives exactly what the Typer command gives; anything else is
left to Typer."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from conftest import SAMPLES
from disclosure_cli.cli import app, fast

HUAIAN = SAMPLES / "huaian-2024.xlsx"
ZHUJIE = SAMPLES / "zhujie-2020.xlsx"


def _click(command="check"):
    return typer.main.get_command(app).commands[command]


@pytest.mark.parametrize("command", sorted(fast.COMMANDS))
def test_options_are_those_the_typer_command_declares(command):
    """``fast.OPTIONS``/``BUILD_OPTIONS`` are a second statement of the commands' options: they
    must say the same."""
    declared = {}
    for param in _click(command).params:
        if param.param_type_name != "option":
            continue
        for opt in param.opts + param.secondary_opts:
            declared[opt] = (param.name, not param.is_flag)
    assert fast.COMMANDS[command] == {k: v for k, v in declared.items() if k not in ("-h", "--help")}
    paths = {p.name for p in _click(command).params if p.param_type_name == "option" and "Path" in type(p.type).__name__}
    assert paths == {param for param, _ in fast.COMMANDS[command].values()} & set(fast.PATHS)
    if command == "check":
        fmt = next(p for p in _click().params if p.name == "fmt")
        assert tuple(fmt.type.choices) == fast.FORMATS
    else:
        jobs = next(p for p in _click(command).params if p.name == "jobs")
        assert (jobs.type.min, jobs.type.max) == (1, None)


@pytest.mark.parametrize(
    "argv, expected",
    [
        (["check", "a.xlsx"], (False, ["a.xlsx"], {})),
        (["--debug", "check", "a.xlsx", "b"], (True, ["a.xlsx", "b"], {})),
        (["check", "--format", "json", "a.xlsx"], (False, ["a.xlsx"], {"fmt": "json"})),
        (["check", "a.xlsx", "--format=text", "-q", "--strict"], (False, ["a.xlsx"], {"fmt": "text", "quiet": True, "strict": True})),
        (["check", "-p", "上年.xlsx", "a.xlsx", "--select", "value-*", "--ignore=text-year-other"],
         (False, ["a.xlsx"], {"previous": Path("上年.xlsx"), "select": "value-*", "ignore": "text-year-other"})),
        (["check", "--decisions", "审核记录.json", "dir"], (False, ["dir"], {"decisions": Path("审核记录.json")})),
    ],
)
def test_plain_command_lines_are_parsed(argv, expected):
    debug, files, options = expected
    assert fast.parse_command(argv) == ("check", debug, files, options)


@pytest.mark.parametrize(
    "argv, expected",
    [
        (["build", "a.xlsx"], (False, ["a.xlsx"], {})),
        (["--debug", "build", "dir", "-o", "out", "-j", "2", "-q"], (True, ["dir"], {"outdir": Path("out"), "jobs": 2, "quiet": True})),
        (["build", "a.xlsx", "--to=docx,html,pdf", "--draft", "--fragment", "--force"],
         (False, ["a.xlsx"], {"to": "docx,html,pdf", "draft": True, "fragment": True, "force": True})),
        (["build", "d", "--report", "run.json", "--shard", "2/4", "--decisions", "审核记录.json", "-p", "上年.xlsx"],
         (False, ["d"], {"report": Path("run.json"), "shard": "2/4", "decisions": Path("审核记录.json"), "previous": Path("上年.xlsx")})),
        (["build", "--jobs=12", "d"], (False, ["d"], {"jobs": 12})),
    ],
)
def test_plain_build_command_lines_are_parsed(argv, expected):
    debug, files, options = expected
    assert fast.parse_command(argv) == ("build", debug, files, options)


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["check"],  # no file: Typer's usage message
        ["check", "--help"],
        ["check", "-h", "a.xlsx"],
        ["check", "-qp", "x", "a.xlsx"],  # clustered short options
        ["check", "--format", "xml", "a.xlsx"],  # not a choice: Typer says so
        ["check", "--format", "a.xlsx"],  # value missing (the file taken as value) — Typer decides
        ["check", "--previous", "--strict", "a.xlsx"],
        ["check", "--strict=1", "a.xlsx"],
        ["check", "--select", "", "a.xlsx"],
        ["check", "-q", "-q", "a.xlsx"],
        ["check", "--", "-a.xlsx"],
        ["check", "--unknown", "a.xlsx"],
        ["check", "-", "a.xlsx"],
        ["--version"],
        ["check", "a.xlsx", "--debug"],  # --debug belongs before the command
    ],
)
def test_anything_else_is_left_to_typer(argv):
    assert fast.parse_command(argv) is None


@pytest.mark.parametrize(
    "argv",
    [
        ["build"],
        ["build", "--help"],
        ["build", "-j", "0", "d"],  # below the minimum: Typer says so
        ["build", "-j", "x", "d"],
        ["build", "-j", "２", "d"],  # a full-width digit: Typer's message
        ["build", "--jobs=-1", "d"],
        ["build", "-o", "d"],  # the file taken as the value: no file left
        ["build", "--format", "json", "d"],  # check's option, not build's
        ["build", "-qj", "2", "d"],
        ["new", "-o", "a.xlsx"],
    ],
)
def test_other_build_lines_are_left_to_typer(argv):
    assert fast.parse_command(argv) is None


def test_debug_from_the_environment_is_left_to_typer(monkeypatch):
    monkeypatch.setenv("DISCLOSURE_DEBUG", "1")
    assert fast.parse_command(["check", "a.xlsx"]) is None


def _process(args, env=None):
    return subprocess.run(
        [sys.executable, "-m", "disclosure_cli", *args], capture_output=True, text=True, env={**os.environ, **(env or {})}
    )


@pytest.mark.parametrize(
    "args",
    [
        [str(HUAIAN)],
        [str(ZHUJIE), "--format", "json"],
        [str(ZHUJIE), "--strict", "-q"],
        [str(ZHUJIE), "--select", "text-*"],
        ["--previous", str(ZHUJIE), str(HUAIAN)],
        ["不存在.xlsx"],
        [str(SAMPLES)],
    ],
)
def test_fast_path_and_typer_give_the_same(args):
    """The same output and exit code as the Typer command (run in-process with CliRunner)."""
    proc = _process(["check", *args])
    r = CliRunner().invoke(app, ["check", *args])
    assert (proc.returncode, proc.stdout) == (r.exit_code, r.stdout)


def _normalised(text: str, *dirs) -> str:
    for d in dirs:
        text = text.replace(str(d), "<DIR>")
    return re.sub(r"用时 [\d.]+ 秒", "用时 … 秒", text)


@pytest.mark.parametrize(
    "args",
    [
        [str(HUAIAN)],
        [str(SAMPLES), "-q"],
        [str(ZHUJIE), "--to", "html", "--fragment", "-j", "1"],
        [str(HUAIAN), "--to", "docx,odt"],  # an unknown format: exit 2, the same message
        ["不存在.xlsx"],
    ],
)
def test_build_fast_path_and_typer_give_the_same(args, tmp_path):
    """The same output, files and exit code as the Typer command (each in its own output and
    state folder)."""
    runs = []
    for name in ("fast", "typer"):
        out, st = tmp_path / name / "out", tmp_path / name / "state"
        argv = ["build", *args, "-o", str(out)]
        if name == "fast":
            r = _process(argv, {"DISCLOSURE_STATE_DIR": str(st)})
            code, stdout = r.returncode, r.stdout
        else:
            os.environ["DISCLOSURE_STATE_DIR"] = str(st)
            try:
                r = CliRunner().invoke(app, argv)
            finally:
                os.environ.pop("DISCLOSURE_STATE_DIR")
            code, stdout = r.exit_code, r.stdout
        files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) if out.exists() else []
        runs.append((code, _normalised(stdout, out), files))
    assert runs[0] == runs[1]
    assert runs[0][0] in (0, 1, 2)


@pytest.mark.parametrize("command", ["check", "build"])
def test_process_does_not_import_typer(command, tmp_path):
    args = [str(HUAIAN)] if command == "check" else [str(HUAIAN), "-o", str(tmp_path / "out"), "--to", "html"]
    unused = ("typer", "click", "rich", "docx") + (("jinja2",) if command == "check" else ())  # build renders the page with Jinja2
    code = (
        "import sys\n"
        f"sys.argv = ['disclosure', {command!r}, *sys.argv[1:]]\n"
        "from disclosure_cli.cli import main\n"
        "try:\n    main()\n"
        "except SystemExit as e: code = e.code\n"
        f"print(code, sorted(m for m in {unused!r} if m in sys.modules), file=sys.stderr)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True,
        env={**os.environ, "DISCLOSURE_STATE_DIR": str(tmp_path / "state")},
    )
    assert proc.stderr.strip().splitlines()[-1] == "0 []"


def test_internal_error_on_the_fast_path_is_exit_3(monkeypatch, capsys):
    from disclosure_cli.cli import checking

    def boom(*a, **k):
        raise ValueError("boom")

    monkeypatch.setattr(checking, "run", boom)
    assert fast.run(["check", str(HUAIAN)]) == 3
    assert "程序内部错误（ValueError: boom）" in capsys.readouterr().err


def test_usage_mistakes_still_get_typers_message():
    proc = _process(["check", "--format", "xml", str(HUAIAN)])
    assert proc.returncode == 2 and "xml" in proc.stderr


def test_every_usage_line_names_its_arguments_in_chinese():
    """No command shows an internal parameter name (``{inputs}``, ``[targets]``) to a clerk."""
    import re

    group = typer.main.get_command(app)
    for name in sorted(group.commands):
        r = CliRunner().invoke(app, [name, "--help"], terminal_width=200)
        usage = next(line for line in r.stdout.splitlines() if "用法：" in line)
        assert not re.search(r"[{\[]?\b[a-z_]{3,}\b[}\]]?\.{0,3}\s*$|[{\[][a-z_]+", usage.split("[选项]")[-1]), (name, usage)
