"""`tocds-cli` run inside the test process: the same `desktop.cli.main` the installed command calls, with
the command's environment, standard input and output, without starting Python and importing the store
again for every command (1.3–1.5 s a command on the test machine; the command-line tests run ~300).

What only a real process shows is tested through real ones: the installed entry points
(tests/cli/test_cli_foundation.py), the console's encoding and pipes (test_cli_utf8.py, the piped output
in test_cli_bad_input.py), a whole journey through the bundled command (tests/e2e/test_bundle_cli.py).
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def _environment(env: dict[str, str] | None) -> Iterator[None]:
    """os.environ as `env` (the whole environment, as subprocess takes it) for the block."""
    if env is None:
        yield
        return
    before = dict(os.environ)
    os.environ.clear()
    os.environ.update(env)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(before)


@contextmanager
def _keyring_of(env: dict[str, str] | None) -> Iterator[None]:
    """The keyring backend the environment names, as a new process would load it (cli_env's: a file that
    the test's real processes share)."""
    import keyring
    from keyring.core import load_keyring

    wanted = (env or os.environ).get("PYTHON_KEYRING_BACKEND", "")
    before = keyring.get_keyring()
    if wanted:
        keyring.set_keyring(load_keyring(wanted))
    try:
        yield
    finally:
        keyring.set_keyring(before)


def run_cli(args: list[str] | tuple[str, ...], *, env: dict[str, str] | None = None,
            input: str | None = None) -> subprocess.CompletedProcess[str]:
    """Like `subprocess.run([tocds-cli, *args], capture_output=True, text=True, env=env, input=input)`;
    no input is an empty standard input (not a terminal), as with DEVNULL."""
    from desktop import cli

    streams = sys.stdin, sys.stdout, sys.stderr
    out, err = io.BytesIO(), io.BytesIO()
    sys.stdin = io.StringIO(input or "")
    sys.stdout = io.TextIOWrapper(out, encoding="utf-8", write_through=True)
    sys.stderr = io.TextIOWrapper(err, encoding="utf-8", write_through=True)
    try:
        with _environment(env), _keyring_of(env):
            try:
                code = cli.main(list(args))
            except SystemExit as exc:  # argparse's usage errors and --help
                if exc.code is None or isinstance(exc.code, int):
                    code = exc.code or 0
                else:  # sys.exit("text"): Python prints the text and exits with 1
                    print(exc.code, file=sys.stderr)
                    code = 1
        sys.stdout.flush()
        sys.stderr.flush()
        stdout, stderr = out.getvalue().decode("utf-8"), err.getvalue().decode("utf-8")
    finally:
        sys.stdin, sys.stdout, sys.stderr = streams
    return subprocess.CompletedProcess(["tocds-cli", *args], code, stdout, stderr)


def tocds_cli(*args: str, env: dict[str, str] | None = None, input: str | None = None) -> subprocess.CompletedProcess[str]:
    """`tocds-cli ARGS` in this process, in the tests' command-line environment (`cli_env()`: the keyring file
    their real processes share) unless another is given."""
    from tests.conftest import cli_env

    return run_cli(args, env=env if env is not None else cli_env(), input=input)
