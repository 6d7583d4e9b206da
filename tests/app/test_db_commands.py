"""``policy-check db ...`` and ``clients ...`` against hostile databases, as real processes:
damaged, read-only and full, bad URLs, tampered backups, two desks importing at once, and a
password that must appear nowhere (output, log files, backups, exports)."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tests.app.test_clients_cli import run, write_csv
from tests.db.backends import fresh_database_url, postgres_admin_url

PASSWORD = "Zq7!pw@s3cret/x"  # needs escaping in a URL: both forms must stay hidden


def one_line_refusal(done: subprocess.CompletedProcess[str], *names: str) -> str:
    """The refusal: exit 2, one line on stderr naming each of ``names``, no traceback."""
    assert done.returncode == 2, (done.returncode, done.stdout, done.stderr)
    assert len(done.stderr.splitlines()) == 1, done.stderr
    assert "Traceback" not in done.stderr and "unexpected" not in done.stderr
    for name in names:
        assert name in done.stderr, (name, done.stderr)
    return done.stderr


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def made_database(path: Path, names: int = 3) -> str:
    url = sqlite_url(path)
    source = write_csv(
        path.parent / f"{path.stem}.csv",
        ["name,employees", *(f"企业{n},{n}" for n in range(names))],
    )
    done = run("clients", "import", str(source), "--db", url)
    assert done.returncode == 0, done.stderr
    return url


# -- refusals: damaged, read-only and full databases, bad URLs ------------------------------------


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    garbage = tmp_path / "roster.sqlite3"
    garbage.write_bytes(os.urandom(20_000))
    for command in (["clients", "list"], ["db", "check"], ["db", "upgrade"]):
        done = run(*command, "--db", sqlite_url(garbage))
        one_line_refusal(done, str(garbage), "not a SQLite database")


def test_a_database_damaged_in_the_middle_fails_its_check(tmp_path: Path) -> None:
    path = tmp_path / "roster.sqlite3"
    url = made_database(path, names=400)
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 600] = bytes(range(200)) * 3
    path.write_bytes(bytes(data))
    done = run("db", "check", "--db", url)
    assert done.returncode == 2, done.stdout
    assert done.stdout.splitlines()[-1].endswith("problem(s)")
    assert "Traceback" not in done.stderr


@contextmanager
def read_only_folder(folder: Path) -> Iterator[None]:
    """``folder`` made read-only, for root too (the immutable attribute) when it can be."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(0o755)
        return
    if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(folder)]).returncode:
        pytest.skip("running as root without chattr +i here: no way to make a folder read-only")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True)


def test_a_read_only_folder_is_refused_naming_the_file(tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    path = folder / "roster.sqlite3"
    url = made_database(path)
    source = write_csv(tmp_path / "more.csv", ["name", "新企业"])
    with read_only_folder(folder):
        for args in (["clients", "import", str(source)], ["clients", "list"], ["db", "upgrade"]):
            one_line_refusal(run(*args, "--db", url), str(path))
        one_line_refusal(run("clients", "list", "--db", sqlite_url(folder / "new.sqlite3")))
    listed = run("clients", "list", "--format", "json", "--db", url)
    assert len(json.loads(listed.stdout)) == 3  # nothing lost, nothing half-written


@contextmanager
def small_disk(tmp_path: Path, size: str) -> Iterator[Path]:
    """A tmpfs of ``size`` mounted in ``tmp_path`` (root only), unmounted afterwards."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if (
        os.geteuid() != 0
        or subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mount)], capture_output=True
        ).returncode
    ):
        pytest.skip("a full disk is simulated with a small tmpfs, which needs root and mount")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=True)


def test_a_full_disk_is_refused_and_what_was_saved_stays(tmp_path: Path) -> None:
    with small_disk(tmp_path, "1m") as disk:
        path = disk / "roster.sqlite3"
        url = made_database(path)
        filler = disk / "filler"
        with filler.open("wb", buffering=0) as out:  # fill the disk to the last block
            while True:
                try:
                    out.write(b"\0" * 4096)
                except OSError:
                    break
        names = ["name,employees", *(f"新企业{n}有限公司,{n}" for n in range(400))]
        source = write_csv(tmp_path / "many.csv", names)
        one_line_refusal(run("clients", "import", str(source), "--db", url), str(path))
        filler.unlink()
        listed = run("clients", "list", "--format", "json", "--db", url)
        assert listed.returncode == 0, listed.stderr
        assert len(json.loads(listed.stdout)) == 3
        assert run("db", "check", "--db", url).stdout.splitlines()[-1] == "ok"


@pytest.mark.parametrize(
    ("url", "names"),
    [
        ("postgresql://desk@127.0.0.1:9/roster?sslmode=nonsense", ["sslmode", "nonsense"]),
        ("postgresql://desk@127.0.0.1:9/roster?colour=blue", ["colour"]),
        ("postgresql://desk@centre:fivefour/roster", ["port", "fivefour"]),
        ("postgresql+pg8000://desk@centre/roster", ["pg8000"]),
        ("mysql://desk@centre/roster", ["mysql: not supported"]),
        ("sqlite:///roster.sqlite3?mode=ro", ["roster.sqlite3", "'mode'"]),
        ("sqlite://", ["SQLite needs a file"]),
    ],
)
def test_a_bad_url_option_or_driver_is_refused_naming_it(url: str, names: list[str]) -> None:
    one_line_refusal(run("clients", "list", "--db", url), *names)


# -- backups: verified before anything changes -------------------------------------------------


def test_a_tampered_backup_is_refused_whole_and_the_database_is_unchanged(tmp_path: Path) -> None:
    url = made_database(tmp_path / "roster.sqlite3")
    backup = tmp_path / "roster.pcbackup.gz"
    done = run("db", "backup", str(backup), "--db", url)
    assert done.returncode == 0 and "sha256 of the content: " in done.stdout
    lines = gzip.decompress(backup.read_bytes()).splitlines(keepends=True)
    altered = [line.replace(b'"employees":1', b'"employees":100') for line in lines]
    flipped = bytearray(backup.read_bytes())
    flipped[len(flipped) // 2] ^= 0x10
    target = made_database(tmp_path / "desk.sqlite3", names=2)
    before = run("clients", "list", "--format", "json", "--db", target).stdout
    for name, content, says in (
        ("altered", gzip.compress(b"".join(altered)), "checksum does not match"),
        ("flipped", bytes(flipped), "nothing was restored"),
        ("cut", backup.read_bytes()[:-100], "nothing was restored"),
    ):
        bad = tmp_path / f"{name}.pcbackup.gz"
        bad.write_bytes(content)
        refused = run("db", "restore", str(bad), "--replace", "--db", target)
        one_line_refusal(refused, str(bad), says)
    assert run("clients", "list", "--format", "json", "--db", target).stdout == before
    restored = run("db", "restore", str(backup), "--replace", "--db", target)
    assert restored.returncode == 0, restored.stderr


# -- two desks importing the same companies at once -------------------------------------------


def test_two_desks_importing_the_same_companies_at_once_make_each_once(tmp_path: Path) -> None:
    with fresh_database_url("postgresql", tmp_path) as url:
        assert run("db", "upgrade", "--db", url).returncode == 0
        rows = [f"并发企业{n:03d}有限公司,{n}" for n in range(60)]
        coded = ["带代码企业有限公司,91420100MA4KX8N35J,7"]
        source = write_csv(tmp_path / "same.csv", ["name,employees", *rows])
        with_code = write_csv(tmp_path / "code.csv", ["name,credit_code,employees", *coded])
        jobs = [
            ("desk-a", source),
            ("desk-b", source),
            ("desk-a", with_code),
            ("desk-b", with_code),
        ]
        with ThreadPoolExecutor(4) as pool:
            done = list(
                pool.map(lambda job: run("clients", "import", str(job[1]), "--db", url), jobs)
            )
        for each in done:
            assert each.returncode in (0, 2) and "Traceback" not in each.stderr, each.stderr
            refused = each.stderr.splitlines()
            assert all("already in the roster as client #" in line for line in refused), refused
        listed = json.loads(run("clients", "list", "--format", "json", "--db", url).stdout)
        assert len(listed) == 61
        assert len({c["name"] for c in listed}) == 61


# -- the database password appears nowhere ----------------------------------------------------


@pytest.fixture
def locked_role(tmp_path: Path) -> Iterator[str]:
    """A database owned by a role that logs in with a password (the test server trusts everyone
    else): a line for it on top of the server's pg_hba.conf, taken out afterwards. Its URL."""
    admin = make_url(postgres_admin_url())
    role = f"pc_locked_{uuid.uuid4().hex[:8]}"
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            hba = Path(connection.execute(text("SHOW hba_file")).scalar_one())
            if not os.access(hba, os.W_OK):
                pytest.skip(f"{hba} cannot be changed by this test")
            connection.exec_driver_sql(f"CREATE ROLE {role} LOGIN PASSWORD '{PASSWORD}'")
            original = hba.read_text()
            hba.write_text(f"host all {role} 127.0.0.1/32 scram-sha-256\n{original}")
            connection.execute(text("SELECT pg_reload_conf()"))
        try:
            with fresh_database_url("postgresql", tmp_path) as url:
                database = make_url(url).database
                with engine.connect() as connection:
                    connection.exec_driver_sql(f'ALTER DATABASE "{database}" OWNER TO {role}')
                locked = make_url(url).set(username=role, password=PASSWORD)
                yield locked.render_as_string(hide_password=False)
        finally:
            hba.write_text(original)
            with engine.connect() as connection:
                connection.execute(text("SELECT pg_reload_conf()"))
                connection.exec_driver_sql(f"DROP ROLE IF EXISTS {role}")
    finally:
        engine.dispose()


def _nowhere(secret_holders: list[str], *places: Path) -> None:
    forms = {PASSWORD, quote(PASSWORD, safe="")}
    for holder in secret_holders:
        assert not any(form in holder for form in forms), holder
    for place in places:
        files = [place] if place.is_file() else [p for p in place.rglob("*") if p.is_file()]
        for file in files:
            data = gzip.decompress(file.read_bytes()) if file.suffix == ".gz" else file.read_bytes()
            assert not any(form.encode() in data for form in forms), file


def test_a_password_in_the_url_appears_in_no_output_log_or_file(
    locked_role: str, tmp_path: Path
) -> None:
    logs = tmp_path / "logs"
    env = {"POLICY_CHECKER_LOG_DIR": str(logs)}
    wrong = make_url(locked_role).set(password="not-" + PASSWORD)
    outputs: list[str] = []

    def policy_check(*args: str) -> subprocess.CompletedProcess[str]:
        done = run("--verbose", *args, env=env)
        outputs.extend([done.stdout, done.stderr])
        return done

    source = write_csv(tmp_path / "in.csv", ["name,employees", "密码企业,3"])
    backup, export = tmp_path / "roster.pcbackup.gz", tmp_path / "out.jsonl"
    for args in (
        ["db", "upgrade"],
        ["clients", "import", str(source)],
        ["clients", "list"],
        ["clients", "export", str(export)],
        ["db", "check"],
        ["db", "backup", str(backup)],
        ["db", "restore", str(backup), "--replace"],
    ):
        done = policy_check(*args, "--db", locked_role)
        assert done.returncode == 0, done.stderr
    assert "***" in policy_check("db", "check", "--db", locked_role).stdout  # the URL, masked

    def refused(done: subprocess.CompletedProcess[str], says: str) -> None:
        """Exit 2 and the refusal on the last line (--verbose logs to stderr before it)."""
        assert done.returncode == 2 and says in done.stderr.splitlines()[-1], done.stderr
        assert "Traceback" not in done.stderr

    bad = wrong.render_as_string(hide_password=False)
    for args in (["clients", "list"], ["db", "check"], ["db", "backup", str(backup)]):
        refused(policy_check(*args, "--db", bad), "password authentication failed")
    for args, malformed, says in (
        (["clients", "list"], f"postgresql://desk:{PASSWORD}@centre:port/roster", "port"),
        (["db", "upgrade"], f"postgresql//desk:{PASSWORD}@centre/roster", "not a database URL"),
        (["db", "check"], f"postgresql+nodriver://desk:{PASSWORD}@centre/roster", "nodriver"),
    ):
        refused(policy_check(*args, "--db", malformed), says)
    unreachable = f"postgresql://desk:{quote(PASSWORD, safe='')}@127.0.0.1:9/roster"
    refused(policy_check("db", "check", "--db", unreachable), "cannot open")
    assert logs.is_dir() and any(logs.iterdir())
    _nowhere(outputs, logs, backup, export)
