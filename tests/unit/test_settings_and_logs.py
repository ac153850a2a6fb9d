import json
import logging

from desktop.logging_setup import redact, setup_logging
from desktop.settings import Settings


def test_settings_roundtrip_and_defaults(tmp_path):
    path = tmp_path / "settings.json"
    s = Settings(path)
    assert s.get("idle_lock_minutes") == 5
    s.set("last_page", "complaints")
    s.set("font_scale", 1.25)
    again = Settings(path)
    assert again.get("last_page") == "complaints"
    assert again.get("font_scale") == 1.25
    assert json.loads(path.read_text())["_version"] == 1


def test_corrupt_settings_file_falls_back_to_defaults(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text("{not json")
    assert Settings(path).get("last_page") == "residents"


def test_redact_masks_ids_phones_and_email():
    line = "saved 001204012345 phone +84912345678 / 091.234.5678 mail an@example.vn in 3 ms"
    out = redact(line)
    for secret in ("001204012345", "84912345678", "091.234.5678", "an@example.vn"):
        assert secret not in out
    assert "3 ms" in out


def test_log_file_in_data_folder_has_no_personal_numbers(tmp_path):
    path = setup_logging(tmp_path / "logs")
    logging.getLogger("tocds.test").warning("duplicate CCCD 001204012345 for phone 0912345678")
    for h in logging.getLogger().handlers:
        h.flush()
    text = path.read_text(encoding="utf-8")
    assert "duplicate CCCD" in text
    assert "001204012345" not in text and "0912345678" not in text


def test_a_log_line_keeps_its_date_and_time(tmp_path):
    """The redactor runs over the message only: the timestamp (a run of digits) stays readable."""
    import re
    from datetime import datetime

    path = setup_logging(tmp_path / "logs2")
    before = datetime.now().replace(microsecond=0)
    logging.getLogger("tocds.test").warning("phone %s imported", "0912345678")
    for h in logging.getLogger().handlers:
        h.flush()
    line = path.read_text(encoding="utf-8").strip().splitlines()[-1]
    m = re.match(r"(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}),\d{3} WARNING tocds.test: phone \[số đã ẩn\] imported$", line)
    assert m, line
    stamp = datetime.strptime(m.group(1), "%Y-%m-%d %H:%M:%S")
    assert abs((stamp - before).total_seconds()) < 120


def test_an_exception_logged_is_redacted_and_a_failing_log_disk_is_silent(tmp_path, capsys):
    path = setup_logging(tmp_path / "logs3")
    try:
        raise ValueError("CCCD 001204012345 refused")
    except ValueError:
        logging.getLogger("tocds.test").exception("import failed for 0912345678")
    for h in logging.getLogger().handlers:
        h.flush()
    text = path.read_text(encoding="utf-8")
    assert "001204012345" not in text and "0912345678" not in text and "ValueError" in text
    # A log file that cannot be written (a full disk) never prints logging's own traceback.
    handler = next(h for h in logging.getLogger().handlers if getattr(h, "_tocds", False))
    handler.stream.close()
    logging.getLogger("tocds.test").warning("after the disk filled up")
    assert "Traceback" not in capsys.readouterr().err
    setup_logging(tmp_path / "logs4")  # the broken handler is replaced without a word either
    assert "Traceback" not in capsys.readouterr().err
