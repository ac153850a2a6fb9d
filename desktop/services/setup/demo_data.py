"""A realistic demo ward for demos and benchmarks: `build_demo_ward(ctx, residents, seed)`.

Residential groups, volunteers, residents (Faker vi_VN names, valid CCCDs and mobile
phones), campaigns including weekend booths and evening door-to-door drives, help
sessions with plausible outcomes and failure reasons (residents' stages follow from
them through the funnel), households and door-to-door visits (setup/households_demo.py), communications, training classes, and complaints when that
area provides `desktop.services.setup.complaints_demo.add_demo_complaints(ctx, rng, n)`.
The same seed gives the same records in a ward; record ids come from the seed and the ward code
(`DemoRandom`), so two wards built from one seed can sync to one server. Police hand-offs follow
from the sessions' police reasons and the visits' "needs the police", and the ward's official figures
are entered for this year.
Large wards go through the bulk writer, which still writes a change-log row per record.
"""

from __future__ import annotations

import hashlib
import importlib
import random
import time
import uuid
from datetime import date, datetime, time as dtime, timedelta

from faker import Faker
from sqlalchemy import func, select

from desktop.core.formatting import format_date
from desktop.core import formatting
from desktop.core.funnel import Position, stage_for_steps
from desktop.core.i18n import _
from desktop.core.office_hours import outside_office_hours
from desktop.core.outreach_vocab import POLICE_UNSPECIFIED, STEP_ORDER
from desktop.core.period import VN_TZ, today_vn
from desktop.core.permissions import Permission
from desktop.core.text import fold
from desktop.core.triage import guides_for
from desktop.services.context import AppContext
from desktop.services.setup.demo_bulk import bulk_insert
from desktop.services.setup.households_demo import DemoHouseholds
from desktop.services.outreach.common import OutreachError, join_codes
from desktop.services.people.operators import require
from desktop.services.setup.ward_setup import initialize_ward, residential_groups, ward_info
from desktop.store.models import (
    Campaign, CommunicationItem, HelpSession, PoliceHandoff, Resident, ResidentialGroup, TrainingClass, Volunteer,
    WardFigures,
)

DEFAULT_WARD = "00166"
MOBILE_PREFIXES = ("90", "91", "93", "94", "96", "97", "98", "32", "33", "34", "35", "36", "37", "38", "39",
                   "70", "76", "77", "78", "79", "81", "82", "83", "84", "85", "86", "88", "89", "56", "58")
TARGET_WEIGHTS = {"can_bo": 6, "nguoi_lao_dong": 24, "hoc_sinh_sinh_vien": 14, "nguoi_cao_tuoi": 18,
                  "ho_kinh_doanh": 8, "nguoi_dan_khac": 30}
FAILURE_WEIGHTS = {"khong_co_smartphone": 10, "may_cu": 12, "khong_co_vneid_muc_2": 25, "khong_nhan_otp": 18,
                   "quen_mat_khau_vneid": 15, "khong_co_mang": 6, "tu_choi": 9, "khac": 5,
                   "sai_so_dien_thoai_vneid": 7, "loi_doc_nfc": 6}
OTHER_REASONS = ("Máy hết pin", "Bận, hẹn quay lại", "Cần con cháu hỗ trợ", "Không nhớ số điện thoại đăng ký")
COMM_TITLES = ("Hướng dẫn cài đặt iHaNoi", "Cảnh báo lừa đảo qua điện thoại", "Lịch hỗ trợ cuối tuần tại siêu thị",
               "Cách gửi phản ánh hiện trường", "Thông báo lịch cắt điện", "Tra cứu lịch tiêm chủng trên iHaNoi",
               "Nộp học phí trực tuyến", "Khảo sát ý kiến cư dân", "Phòng chống cháy nổ mùa hanh khô",
               "Tuyến xe buýt mới qua phường")
CHANNEL_WEIGHTS = {"ihanoi": 50, "loa_phuong": 15, "zalo": 20, "facebook": 10, "bang_tin": 5}
PLACES = {"sieu_thi": ("Siêu thị WinMart", "Trung tâm thương mại Indochina Plaza", "Siêu thị BigC"),
          "truong_hoc": ("Trường THCS Cầu Giấy", "Trường THPT Yên Hoà"),
          "khu_cong_nghiep": ("Công ty CP Điện tử Hà Nội", "Toà nhà văn phòng Discovery"),
          "tai_phuong": ("Bộ phận một cửa UBND phường",)}


class DemoRandom(random.Random):
    """The demo's random source, tied to a ward: the same seed draws the same names and dates in every
    ward, but the record ids (`_uuid`) differ per ward, so demo wards can share one server."""

    def __init__(self, seed: int, ward_code: str):
        super().__init__(seed)
        self.ward_mask = int.from_bytes(hashlib.sha256(f"tocds-demo-ward:{ward_code}".encode()).digest()[:16], "big")


def _uuid(rng: random.Random) -> str:
    """A record id from the seed and, for a `DemoRandom`, the ward code."""
    return str(uuid.UUID(int=rng.getrandbits(128) ^ getattr(rng, "ward_mask", 0), version=4))


def _pick(rng: random.Random, weights: dict) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, dtime(hour, minute), VN_TZ)


class _Pools:
    """Name and street pools drawn once from Faker (seeded), combined with the rng: fast and repeatable."""

    def __init__(self, seed: int):
        fk = Faker("vi_VN")
        fk.seed_instance(seed)
        self.last = [fk.last_name() for _ in range(400)]
        self.middle = [fk.middle_name() for _ in range(400)]
        self.first_m = [fk.first_name_male() for _ in range(400)]
        self.first_f = [fk.first_name_female() for _ in range(400)]
        self.streets = [fk.street_name() for _ in range(60)]

    def name(self, rng: random.Random, sex: str) -> str:
        middle = "Thị" if sex == "nu" and rng.random() < 0.45 else rng.choice(self.middle)
        first = rng.choice(self.first_f if sex == "nu" else self.first_m)
        return " ".join(f"{rng.choice(self.last)} {middle} {first}".split())


def _cccd(rng: random.Random, sex: str, year: int, used: set[str]) -> str:
    digit = ("0" if sex == "nam" else "1") if year < 2000 else ("2" if sex == "nam" else "3")
    while True:
        value = f"001{digit}{year % 100:02d}{rng.randrange(1_000_000):06d}"
        if value not in used:
            used.add(value)
            return value


def _phone(rng: random.Random) -> str:
    national = f"{rng.choice(MOBILE_PREFIXES)}{rng.randrange(10_000_000):07d}"
    if national.startswith(_UNOPENED):  # a block the numbering plan has not opened: the app would refuse it
        national = "88" + national[2:]
    return "+84" + national


# 089 numbers below 0896 are not mobile numbers (phonenumbers' plan): demo phones are ones the app accepts.
_UNOPENED = tuple(f"89{d}" for d in range(6))


def _campaign_days(rng: random.Random, first: date, last: date, n: int) -> list[tuple[str, datetime, datetime]]:
    """(kind, start, end): weekend booths, evening door-to-door drives, weekday desks and schools."""
    days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    weekends = [d for d in days if d.weekday() >= 5] or days
    weekdays = [d for d in days if d.weekday() < 5] or days
    out = []
    for i in range(n):
        kind = ("sieu_thi", "tan_nha", "tai_phuong", "hop_to_dan_pho", "truong_hoc", "khu_cong_nghiep", "sieu_thi")[i % 7]
        if kind == "sieu_thi":
            d = rng.choice(weekends)
            start = _at(d, 8) if rng.random() < 0.6 else _at(d, 17, 30)
            end = start + timedelta(hours=4)
        elif kind in ("tan_nha", "hop_to_dan_pho"):
            d = rng.choice(days)
            start, end = _at(d, 18, 30), _at(d, 21)
        else:
            d = rng.choice(weekdays)
            start = _at(d, 8, 30) if rng.random() < 0.5 else _at(d, 14)
            end = start + timedelta(hours=3)
        out.append((kind, start, end))
    return sorted(out, key=lambda x: x[1])


def _ensure_ward(ctx: AppContext, rng: random.Random) -> list:
    if ward_info(ctx) is None:
        initialize_ward(ctx, DEFAULT_WARD, "Tổ CĐS cộng đồng (dữ liệu mẫu)")
    groups = residential_groups(ctx)
    if not groups:  # made here with ids from the seed, so the same seed gives the same groups
        with ctx.write() as s:
            for i in range(1, 13):
                name = f"Tổ dân phố số {i}"
                s.add(ResidentialGroup(id=_uuid(rng), name=name, name_folded=fold(name), kind="to_dan_pho", sort_order=i))
        groups = residential_groups(ctx)
    return groups


def has_residents(ctx: AppContext) -> bool:
    with ctx.read() as s:
        return bool(s.scalar(select(func.count()).select_from(Resident).where(Resident.deleted_at.is_(None))))


MAX_RESIDENTS = 1_000_000


def build_demo_ward(ctx: AppContext, residents: int = 500, seed: int = 1, today: date | None = None,
                    progress=None) -> dict:
    """Fill a fresh ward with demo data; refuses a folder that already has residents.

    All or nothing: the ward, residents, campaigns, complaints… are one transaction, so a refusal,
    a full disk or a killed process leaves the folder as it was (and the command can run again).
    Writing residents needs the right to register them when the folder has operators."""
    if not 0 <= residents <= MAX_RESIDENTS:
        raise OutreachError(_("Số cư dân mẫu phải từ 0 đến {n}.").format(n=formatting.number(MAX_RESIDENTS)))
    require(ctx, Permission.REGISTER)
    with ctx.one_transaction():
        return _build(ctx, residents, seed, today, progress)


def _build(ctx: AppContext, residents: int, seed: int, today: date | None, progress) -> dict:
    if has_residents(ctx):
        raise OutreachError(_("Thư mục dữ liệu này đã có cư dân: dữ liệu mẫu chỉ tạo trên một phường mới thiết lập."))
    t0 = time.perf_counter()
    ward = ward_info(ctx)
    rng = DemoRandom(seed, ward.ward_code if ward else DEFAULT_WARD)
    today = today or today_vn()
    first = today - timedelta(days=120)
    actor = ctx.actor or "dữ liệu mẫu"
    groups = _ensure_ward(ctx, rng)
    pools = _Pools(seed)
    report = progress or (lambda *a: None)

    volunteers = []
    for i in range(8):
        sex = "nu" if i % 2 else "nam"
        volunteers.append({"id": _uuid(rng), "full_name": pools.name(rng, sex),
                           "force": ("to_cds", "cong_an", "doan_thanh_nien", "to_cds")[i % 4],
                           "phone": _phone(rng), "active": True})

    n_campaigns = max(7, min(80, residents // 2500 + 7))
    campaigns = []
    for kind, start, end in _campaign_days(rng, first, today - timedelta(days=1), n_campaigns):
        group = rng.choice(groups) if kind in ("tan_nha", "hop_to_dan_pho") else None
        place = rng.choice(PLACES[kind]) if kind in PLACES else (group.name if group else "")
        label = {"sieu_thi": "Điểm hỗ trợ", "tan_nha": "Ra quân tận nhà", "tai_phuong": "Bàn hỗ trợ",
                 "hop_to_dan_pho": "Họp", "truong_hoc": "Hỗ trợ tại",
                 "khu_cong_nghiep": "Hỗ trợ người lao động"}[kind]
        forces = ["to_cds", "cong_an"] if kind == "tan_nha" else ["to_cds", "doan_thanh_nien"]
        on_duty = rng.sample(volunteers, 2)
        campaigns.append({
            "id": _uuid(rng), "name": f"{label} {place} {format_date(start)[:5]}".replace("  ", " "), "kind": kind,
            "place": place, "residential_group_id": group.id if group else None, "starts_at": start, "ends_at": end,
            "forces": join_codes(forces), "volunteer_ids": join_codes(v["id"] for v in on_duty),
            "outside_office_hours": outside_office_hours(start, end), "notes": "",
        })

    with ctx.write() as s:  # inside the build's one transaction
        s.connection().exec_driver_sql("PRAGMA cache_size = -131072")  # 128 MB while bulk writing
        counts = {"volunteers": bulk_insert(s, Volunteer, volunteers, actor),
                  "campaigns": bulk_insert(s, Campaign, campaigns, actor), "residents": 0, "help_sessions": 0}
        guides = guides_for(ctx.folder.root)
        homes = _residents(s, counts, rng, pools, groups, campaigns, residents, today, first, actor, report, guides)
        visited = homes.write_visits(s, today, actor, [v["full_name"] for v in volunteers],
                                     guides.get(POLICE_UNSPECIFIED).needed)
        counts["handoffs"] += visited.pop("handoffs")
        counts.update(visited)
        counts.update(_comms_and_training(s, rng, groups, volunteers, residents, today, first, actor))
        counts["ward_figures"] = bulk_insert(s, WardFigures, [_ward_figures(rng, residents, today)], actor)
    with ctx.write() as s:
        s.connection().exec_driver_sql("PRAGMA cache_size = -2000")  # back to SQLite's default
    report(residents, residents, _("Đã tạo cư dân mẫu"))
    counts["residential_groups"] = len(groups)
    counts["outreach_seconds"] = round(time.perf_counter() - t0, 2)
    counts["complaints"] = _complaints(ctx, rng, min(1000, max(5, residents // 50)))  # ORM path: capped
    counts["seconds"] = round(time.perf_counter() - t0, 2)
    return counts


def _ward_figures(rng: random.Random, residents: int, today: date) -> dict:
    """This year's official figures, a little above what the demo registered (as a real ward's would be)."""
    population = max(1, round(residents * 1.18))
    return {"id": _uuid(rng), "year": today.year, "population_15_plus": population,
            "smartphone_owners_15_plus": round(population * 0.86), "households": max(1, round(residents / 2.7)),
            "officials": max(1, round(residents * 0.066)), "source": "Công an phường (dữ liệu mẫu)"}


def _handoff(rng: random.Random, resident_id: str, session: dict, reason: str, guides, today: date) -> dict:
    """A police hand-off for a session's police reason: most still open, some done, a few returned."""
    since = session["started_at"].astimezone(VN_TZ).date()
    roll = rng.random()
    closed_on = min(since + timedelta(days=rng.randint(2, 14)), today)
    state = "mo" if roll < 0.6 or closed_on <= since else ("xong" if roll < 0.9 else "tra_lai")
    notes = {"mo": "", "xong": "Đã làm xong tại công an phường.",
             "tra_lai": "Người dân chưa đến theo hẹn, cần tổ CĐS liên hệ lại."}[state]
    return {"id": _uuid(rng), "resident_id": resident_id, "help_session_id": session["id"], "reason": reason,
            "needed": guides.get(reason).needed, "since": since, "state": state,
            "closed_on": None if state == "mo" else closed_on, "closed_by": "" if state == "mo" else "Công an phường",
            "notes": notes}


def _residents(s, counts, rng, pools, groups, campaigns, residents, today, first, actor, report,
               guides) -> DemoHouseholds:
    """Residents, their households, help sessions and police hand-offs, written in chunks (memory stays
    flat for 200k)."""
    resident_rows, session_rows, handoff_rows = [], [], []
    homes = DemoHouseholds(rng, lambda: _uuid(rng))
    counts["households"] = 0
    used_cccd: set[str] = set()
    this_year = today.year
    police = guides.police_reasons()
    counts.setdefault("handoffs", 0)

    def flush() -> None:
        counts["households"] += homes.write_pending(s, actor)
        counts["residents"] += bulk_insert(s, Resident, resident_rows, actor)
        counts["help_sessions"] += bulk_insert(s, HelpSession, session_rows, actor)
        counts["handoffs"] += bulk_insert(s, PoliceHandoff, handoff_rows, actor)
        resident_rows.clear()
        session_rows.clear()
        handoff_rows.clear()

    for i in range(residents):
        sex = "nu" if rng.random() < 0.51 else "nam"
        year = rng.randint(this_year - 85, this_year - 14)
        age = this_year - year
        tg = _pick(rng, TARGET_WEIGHTS)
        if age >= 65 and rng.random() < 0.8:
            tg = "nguoi_cao_tuoi"
        elif (tg == "nguoi_cao_tuoi" and age < 60) or (tg == "hoc_sinh_sinh_vien" and age > 24) or (
                tg in ("can_bo", "nguoi_lao_dong") and not 20 <= age <= 62):
            tg = "nguoi_dan_khac"
        name = pools.name(rng, sex)
        birth = date(year, rng.randint(1, 12), rng.randint(1, 28)) if rng.random() < 0.7 else None
        group = groups[i % len(groups)] if rng.random() < 0.7 else rng.choice(groups)
        rid = _uuid(rng)
        pos = Position("chua_biet")
        handed: set[str] = set()
        for _k in range(1 if rng.random() < 0.5 else (2 if rng.random() < 0.15 else 0)):
            camp = rng.choice(campaigns)
            started = camp["starts_at"] + timedelta(minutes=rng.randrange(int((camp["ends_at"] - camp["starts_at"]).total_seconds() // 60 - 10)))
            roll = rng.random()
            elderly = tg == "nguoi_cao_tuoi"
            if roll < (0.5 if elderly else 0.65) and pos.stage != "da_tao_tai_khoan":
                steps = STEP_ORDER[: rng.choice((3, 4, 4, 5))]
            elif roll < 0.85:
                steps = STEP_ORDER[: rng.choice((1, 2))]
            else:
                steps = []
            outcome = "thanh_cong" if "account_created" in steps else ("mot_phan" if steps else "khong_thanh_cong")
            reasons, other, follow, done = [], "", None, None
            if outcome != "thanh_cong":
                weights = dict(FAILURE_WEIGHTS)
                if elderly:
                    weights["khong_co_smartphone"] *= 3
                if "installed" in steps:
                    weights.pop("khong_co_smartphone"), weights.pop("may_cu")
                reasons = [_pick(rng, weights)]
                other = rng.choice(OTHER_REASONS) if reasons == ["khac"] else ""
                if rng.random() < 0.7:
                    follow = started.date() + timedelta(days=rng.randint(3, 10))
                    done = follow if follow < today and rng.random() < 0.8 else None
            ended = started + timedelta(minutes=rng.randint(5, 25))
            session_rows.append({
                "id": _uuid(rng), "resident_id": rid, "campaign_id": camp["id"],
                "volunteer_ids": camp["volunteer_ids"].split(",")[0], "started_at": started, "ended_at": ended,
                **{step: step in steps for step in STEP_ORDER}, "outcome": outcome,
                "failure_reasons": join_codes(reasons), "failure_other": other, "follow_up_needed": follow is not None,
                "follow_up_on": follow, "follow_up_done_on": done, "follow_up_note": "", "notes": "",
            })
            for code in reasons:
                if code in police and code not in handed:  # one open hand-off per resident and reason
                    handed.add(code)
                    handoff_rows.append(_handoff(rng, rid, session_rows[-1], code, guides, today))
                    if handoff_rows[-1]["state"] == "mo":
                        homes.waiting.add(rid)
            pos = pos.advance(stage_for_steps(steps), ended.astimezone(VN_TZ).date())
        folded = fold(name)
        words = folded.split(" ")
        if pos.stage == "chua_biet" and rng.random() < 0.25:
            pos = pos.advance("da_biet", first + timedelta(days=rng.randrange(120)))
        resident_rows.append({
            "id": rid, "full_name": name, "name_folded": folded, "sort_key": " ".join([words[-1], *words[:-1]]), "birth_date": birth,
            "birth_year": year, "sex": sex, "cccd": _cccd(rng, sex, year, used_cccd) if rng.random() < 0.9 else None,
            "cmnd": None, "phone": _phone(rng) if rng.random() < 0.88 else None, "residential_group_id": group.id,
            "address_detail": f"Số {rng.randint(1, 150)} ngõ {rng.randint(1, 300)} {rng.choice(pools.streets)}",
            "target_group": tg, "workplace": "", "adoption_stage": pos.stage, "aware_on": pos.aware_on,
            "installed_on": pos.installed_on, "account_on": pos.account_on, "consent_given": True,
            "consent_by": actor, "consent_at": datetime.now(VN_TZ), "consent_version": "demo", "notes": "",
        })
        homes.place(resident_rows[-1])
        if len(resident_rows) >= 10_000:
            flush()
            report(i + 1, residents, _("Đang tạo cư dân mẫu"))
    flush()
    return homes


def _comms_and_training(s, rng, groups, volunteers, residents, today, first, actor) -> dict:
    comm_rows, day = [], first
    while day < today - timedelta(days=4):  # the last gap is left open so the 3-day warning shows
        comm_rows.append({"id": _uuid(rng), "published_on": day, "title": rng.choice(COMM_TITLES),
                          "channel": _pick(rng, CHANNEL_WEIGHTS), "audience": "tat_ca", "notes": ""})
        day += timedelta(days=rng.randint(1, 3))
    training_rows = []
    for k in range(max(3, min(40, residents // 5000 + 3))):
        held = first + timedelta(days=rng.randrange(120))
        place = f"Nhà văn hoá {rng.choice(groups).name}" if k % 2 else "Hội trường UBND phường"
        training_rows.append({"id": _uuid(rng), "held_on": held, "place": place, "trainer": volunteers[k % 8]["full_name"],
                              "audience": rng.choice(("tat_ca", "nguoi_cao_tuoi", "can_bo", "hoc_sinh_sinh_vien")),
                              "attendance": rng.randint(15, 80), "campaign_id": None, "notes": ""})

    return {"communications": bulk_insert(s, CommunicationItem, comm_rows, actor),
            "training_classes": bulk_insert(s, TrainingClass, training_rows, actor)}


def _complaints(ctx: AppContext, rng: random.Random, n: int) -> int:
    try:
        module = importlib.import_module("desktop.services.setup.complaints_demo")
    except ImportError:
        return 0
    result = module.add_demo_complaints(ctx, rng, n)
    if isinstance(result, dict):
        return int(result.get("complaints", n))
    return int(result) if isinstance(result, int) else n
