"""A sync run is audited without leaving a change waiting; who may sync (operator, or the
enrolled device for unattended runs) is enforced in the service."""

from __future__ import annotations

import json
import subprocess

import pytest
from sqlalchemy import select

from desktop.core.permissions import Role
from tests.conftest import bin_path, cli_env
from tests.e2e.sync_harness import add_residents, open_laptop, sqlite_server  # noqa: F401 - fixture
from tests.unit.people_helpers import NAMES, PINS, staff

WARD = "00166"


@pytest.fixture
def srv(sqlite_server):
    return sqlite_server


def _sync_entries(ctx) -> list:
    from desktop.store.models.people import AuditEntry

    with ctx.read() as s:
        return [(e.actor, e.role, json.loads(e.detail_json), e.sync_state)
                for e in s.scalars(select(AuditEntry).where(AuditEntry.action == "sync").order_by(AuditEntry.seq))]


def _server_sync_entries(srv) -> list[dict]:
    from server.db import record

    with srv.engine.connect() as conn:
        rows = conn.execute(select(record.c.payload).where(record.c.kind == "audit_entry")).all()
    return [p for p in (json.loads(r.payload) for r in rows) if p["action"] == "sync"]


def test_a_clean_sync_is_audited_and_leaves_nothing_waiting(srv, tmp_path):
    from desktop.services.sync.service import sync_now, sync_status

    a = open_laptop(tmp_path / "a", actor="Lan")
    b = open_laptop(tmp_path / "b", actor="Minh")
    try:
        add_residents(a, ["Nguyễn Văn An", "Trần Thị Bình"])
        first = sync_now(a, srv.url, srv.enroll_code(WARD))
        assert (first["pushed"], first["pending"]) == (2, 0)  # the run's own entry is not counted
        assert sync_status(a)["pending"] == 0
        [(actor, _role, detail, state)] = _sync_entries(a)
        assert actor == "Lan" and state == "synced"
        assert detail["pushed"] == 2 and detail["trigger"] == "manual"
        assert len(_server_sync_entries(srv)) == 1  # pushed in the same run

        idle = sync_now(a)
        assert (idle["pushed"], idle["pulled"], idle["pending"]) == (0, 0, 0)
        assert len(_sync_entries(a)) == 1  # a run that moved nothing writes nothing

        got = sync_now(b, srv.url, srv.enroll_code(WARD))
        assert got["pulled"] == 2 and got["pending"] == 0  # A's run entry arrives, not counted as data
        assert len(_sync_entries(b)) == 2
        back = sync_now(a)
        assert (back["pulled"], back["pending"]) == (0, 0)  # B's entry only: nothing moved, no new entry
        assert len(_sync_entries(a)) == 2
        assert sync_now(b)["pending"] == 0 and len(_sync_entries(b)) == 2
    finally:
        a.close()
        b.close()


def test_a_person_needs_the_sync_permission_unattended_runs_need_the_enrolment(srv, tmp_path):
    from desktop.services.people import operators
    from desktop.services.sync.service import SYSTEM_ACTOR, SyncFailed, sync_now

    a = open_laptop(tmp_path / "a")
    try:
        ids = staff(a)
        operators.sign_out(a)
        add_residents(a, ["Lê Văn Cường"])
        with pytest.raises(SyncFailed) as refused:
            sync_now(a, srv.url, srv.enroll_code(WARD))  # the button, with nobody signed in (locked screen)
        assert refused.value.kind == "permission" and "Cần đăng nhập" in refused.value.message
        with pytest.raises(SyncFailed) as not_enrolled:
            sync_now(a, srv.url, trigger="background")
        assert not_enrolled.value.kind == "auth"

        operators.sign_in(a, ids[Role.VOLUNTEER], PINS[Role.VOLUNTEER])
        assert sync_now(a, srv.url, srv.enroll_code(WARD))["pushed"] >= 1
        operators.sign_out(a)
        add_residents(a, ["Đinh Thị Dậu"])
        assert sync_now(a, trigger="background")["pushed"] == 2  # the timer, screen locked: resident + sign-out entry
        entries = _sync_entries(a)
        assert [(e[0], e[1], e[2]["trigger"]) for e in entries] == [
            (NAMES[Role.VOLUNTEER], Role.VOLUNTEER.value, "manual"), (SYSTEM_ACTOR, "", "background")]
        with pytest.raises(ValueError):
            sync_now(a, trigger="whenever")
    finally:
        a.close()


def test_scheduled_cli_sync_runs_without_an_operator_as_the_system_actor(srv, tmp_path):
    from desktop.services.sync.service import SYSTEM_ACTOR

    data = str(tmp_path / "cli-laptop")
    env = cli_env(TOCDS_NEW_SECRET="matkhau-quantri", TOCDS_OPERATOR_SECRET="matkhau-quantri")
    cli = bin_path("tocds-cli")

    def run(*args):
        return subprocess.run([cli, "--data-dir", data, *args], env=env, capture_output=True, text=True, timeout=120)

    assert run("init", "--ward-code", WARD).returncode == 0
    added = run("operator", "add", "--name", "Ngô Quản Trị", "--kind", "password")
    assert added.returncode == 0, added.stderr  # operators exist: a person would have to sign in
    synced = run("sync", "--server", srv.url, "--enroll-code", srv.enroll_code(WARD), "--json")
    assert synced.returncode == 0, synced.stderr
    summary = json.loads(synced.stdout)
    assert summary["pending"] == 0 and summary["pushed"] >= 1  # the operator's own audit entries
    shown = run("audit", "--action", "sync", "--json", "--operator", "Ngô Quản Trị")
    assert shown.returncode == 0, shown.stderr
    [entry] = json.loads(shown.stdout)
    assert (entry["actor"], entry["role"], entry["detail"]["trigger"]) == (SYSTEM_ACTOR, "", "cli")
