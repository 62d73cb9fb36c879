"""The README's two set-up commands are the ones that work, and CI runs the test one."""

from __future__ import annotations

import re

from conftest import ROOT


def _commands() -> list[str]:
    readme = (ROOT / "README.md").read_text("utf-8")
    first = readme.split("\n## ", 2)[1]  # the first section
    return re.findall(r"```bash\n(.+?)\n```", first)


def test_readme_has_exactly_two_commands():
    cmds = _commands()
    assert len(cmds) == 2
    install_run, install_test = cmds
    assert "pip install -e ." in install_run and "disclosure " in install_run and "samples/" in install_run
    assert "pip install -e '.[test]'" in install_test and "pytest" in install_test


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    lines = [l.strip() for l in ci.splitlines() if l.strip() and not l.strip().startswith("#")]
    assert lines[-1] == _commands()[1]


def test_readme_main_command_runs(tmp_path, cli, monkeypatch):
    """The main command, run here in-process (the install part is what CI does)."""
    cmd = _commands()[0].split("&&")[-1].strip()
    args = cmd.split()[1:]
    monkeypatch.chdir(ROOT)
    out = tmp_path / "out"
    # write into a temporary folder, not the checkout
    out_args = [str(out / a[4:]) if a.startswith("out/") else str(out) if a == "out" else a for a in args]
    assert str(out) in " ".join(out_args), "the main command names its output folder"
    res = cli(*out_args)
    assert res.exit_code == 0, res.stderr  # "succeeds as written"
    assert sorted(p.suffix for p in out.rglob("*") if p.is_file()) == [".docx", ".html"]


def test_every_command_is_documented():
    """Each command of the CLI has its row in the README's 命令 table, and its help is Chinese."""
    import typer.main

    from disclosure_cli.cli import app

    readme = (ROOT / "README.md").read_text("utf-8")
    table = readme.split("## 命令", 1)[1].split("\n### ", 1)[0]
    group = typer.main.get_command(app)
    names = sorted(group.commands)
    assert {"new", "export", "check", "rules", "build"} <= set(names)
    for name in names:
        assert f"`disclosure {name} " in table, f"README 命令表缺少 disclosure {name}"
        help_text = group.commands[name].help or ""
        assert re.search(r"[\u4e00-\u9fff]", help_text), f"{name} 的帮助不是中文"


def test_click_and_typer_speak_chinese(cli):
    """Usage errors and the help option, which Click/Typer word themselves, are in Chinese."""
    res = cli("new", "--bogus")
    assert res.exit_code == 2 and "没有这个选项：--bogus" in res.stderr and "No such option" not in res.stderr
    res = cli("new")
    assert res.exit_code == 2 and "缺少选项" in res.stderr and "用法：" in res.stderr
    res = cli("new", "-o", "x.xlsx", "--year", "abc")
    assert res.exit_code == 2 and "的值无效" in res.stderr
    res = cli("frob")
    assert res.exit_code == 2 and "没有这个命令" in res.stderr
    res = cli("new", "--help")
    assert res.exit_code == 0 and "显示本帮助并退出。" in res.stdout and "Show this message" not in res.stdout
    assert "选项" in res.stdout
