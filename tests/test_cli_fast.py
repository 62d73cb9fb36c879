"""The fast path of ``disclosure check`` (``cli/fast.py``): a plain command line runs without
Typer and gives exactly what the Typer command gives; anything else is left to Typer."""

from __future__ import annotations

import os
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


def _click_check():
    return typer.main.get_command(app).commands["check"]


def test_options_are_those_the_typer_command_declares():
    """``fast.OPTIONS`` is a second statement of check's options: it must say the same."""
    declared = {}
    for param in _click_check().params:
        if param.param_type_name != "option":
            continue
        for opt in param.opts + param.secondary_opts:
            declared[opt] = (param.name, not param.is_flag)
    assert fast.OPTIONS == {k: v for k, v in declared.items() if k not in ("-h", "--help")}
    fmt = next(p for p in _click_check().params if p.name == "fmt")
    assert tuple(fmt.type.choices) == fast.FORMATS


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
    assert fast.parse(argv) == (debug, files, options)


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
        ["build", "a.xlsx"],
        ["--version"],
        ["check", "a.xlsx", "--debug"],  # --debug belongs before the command
    ],
)
def test_anything_else_is_left_to_typer(argv):
    assert fast.parse(argv) is None


def test_debug_from_the_environment_is_left_to_typer(monkeypatch):
    monkeypatch.setenv("DISCLOSURE_DEBUG", "1")
    assert fast.parse(["check", "a.xlsx"]) is None


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


def test_check_process_does_not_import_typer():
    code = (
        "import sys\n"
        "sys.argv = ['disclosure', 'check', sys.argv[1]]\n"
        "from disclosure_cli.cli import main\n"
        "try:\n    main()\n"
        "except SystemExit as e: code = e.code\n"
        "print(code, sorted(m for m in ('typer', 'click', 'rich', 'docx', 'jinja2') if m in sys.modules), file=sys.stderr)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code, str(HUAIAN)], capture_output=True, text=True)
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
