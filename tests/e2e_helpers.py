"""Helpers for the real-terminal tests: a tmux session to type into and read,
and an OpenSSH server on 127.0.0.1 to reach the reader through.

Every wait polls the screen with a deadline; nothing sleeps for a fixed time
and hopes. The tmux server has a private socket and the sshd its own config,
keys and pid file under the test's tmp_path, so nothing touches the
machine's own tmux or sshd.
"""

from __future__ import annotations

import contextlib
import getpass
import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
STEP_TIMEOUT = 30.0  # generous per step; a step normally takes well under a second
PROMPT = "ndprompt$ "
EXITED = re.compile(r"^EXITED:(\d+)$", re.M)
# What the reader draws; none of it may stay on the terminal after it quits.
UI_MARKS = ("╭─", "╰─", "│", "▌", "¶", "Other sources", "q Quit")
# A pane title drawn bold: app.tcss styles the focused pane's title so (not only by colour).
FOCUSED_TITLE = re.compile(r"╭─\x1b\[1m (Sources|Article|Other sources) ")
# Pass-through variables the reader needs (its index, state and cache folders).
ENV_NAMES = ("NEWSDESK_INDEX_DIR", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME")


def newsdesk_command() -> str:
    """The installed console script of the Python running the tests."""
    script = Path(sys.executable).parent / "newsdesk"
    if not script.exists():
        found = shutil.which("newsdesk")
        if found is None:
            pytest.skip("the newsdesk console script is not installed (pip install -e .)")
        script = Path(found)
    return str(script)


def reader_env(**extra: str) -> dict[str, str]:
    """The test's isolated folders, a UTF-8 locale, and ``extra``."""
    env = {name: os.environ[name] for name in ENV_NAMES if name in os.environ}
    env.update(LANG="C.UTF-8", LC_ALL="C.UTF-8", **extra)
    return env


def env_prefix(env: Mapping[str, str]) -> str:
    """``A=1 B=2`` for a shell command line."""
    return " ".join(f"{name}={shlex.quote(value)}" for name, value in env.items())


def focused_pane(styled_screen: str) -> str | None:
    """The pane whose title is bold (the reader's non-colour mark of the focused pane)."""
    found = FOCUSED_TITLE.search(styled_screen)
    return found.group(1) if found else None


class TimedOut(AssertionError):
    pass


class Tmux:
    """One detached tmux session running an interactive shell with a known prompt."""

    def __init__(self, width: int, height: int, env: Mapping[str, str], cwd: Path) -> None:
        if shutil.which("tmux") is None:
            pytest.skip("tmux is not installed (apt-get install tmux)")
        self.socket = f"newsdesk-e2e-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.socket_path = ""
        self.width, self.height = width, height
        session_env = {**env, "PS1": PROMPT, "HISTFILE": "/dev/null"}
        env_args = [arg for name, value in session_env.items() for arg in ("-e", f"{name}={value}")]
        self.run(
            "new-session", "-d", "-s", "e2e", "-x", str(width), "-y", str(height),
            "-c", str(cwd), *env_args, "bash", "--norc", "--noprofile", "-i",
        )  # fmt: skip
        try:
            self.socket_path = self.run("display-message", "-p", "#{socket_path}").strip()
            self.run("set-option", "-g", "window-size", "manual")
            self.wait_for(lambda s: s.rstrip().endswith(PROMPT.rstrip()), "the shell prompt")
        except BaseException:
            self.kill()
            raise

    def run(self, *args: str, check: bool = True) -> str:
        done = subprocess.run(
            ["tmux", "-u", "-f", "/dev/null", "-L", self.socket, *args],
            capture_output=True,
            text=True,
            timeout=STEP_TIMEOUT,
        )
        if check and done.returncode != 0:
            raise RuntimeError(f"tmux {' '.join(args)}: {done.stderr.strip()}")
        return done.stdout

    # Reading the pane.

    def screen(self, styles: bool = False) -> str:
        """The visible pane, one line per row (with SGR sequences when ``styles``)."""
        return self.run("capture-pane", "-p", "-t", "e2e", *(["-e"] if styles else []))

    def flag(self, name: str) -> str:
        """A tmux format of the pane, such as ``alternate_on`` or ``mouse_any_flag``."""
        return self.run("display-message", "-p", "-t", "e2e", f"#{{{name}}}").strip()

    def wait_for(
        self,
        check: str | Callable[[str], bool],
        what: str | None = None,
        timeout: float = STEP_TIMEOUT,
        styles: bool = False,
    ) -> str:
        """Poll the pane until ``check`` (text on screen, or a predicate) holds; the screen."""
        test = (lambda screen: check in screen) if isinstance(check, str) else check
        what = what or (repr(check) if isinstance(check, str) else "the screen state")
        deadline = time.monotonic() + timeout
        delay = 0.02
        while True:
            screen = self.screen(styles)
            if test(screen):
                return screen
            if time.monotonic() > deadline:
                raise TimedOut(
                    f"waited {timeout:.0f}s for {what}; the pane shows:\n{self.screen()}"
                )
            time.sleep(delay)
            delay = min(delay * 1.5, 0.2)

    def settled(self, timeout: float = STEP_TIMEOUT) -> str:
        """The styled screen once two captures in a row agree (nothing left to draw)."""
        previous = self.screen(styles=True)
        deadline = time.monotonic() + timeout
        while True:
            time.sleep(0.05)
            current = self.screen(styles=True)
            if current == previous:
                return current
            if time.monotonic() > deadline:
                raise TimedOut(f"the pane kept changing for {timeout:.0f}s:\n{self.screen()}")
            previous = current

    # Typing.

    def keys(self, *keys: str) -> None:
        """tmux key names: ``Enter``, ``Tab``, ``BSpace``, ``Down``, ``q``..."""
        self.run("send-keys", "-t", "e2e", *keys)

    def type(self, text: str) -> None:
        """Literal text, as typed."""
        self.run("send-keys", "-t", "e2e", "-l", text)

    def press_and_see_change(self, key: str, what: str) -> str:
        """Press a key whose only effect may be a change of colour (focus, highlight), and
        wait for the styled screen to change, so the next key cannot overtake it."""
        before = self.settled()
        self.keys(key)
        return self.wait_for(lambda screen: screen != before, what, styles=True)

    def wait_for_focus(
        self, pane: str, what: str | None = None, timeout: float = STEP_TIMEOUT
    ) -> str:
        """Wait until ``pane`` (its title: "Sources", "Article", "Other sources") has focus."""
        return self.wait_for(
            lambda screen: focused_pane(screen) == pane,
            what or f"focus on the {pane} pane",
            timeout=timeout,
            styles=True,
        )

    def command(self, line: str) -> None:
        """Run ``line`` in the shell, followed by its exit status as ``EXITED:N``."""
        self.type(f"{line}; echo EXITED:$?")
        self.keys("Enter")

    def pipe_output(self, log: Path) -> None:
        """Append every byte the pane's programs write to ``log`` (the raw terminal stream)."""
        self.run("pipe-pane", "-o", "-t", "e2e", f"cat >> {shlex.quote(str(log))}")

    def kill(self) -> None:
        """Stop this session's tmux server (and so the programs in it); remove its socket."""
        self.run("kill-server", check=False)
        if self.socket_path:
            Path(self.socket_path).unlink(missing_ok=True)


class Terminals:
    """Open tmux sessions; every one is killed when the ``with`` block ends."""

    def __init__(self) -> None:
        self.made: list[Tmux] = []

    def open(self, width: int, height: int, env: Mapping[str, str], cwd: Path = ROOT) -> Tmux:
        session = Tmux(width, height, env, cwd)
        self.made.append(session)
        return session

    def __enter__(self) -> Terminals:
        return self

    def __exit__(self, *exc: object) -> None:
        for session in self.made:
            session.kill()


def assert_clean_exit(term: Tmux, status: int = 0) -> str:
    """After quitting: exit ``status``, the prompt back, no UI left, terminal modes reset."""
    screen = term.wait_for(
        lambda s: EXITED.search(s) is not None and s.rstrip().endswith(PROMPT.rstrip()),
        "the exit status and the shell prompt",
    )
    found = EXITED.search(screen)
    assert found is not None and found.group(1) == str(status), f"exit status: {screen}"
    leftovers = [mark for mark in UI_MARKS if mark in screen]
    assert not leftovers, f"the reader left {leftovers} on the terminal:\n{screen}"
    modes = {
        name: term.flag(name)
        for name in (
            "alternate_on",
            "mouse_any_flag",
            "mouse_all_flag",
            "mouse_button_flag",
            "mouse_standard_flag",
            "mouse_sgr_flag",
            "cursor_flag",
        )
    }
    expected = {**dict.fromkeys(modes, "0"), "cursor_flag": "1"}
    assert modes == expected, f"terminal modes left behind: {modes}"
    return screen


# OpenSSH.


@dataclass
class Sshd:
    port: int
    key: Path
    user: str
    log: Path

    def ssh_command(self, remote: str) -> str:
        """A command line that runs ``remote`` on the server, with a terminal."""
        options = [
            "-F", "/dev/null", "-tt", "-i", str(self.key), "-p", str(self.port),
            "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
            "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes", "-o", "LogLevel=ERROR",
        ]  # fmt: skip
        return shlex.join(["ssh", *options, f"{self.user}@127.0.0.1", remote])


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _sshd_binary() -> str:
    found = shutil.which("sshd") or next(
        (p for p in ("/usr/sbin/sshd", "/usr/local/sbin/sshd") if os.access(p, os.X_OK)), None
    )
    if found is None:
        pytest.skip("no OpenSSH server (/usr/sbin/sshd); apt-get install openssh-server")
    for tool in ("ssh", "ssh-keygen"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is not installed (apt-get install openssh-client)")
    return found


@contextlib.contextmanager
def running_sshd(tmp_path: Path) -> Iterator[Sshd]:
    """An sshd on 127.0.0.1 with a throw-away host key, accepting one throw-away user key."""
    binary = _sshd_binary()
    folder = tmp_path / "sshd"
    folder.mkdir()
    for name in ("host_key", "user_key"):
        subprocess.run(
            ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "newsdesk-e2e",
             "-f", str(folder / name)],
            check=True, capture_output=True, timeout=STEP_TIMEOUT,
        )  # fmt: skip
    (folder / "authorized_keys").write_text((folder / "user_key.pub").read_text())
    (folder / "user_key").chmod(0o600)
    if os.geteuid() == 0:
        Path("/run/sshd").mkdir(parents=True, exist_ok=True)  # the privilege separation folder
    user = getpass.getuser()
    log = folder / "sshd.log"
    process = None
    for _attempt in range(3):  # a free port can be taken between the probe and the bind
        port = _free_port()
        config = folder / "sshd_config"
        config.write_text(
            f"Port {port}\nListenAddress 127.0.0.1\nHostKey {folder / 'host_key'}\n"
            f"PidFile {folder / 'sshd.pid'}\nAuthorizedKeysFile {folder / 'authorized_keys'}\n"
            "StrictModes no\nUsePAM no\nPermitRootLogin yes\nPubkeyAuthentication yes\n"
            "PasswordAuthentication no\nKbdInteractiveAuthentication no\n"
            "PermitUserEnvironment no\nPrintMotd no\nPrintLastLog no\nX11Forwarding no\n"
            "LogLevel VERBOSE\n"
        )
        checked = subprocess.run(
            [binary, "-t", "-f", str(config)], capture_output=True, text=True, timeout=30
        )
        if checked.returncode != 0:
            pytest.skip(f"sshd rejects the test configuration: {checked.stderr.strip()}")
        process = subprocess.Popen(
            [binary, "-D", "-f", str(config), "-E", str(log)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        server = Sshd(port, folder / "user_key", user, log)
        if _wait_for_login(server, process):
            break
        process.terminate()
        process.wait(timeout=10)
        process = None
    if process is None:
        reason = log.read_text(errors="replace")[-800:] if log.exists() else "no log"
        pytest.skip(f"could not start sshd or log in to it on 127.0.0.1: {reason}")
    try:
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def _wait_for_login(server: Sshd, process: subprocess.Popen) -> bool:
    """True once a non-interactive login works; False if sshd died or never let us in."""
    deadline = time.monotonic() + STEP_TIMEOUT
    command = shlex.split(server.ssh_command("echo ready"))
    command.remove("-tt")
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=STEP_TIMEOUT)
        except subprocess.TimeoutExpired:
            continue
        if done.returncode == 0 and done.stdout.strip() == "ready":
            return True
        time.sleep(0.1)
    return False
