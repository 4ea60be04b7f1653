"""The `gapcheck` command: one function per subcommand, each returning an exit code.

Exit codes: 0 success; 1 the asked-for condition failed; 2 bad input or
usage, reported as `file:line:column: message` and never as a traceback;
70 an internal error (a bug), reported in one line unless `--debug` is given.
`main` is the one boundary where exceptions become messages and exit codes.
"""

import atexit
import errno
import gc
import importlib
import io
import os
import shutil
import sys
import types
from pathlib import Path
from typing import NoReturn

import click

from gapcheck import __version__, config, replay
from gapcheck.commands import options
from gapcheck.commands.exit_codes import EXIT_INPUT, EXIT_INTERNAL, EXIT_OK
from gapcheck.errors import InputError, OutputError, Problem

DEBUG = "--debug"
# Finding pydantic's plugins reads the metadata of every installed distribution (a fifth of a cold `check`);
# gapcheck's models are its own business, not an observability plugin's.
PYDANTIC_PLUGINS = "PYDANTIC_DISABLE_PLUGINS"
_NO_PLUGINS = ("__all__", "1", "true")  # the values with which pydantic's get_plugins() finds none
_PLUGIN_LOADER = "pydantic.plugin._loader"
_WHOLE_PROCESS = False  # main() of a gapcheck process, not called in-process (tests)
_ENDS_AT_ONCE = False  # the run was one whose result is cached: it wrote no file but through closed handles

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": shutil.get_terminal_size().columns}

# Subcommands are imported only when run: each pulls in what it alone needs (openpyxl, Jinja, the rule set).
COMMANDS = {
    "check": "gapcheck.commands.check:check",
    "report": "gapcheck.commands.report:report",
    "matrix": "gapcheck.commands.matrix:matrix",
    "diff": "gapcheck.commands.diff:diff",
    "test": "gapcheck.commands.test:test_command",
    "validate": "gapcheck.commands.validate:validate",
    "schema": "gapcheck.commands.schema:schema_command",
    "init": "gapcheck.commands.init:init",
    "migrate": "gapcheck.commands.migrate:migrate",
    "why": "gapcheck.commands.why:why",
    "suggest": "gapcheck.commands.suggest:suggest_command",
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported on first use (click's documented lazy-loading pattern)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module, name = target.split(":")
        if not _WHOLE_PROCESS:
            command = getattr(importlib.import_module(module), name)
        else:  # no cyclic collection while the command's modules load: classes and functions, all kept
            gc.disable()
            try:
                command = getattr(importlib.import_module(module), name)
            finally:
                gc.enable()
            gc.freeze()  # what is loaded so far lives as long as the process: never scanned again
        assert isinstance(command, click.Command)
        return command


@click.group(cls=LazyGroup, context_settings=CONTEXT)
@click.version_option(__version__, prog_name="gapcheck")
@click.option(
    "--config",
    "config_file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Configuration file (default: the nearest gapcheck.toml, or pyproject.toml with [tool.gapcheck]).",
)
@click.option("-q", "--quiet", is_flag=True, help="Print results and errors only, no other messages.")
@click.option(DEBUG, is_flag=True, help="On an internal error, print the Python traceback.")
@click.pass_context
def cli(ctx: click.Context, config_file: Path | None, quiet: bool, debug: bool) -> None:
    """Where a country's law falls short of the international standards on the sale and
    sexual exploitation of children.

    Your corpus (statutes, standards, drafts, expectations, templates, output folder) is
    configured in [tool.gapcheck] of pyproject.toml or in gapcheck.toml, overridden by
    GAPCHECK_<KEY> environment variables and by options.

    \b
    Shell completion, in ~/.bashrc (zsh_source in ~/.zshrc, fish_source for fish):
      eval "$(_GAPCHECK_COMPLETE=bash_source gapcheck)"
    """
    options.set_quiet(quiet)
    settings = config.load(file=config_file)
    ctx.with_resource(config.using(settings))


def main(argv: list[str] | None = None) -> int:
    """Run the CLI: bad input is reported, an internal error is one line (or a traceback with --debug)."""
    args = list(sys.argv[1:] if argv is None else argv)
    global _WHOLE_PROCESS, _ENDS_AT_ONCE
    _WHOLE_PROCESS = argv is None
    if argv is None:  # a whole process: no pydantic plugins (PYDANTIC_DISABLE_PLUGINS= keeps them)
        os.environ.setdefault(PYDANTIC_PLUGINS, "__all__")
        _no_plugin_loader()
    debug = DEBUG in args  # accepted anywhere on the line, so that any failing command can be rerun with it
    args = [DEBUG] * debug + [a for a in args if a != DEBUG]
    options.set_quiet(False)
    if sys.stdout is None:  # the process started with standard output closed
        sys.stdout = _ClosedOutput()
    if argv is None:  # a whole process: its own streams
        _lossless(sys.stdout, sys.stderr)
    try:
        result = replay.Result.lookup(args) if argv is None else None  # a whole process: replayed or recorded
        if result is not None:
            replayed = result.replay()
            if replayed is not None:
                _ENDS_AT_ONCE = True
                return replayed
            result.record()
        code = _run(args)
        sys.stdout.flush()
        if result is not None:
            result.finish(code)
            _ENDS_AT_ONCE = True
        return code
    except OSError as err:
        if err.errno in (errno.EPIPE, errno.ENOSPC, errno.EIO, errno.EBADF) or isinstance(err, BrokenPipeError):
            return _stdout_lost(err)
        return _internal(err, debug)
    except KeyboardInterrupt:
        click.echo("gapcheck: interrupted; nothing was written", err=True)
        return 130
    except Exception as err:  # the boundary: never a traceback unless asked for
        return _internal(err, debug)


def _lossless(*streams: object) -> None:
    """A character a stream's encoding cannot hold (an em dash, on a latin-1 terminal) written as its escape
    (`\\u2014`), as Python writes it to stderr, not an encoding error in the middle of a report."""
    for stream in streams:
        if isinstance(stream, io.TextIOWrapper) and stream.errors == "strict":
            stream.reconfigure(errors="backslashreplace")


def _no_plugin_loader() -> None:
    """With plugins off, pydantic's plugin loader as it then behaves (it finds none), without its imports.

    pydantic imports its loader when it builds the first validator, and the loader imports
    importlib.metadata (with email, zipfile, csv...: a tenth of a cold `check`) before it reads
    the variable that says there are no plugins to look for.
    """
    if os.environ.get(PYDANTIC_PLUGINS) in _NO_PLUGINS and _PLUGIN_LOADER not in sys.modules:
        loader = types.ModuleType(_PLUGIN_LOADER, "pydantic's plugin loader with plugins off: it finds none")
        loader.get_plugins = lambda: ()  # type: ignore[attr-defined]
        setattr(loader, "__getattr__", _real_loader)  # noqa: B010 - a module-level __getattr__ (PEP 562)
        sys.modules[_PLUGIN_LOADER] = loader


def _real_loader(name: str) -> object:
    """What a pydantic asks of its loader beyond `get_plugins` (a later version's): the real loader's.

    A module's own attributes (`__file__`, asked of every module by inspect) are not the loader's business."""
    if name.startswith("__"):
        raise AttributeError(name)
    sys.modules.pop(_PLUGIN_LOADER, None)
    return getattr(importlib.import_module(_PLUGIN_LOADER), name)


class _ClosedOutput(io.TextIOBase):
    """Standard output when there is none: writing to it is the same error as writing to a closed pipe."""

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "standard output is closed")

    def isatty(self) -> bool:
        return False


def _run(args: list[str]) -> int:
    try:
        code = cli.main(args=args, prog_name="gapcheck", standalone_mode=False)
    except InputError as err:
        _report(err.problems)
        return EXIT_INPUT
    except OutputError as err:
        click.echo(f"gapcheck: {err}", err=True)
        return EXIT_INPUT
    except click.exceptions.Exit as exit_:
        return int(exit_.exit_code)
    except click.ClickException as err:
        err.show()
        return EXIT_INPUT
    except click.Abort:
        return EXIT_INPUT
    except SystemExit as exit_:  # click exits 1 after silencing a broken standard output (EPIPE)
        return EXIT_INPUT if exit_.code == 1 else int(exit_.code or EXIT_OK)
    return int(code or EXIT_OK)


def _report(problems: list[Problem]) -> None:
    for problem in problems:
        click.echo(str(problem), err=True)
    n = len(problems)
    click.echo(f"gapcheck: {n} problem{'s' if n != 1 else ''} in input; nothing was written", err=True)


def _internal(err: BaseException, debug: bool) -> int:
    if debug:
        import traceback  # only for a bug, and only when asked

        traceback.print_exception(err, file=sys.stderr)
    summary = " ".join(str(err).split())[:300] or "(no message)"
    click.echo(
        f"gapcheck: internal error: {type(err).__name__}: {summary}"
        + ("" if debug else f" (a bug; rerun with {DEBUG} to see the traceback)"),
        err=True,
    )
    return EXIT_INTERNAL


def _stdout_lost(err: OSError) -> int:
    """Standard output was closed or is full: say so once, and keep Python from complaining at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.close(devnull)
    except (OSError, ValueError):
        pass
    if not isinstance(err, BrokenPipeError):
        try:
            click.echo(f"gapcheck: cannot write to standard output: {err.strerror or err}", err=True)
        except OSError:
            pass
    return EXIT_INPUT


def run() -> NoReturn:
    """The `gapcheck` program: `main()`, then, after a run whose result is cached (gapcheck.replay: it
    writes no file but the caches', each closed once written, and starts no process), the process ends
    without Python tearing down what it loaded.

    Freeing every module and object one by one at exit is a fortieth of a cold `check`; the operating
    system frees them at once. The exit functions still run and the standard streams are flushed; an
    error flushing them is left to Python's own exit, which reports it as it always has.
    """
    code = main()
    if _ENDS_AT_ONCE and _threads_idle():
        try:
            atexit._run_exitfuncs()
            sys.stdout.flush()
            sys.stderr.flush()
        except Exception:  # noqa: BLE001 - Python's own exit says what went wrong, as without this
            sys.exit(code)
        os._exit(code)
    sys.exit(code)


def _threads_idle() -> bool:
    """No thread but this one is running (Python's exit would wait for it), or threading was never imported."""
    threading = sys.modules.get("threading")
    return threading is None or threading.active_count() == 1


if __name__ == "__main__":
    run()
