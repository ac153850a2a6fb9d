<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="vi_VN">
  <context>
    <name>tocds</name>
    <message>
      <location filename="../../desktop/commands/privacy.py" />
      <source>  mục số {seq} ({id}): {reason}</source>
      <translation>  entry {seq} ({id}): {reason}</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/campaigns_view.py" />
      <source> (ngoài giờ hành chính)</source>
      <translation> (outside office hours)</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/documents.py" />
      <source> (nguồn: {source})</source>
      <translation> (source: {source})</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/door_to_door.py" />
      <source> ({day})</source>
      <translation> ({day})</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/files.py" />
      <source> (ô bắt đầu bằng dấu ngoặc kép kéo dài qua {n} dòng: có thể thiếu dấu ngoặc kép đóng)</source>
      <translation> (the cell opens a quote and runs over {n} lines: a closing quote may be missing)</translation>
    </message>
    <message>
      <location filename="../../desktop/services/households/coverage.py" />
      <source> - gặp: {met}</source>
      <translation> - met: {met}</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/settings_page.py" />
      <source> phút</source>
      <translation> min</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/door_to_door.py" />
      <location filename="../../desktop/gui/residents/household_dialog.py" />
      <location filename="../../desktop/gui/residents/household_picker.py" />
      <source> · Chủ hộ: {name}</source>
      <translation> · Head: {name}</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/settings_page.py" />
      <source>&amp;Cỡ chữ:</source>
      <translation>Text &amp;size:</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/settings_page.py" />
      <source>&amp;Ngôn ngữ:</source>
      <translation>&amp;Language:</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/main_window.py" />
      <source>&amp;Tệp</source>
      <translation>&amp;File</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/appearance.py" />
      <source>&amp;Xem</source>
      <translation>&amp;View</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/pdf_report.py" />
      <location filename="../../desktop/services/reports/xlsx_report.py" />
      <source>(Ký, ghi rõ họ tên)</source>
      <translation>(Signature and full name)</translation>
    </message>
    <message>
      <location filename="../../desktop/services/households/coverage.py" />
      <source>(Lập ngày {day})</source>
      <translation>(Made on {day})</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/document.py" />
      <source>(Ngày {day})</source>
      <translation>(Day {day})</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/document.py" />
      <source>(Tháng {month} năm {year})</source>
      <translation>(Month {month}/{year})</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/document.py" />
      <source>(Tuần từ ngày {start} đến ngày {end})</source>
      <translation>(Week from {start} to {end})</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/document.py" />
      <source>(Từ ngày {start} đến ngày {end})</source>
      <translation>(From {start} to {end})</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/audit_viewer.py" />
      <source>(chưa đăng nhập)</source>
      <translation>(not signed in)</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/import_dialog.py" />
      <source>(cột {n})</source>
      <translation>(column {n})</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/intake_form.py" />
      <source>(không chọn)</source>
      <translation>(none)</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/campaigns_view.py" />
      <source>(không theo tổ)</source>
      <translation>(no residential group)</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/page.py" />
      <source>(không theo đợt)</source>
      <translation>(no campaign)</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/figures_activity.py" />
      <source>(ngoài đợt ra quân)</source>
      <translation>(outside any campaign)</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/detail_view.py" />
      <source>(nháp)</source>
      <translation>(draft)</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/card.py" />
      <location filename="../../desktop/services/sync/labels.py" />
      <source>(trống)</source>
      <translation>(empty)</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/household_picker.py" />
      <source>+ Hộ mới tại địa chỉ này (người này là chủ hộ)</source>
      <translation>+ New household at this address (this person is the head)</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/page.py" />
      <source>+ Phản ánh mới (Ctrl+N)</source>
      <translation>+ New complaint (Ctrl+N)</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/official_report.py" />
      <source>, còn thiếu {n} người (cần bình quân {pace} người/ngày).</source>
      <translation>, {n} people still to go (about {pace} a day needed).</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/official_report.py" />
      <source>, còn thiếu {n} người.</source>
      <translation>, {n} people still to go.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/official_report.py" />
      <source>, đã đạt mục tiêu.</source>
      <translation>, target reached.</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/setup.py" />
      <source>--admin-name / mật khẩu: {error}</source>
      <translation>--admin-name / password: {error}</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/report.py" />
      <source>--from ({start}) phải không sau --to ({end}).</source>
      <translation>--from ({start}) must not be after --to ({end}).</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/files.py" />
      <source>--map «{opt}»: cần dạng COT=trường, trường là một trong: {fields}</source>
      <translation>--map «{opt}»: use COL=field, where field is one of: {fields}</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/files.py" />
      <source>--map: không có cột «{col}» trong tệp.</source>
      <translation>--map: the file has no column «{col}».</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/official_report.py" />
      <source>1. Kết quả tuyên truyền, hướng dẫn cài đặt và tạo tài khoản iHaNoi</source>
      <translation>1. Awareness, installation and iHaNoi accounts</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/documents.py" />
      <source>1. Tiến độ theo tổ dân phố / thôn</source>
      <translation>1. Progress by residential group / village</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/booth.py" />
      <source>1. Tìm hoặc đăng ký cư dân</source>
      <translation>1. Find or register the resident</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/form.py" />
      <source>12 chữ số</source>
      <translation>12 digits</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/booth.py" />
      <source>2. Các bước đã làm được</source>
      <translation>2. Steps reached</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/official_report.py" />
      <source>2. Hỗ trợ trực tiếp cư dân</source>
      <translation>2. Direct help to residents</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/documents.py" />
      <source>2. Tiến độ theo nhóm đối tượng</source>
      <translation>2. Progress by target group</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/documents.py" />
      <source>3. Hoạt động trong kỳ</source>
      <translation>3. Activity in the period</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/booth.py" />
      <source>3. Kết quả</source>
      <translation>3. Outcome</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/sections.py" />
      <source>3. Tiếp nhận, xử lý phản ánh, kiến nghị của cư dân</source>
      <translation>3. Receiving and handling residents' complaints</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/page.py" />
      <source>30 ngày qua</source>
      <translation>Last 30 days</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/documents.py" />
      <source>4. Chỉ tiêu của thành phố</source>
      <translation>4. The city's indicators</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/official_report.py" />
      <source>4. Truyền thông, cảnh báo trên iHaNoi</source>
      <translation>4. News and warnings on iHaNoi</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/official_report.py" />
      <source>5. Khó khăn, vướng mắc và đề xuất, kiến nghị</source>
      <translation>5. Difficulties and proposals</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/documents.py" />
      <source>5. Phổ cập kỹ năng số (Bình dân học vụ số)</source>
      <translation>5. Digital skills for all (Bình dân học vụ số)</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/page.py" />
      <source>7 ngày qua</source>
      <translation>Last 7 days</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/form.py" />
      <source>9 chữ số (nếu có)</source>
      <translation>9 digits (if any)</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/setup_wizard.py" />
      <source>&lt; Quay lại</source>
      <translation>&lt; Back</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/access.py" />
      <location filename="../../desktop/commands/setup.py" />
      <source>Biến môi trường {name} chưa được đặt.</source>
      <translation>The environment variable {name} is not set.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/document.py" />
      <location filename="../../desktop/services/reports/documents.py" />
      <location filename="../../desktop/services/reports/official_report.py" />
      <source>BÁO CÁO</source>
      <translation>REPORT</translation>
    </message>
    <message>
      <location filename="../../desktop/core/outreach_vocab.py" />
      <source>Bàn hỗ trợ tại trụ sở phường</source>
      <translation>Help desk at the ward office</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/pages.py" />
      <location filename="../../desktop/services/reports/xlsx_report.py" />
      <source>Báo cáo</source>
      <translation>Reports</translation>
    </message>
    <message>
      <location filename="../../desktop/services/outreach/help_sessions.py" />
      <source>Bước không hợp lệ: {step}</source>
      <translation>Invalid step: {step}</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/log_views.py" />
      <source>Bước đạt được</source>
      <translation>Steps reached</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/detail.py" />
      <location filename="../../desktop/gui/sync/quarantine_view.py" />
      <source>Bản ghi</source>
      <translation>Record</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/page.py" />
      <source>Bản ghi bị từ chối</source>
      <translation>Refused records</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <source>Bản ghi có tên trường không hợp lệ.</source>
      <translation>The record has an invalid field name.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/sync/service.py" />
      <source>Bản ghi này không còn trong danh sách bị từ chối.</source>
      <translation>This record is no longer in the list of refused records.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/sync/labels.py" />
      <source>Bản ghi quá lớn để gửi lên máy chủ.</source>
      <translation>The record is too large to send to the server.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <source>Bản ghi quá lớn: quá {limit} byte (máy chủ không nhận bản ghi lớn hơn).</source>
      <translation>The record is too large: over {limit} bytes (the server does not accept larger records).</translation>
    </message>
    <message>
      <location filename="../../desktop/services/sync/labels.py" />
      <source>Bản ghi thuộc phường/xã khác, máy chủ không nhận.</source>
      <translation>The record belongs to another ward; the server does not accept it.</translation>
    </message>
    <message>
      <location filename="../../desktop/sync/conflicts.py" />
      <source>Bản ghi trên máy này đã bị xóa; hãy đồng bộ lại.</source>
      <translation>The record on this laptop has been deleted; sync again.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/sync/labels.py" />
      <source>Bản ghi trỏ tới một bản ghi của phường/xã khác, máy chủ không nhận.</source>
      <translation>The record points at a record of another ward; the server does not accept it.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/backup_dialog.py" />
      <location filename="../../desktop/gui/people/restore_dialog.py" />
      <source>Bản sao lưu (*.tocdsbak)</source>
      <translation>Backups (*.tocdsbak)</translation>
    </message>
    <message>
      <location filename="../../desktop/core/outreach_vocab.py" />
      <source>Bảng tin</source>
      <translation>Notice board</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/export_panel.py" />
      <source>Bảng tính Excel (*.xlsx)</source>
      <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/hook.py" />
      <source>Bảo mật</source>
      <translation>Security</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/help/topics.py" />
      <location filename="../../desktop/gui/outreach/campaigns_view.py" />
      <source>Bắt đầu</source>
      <translation>Getting started</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/page.py" />
      <source>Bắt đầu ca</source>
      <translation>Start shift</translation>
    </message>
    <message>
      <location filename="../../desktop/core/complaint_lifecycle.py" />
      <source>Bắt đầu xử lý</source>
      <translation>Start handling</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/intake_form.py" />
      <source>Bỏ liên kết trùng (Ctrl+D)</source>
      <translation>Unlink duplicate (Ctrl+D)</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/residents.py" />
      <source>Bỏ qua các cột chưa rõ nội dung: {cols} (dùng --map COT=trường để nhập).</source>
      <translation>Columns skipped because their content is unclear: {cols} (use --map COL=field to import them).</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/intake_form.py" />
      <source>Bỏ tệp</source>
      <translation>Remove file</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/import_dialog.py" />
      <location filename="../../desktop/gui/residents/list_model.py" />
      <source>CCCD</source>
      <translation>CCCD</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/search_box.py" />
      <source>CCCD {n}</source>
      <translation>CCCD {n}</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/files.py" />
      <source>CCCD/CMND</source>
      <translation>CCCD/CMND</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/page.py" />
      <source>CSV, dấu chấm phẩy «;» (Excel tiếng Việt) (*.csv)</source>
      <translation>CSV, semicolon «;» (Excel in Vietnamese) (*.csv)</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/page.py" />
      <source>CSV, dấu phẩy «,» (*.csv)</source>
      <translation>CSV, comma «,» (*.csv)</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/page.py" />
      <source>Ca trực</source>
      <translation>Shift</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/audit_viewer.py" />
      <source>Chi tiết</source>
      <translation>Details</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/crash.py" />
      <source>Chi tiết đã được ghi vào nhật ký: {path}</source>
      <translation>Details were written to the log: {path}</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/help/shortcuts.py" />
      <source>Chung</source>
      <translation>Everywhere</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/page.py" />
      <source>Chuyển công an</source>
      <translation>Police hand-offs</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/household_dialog.py" />
      <source>Chuyển ra khỏi hộ</source>
      <translation>Move out of the household</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/dialogs.py" />
      <source>Chuyển tới</source>
      <translation>Forward to</translation>
    </message>
    <message>
      <location filename="../../desktop/core/complaint_lifecycle.py" />
      <source>Chuyển xử lý</source>
      <translation>Forward</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/xlsx_rows.py" />
      <source>Chuỗi dùng chung số {n} (sharedStrings.xml)</source>
      <translation>Shared string number {n} (sharedStrings.xml)</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/audit_viewer.py" />
      <source>Chuỗi nhật ký liền mạch: không mục nào bị sửa hay xóa.</source>
      <translation>The audit chain is intact: no entry was changed or removed.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/detail.py" />
      <source>Chưa</source>
      <translation>Not yet</translation>
    </message>
    <message>
      <location filename="../../desktop/core/vocab.py" />
      <source>Chưa biết</source>
      <translation>Not aware</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/official_report.py" />
      <source>Chưa bảo đảm yêu cầu ít nhất {n} ngày một tin (Công điện số 05/CĐ-UBND).</source>
      <translation>The rule of at least one item every {n} days (Official Dispatch 05/CĐ-UBND) is not met.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/backup_dialog.py" />
      <source>Chưa bật: hãy đặt mật khẩu sao lưu tự động.</source>
      <translation>Off: set a passphrase for the automatic backup.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/door_to_door.py" />
      <source>Chưa chọn hộ: gõ mã hộ rồi bấm Enter.</source>
      <translation>No household chosen: type the household code and press Enter.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/booth.py" />
      <source>Chưa chọn người trực ca</source>
      <translation>No volunteer on duty chosen</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/backup_dialog.py" />
      <location filename="../../desktop/gui/people/restore_dialog.py" />
      <source>Chưa chọn tệp sao lưu.</source>
      <translation>No backup file chosen.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/backup_dialog.py" />
      <source>Chưa chọn tệp để lưu bản sao lưu.</source>
      <translation>No file chosen to save the backup to.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/import_dialog.py" />
      <source>Chưa chọn tệp.</source>
      <translation>No file chosen.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/official_report.py" />
      <source>Chưa có cư dân nào trong danh sách của tổ.</source>
      <translation>The team's list has no residents yet.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/progress_view.py" />
      <source>Chưa có người nào</source>
      <translation>Nobody yet</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/page.py" />
      <source>Chưa có người trực ca: chọn tên rồi bấm «Bắt đầu ca».</source>
      <translation>Nobody on duty: choose a name, then press «Start shift».</translation>
    </message>
    <message>
      <location filename="../../desktop/core/formatting.py" />
      <source>Chưa có số liệu</source>
      <translation>No figures yet</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/page.py" />
      <location filename="../../desktop/services/reports/official_report.py" />
      <location filename="../../desktop/services/reports/sections.py" />
      <source>Chưa có số liệu.</source>
      <translation>No figures yet.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/outreach_vocab.py" />
      <source>Chưa có tài khoản VNeID mức 2</source>
      <translation>No VNeID level-2 account</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/setup.py" />
      <source>Chưa có tài khoản quản trị: ứng dụng sẽ yêu cầu tạo khi mở lần đầu (hoặc chạy tocds-cli init --ward-code {code} --admin-name "HỌ TÊN").</source>
      <translation>No admin account yet: the app will ask for one when it is first opened (or run tocds-cli init --ward-code {code} --admin-name "FULL NAME").</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/page.py" />
      <source>Chưa có tình nguyện viên: thêm tên ở dòng dưới.</source>
      <translation>No volunteers yet: add a name on the line below.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/sync/service.py" />
      <source>Chưa có địa chỉ máy chủ đồng bộ: nhập địa chỉ do quản trị cấp (ví dụ https://dongbo.hanoi.gov.vn), hoặc dùng --server khi chạy tocds-cli sync.</source>
      <translation>No sync server address yet: enter the one your administrator gave (e.g. https://dongbo.hanoi.gov.vn), or use --server with tocds-cli sync.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/residents.py" />
      <source>Chưa hỏi ý kiến cư dân: đọc điều khoản cho họ nghe; nếu họ đồng ý, đánh dấu «Đồng ý» (phím cách) rồi lưu.</source>
      <translation>The resident has not been asked: read them the consent text; if they agree, tick «Agree» (Space), then save.</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/report.py" />
      <source>Chưa hỗ trợ xuất định dạng {fmt}.</source>
      <translation>Export to {fmt} is not supported yet.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/intake_form.py" />
      <source>Chưa lưu: sửa các ô có ghi chú đỏ ở trên.</source>
      <translation>Not saved: correct the fields marked in red above.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/sync/service.py" />
      <source>Chưa nhận được xác nhận đăng ký của máy chủ ({detail}). Mã đăng ký vẫn được giữ trên máy này: bấm «Đồng bộ ngay» (hoặc chạy lại tocds-cli sync) để hoàn tất, không cần xin mã mới.</source>
      <translation>The server's confirmation of the enrolment did not arrive ({detail}). The enrolment code is kept on this laptop: press “Sync now” (or run tocds-cli sync again) to finish; no new code is needed.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/setup_wizard.py" />
      <source>Chưa nhập họ tên người quản trị.</source>
      <translation>The admin's full name is missing.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/residents.py" />
      <source>Chưa nhập họ và tên.</source>
      <translation>No full name entered.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/indicators.py" />
      <source>Chưa nhập số liệu chính thức của phường (dân số từ 15 tuổi, số hộ, số cán bộ): các tỷ lệ chưa có số liệu.</source>
      <translation>The ward's official figures (population aged 15+, households, officials) are not entered: the shares have no figures yet.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/validation.py" />
      <source>Chưa nhập số điện thoại.</source>
      <translation>No phone number entered.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/operators.py" />
      <source>Chưa nhập tên người dùng.</source>
      <translation>The operator's name is missing.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/setup/ward_setup.py" />
      <source>Chưa nhập tên tổ CĐS (ví dụ: Tổ CĐS cộng đồng phường Cầu Giấy). Tên này in trên mọi báo cáo.</source>
      <translation>The team name is missing (for example: Cầu Giấy ward community digital team). It is printed on every report.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/outreach/common.py" />
      <location filename="../../desktop/services/outreach/communications.py" />
      <location filename="../../desktop/services/outreach/training.py" />
      <source>Chưa nhập «{field}».</source>
      <translation>«{field}» is empty.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/households/households.py" />
      <source>Chưa nhập địa chỉ của hộ.</source>
      <translation>The household's address is missing.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/sync/service.py" />
      <source>Chưa thiết lập phường/xã cho thư mục dữ liệu này.</source>
      <translation>No ward has been set up for this data folder.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/privacy.py" />
      <source>Chưa xóa được {n} tệp đính kèm (có thể đang mở trong chương trình khác): {files}. Ứng dụng sẽ tự xóa lại khi mở lần sau hoặc lần xóa dữ liệu tiếp theo; hãy đóng các tệp đó.</source>
      <translation>{n} attachment file(s) could not be deleted yet (perhaps open in another program): {files}. The app deletes them again when it next opens or at the next erasure; please close those files.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/outreach/targets.py" />
      <source>Chưa xếp tổ dân phố</source>
      <translation>No residential group</translation>
    </message>
    <message>
      <location filename="../../desktop/services/sync/cross_ward.py" />
      <source>Chưa xử lý</source>
      <translation>Not resolved</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/official_report.py" />
      <source>Chưa đăng tin nào.</source>
      <translation>Nothing published yet.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/page.py" />
      <source>Chưa đăng tin truyền thông nào</source>
      <translation>No news item published yet</translation>
    </message>
    <message>
      <location filename="../../desktop/services/outreach/communications.py" />
      <source>Chưa đăng tin truyền thông nào. Chỉ thị yêu cầu ít nhất 3 ngày một tin.</source>
      <translation>No item has been published yet. The directive requires at least one every 3 days.</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/privacy.py" />
      <source>Chưa đặt mật khẩu sao lưu tự động. Hãy chạy: tocds-cli backup-passphrase</source>
      <translation>No passphrase is set for automatic backups. Run: tocds-cli backup-passphrase</translation>
    </message>
    <message>
      <location filename="../../desktop/services/households/coverage.py" />
      <source>Chưa đến lần nào</source>
      <translation>Not visited yet</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/import_dialog.py" />
      <source>Chấp nhận dòng có CCCD không khớp giới tính / năm sinh</source>
      <translation>Accept rows whose CCCD disagrees with sex / birth year</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/booth.py" />
      <source>Chế độ điểm hỗ trợ</source>
      <translation>Booth mode</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/detail.py" />
      <source>Chỉ công an, tổ trưởng, quản trị; mỗi lần xem được ghi vào nhật ký truy cập.</source>
      <translation>Police, team lead and admin only; every view is recorded in the access log.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/complaints/complaints.py" />
      <source>Chỉ ghi nhận đánh giá khi phản ánh ở trạng thái «Đã xử lý» (hiện tại: «{status}»).</source>
      <translation>Feedback can only be recorded when the complaint is "Handled" (now: "{status}").</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/dialogs.py" />
      <source>Chỉ khi phản ánh hiện trường chưa có ảnh chụp sau xử lý</source>
      <translation>Only when an on-site complaint has no photo taken after handling</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/import_dialog.py" />
      <source>Chỉ nhập các dòng hợp lệ, bỏ qua dòng lỗi</source>
      <translation>Import only the valid rows, skip the bad ones</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/files.py" />
      <source>Chỉ nhập được tệp .xlsx, .xls, .csv hoặc .txt (tệp {file}).</source>
      <translation>Only .xlsx, .xls, .csv or .txt files can be imported (file {file}).</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/handoffs_view.py" />
      <source>Chỉ phiếu đang chờ</source>
      <translation>Waiting ones only</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/page.py" />
      <source>Chỉ quá hạn</source>
      <translation>Overdue only</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <location filename="../../desktop/services/reports/document.py" />
      <location filename="../../desktop/services/reports/documents.py" />
      <source>Chỉ tiêu</source>
      <translation>Indicator</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/export.py" />
      <source>Chỉ xuất được ra tệp .xlsx hoặc .csv (tệp {file}).</source>
      <translation>Only .xlsx or .csv files can be exported (file {file}).</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/backup_dialog.py" />
      <location filename="../../desktop/gui/people/restore_dialog.py" />
      <source>Chọn bản sao lưu</source>
      <translation>Choose a backup</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/page.py" />
      <source>Chọn chứng chỉ CA</source>
      <translation>Choose a CA certificate</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/intake_form.py" />
      <source>Chọn lĩnh vực và địa điểm để kiểm tra phản ánh trùng trong 30 ngày.</source>
      <translation>Choose a category and a place to check for duplicates in the last 30 days.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/detail.py" />
      <source>Chọn một cư dân trong danh sách, hoặc tìm theo tên, số điện thoại, CCCD.</source>
      <translation>Choose a resident in the list, or search by name, phone or CCCD.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/cross_ward_view.py" />
      <source>Chọn một cư dân trong danh sách.</source>
      <translation>Choose a resident in the list.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/triage_panel.py" />
      <source>Chọn một lý do để xem cách xử lý.</source>
      <translation>Choose a reason to see how to fix it.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/operators_dialog.py" />
      <source>Chọn một người trong danh sách trước.</source>
      <translation>Pick someone in the list first.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/handoffs_view.py" />
      <source>Chọn một phiếu trong danh sách.</source>
      <translation>Choose a hand-off in the list.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/page.py" />
      <source>Chọn một phản ánh trong danh sách, hoặc Ctrl+N để ghi nhận phản ánh mới.</source>
      <translation>Choose a complaint in the list, or press Ctrl+N to take down a new one.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/household_dialog.py" />
      <source>Chọn một thành viên trong bảng trước.</source>
      <translation>Choose a member in the table first.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/setup_wizard.py" />
      <source>Chọn phường/xã</source>
      <translation>Choose the ward or commune</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/settings_page.py" />
      <source>Chọn tệp chứng chỉ CA</source>
      <translation>Choose the CA certificate file</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/import_dialog.py" />
      <source>Chọn tệp danh sách cư dân</source>
      <translation>Choose a file of residents</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/restore_dialog.py" />
      <source>Chọn tệp sao lưu (.tocdsbak) và nhập mật khẩu sao lưu. Dữ liệu trong bản sao lưu sẽ được đưa vào thư mục {path}; dữ liệu không mở được hiện nay được cất vào thư mục backups, không bị xóa.</source>
      <translation>Choose the backup file (.tocdsbak) and type the backup passphrase. The backup's data will be put into the folder {path}; the data that cannot be opened now is set aside in the backups folder, not deleted.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/import_dialog.py" />
      <location filename="../../desktop/gui/settings_page.py" />
      <location filename="../../desktop/gui/sync/page.py" />
      <source>Chọn tệp…</source>
      <translation>Choose file…</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/booth.py" />
      <source>Chọn ít nhất một lý do (phím 1–9, 0).</source>
      <translation>Choose at least one reason (keys 1–9, 0).</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/detail_view.py" />
      <location filename="../../desktop/gui/complaints/intake_form.py" />
      <source>Chọn ảnh hoặc video</source>
      <translation>Choose photos or videos</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/backup_dialog.py" />
      <source>Chọn…</source>
      <translation>Choose…</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/main_window.py" />
      <source>Chờ đồng bộ: {n}</source>
      <translation>Waiting to sync: {n}</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <location filename="../../desktop/gui/residents/household_dialog.py" />
      <source>Chủ hộ</source>
      <translation>Head of household</translation>
    </message>
    <message>
      <location filename="../../desktop/services/households/households.py" />
      <source>Chủ hộ phải là một thành viên của hộ {code}.</source>
      <translation>The head must be a member of household {code}.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/households/coverage.py" />
      <source>Chủ hộ: {name}</source>
      <translation>Head: {name}</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/export_panel.py" />
      <source>Chức vụ người ký:</source>
      <translation>Signer's title:</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/settings_page.py" />
      <source>Chứng chỉ (*.pem *.crt *.cer);;Mọi tệp (*)</source>
      <translation>Certificates (*.pem *.crt *.cer);;All files (*)</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/page.py" />
      <source>Chứng chỉ (*.pem *.crt);;Mọi tệp (*)</source>
      <translation>Certificates (*.pem *.crt);;All files (*)</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/page.py" />
      <source>Chứng chỉ CA (tuỳ chọn)</source>
      <translation>CA certificate (optional)</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/appearance.py" />
      <source>Chữ nhỏ hơn</source>
      <translation>Smaller text</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/appearance.py" />
      <source>Chữ to hơn</source>
      <translation>Larger text</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/pages.py" />
      <location filename="../../desktop/gui/settings_page.py" />
      <source>Cài đặt</source>
      <translation>Settings</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/import_dialog.py" />
      <source>Các cột tô vàng chưa chắc chắn: hãy chọn giúp.</source>
      <translation>The columns in yellow are uncertain: please choose.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/triage_panel.py" />
      <source>Cách xử lý</source>
      <translation>How to fix it</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/ward_figures_form.py" />
      <source>Cán bộ, công chức</source>
      <translation>Officials</translation>
    </message>
    <message>
      <location filename="../../desktop/core/vocab.py" />
      <source>Cán bộ, công chức, viên chức</source>
      <translation>Officials, civil servants, public employees</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/documents.py" />
      <source>Cán bộ, công chức, viên chức của phường</source>
      <translation>Officials, civil servants and public employees of the ward</translation>
    </message>
    <message>
      <location filename="../../desktop/core/complaint_reply.py" />
      <source>Câu trả lời cho cư dân cần ít nhất {n} câu và {w} chữ (hiện có {have} câu, {words} chữ): nói rõ đã làm gì, ở đâu, kết quả ra sao.</source>
      <translation>The reply to the resident needs at least {n} sentences and {w} words (it has {have} sentences, {words} words): say what was done, where, and with what result.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/complaint_reply.py" />
      <source>Câu trả lời chưa nói làm ở đâu (ví dụ: «tại ngõ 12 phố Trần Duy Hưng»).</source>
      <translation>The reply does not say where it was done (e.g. «at lane 12, Trần Duy Hưng street»).</translation>
    </message>
    <message>
      <location filename="../../desktop/core/complaint_reply.py" />
      <source>Câu trả lời chưa nói đã làm gì (ví dụ: «Đã thay bóng đèn hỏng…»).</source>
      <translation>The reply does not say what was done (e.g. «The broken lamp was replaced…»).</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/progress_view.py" />
      <location filename="../../desktop/gui/reports/page.py" />
      <source>Còn (ngày)</source>
      <translation>Days left</translation>
    </message>
    <message>
      <location filename="../../desktop/services/households/coverage.py" />
      <source>Còn người chưa có tài khoản</source>
      <translation>Members still without an account</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/page.py" />
      <location filename="../../desktop/services/reports/documents.py" />
      <source>Còn thiếu</source>
      <translation>Still to go</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/progress_view.py" />
      <source>Còn thiếu {n}</source>
      <translation>{n} short</translation>
    </message>
    <message>
      <location filename="../../desktop/services/sync/labels.py" />
      <source>Còn {n} thay đổi chờ gửi.</source>
      <translation>{n} changes still waiting to be sent.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/campaigns_view.py" />
      <location filename="../../desktop/services/complaints/complaints.py" />
      <location filename="../../desktop/services/residents/export.py" />
      <source>Có</source>
      <translation>Yes</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/importing.py" />
      <source>Có ký tự không đọc được «�»: tệp có byte sai bảng mã ({encoding}); hãy kiểm tra lại giá trị.</source>
      <translation>Has an unreadable character «�»: the file has bytes not in its encoding ({encoding}); check the value.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/form.py" />
      <source>Có phải người khác không? Bấm «Vẫn lưu» để lưu người mới.</source>
      <translation>Is this someone else? Press «Save anyway» to save the new person.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/intake_form.py" />
      <source>Có thể trùng với</source>
      <translation>Possible duplicates</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/progress_view.py" />
      <source>Có tài khoản</source>
      <translation>Have an account</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/residents.py" />
      <source>Có {n} dòng lỗi: chưa nhập dòng nào. Sửa tệp hoặc dùng --valid-only.</source>
      <translation>{n} rows have errors: nothing was imported. Fix the file or use --valid-only.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/door_to_door.py" />
      <source>Có {n} hộ cùng mã này; đang mở hộ ở {address}.</source>
      <translation>{n} households have this code; showing the one at {address}.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/ward_figures_form.py" />
      <source>Có điện thoại thông minh</source>
      <translation>Smartphone owners</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/detail.py" />
      <source>Có — {by}, {when}, mẫu {version}</source>
      <translation>Yes — {by}, {when}, wording {version}</translation>
    </message>
    <message>
      <location filename="../../desktop/core/permissions.py" />
      <source>Công an / Tổ công tác 06</source>
      <translation>Police / Task force 06</translation>
    </message>
    <message>
      <location filename="../../desktop/core/outreach_vocab.py" />
      <source>Công an phường / tổ công tác 06</source>
      <translation>Ward police / working group 06</translation>
    </message>
    <message>
      <location filename="../../desktop/core/outreach_vocab.py" />
      <source>Công an trả lại</source>
      <translation>Returned by the police</translation>
    </message>
    <message>
      <location filename="../../desktop/core/outreach_vocab.py" />
      <source>Công an đã giải quyết</source>
      <translation>Resolved by the police</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/duplicates_view.py" />
      <source>Cùng một người: chọn giá trị giữ lại ở cột cuối, rồi</source>
      <translation>The same person: choose the value to keep in the last column, then</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/duplicates_view.py" />
      <source>Cùng một người: gộp</source>
      <translation>The same person: merge</translation>
    </message>
    <message>
      <location filename="../../desktop/core/complaint_lifecycle.py" />
      <source>Cơ quan tiếp nhận</source>
      <translation>Agency accepted</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <source>Cơ quan xử lý</source>
      <translation>Handling agency</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/privacy.py" />
      <source>Cơ sở dữ liệu bị hỏng. Các bước kiểm tra thất bại:</source>
      <translation>The database is damaged. Checks that failed:</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/restore.py" />
      <source>Cơ sở dữ liệu trong bản sao lưu bị hỏng: {detail}</source>
      <translation>The database in the backup is damaged: {detail}</translation>
    </message>
    <message>
      <location filename="../../desktop/store/errors.py" />
      <source>Cơ sở dữ liệu tại {path} được tạo bởi phiên bản mới hơn của ứng dụng (lược đồ {revision}). Hãy cập nhật ứng dụng lên phiên bản mới nhất rồi mở lại; dữ liệu không bị thay đổi.</source>
      <translation>The database at {path} was written by a newer version of the app (schema {revision}). Update the app (cập nhật ứng dụng) to the latest version and open it again; the data was not changed.</translation>
    </message>
    <message>
      <location filename="../../desktop/store/errors.py" />
      <source>Cơ sở dữ liệu {path} bị hỏng: bước kiểm tra «{check}» thất bại{detail}. Không có thay đổi nào được lưu. Không xóa tệp này. {restore}</source>
      <translation>The database {path} is damaged: the check «{check}» failed{detail}. Nothing was changed. Do not delete this file. {restore}</translation>
    </message>
    <message>
      <location filename="../../desktop/store/errors.py" />
      <source>Cơ sở dữ liệu {path} đang được một chương trình khác ghi (ứng dụng đang mở hoặc một lệnh khác đang chạy). Hãy chờ lệnh đó xong hoặc đóng ứng dụng rồi chạy lại; không có thay đổi nào được lưu.</source>
      <translation>The database {path} is being written by another program (the app is open or another command is running). Wait for it to finish or close the app, then run again; nothing was changed.</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/privacy.py" />
      <source>Cơ sở dữ liệu: toàn vẹn.</source>
      <translation>Database: intact.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <location filename="../../desktop/gui/outreach/follow_ups_view.py" />
      <location filename="../../desktop/gui/outreach/handoffs_view.py" />
      <source>Cư dân</source>
      <translation>Residents</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/cross_ward_view.py" />
      <source>Cư dân (phường này)</source>
      <translation>Resident (this ward)</translation>
    </message>
    <message>
      <location filename="../../desktop/core/vocab.py" />
      <source>Cư dân khác</source>
      <translation>Other residents</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/cross_ward_view.py" />
      <source>Cư dân này đã chuyển đi</source>
      <translation>This resident moved away</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/duplicates_view.py" />
      <location filename="../../desktop/gui/sync/page.py" />
      <source>Cư dân trùng số CCCD</source>
      <translation>Residents with the same CCCD</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/page.py" />
      <location filename="../../desktop/services/reports/sections.py" />
      <source>Cư dân đánh giá vấn đề đã được giải quyết</source>
      <translation>Residents' view: was the problem solved</translation>
    </message>
    <message>
      <location filename="../../desktop/services/complaints/complaints.py" />
      <source>Cư dân đánh giá: {resolved}; mức hài lòng {rating}/5.</source>
      <translation>Resident's feedback: {resolved}; satisfaction {rating}/5.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/intake_form.py" />
      <source>Cư dân đã đăng ký</source>
      <translation>Registered resident</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/page.py" />
      <location filename="../../desktop/services/people/audit.py" />
      <source>Cư dân đã đăng ký ở phường khác</source>
      <translation>Resident registered in another ward</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/consent.py" />
      <source>Cư dân đã đọc (hoặc được đọc cho nghe) và đồng ý</source>
      <translation>The resident has read (or was read) this and agrees</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/page.py" />
      <source>Cư dân: &lt;b&gt;{n}&lt;/b&gt;</source>
      <translation>Residents: &lt;b&gt;{n}&lt;/b&gt;</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/booth.py" />
      <source>Cư dân: {name}</source>
      <translation>Resident: {name}</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/import_dialog.py" />
      <source>Cảnh báo</source>
      <translation>Warning</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/import_dialog.py" />
      <source>Cảnh báo: {field}</source>
      <translation>Warning: {field}</translation>
    </message>
    <message>
      <location filename="../../desktop/core/working_calendar.py" />
      <source>Cấu hình lịch làm việc không hợp lệ: {error}</source>
      <translation>Invalid working calendar configuration: {error}</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/privacy.py" />
      <source>Cần --out TỆP hoặc --auto.</source>
      <translation>Needs --out FILE or --auto.</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/households.py" />
      <location filename="../../desktop/commands/report.py" />
      <source>Cần --out TỆP khi xuất định dạng {fmt}.</source>
      <translation>--out FILE is required for the {fmt} format.</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/privacy.py" />
      <source>Cần chỉ rõ thư mục dữ liệu đích: --data-dir THƯ_MỤC.</source>
      <translation>Name the target data folder: --data-dir FOLDER.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/complaint_lifecycle.py" />
      <source>Cần chọn phản ánh mà phản ánh này trùng với.</source>
      <translation>Choose the complaint this one duplicates.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/vocab.py" />
      <source>Cần công an hỗ trợ</source>
      <translation>Needs the police</translation>
    </message>
    <message>
      <location filename="../../desktop/core/outreach_vocab.py" />
      <source>Cần công an hỗ trợ (chưa rõ việc)</source>
      <translation>Police help needed (not yet known what)</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/handoffs_view.py" />
      <source>Cần công an làm</source>
      <translation>Needed from the police</translation>
    </message>
    <message>
      <location filename="../../desktop/core/complaint_lifecycle.py" />
      <source>Cần ghi lý do cho thao tác «{action}».</source>
      <translation>A reason is needed for "{action}".</translation>
    </message>
    <message>
      <location filename="../../desktop/services/outreach/handoffs.py" />
      <source>Cần ghi lý do khi trả lại hoặc mở lại phiếu chuyển công an.</source>
      <translation>Write a reason when returning or reopening a police hand-off.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/complaint_lifecycle.py" />
      <source>Cần ghi rõ cơ quan hoặc nền tảng nhận phản ánh (ví dụ iHaNoi, UBND phường).</source>
      <translation>Name the agency or platform receiving the complaint (e.g. iHaNoi, ward People's Committee).</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/page.py" />
      <source>Cần hỗ trợ lại</source>
      <translation>Follow-ups</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/booth.py" />
      <source>Cần hỗ trợ lại (phím H) vào ngày:</source>
      <translation>Follow-up needed (key H) on:</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/access.py" />
      <source>Cần đăng nhập để chạy lệnh «{command}»: thư mục dữ liệu này đã có người dùng. Thêm --operator "HỌ TÊN" (mã PIN/mật khẩu trong biến môi trường {env} hoặc nhập khi được hỏi).</source>
      <translation>Sign-in needed to run «{command}»: this data folder has operators. Add --operator "FULL NAME" (PIN/password in the environment variable {env}, or typed when asked).</translation>
    </message>
    <message>
      <location filename="../../desktop/core/permissions.py" />
      <source>Cần đăng nhập để thực hiện: {what}.</source>
      <translation>Sign in to do this: {what}.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/progress_view.py" />
      <source>Cần đạt</source>
      <translation>Pace needed</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/import_dialog.py" />
      <source>Cột trong tệp</source>
      <translation>Column in the file</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/importing.py" />
      <source>Cột {col} không có tiêu đề: bỏ qua {n} ô có dữ liệu.</source>
      <translation>Column {col} has no header: {n} cells with data were left out.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/importing.py" />
      <source>Cột {col} nằm ngoài dòng tiêu đề (có thể do dấu phân cách thừa): bỏ qua {n} ô có dữ liệu.</source>
      <translation>Column {col} is past the header row (perhaps a stray separator): {n} cells with data were left out.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/importing.py" />
      <source>Cột {col} «{header}» trùng nội dung với cột {other}: cột {col} không được nhập.</source>
      <translation>Column {col} «{header}» holds the same field as column {other}: column {col} is not imported.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/preferences.py" />
      <source>Cỡ chữ</source>
      <translation>Text size</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/appearance.py" />
      <source>Cỡ chữ mặc định</source>
      <translation>Default text size</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/conflicts_view.py" />
      <source>Của máy này</source>
      <translation>On this computer</translation>
    </message>
    <message>
      <location filename="../../desktop/services/households/coverage.py" />
      <source>DANH SÁCH ĐI TỪNG NHÀ</source>
      <translation>DOOR-TO-DOOR LIST</translation>
    </message>
    <message>
      <location filename="../../desktop/core/complaint_catalogue.py" />
      <source>Danh mục phản ánh {path} không phải JSON hợp lệ: {error}</source>
      <translation>Complaint catalogue {path} is not valid JSON: {error}</translation>
    </message>
    <message>
      <location filename="../../desktop/core/complaint_catalogue.py" />
      <source>Danh mục phản ánh {path}, loại thứ {n}: thiếu «code»</source>
      <translation>Complaint catalogue {path}, kind no. {n}: "code" is missing</translation>
    </message>
    <message>
      <location filename="../../desktop/core/complaint_catalogue.py" />
      <source>Danh mục phản ánh {path}, {where}: thiếu hoặc sai trường {error}</source>
      <translation>Complaint catalogue {path}, {where}: missing or wrong field {error}</translation>
    </message>
    <message>
      <location filename="../../desktop/core/complaint_catalogue.py" />
      <source>Danh mục phản ánh {path}: thiếu danh sách «kinds»</source>
      <translation>Complaint catalogue {path}: the "kinds" list is missing</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/handoffs_view.py" />
      <source>Danh sách chuyển công an chỉ dành cho công an phường và tổ trưởng. {reason}</source>
      <translation>The police hand-off list is for the ward police and the team lead. {reason}</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/follow_ups_view.py" />
      <source>Danh sách gọi lại: {group}</source>
      <translation>Call-back list: {group}</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/help/__init__.py" />
      <source>Danh sách phím tắt</source>
      <translation>Keyboard shortcuts</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/detail_view.py" />
      <source>Diễn biến</source>
      <translation>Timeline</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <source>Diễn biến phản ánh</source>
      <translation>Complaint event</translation>
    </message>
    <message>
      <location filename="../../desktop/core/outreach_vocab.py" />
      <source>Doanh nghiệp</source>
      <translation>Company</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/importing.py" />
      <source>Dài {n} ký tự: chỉ giữ {limit} ký tự đầu.</source>
      <translation>{n} characters long: only the first {limit} are kept.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/ward_figures_form.py" />
      <source>Dân số từ 15 tuổi</source>
      <translation>Population aged 15+</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/indicators.py" />
      <source>Dân số từ 15 tuổi của phường ({population}) nhỏ hơn số cư dân đã đăng ký ({registered}): hãy kiểm tra lại số liệu chính thức năm {year}.</source>
      <translation>The ward's population aged 15+ ({population}) is smaller than the registered residents ({registered}): check the official figures for {year}.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/indicators.py" />
      <source>Dân số từ 15 tuổi trở lên</source>
      <translation>Population aged 15 and over</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/documents.py" />
      <source>Dân số từ 15 tuổi trở lên (số liệu chính thức)</source>
      <translation>Population aged 15 and over (official figure)</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/ward_figures_form.py" />
      <source>Dân số từ 15 tuổi trở lên *</source>
      <translation>Population aged 15 and over *</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/import_dialog.py" />
      <source>Dòng</source>
      <translation>Row</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/xlsx_rows.py" />
      <source>Dòng sau dòng {row} của trang tính</source>
      <translation>The row after row {row} of the sheet</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/residents.py" />
      <source>Dòng {row} (cảnh báo): {reason}</source>
      <translation>Row {row} (warning): {reason}</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/xlsx_rows.py" />
      <source>Dòng {row} của trang tính: {problem}.</source>
      <translation>Row {row} of the sheet: {problem}.</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/residents.py" />
      <source>Dòng {row}, {field} (cảnh báo): {reason}</source>
      <translation>Row {row}, {field} (warning): {reason}</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/residents.py" />
      <source>Dòng {row}, {field}: {reason}</source>
      <translation>Row {row}, {field}: {reason}</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/xlsx_rows.py" />
      <source>Dòng {row}, ô {ref}: {problem}.</source>
      <translation>Row {row}, cell {ref}: {problem}.</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/residents.py" />
      <source>Dòng {row}: {name} trùng với dòng {other} ({kind}).</source>
      <translation>Row {row}: {name} repeats row {other} ({kind}).</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/residents.py" />
      <source>Dòng {row}: {name} đã có trong danh sách ({kind}).</source>
      <translation>Row {row}: {name} is already registered ({kind}).</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/conflicts_view.py" />
      <source>Dùng giá trị đã sửa</source>
      <translation>Use edited value</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/indicators.py" />
      <source>Dùng số liệu chính thức năm {year} (chưa có số liệu năm {now}).</source>
      <translation>Using the official figures of {year} (none entered for {now}).</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/booth.py" />
      <source>Dùng «{text}» làm họ tên (F3)</source>
      <translation>Use «{text}» as the name (F3)</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/card_compare.py" />
      <source>Dấu cách: đánh dấu / bỏ đánh dấu dòng đang chọn.</source>
      <translation>Space: tick / untick the selected row.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/export.py" />
      <source>Dấu phân cách CSV chỉ có thể là «;» hoặc «,».</source>
      <translation>The CSV separator can only be «;» or «,».</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/import_dialog.py" />
      <source>Dừng</source>
      <translation>Stop</translation>
    </message>
    <message>
      <location filename="../../desktop/services/sync/labels.py" />
      <source>Dữ liệu gửi đi có tên trường không hợp lệ.</source>
      <translation>The data sent has an invalid field name.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/sync/labels.py" />
      <source>Dữ liệu gửi đi thiếu trường đã sửa.</source>
      <translation>The data sent lacks a field that was edited.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/backup_dialog.py" />
      <source>Dữ liệu hiện có sẽ được thay bằng dữ liệu trong bản sao lưu (dữ liệu cũ được cất vào thư mục backups). Tiếp tục?</source>
      <translation>The current data will be replaced by the data in the backup (the old data is kept in the backups folder). Continue?</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/settings_page.py" />
      <source>Dữ liệu và bảo mật</source>
      <translation>Data and security</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/restore.py" />
      <source>Dữ liệu đã được khôi phục. Máy này chưa được đăng ký đồng bộ: hãy nhập mã đăng ký thiết bị mới (do quản trị máy chủ cấp) ở trang Đồng bộ hoặc chạy tocds-cli sync --enroll-code MÃ. Địa chỉ máy chủ và phường/xã được giữ nguyên.</source>
      <translation>The data has been restored. This computer is not enrolled for sync: enter a new device enrolment code (from the server administrator) on the Sync page or run tocds-cli sync --enroll-code CODE. The server address and the ward are kept.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/booth.py" />
      <source>Enter: lưu và tiếp người sau · Esc: quay lại các bước</source>
      <translation>Enter: save and next person · Esc: back to the steps</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/page.py" />
      <source>Excel (*.xlsx)</source>
      <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/import_dialog.py" />
      <source>Excel, CSV hoặc văn bản Unicode (*.xlsx *.xls *.csv *.txt)</source>
      <translation>Excel, CSV or Unicode text (*.xlsx *.xls *.csv *.txt)</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <location filename="../../desktop/gui/complaints/dialogs.py" />
      <location filename="../../desktop/gui/outreach/handoffs_view.py" />
      <source>Ghi chú</source>
      <translation>Notes</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/handoffs_view.py" />
      <source>Ghi chú (bắt buộc khi trả lại hoặc mở lại)</source>
      <translation>Note (required when returning or reopening)</translation>
    </message>
    <message>
      <location filename="../../desktop/services/households/visits.py" />
      <location filename="../../desktop/services/outreach/handoffs.py" />
      <source>Ghi chú dài quá {n} ký tự.</source>
      <translation>The note is longer than {n} characters.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/residents.py" />
      <source>Ghi chú dài {n} ký tự, quá giới hạn {limit} ký tự: hãy rút gọn.</source>
      <translation>The note is {n} characters long, over the limit of {limit} characters: please shorten it.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/sections.py" />
      <source>Ghi chú: {note}</source>
      <translation>Note: {note}</translation>
    </message>
    <message>
      <location filename="../../desktop/services/households/visits.py" />
      <location filename="../../desktop/services/setup/households_demo.py" />
      <source>Ghi khi đến hộ {code}.</source>
      <translation>Recorded on a visit to household {code}.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/door_to_door.py" />
      <source>Ghi kết quả đến tận nhà</source>
      <translation>Record a door-to-door visit</translation>
    </message>
    <message>
      <location filename="../../desktop/core/complaint_lifecycle.py" />
      <location filename="../../desktop/gui/complaints/detail_view.py" />
      <location filename="../../desktop/gui/complaints/list_model.py" />
      <source>Ghi nhận</source>
      <translation>Recorded</translation>
    </message>
    <message>
      <location filename="../../desktop/services/complaints/complaints.py" />
      <source>Ghi nhận là trùng khi tiếp nhận.</source>
      <translation>Marked as a duplicate at intake.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/intake_form.py" />
      <location filename="../../desktop/gui/complaints/page.py" />
      <source>Ghi nhận phản ánh mới</source>
      <translation>Take down a new complaint</translation>
    </message>
    <message>
      <location filename="../../desktop/core/complaint_lifecycle.py" />
      <source>Ghi nhận đánh giá</source>
      <translation>Record feedback</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/audit.py" />
      <source>Ghi nhận đồng ý</source>
      <translation>Consent recorded</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/booth.py" />
      <source>Ghi rõ lý do khác</source>
      <translation>Write the other reason</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/log_views.py" />
      <source>Ghi tin đã đăng (Enter)</source>
      <translation>Record published item (Enter)</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/document.py" />
      <source>Giá trị</source>
      <translation>Value</translation>
    </message>
    <message>
      <location filename="../../desktop/services/outreach/common.py" />
      <location filename="../../desktop/services/outreach/targets.py" />
      <source>Giá trị không hợp lệ ở trường «{field}»: {value}</source>
      <translation>Invalid value in field «{field}»: {value}</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/conflicts_view.py" />
      <source>Giá trị đã sửa (Enter để lưu)</source>
      <translation>Edited value (Enter to save)</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/help/about.py" />
      <source>Giấy phép</source>
      <translation>Licence</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/help/__init__.py" />
      <location filename="../../desktop/gui/help/about.py" />
      <source>Giới thiệu Tổ CĐS Desktop</source>
      <translation>About Tổ CĐS Desktop</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/help/help_dialog.py" />
      <source>Giới thiệu…</source>
      <translation>About…</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <location filename="../../desktop/gui/residents/detail.py" />
      <location filename="../../desktop/gui/residents/form.py" />
      <source>Giới tính</source>
      <translation>Sex</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/residents.py" />
      <source>Giới tính phải là Nam hoặc Nữ.</source>
      <translation>Sex must be Nam or Nữ.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/card_qr.py" />
      <source>Giới tính trong mã QR không đọc được («Nam» hoặc «Nữ»).</source>
      <translation>The sex in the QR code cannot be read («Nam» or «Nữ»).</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/importing.py" />
      <source>Giới tính «{value}» không rõ (Nam hoặc Nữ).</source>
      <translation>Sex «{value}» is unclear (Nam or Nữ).</translation>
    </message>
    <message>
      <location filename="../../desktop/core/working_calendar.py" />
      <source>Giờ làm việc không hợp lệ: các khoảng phải tăng dần và không chồng nhau.</source>
      <translation>Invalid working hours: periods must be in order and must not overlap.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/working_calendar.py" />
      <source>Giờ làm việc không hợp lệ: cần ít nhất một khoảng.</source>
      <translation>Invalid working hours: at least one period is needed.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/conflicts_view.py" />
      <source>Giữ của tôi</source>
      <translation>Keep mine</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/duplicates_view.py" />
      <source>Giữ giá trị</source>
      <translation>Keep value</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/duplicates_view.py" />
      <source>Giữ giá trị «{field}»</source>
      <translation>Keep the value of “{field}”</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/card_compare.py" />
      <source>Giữ nguyên hồ sơ (Esc)</source>
      <translation>Keep the record (Esc)</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/backup_dialog.py" />
      <source>Giữ số bản mới nhất:</source>
      <translation>Keep the newest:</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/door_to_door.py" />
      <source>Gõ mã hộ in trên danh sách rồi bấm Enter.</source>
      <translation>Type the household code printed on the list and press Enter.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/import_dialog.py" />
      <source>Gộp những người cùng địa chỉ trong cùng tổ dân phố / thôn thành một hộ</source>
      <translation>Group people with the same address in the same residential group into one household</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/setup.py" />
      <location filename="../../desktop/gui/setup_wizard.py" />
      <source>Hai lần nhập mật khẩu / mã PIN không khớp.</source>
      <translation>The two passwords / PINs do not match.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/backup_dialog.py" />
      <location filename="../../desktop/gui/people/sign_in.py" />
      <source>Hai lần nhập mật khẩu không khớp.</source>
      <translation>The two passwords do not match.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/duplicates_view.py" />
      <source>Hai người khác nhau: số CCCD nhập sai là của</source>
      <translation>Two different people: the wrongly typed CCCD belongs to</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/settings_page.py" />
      <source>Hiển thị</source>
      <translation>Display</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/page.py" />
      <source>Hiện số CCCD/điện thoại đầy đủ</source>
      <translation>Show the full ID/phone number</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/detail.py" />
      <source>Hiện số đầy đủ (Ctrl+H)</source>
      <translation>Show full numbers (Ctrl+H)</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/follow_ups_view.py" />
      <source>Hiện số để gọi (Ctrl+H)</source>
      <translation>Show number to call (Ctrl+H)</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/door_to_door.py" />
      <location filename="../../desktop/gui/residents/household_dialog.py" />
      <source>Hiện trạng</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/settings_page.py" />
      <source>Hoàn tác (Esc)</source>
      <translation>Undo changes (Esc)</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/setup_wizard.py" />
      <source>Hoàn tất</source>
      <translation>Finish</translation>
    </message>
    <message>
      <location filename="../../desktop/sync/conflicts.py" />
      <source>Hãy chọn bản ghi có số CCCD nhập sai.</source>
      <translation>Choose the record whose CCCD was typed wrong.</translation>
    </message>
    <message>
      <location filename="../../desktop/store/errors.py" />
      <source>Hãy khôi phục bản sao lưu gần nhất (tocds-cli restore TỆP_SAO_LƯU --replace).</source>
      <translation>Restore the latest backup (tocds-cli restore BACKUP_FILE --replace).</translation>
    </message>
    <message>
      <location filename="../../desktop/store/errors.py" />
      <source>Hãy khôi phục bản sao lưu gần nhất: tocds-cli --data-dir "{root}" restore "{backup}" --replace</source>
      <translation>Restore the latest backup: tocds-cli --data-dir "{root}" restore "{backup}" --replace</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/conflicts_view.py" />
      <source>Hãy nhập giá trị mới cho «{field}».</source>
      <translation>Type the new value for «{field}».</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/campaigns_view.py" />
      <location filename="../../desktop/services/outreach/campaigns.py" />
      <source>Hình thức</source>
      <translation>Kind</translation>
    </message>
    <message>
      <location filename="../../desktop/core/formatting.py" />
      <location filename="../../desktop/gui/reports/page.py" />
      <source>Hôm nay</source>
      <translation>Today</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/booth.py" />
      <source>Hôm nay: {n} lượt hỗ trợ · {ok} thành công</source>
      <translation>Today: {n} help sessions · {ok} successful</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/help/__init__.py" />
      <source>Hướng dẫn sử dụng</source>
      <translation>User guide</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/list_model.py" />
      <location filename="../../desktop/gui/reports/page.py" />
      <location filename="../../desktop/services/reports/documents.py" />
      <source>Hạn</source>
      <translation>Deadline</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/detail_view.py" />
      <source>Hạn: {due}</source>
      <translation>Due: {due}</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/follow_ups_view.py" />
      <source>Hẹn ngày</source>
      <translation>Due</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/door_to_door.py" />
      <source>Hẹn quay lại ngày</source>
      <translation>Come back on</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/intake_form.py" />
      <location filename="../../desktop/gui/people/operators_dialog.py" />
      <source>Họ tên</source>
      <translation>Name</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/export_panel.py" />
      <source>Họ tên người ký:</source>
      <translation>Signer's name:</translation>
    </message>
    <message>
      <location filename="../../desktop/core/card_qr.py" />
      <source>Họ tên trong mã QR không đọc được.</source>
      <translation>The full name in the QR code cannot be read.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/outreach/shift.py" />
      <source>Họ tên tình nguyện viên</source>
      <translation>Volunteer's full name</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/page.py" />
      <source>Họ tên tình nguyện viên mới</source>
      <translation>New volunteer's full name</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/names.py" />
      <source>Họ tên «{name}» không có dấu tiếng Việt. Hãy gõ có dấu như trên thẻ CCCD (ví dụ «Phạm Thị Thủy»); nếu tên vốn không có dấu, bấm «Vẫn lưu».</source>
      <translation>The name «{name}» has no Vietnamese diacritics. Type it with diacritics as on the ID card (for example «Phạm Thị Thủy»); if the name really has none, press «Save anyway».</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/cross_ward_view.py" />
      <source>Họ tên ở phường khác</source>
      <translation>Name in the other ward</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/operators_dialog.py" />
      <location filename="../../desktop/gui/people/sign_in.py" />
      <location filename="../../desktop/gui/setup_wizard.py" />
      <source>Họ tên:</source>
      <translation>Name:</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <location filename="../../desktop/gui/residents/list_model.py" />
      <location filename="../../desktop/services/residents/card.py" />
      <source>Họ và tên</source>
      <translation>Full name</translation>
    </message>
    <message>
      <location filename="../../desktop/services/households/coverage.py" />
      <source>Họ và tên (năm sinh)</source>
      <translation>Full name (birth year)</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/form.py" />
      <source>Họ và tên *</source>
      <translation>Full name *</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/residents.py" />
      <source>Họ và tên dài quá 200 ký tự.</source>
      <translation>The full name is longer than 200 characters.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/residents.py" />
      <source>Họ và tên không được có chữ số.</source>
      <translation>A full name cannot contain digits.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/vocab.py" />
      <source>Học sinh, sinh viên</source>
      <translation>Pupils and students</translation>
    </message>
    <message>
      <location filename="../../desktop/core/outreach_vocab.py" />
      <source>Họp dân</source>
      <translation>Residents' meeting</translation>
    </message>
    <message>
      <location filename="../../desktop/core/outreach_vocab.py" />
      <source>Họp tổ dân phố</source>
      <translation>Residential-group meeting</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/card_compare.py" />
      <source>Hồ sơ của «{name}» khác với thẻ vừa quét. Đánh dấu những ô cần sửa theo thẻ.</source>
      <translation>The record of «{name}» differs from the card just scanned. Tick what to correct from the card.</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/residents.py" />
      <source>Hồ sơ khác với thẻ ở: {fields}. Sửa theo thẻ trong ứng dụng (Cư dân, quét thẻ).</source>
      <translation>The record differs from the card in: {fields}. Correct it from the card in the app (Residents, scan the card).</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/form.py" />
      <source>Hồ sơ này không còn trong danh sách.</source>
      <translation>This record is no longer in the registry.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/pages.py" />
      <source>Hỗ trợ cài đặt</source>
      <translation>Installation help</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/page.py" />
      <source>Hỗ trợ trực tiếp</source>
      <translation>Direct help</translation>
    </message>
    <message>
      <location filename="../../desktop/services/households/coverage.py" />
      <source>HỘ {code}</source>
      <translation>HOUSEHOLD {code}</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <location filename="../../desktop/gui/residents/form.py" />
      <location filename="../../desktop/gui/residents/household_dialog.py" />
      <source>Hộ</source>
      <translation>Household</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/door_to_door.py" />
      <source>Hộ / thành viên</source>
      <translation>Household / member</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/household_picker.py" />
      <source>Hộ hiện tại</source>
      <translation>Current household</translation>
    </message>
    <message>
      <location filename="../../desktop/core/vocab.py" />
      <source>Hộ kinh doanh</source>
      <translation>Household businesses</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/door_to_door.py" />
      <source>Hộ này có {n} người cần gặp nhưng đã gõ {k} kết quả.</source>
      <translation>This household has {n} people to see but {k} outcomes were typed.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/household_picker.py" />
      <source>Hộ {code} (hiện tại)</source>
      <translation>Household {code} (current)</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/door_to_door.py" />
      <location filename="../../desktop/gui/residents/household_dialog.py" />
      <source>Hộ {code} · {address}</source>
      <translation>Household {code} · {address}</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/door_to_door.py" />
      <source>Hộ {code} · {address} · {reason}</source>
      <translation>Household {code} · {address} · {reason}</translation>
    </message>
    <message>
      <location filename="../../desktop/services/households/visits.py" />
      <source>Hộ {code}: chưa ghi kết quả cho thành viên nào.</source>
      <translation>Household {code}: no outcome recorded for any member.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/households/visits.py" />
      <source>Hộ {code}: chỉ ghi việc cần công an cho người có kết quả «{outcome}».</source>
      <translation>Household {code}: police needs can only be recorded for someone whose outcome is «{outcome}».</translation>
    </message>
    <message>
      <location filename="../../desktop/services/households/visits.py" />
      <source>Hộ {code}: kết quả «{value}» không có trong danh mục.</source>
      <translation>Household {code}: the outcome «{value}» is not in the list.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/households/visits.py" />
      <source>Hộ {code}: người được ghi kết quả không phải thành viên của hộ này.</source>
      <translation>Household {code}: an outcome was recorded for someone who is not a member of this household.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/households/visits.py" />
      <source>Hộ {code}: «{reason}» không phải việc cần công an giải quyết.</source>
      <translation>Household {code}: «{reason}» is not something the police need to resolve.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/households/households.py" />
      <location filename="../../desktop/services/households/visits.py" />
      <source>Hộ đã chọn không còn trong danh sách.</source>
      <translation>The chosen household is no longer in the list.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/dialogs.py" />
      <location filename="../../desktop/gui/file_dialogs.py" />
      <location filename="../../desktop/gui/people/restore_dialog.py" />
      <source>Hủy</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/intake_form.py" />
      <location filename="../../desktop/gui/residents/form.py" />
      <source>Hủy (Esc)</source>
      <translation>Cancel (Esc)</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/door_to_door.py" />
      <source>In danh sách (PDF)…</source>
      <translation>Print the list (PDF)…</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/follow_ups_view.py" />
      <source>In danh sách gọi lại</source>
      <translation>Print call-back list</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/follow_ups_view.py" />
      <source>In danh sách gọi lại…</source>
      <translation>Print call-back list…</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/follow_ups_view.py" />
      <source>In ngày {day} cho {who}. Danh sách có số điện thoại đầy đủ: giữ kín, hủy sau khi gọi xong.</source>
      <translation>Printed on {day} for {who}. This list has full phone numbers: keep it private and destroy it after the calls.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/import_dialog.py" />
      <source>Khi còn dòng lỗi sẽ không nhập gì, trừ khi chọn «Chỉ nhập các dòng hợp lệ».</source>
      <translation>While rows have errors nothing is imported, unless «Import only the valid rows» is chosen.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/outreach_vocab.py" />
      <source>Khu công nghiệp / doanh nghiệp</source>
      <translation>Industrial zone / company</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/export_panel.py" />
      <source>Khó khăn, vướng mắc:</source>
      <translation>Difficulties:</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/audit.py" />
      <source>Khóa màn hình</source>
      <translation>Screen locked</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/idle_lock.py" />
      <source>Khóa máy</source>
      <translation>Lock</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/backup_dialog.py" />
      <location filename="../../desktop/gui/people/restore_dialog.py" />
      <location filename="../../desktop/services/people/audit.py" />
      <source>Khôi phục</source>
      <translation>Restore</translation>
    </message>
    <message>
      <location filename="../../desktop/core/permissions.py" />
      <location filename="../../desktop/gui/app.py" />
      <location filename="../../desktop/gui/people/restore_dialog.py" />
      <source>Khôi phục từ bản sao lưu</source>
      <translation>Restore from a backup</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/backup_dialog.py" />
      <source>Khôi phục và thay thế dữ liệu hiện có</source>
      <translation>Restore and replace the current data</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/backup_dialog.py" />
      <location filename="../../desktop/services/complaints/complaints.py" />
      <location filename="../../desktop/services/residents/export.py" />
      <source>Không</source>
      <translation>No</translation>
    </message>
    <message>
      <location filename="../../desktop/services/complaints/complaints.py" />
      <source>Không biết</source>
      <translation>Don't know</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <location filename="../../desktop/gui/complaints/intake_form.py" />
      <source>Không chuyển danh tính cho cơ quan</source>
      <translation>Do not pass my identity to the agency</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/duplicates_view.py" />
      <source>Không còn cư dân nào trùng số CCCD.</source>
      <translation>No more residents with the same CCCD.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/sync/labels.py" />
      <source>Không còn thay đổi nào chờ gửi.</source>
      <translation>No changes left waiting to be sent.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/quarantine_view.py" />
      <source>Không có bản ghi nào bị từ chối.</source>
      <translation>No records were refused.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/outreach_vocab.py" />
      <source>Không có dữ liệu di động / Wi-Fi</source>
      <translation>No mobile data / Wi-Fi</translation>
    </message>
    <message>
      <location filename="../../desktop/services/households/households.py" />
      <source>Không có hộ nào mang mã {code}. Hãy đọc lại mã trên danh sách.</source>
      <translation>No household has the code {code}. Read the code on the list again.</translation>
    </message>
    <message>
      <location filename="../../desktop/store/errors.py" />
      <source>Không có kho khóa bảo mật (keyring) của hệ điều hành để giữ khóa mã hóa cơ sở dữ liệu. Trên Windows và macOS kho này có sẵn; trên Linux hãy cài và mở gnome-keyring hoặc KWallet (ví dụ: sudo apt install gnome-keyring), hoặc chỉ định một kho bằng biến môi trường PYTHON_KEYRING_BACKEND. Ứng dụng không bao giờ ghi khóa ra đĩa dưới dạng văn bản thường.</source>
      <translation>No operating-system keyring is available to hold the database encryption key. Windows and macOS have one built in; on Linux install and start gnome-keyring or KWallet (for example: sudo apt install gnome-keyring), or name a keyring with the PYTHON_KEYRING_BACKEND environment variable. The app never writes the key to disk in plain text.</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/report.py" />
      <source>Không có loại báo cáo «{kind}». Các loại: {kinds}</source>
      <translation>There is no report kind «{kind}». Kinds: {kinds}</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/dialogs.py" />
      <source>Không có phản ánh đang mở nào cùng lĩnh vực và địa điểm để liên kết.</source>
      <translation>No open complaint of the same category and place to link to.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/complaint_lifecycle.py" />
      <source>Không có thao tác «{action}».</source>
      <translation>No such action: "{action}".</translation>
    </message>
    <message>
      <location filename="../../desktop/cli.py" />
      <source>Không có thư mục {folder} để ghi tệp {name}.</source>
      <translation>There is no folder {folder} to write {name} in.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/files.py" />
      <source>Không có tệp {file}.</source>
      <translation>There is no file {file}.</translation>
    </message>
    <message>
      <location filename="../../desktop/cli.py" />
      <source>Không có tệp {path}.</source>
      <translation>There is no file {path}.</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/outreach.py" />
      <source>Không có tổ dân phố / thôn «{name}».</source>
      <translation>There is no residential group / village «{name}».</translation>
    </message>
    <message>
      <location filename="../../desktop/services/households/coverage.py" />
      <source>Không có tổ dân phố / thôn «{name}». Các tổ: {names}</source>
      <translation>There is no residential group «{name}». Groups: {names}</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/conflicts_view.py" />
      <source>Không có xung đột nào.</source>
      <translation>No conflicts.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/outreach_vocab.py" />
      <source>Không có điện thoại thông minh</source>
      <translation>No smartphone</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/official_report.py" />
      <source>Không có.</source>
      <translation>None.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/export_panel.py" />
      <source>Không ghi được báo cáo: {reason}</source>
      <translation>Could not write the report: {reason}</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/door_to_door.py" />
      <source>Không ghi được {path}: {error}</source>
      <translation>Could not write {path}: {error}</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/restore.py" />
      <source>Không khôi phục được: không chuyển được {path} ({reason}); có thể một tệp đang mở trong chương trình khác (ví dụ một video đính kèm đang phát). Mọi bước đã được hoàn lại: dữ liệu cũ vẫn nguyên tại chỗ. Hãy đóng các chương trình đó rồi thử lại.</source>
      <translation>The restore failed: {path} could not be moved ({reason}); a file may be open in another program (for example an attached video playing). Every step was undone: the old data is still in place. Close those programs and try again.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/sync/service.py" />
      <source>Không kết nối được máy chủ đồng bộ ({detail}). Sẽ tự thử lại sau.</source>
      <translation>Could not reach the sync server ({detail}). Will retry automatically.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/intake_form.py" />
      <source>Không lưu được phản ánh: {error}</source>
      <translation>The complaint could not be saved: {error}</translation>
    </message>
    <message>
      <location filename="../../desktop/services/sync/labels.py" />
      <source>Không lưu được trên máy này: dữ liệu không hợp lệ.</source>
      <translation>Could not be stored on this computer: the data is not valid.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/sync/labels.py" />
      <source>Không lưu được trên máy này: số CCCD trùng với một cư dân khác đã có ở đây.</source>
      <translation>Could not be stored on this computer: the CCCD number is the same as another resident's here.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/sync/labels.py" />
      <source>Không lưu được trên máy này: thiếu bản ghi liên quan (ví dụ tổ dân phố hoặc phản ánh gốc).</source>
      <translation>Could not be stored on this computer: a related record is missing (for example the residential group or the original complaint).</translation>
    </message>
    <message>
      <location filename="../../desktop/services/sync/labels.py" />
      <source>Không lưu được trên máy này: trùng với một bản ghi đã có ở đây.</source>
      <translation>Could not be stored on this computer: it duplicates a record already here.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/sync/labels.py" />
      <source>Không lưu được trên máy này: {reason}</source>
      <translation>Could not be stored on this computer: {reason}</translation>
    </message>
    <message>
      <location filename="../../desktop/store/errors.py" />
      <source>Không mở được cơ sở dữ liệu tại {path}: khóa giải mã không đúng hoặc tệp đã hỏng. Không xóa tệp này. Hãy khôi phục từ bản sao lưu gần nhất: bấm «Khôi phục từ bản sao lưu» (hoặc chạy tocds-cli restore TỆP_SAO_LƯU --replace), hoặc liên hệ tổ trưởng hoặc quản trị.</source>
      <translation>The database at {path} cannot be opened: the decryption key is wrong or the file is damaged. Do not delete this file. Restore the latest backup: press «Restore from a backup» (or run tocds-cli restore BACKUP_FILE --replace), or contact the team lead or the administrator.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/app.py" />
      <source>Không mở được dữ liệu</source>
      <translation>Cannot open the data</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/backup.py" />
      <source>Không mở được tệp sao lưu {path}: {error}</source>
      <translation>Cannot open the backup file {path}: {error}</translation>
    </message>
    <message>
      <location filename="../../desktop/core/outreach_vocab.py" />
      <source>Không nhận được mã OTP</source>
      <translation>OTP not received</translation>
    </message>
    <message>
      <location filename="../../desktop/core/complaint_lifecycle.py" />
      <source>Không thuộc thẩm quyền</source>
      <translation>Not within jurisdiction</translation>
    </message>
    <message>
      <location filename="../../desktop/core/outreach_vocab.py" />
      <location filename="../../desktop/gui/outreach/booth.py" />
      <source>Không thành công</source>
      <translation>Not successful</translation>
    </message>
    <message>
      <location filename="../../desktop/store/errors.py" />
      <source>Không thấy cơ sở dữ liệu {path} khi mở lại; ứng dụng không tạo một cơ sở dữ liệu trống thay vào. Dữ liệu trước khi khôi phục nằm trong thư mục backups (tên bắt đầu bằng pre-restore-). Hãy đóng ứng dụng, rồi khôi phục lại từ bản sao lưu.</source>
      <translation>The database {path} is missing when opening again; the app does not put an empty database in its place. The data from before the restore is in the backups folder (names starting with pre-restore-). Close the app, then restore from a backup again.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/card_photo.py" />
      <source>Không thấy mã QR trong ảnh «{name}». Chụp lại gần hơn, đủ sáng, mã QR nằm trọn trong ảnh.</source>
      <translation>No QR code found in the photo «{name}». Take it again closer, in good light, with the whole QR code in the picture.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/intake_form.py" />
      <source>Không thấy phản ánh trùng trong 30 ngày qua.</source>
      <translation>No duplicates in the last 30 days.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/form.py" />
      <source>Không thể lưu hai người cùng số CCCD.</source>
      <translation>Two people cannot have the same CCCD.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/complaint_lifecycle.py" />
      <source>Không thể «{action}» khi phản ánh đang ở trạng thái «{status}» (chỉ được từ: {allowed}).</source>
      <translation>Cannot "{action}" while the complaint is "{status}" (allowed only from: {allowed}).</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/crash.py" />
      <source>Không thực hiện được</source>
      <translation>Could not be done</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/detail_view.py" />
      <source>Không thực hiện được: {error}</source>
      <translation>Could not be done: {error}</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/card_flow.py" />
      <source>Không tra được thẻ vừa quét: {reason}</source>
      <translation>Could not look up the scanned card: {reason}</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/privacy.py" />
      <source>Không tìm thấy cư dân (mã {id}).</source>
      <translation>Resident not found (id {id}).</translation>
    </message>
    <message>
      <location filename="../../desktop/services/outreach/help_sessions.py" />
      <source>Không tìm thấy cư dân cho lượt hỗ trợ.</source>
      <translation>The resident for this help session was not found.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/search_box.py" />
      <source>Không tìm thấy cư dân nào khớp «{q}».</source>
      <translation>No resident matches «{q}».</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/residents.py" />
      <source>Không tìm thấy cư dân nào.</source>
      <translation>No resident found.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/households/households.py" />
      <source>Không tìm thấy cư dân này (có thể đã bị xóa).</source>
      <translation>This resident was not found (perhaps deleted).</translation>
    </message>
    <message>
      <location filename="../../desktop/services/outreach/help_sessions.py" />
      <source>Không tìm thấy lượt hỗ trợ.</source>
      <translation>Help session not found.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/operators.py" />
      <source>Không tìm thấy người dùng.</source>
      <translation>Operator not found.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/outreach/handoffs.py" />
      <source>Không tìm thấy phiếu chuyển công an.</source>
      <translation>Police hand-off not found.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/complaints/complaints.py" />
      <source>Không tìm thấy phản ánh {id}.</source>
      <translation>Complaint {id} not found.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/complaints/complaints.py" />
      <source>Không tìm thấy phản ánh được chọn là bản gốc.</source>
      <translation>The complaint chosen as the original was not found.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/outreach/shift.py" />
      <source>Không tìm thấy tình nguyện viên đã chọn.</source>
      <translation>The chosen volunteer was not found.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/sync/service.py" />
      <source>Không tìm thấy tệp chứng chỉ CA: {path}</source>
      <translation>CA certificate file not found: {path}</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/card_photo.py" />
      <source>Không tìm thấy tệp ảnh «{name}».</source>
      <translation>The photo file «{name}» was not found.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/outreach/follow_ups.py" />
      <source>Không tìm thấy việc cần theo dõi.</source>
      <translation>Follow-up not found.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/outreach/campaigns.py" />
      <location filename="../../desktop/services/outreach/help_sessions.py" />
      <source>Không tìm thấy đợt ra quân.</source>
      <translation>Campaign not found.</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/residents.py" />
      <source>Không tìm: {reason}</source>
      <translation>Not searched: {reason}</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/page.py" />
      <source>Không tính được số liệu: {reason}</source>
      <translation>Could not compute the figures: {reason}</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/settings_page.py" />
      <source>Không tự khóa</source>
      <translation>Never lock</translation>
    </message>
    <message>
      <location filename="../../desktop/services/sync/service.py" />
      <source>Không xác minh được chứng chỉ bảo mật của máy chủ {url} ({detail}). Nếu cơ quan dùng chứng chỉ riêng, hãy chọn tệp chứng chỉ CA trong Cài đặt; máy tính cũng tin các chứng chỉ gốc của Windows.</source>
      <translation>The security certificate of the server {url} could not be verified ({detail}). If your office uses its own certificates, choose the CA certificate file in Settings; the computer also trusts Windows' root certificates.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/outreach_vocab.py" />
      <source>Không đọc được chip CCCD (NFC)</source>
      <translation>The CCCD chip cannot be read (NFC)</translation>
    </message>
    <message>
      <location filename="../../desktop/core/complaint_catalogue.py" />
      <source>Không đọc được danh mục phản ánh {path}: {error}</source>
      <translation>Cannot read complaint catalogue {path}: {error}</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/files.py" />
      <location filename="../../desktop/services/residents/xls_rows.py" />
      <source>Không đọc được tệp Excel {file}: {error}</source>
      <translation>Cannot read the Excel file {file}: {error}</translation>
    </message>
    <message>
      <location filename="../../desktop/core/triage.py" />
      <source>Không đọc được tệp hướng dẫn {path}: {error}</source>
      <translation>Cannot read the guides file {path}: {error}</translation>
    </message>
    <message>
      <location filename="../../desktop/services/complaints/attachments.py" />
      <source>Không đọc được tệp {name}: {error}</source>
      <translation>Cannot read file {name}: {error}</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/card_photo.py" />
      <source>Không đọc được tệp ảnh «{name}»: {reason}</source>
      <translation>Cannot read the photo file «{name}»: {reason}</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/setup.py" />
      <source>Không đọc được {file}: {reason}.</source>
      <translation>Cannot read {file}: {reason}.</translation>
    </message>
    <message>
      <location filename="../../desktop/cli.py" />
      <location filename="../../desktop/store/errors.py" />
      <source>Không đọc/ghi được {path}: {reason}. Không có thay đổi nào được lưu.</source>
      <translation>Cannot read or write {path}: {reason}. Nothing was changed.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/outreach_vocab.py" />
      <source>Không đồng ý cài đặt</source>
      <translation>Declined</translation>
    </message>
    <message>
      <location filename="../../desktop/core/complaint_catalogue.py" />
      <source>Khẩn cấp</source>
      <translation>Urgent</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <location filename="../../desktop/gui/complaints/intake_form.py" />
      <source>Kinh độ</source>
      <translation>Longitude</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/audit_viewer.py" />
      <source>Kiểm tra chuỗi nhật ký</source>
      <translation>Check the audit chain</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/import_dialog.py" />
      <source>Kiểm tra tệp</source>
      <translation>Check the file</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/residents.py" />
      <source>Kiểm tra xong: {n} dòng hợp lệ (chưa lưu).</source>
      <translation>Check done: {n} valid rows (nothing stored).</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/log_views.py" />
      <location filename="../../desktop/services/outreach/communications.py" />
      <source>Kênh</source>
      <translation>Channel</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <location filename="../../desktop/gui/complaints/intake_form.py" />
      <source>Kênh tiếp nhận</source>
      <translation>Channel</translation>
    </message>
    <message>
      <location filename="../../desktop/services/complaints/complaints.py" />
      <source>Kênh tiếp nhận: «{value}» không hợp lệ.</source>
      <translation>Channel: "{value}" is not valid.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/page.py" />
      <source>Kết nối</source>
      <translation>Connection</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <location filename="../../desktop/gui/outreach/log_views.py" />
      <source>Kết quả</source>
      <translation>Outcome</translation>
    </message>
    <message>
      <location filename="../../desktop/services/households/coverage.py" />
      <source>Kết quả (1-5)</source>
      <translation>Outcome (1-5)</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/door_to_door.py" />
      <source>Kết quả lần này</source>
      <translation>Outcome this time</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/official_report.py" />
      <source>Kết quả triển khai ứng dụng Công dân Thủ đô số (iHaNoi)</source>
      <translation>Results of deploying the Digital Capital Citizen app (iHaNoi)</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <source>Kết quả đến tận nhà của một người</source>
      <translation>Door-to-door outcome for one person</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/door_to_door.py" />
      <source>Kết quả:</source>
      <translation>Outcomes:</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/campaigns_view.py" />
      <source>Kết thúc</source>
      <translation>End</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/page.py" />
      <source>Kỳ báo cáo:</source>
      <translation>Period:</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/intake_form.py" />
      <source>Liên kết là trùng (Ctrl+D)</source>
      <translation>Link as duplicate (Ctrl+D)</translation>
    </message>
    <message>
      <location filename="../../desktop/core/outreach_vocab.py" />
      <source>Loa truyền thanh phường</source>
      <translation>Ward loudspeakers</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <location filename="../../desktop/gui/complaints/list_model.py" />
      <location filename="../../desktop/gui/sync/quarantine_view.py" />
      <source>Loại</source>
      <translation>Kind</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/conflicts_view.py" />
      <source>Loại / bản ghi</source>
      <translation>Kind / record</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/detail_view.py" />
      <source>Loại / lĩnh vực</source>
      <translation>Kind / category</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/operators.py" />
      <source>Loại mã đăng nhập không hợp lệ: {kind}</source>
      <translation>Invalid sign-in secret kind: {kind}</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/setup_wizard.py" />
      <source>Loại mã đăng nhập:</source>
      <translation>Sign-in secret:</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <location filename="../../desktop/gui/complaints/intake_form.py" />
      <source>Loại phản ánh</source>
      <translation>Kind of complaint</translation>
    </message>
    <message>
      <location filename="../../desktop/core/complaint_catalogue.py" />
      <source>Loại phản ánh không có trong danh mục: «{code}»</source>
      <translation>Kind of complaint not in the catalogue: "{code}"</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/file_dialogs.py" />
      <source>Loại tệp:</source>
      <translation>Files of type:</translation>
    </message>
    <message>
      <location filename="../../desktop/services/complaints/complaints.py" />
      <source>Loại ảnh không hợp lệ: «{phase}» (truoc hoặc sau).</source>
      <translation>Invalid photo phase: «{phase}» (truoc or sau).</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/intake_form.py" />
      <source>Loại/lĩnh vực</source>
      <translation>Type/field</translation>
    </message>
    <message>
      <location filename="../../desktop/services/complaints/complaints.py" />
      <source>Loại/lĩnh vực: {error}</source>
      <translation>Kind/category: {error}</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/import_dialog.py" />
      <source>Là trường</source>
      <translation>Field</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/page.py" />
      <source>Làm mới (F5)</source>
      <translation>Refresh (F5)</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/page.py" />
      <source>Làm mới danh sách phản ánh</source>
      <translation>Refresh the complaint list</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/quarantine_view.py" />
      <source>Lúc</source>
      <translation>When</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/follow_ups_view.py" />
      <location filename="../../desktop/gui/residents/import_dialog.py" />
      <location filename="../../desktop/gui/sync/quarantine_view.py" />
      <source>Lý do</source>
      <translation>Reason</translation>
    </message>
    <message>
      <location filename="../../desktop/services/outreach/help_sessions.py" />
      <source>Lý do chưa thành công</source>
      <translation>Reason for failure</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/booth.py" />
      <source>Lý do chưa thành công (phím 1–9, 0):</source>
      <translation>Reasons it did not succeed (keys 1–9, 0):</translation>
    </message>
    <message>
      <location filename="../../desktop/core/outreach_vocab.py" />
      <source>Lý do khác</source>
      <translation>Other reason</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/dialogs.py" />
      <source>Lý do không có ảnh sau xử lý</source>
      <translation>Why there is no photo after handling</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <location filename="../../desktop/gui/complaints/intake_form.py" />
      <location filename="../../desktop/gui/complaints/list_model.py" />
      <source>Lĩnh vực</source>
      <translation>Category</translation>
    </message>
    <message>
      <location filename="../../desktop/core/complaint_catalogue.py" />
      <source>Lĩnh vực «{code}» không thuộc loại «{kind}»</source>
      <translation>Category "{code}" does not belong to kind "{kind}"</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/file_dialogs.py" />
      <source>Lưu</source>
      <translation>Save</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/door_to_door.py" />
      <location filename="../../desktop/gui/residents/form.py" />
      <location filename="../../desktop/gui/settings_page.py" />
      <source>Lưu (Enter)</source>
      <translation>Save (Enter)</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/export_panel.py" />
      <source>Lưu báo cáo</source>
      <translation>Save the report</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/backup_dialog.py" />
      <source>Lưu bản sao lưu</source>
      <translation>Save the backup</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/settings_page.py" />
      <location filename="../../desktop/gui/sync/page.py" />
      <source>Lưu cài đặt</source>
      <translation>Save settings</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/door_to_door.py" />
      <source>Lưu danh sách đi từng nhà</source>
      <translation>Save the door-to-door list</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/intake_form.py" />
      <source>Lưu lại để hoàn thiện sau; chưa tính hạn xử lý.</source>
      <translation>Keep it to finish later; no deadline runs yet.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/backup_dialog.py" />
      <source>Lưu mật khẩu sao lưu tự động</source>
      <translation>Save the automatic backup passphrase</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/progress_view.py" />
      <source>Lưu mục tiêu</source>
      <translation>Save target</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/intake_form.py" />
      <source>Lưu nháp</source>
      <translation>Save as draft</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/intake_form.py" />
      <source>Lưu phản ánh (Ctrl+Enter)</source>
      <translation>Save complaint (Ctrl+Enter)</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/ward_figures_form.py" />
      <source>Lưu số liệu</source>
      <translation>Save figures</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/operators_dialog.py" />
      <source>Lưu thay đổi</source>
      <translation>Save changes</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/backup_dialog.py" />
      <source>Lưu vào tệp:</source>
      <translation>Save to file:</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/official_report.py" />
      <source>Lưu: VT, Tổ CĐS.</source>
      <translation>Archive: office, digital transformation team.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/page.py" />
      <source>Lượt</source>
      <translation>Sessions</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <location filename="../../desktop/gui/outreach/campaigns_view.py" />
      <location filename="../../desktop/gui/outreach/page.py" />
      <source>Lượt hỗ trợ</source>
      <translation>Help session</translation>
    </message>
    <message>
      <location filename="../../desktop/services/outreach/help_sessions.py" />
      <source>Lượt hỗ trợ chưa thành công: hãy chọn ít nhất một lý do chưa thành công.</source>
      <translation>The help session did not succeed: choose at least one reason.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/page.py" />
      <source>Lượt hỗ trợ mỗi ngày (30 ngày)</source>
      <translation>Help sessions per day (30 days)</translation>
    </message>
    <message>
      <location filename="../../desktop/services/outreach/help_sessions.py" />
      <source>Lượt hỗ trợ này đã kết thúc.</source>
      <translation>This help session has already ended.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/page.py" />
      <source>Lượt hỗ trợ theo đợt ra quân / điểm hỗ trợ</source>
      <translation>Help sessions per campaign / booth</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/documents.py" />
      <source>Lượt hỗ trợ thành công</source>
      <translation>Successful help sessions</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/page.py" />
      <source>Lượt hỗ trợ: &lt;b&gt;{n}&lt;/b&gt;, thành công &lt;b&gt;{pct}&lt;/b&gt;</source>
      <translation>Help sessions: &lt;b&gt;{n}&lt;/b&gt;, successful &lt;b&gt;{pct}&lt;/b&gt;</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/documents.py" />
      <source>Lượt người dự tập huấn</source>
      <translation>Training attendance</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/conflicts_view.py" />
      <source>Lấy bản máy chủ</source>
      <translation>Take the server's</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/page.py" />
      <source>Lần thành công gần nhất</source>
      <translation>Last successful sync</translation>
    </message>
    <message>
      <location filename="../../desktop/services/households/coverage.py" />
      <source>Lần thăm trước: {day}</source>
      <translation>Last visit: {day}</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/door_to_door.py" />
      <location filename="../../desktop/services/households/coverage.py" />
      <source>Lần trước</source>
      <translation>Last time</translation>
    </message>
    <message>
      <location filename="../../desktop/services/households/coverage.py" />
      <source>Lần trước vắng nhà</source>
      <translation>Not at home last time</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <source>Lần đến tận nhà</source>
      <translation>Door-to-door visit</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/privacy.py" />
      <source>Lệnh kiểm tra không thay đổi gì. Không xóa tệp; hãy khôi phục bản sao lưu gần nhất (tocds-cli restore TỆP --replace).</source>
      <translation>The check changed nothing. Do not delete the file; restore the latest backup (tocds-cli restore FILE --replace).</translation>
    </message>
    <message>
      <location filename="../../desktop/core/working_calendar.py" />
      <source>Lịch làm việc không có ngày làm việc nào: kiểm tra cấu hình.</source>
      <translation>The working calendar has no working days: check its configuration.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/page.py" />
      <source>Lọc phản ánh</source>
      <translation>Filter complaints</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/follow_ups_view.py" />
      <source>Lọc theo tổ:</source>
      <translation>Filter by group:</translation>
    </message>
    <message>
      <location filename="../../desktop/cli.py" />
      <source>Lỗi cú pháp lệnh: {message}</source>
      <translation>Command usage error: {message}</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/import_dialog.py" />
      <source>Lỗi khi nhập: {error}</source>
      <translation>Import failed: {error}</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/crash.py" />
      <source>Lỗi không mong muốn</source>
      <translation>Unexpected error</translation>
    </message>
    <message>
      <location filename="../../desktop/cli.py" />
      <source>Lỗi không mong muốn ({kind}). Chi tiết đã được ghi vào nhật ký {log}; dữ liệu đã lưu không bị thay đổi.</source>
      <translation>Unexpected error ({kind}). The details are in the log {log}; saved data was not changed.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/outreach_vocab.py" />
      <location filename="../../desktop/core/record_labels.py" />
      <location filename="../../desktop/services/reports/documents.py" />
      <source>Lớp tập huấn</source>
      <translation>Training class</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/campaigns_view.py" />
      <location filename="../../desktop/services/outreach/shift.py" />
      <source>Lực lượng</source>
      <translation>Force</translation>
    </message>
    <message>
      <location filename="../../desktop/services/outreach/campaigns.py" />
      <source>Lực lượng tham gia</source>
      <translation>Forces taking part</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/settings_page.py" />
      <source>Máy chủ &amp;proxy:</source>
      <translation>&amp;Proxy server:</translation>
    </message>
    <message>
      <location filename="../../desktop/services/sync/labels.py" />
      <source>Máy chủ báo xung đột nhưng không gửi kèm bản của máy chủ.</source>
      <translation>The server reported a conflict but did not send its copy.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/sync/service.py" />
      <source>Máy chủ không chấp nhận phiên bản này: cần cập nhật ứng dụng.</source>
      <translation>The server does not accept this version: update the application.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/preferences.py" />
      <source>Máy chủ proxy</source>
      <translation>Proxy server</translation>
    </message>
    <message>
      <location filename="../../desktop/services/sync/service.py" />
      <source>Máy chủ tạm ngừng nhận mã đăng ký từ địa chỉ này vì đã có nhiều mã sai. Mã vẫn được giữ trên máy này: hãy thử lại sau ít phút.</source>
      <translation>The server has paused enrolment codes from this address after too many wrong codes. The code is kept on this laptop: try again in a few minutes.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/sync/labels.py" />
      <source>Máy chủ từ chối bản ghi này.</source>
      <translation>The server refused this record.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/sync/service.py" />
      <source>Máy chủ từ chối yêu cầu ({status}).</source>
      <translation>The server refused the request ({status}).</translation>
    </message>
    <message>
      <location filename="../../desktop/services/sync/service.py" />
      <source>Máy chủ từ chối: thiết bị này thuộc phường/xã khác.</source>
      <translation>Refused by the server: this device belongs to another ward.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/sync/labels.py" />
      <source>Máy chủ từ chối: {reason}</source>
      <translation>Refused by the server: {reason}</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/page.py" />
      <source>Máy chủ đồng bộ</source>
      <translation>Sync server</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/duplicates_view.py" />
      <source>Máy khác</source>
      <translation>Other laptop</translation>
    </message>
    <message>
      <location filename="../../desktop/cli.py" />
      <source>Máy không đủ bộ nhớ để làm việc này; không có thay đổi nào được lưu.</source>
      <translation>This computer does not have enough memory for this; nothing was changed.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/duplicates_view.py" />
      <source>Máy này</source>
      <translation>This laptop</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/idle_lock.py" />
      <source>Máy đã khóa. Đăng nhập để tiếp tục</source>
      <translation>Locked. Sign in to continue</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/list_model.py" />
      <source>Mã</source>
      <translation>Code</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/operators_dialog.py" />
      <location filename="../../desktop/services/people/secret_strength.py" />
      <source>Mã PIN</source>
      <translation>PIN</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/operators_dialog.py" />
      <location filename="../../desktop/gui/setup_wizard.py" />
      <source>Mã PIN (6–12 chữ số)</source>
      <translation>PIN (6–12 digits)</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/operators_dialog.py" />
      <location filename="../../desktop/gui/people/sign_in.py" />
      <source>Mã PIN / mật khẩu:</source>
      <translation>PIN / password:</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/operators.py" />
      <source>Mã PIN hoặc mật khẩu không đúng (còn {n} lần thử).</source>
      <translation>Wrong PIN or password ({n} tries left).</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/operators.py" />
      <source>Mã PIN phải gồm 6 đến 12 chữ số.</source>
      <translation>A PIN must be 6 to 12 digits.</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/privacy.py" />
      <source>Mã PIN/mật khẩu của người mới: </source>
      <translation>New operator's PIN/password: </translation>
    </message>
    <message>
      <location filename="../../desktop/commands/access.py" />
      <source>Mã PIN/mật khẩu của {name}: </source>
      <translation>PIN/password of {name}: </translation>
    </message>
    <message>
      <location filename="../../desktop/core/card_qr.py" />
      <source>Mã QR có {n} trường, mã trên thẻ CCCD có ít nhất {min}.</source>
      <translation>The QR code has {n} fields; a CCCD card's code has at least {min}.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/card_qr.py" />
      <source>Mã QR này không phải mã trên thẻ CCCD (không có các trường ngăn bởi «|»).</source>
      <translation>This QR code is not a CCCD card's code (no fields separated by «|»).</translation>
    </message>
    <message>
      <location filename="../../desktop/core/card_qr.py" />
      <source>Mã QR này là mã thanh toán (VietQR), không phải mã trên thẻ CCCD.</source>
      <translation>This QR code is a payment code (VietQR), not a CCCD card's code.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/card_qr.py" />
      <source>Mã QR này là một đường dẫn web, không phải mã trên thẻ CCCD.</source>
      <translation>This QR code is a web link, not a CCCD card's code.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/card_qr.py" />
      <source>Mã QR quá dài để là mã trên thẻ CCCD.</source>
      <translation>The QR code is too long to be a CCCD card's code.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/card_qr.py" />
      <source>Mã QR trống.</source>
      <translation>The QR code is empty.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <source>Mã hộ</source>
      <translation>Household code</translation>
    </message>
    <message>
      <location filename="../../desktop/services/households/households.py" />
      <source>Mã hộ «{typed}» không đúng dạng: mã có 6 ký tự trong {alphabet}, ví dụ K7M-4PX.</source>
      <translation>The household code «{typed}» is malformed: a code has 6 characters from {alphabet}, e.g. K7M-4PX.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/door_to_door.py" />
      <source>Mã hộ, ví dụ K7M-4PX</source>
      <translation>Household code, e.g. K7M-4PX</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/door_to_door.py" />
      <source>Mã hộ:</source>
      <translation>Household code:</translation>
    </message>
    <message>
      <location filename="../../desktop/services/setup/ward_setup.py" />
      <source>Mã phường/xã không có trong danh mục hành chính: {code}</source>
      <translation>Ward code is not in the official list of administrative units: {code}</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/page.py" />
      <source>Mã phản ánh</source>
      <translation>Complaint code</translation>
    </message>
    <message>
      <location filename="../../desktop/services/sync/labels.py" />
      <source>Mã thay đổi đã được dùng cho bản ghi khác, máy chủ không nhận.</source>
      <translation>The change id was already used for another record; the server does not accept it.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/validation.py" />
      <source>Mã tỉnh/quốc gia nơi sinh «{code}» trong số CCCD không có.</source>
      <translation>The province / country-of-birth code «{code}» of the CCCD does not exist.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/sync/service.py" />
      <source>Mã đăng ký không đúng, đã dùng hoặc đã hết hạn.</source>
      <translation>The enrolment code is wrong, already used or expired.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/page.py" />
      <source>Mã đăng ký thiết bị</source>
      <translation>Device enrolment code</translation>
    </message>
    <message>
      <location filename="../../desktop/services/sync/service.py" />
      <source>Mã đăng ký thuộc phường/xã {code}, không phải phường/xã của thư mục dữ liệu này ({mine}).</source>
      <translation>The enrolment code belongs to ward {code}, not to this data folder's ward ({mine}).</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/consent.py" />
      <source>Mẫu lời đồng ý: phiên bản {v}</source>
      <translation>Consent wording: version {v}</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/operators_dialog.py" />
      <location filename="../../desktop/services/people/secret_strength.py" />
      <source>Mật khẩu</source>
      <translation>Password</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/operators_dialog.py" />
      <location filename="../../desktop/gui/setup_wizard.py" />
      <source>Mật khẩu (từ 8 ký tự)</source>
      <translation>Password (8+ characters)</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/sign_in.py" />
      <source>Mật khẩu (ít nhất 8 ký tự):</source>
      <translation>Password (at least 8 characters):</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/setup.py" />
      <source>Mật khẩu / mã PIN của người quản trị: </source>
      <translation>Admin's password / PIN: </translation>
    </message>
    <message>
      <location filename="../../desktop/gui/setup_wizard.py" />
      <source>Mật khẩu / mã PIN:</source>
      <translation>Password / PIN:</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/secret_strength.py" />
      <source>Mật khẩu chỉ lặp lại một hai ký tự. Hãy chọn mật khẩu khác.</source>
      <translation>The password only repeats one or two characters. Choose another password.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/secret_strength.py" />
      <source>Mật khẩu này nằm trong danh sách mật khẩu hay dùng nhất, ai cũng thử đầu tiên. Hãy chọn mật khẩu khác.</source>
      <translation>This password is among the most used passwords, the first anyone tries. Choose another password.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/operators.py" />
      <source>Mật khẩu phải có ít nhất 8 ký tự.</source>
      <translation>A password must have at least 8 characters.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/backup.py" />
      <source>Mật khẩu sao lưu dài tối đa {n} ký tự (kho khóa của Windows không giữ được mật khẩu dài hơn).</source>
      <translation>The backup passphrase may be at most {n} characters long (Windows' credential store cannot hold a longer one).</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/backup.py" />
      <source>Mật khẩu sao lưu không đúng.</source>
      <translation>Wrong backup passphrase.</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/privacy.py" />
      <source>Mật khẩu sao lưu mới: </source>
      <translation>New backup passphrase: </translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/backup.py" />
      <source>Mật khẩu sao lưu phải có ít nhất {n} ký tự.</source>
      <translation>A backup passphrase must have at least {n} characters.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/backup_dialog.py" />
      <source>Mật khẩu sao lưu tự động:</source>
      <translation>Automatic backup passphrase:</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/backup_dialog.py" />
      <location filename="../../desktop/gui/people/restore_dialog.py" />
      <source>Mật khẩu sao lưu:</source>
      <translation>Backup passphrase:</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/privacy.py" />
      <source>Mật khẩu sao lưu: </source>
      <translation>Backup passphrase: </translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/log_views.py" />
      <location filename="../../desktop/gui/outreach/progress_view.py" />
      <source>Mọi cư dân</source>
      <translation>All residents</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/page.py" />
      <source>Mọi loại</source>
      <translation>All kinds</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/page.py" />
      <source>Mọi lĩnh vực</source>
      <translation>All categories</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/page.py" />
      <source>Mọi mức iHaNoi</source>
      <translation>All iHaNoi stages</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/page.py" />
      <source>Mọi mức độ</source>
      <translation>All severities</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/audit_viewer.py" />
      <source>Mọi người</source>
      <translation>Everyone</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/audit_viewer.py" />
      <source>Mọi sự kiện</source>
      <translation>All events</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/page.py" />
      <source>Mọi trạng thái</source>
      <translation>All statuses</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/page.py" />
      <source>Mọi tổ dân phố</source>
      <translation>All residential groups</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/page.py" />
      <source>Mọi tổ dân phố / thôn</source>
      <translation>All residential groups</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/page.py" />
      <source>Mọi đối tượng</source>
      <translation>All target groups</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/export_panel.py" />
      <source>Mỗi dòng một nơi nhận; để trống để dùng danh sách mặc định</source>
      <translation>One recipient per line; leave empty for the default list</translation>
    </message>
    <message>
      <location filename="../../desktop/core/complaint_lifecycle.py" />
      <source>Một phản ánh không thể trùng với chính nó.</source>
      <translation>A complaint cannot duplicate itself.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/complaints/complaints.py" />
      <source>Một phần</source>
      <translation>Partly</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/door_to_door.py" />
      <source>Một số cho mỗi người, theo thứ tự: 1-5</source>
      <translation>One digit per person, in order: 1-5</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/file_dialogs.py" />
      <source>Mở</source>
      <translation>Open</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/page.py" />
      <source>Mở chế độ điểm hỗ trợ (F11)</source>
      <translation>Open booth mode (F11)</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/form.py" />
      <source>Mở hồ sơ đã có</source>
      <translation>Open the existing record</translation>
    </message>
    <message>
      <location filename="../../desktop/core/complaint_lifecycle.py" />
      <location filename="../../desktop/gui/outreach/handoffs_view.py" />
      <source>Mở lại</source>
      <translation>Reopen</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/settings_page.py" />
      <source>Mở thư mục</source>
      <translation>Open folder</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/search_box.py" />
      <source>Mở ảnh thẻ CCCD</source>
      <translation>Open a photo of the ID card</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/search_box.py" />
      <source>Mở ảnh thẻ…</source>
      <translation>Open card photo…</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <source>Mục nhật ký truy cập</source>
      <translation>Audit trail entry</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/audit_viewer.py" />
      <source>Mục số {seq}: {reason}</source>
      <translation>Entry {seq}: {reason}</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/progress_view.py" />
      <source>Mục tiêu</source>
      <translation>Target</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/page.py" />
      <location filename="../../desktop/services/reports/documents.py" />
      <source>Mục tiêu %</source>
      <translation>Target %</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/progress_view.py" />
      <source>Mục tiêu có tài khoản cho</source>
      <translation>Target with an account for</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/charts.py" />
      <source>Mục tiêu {pct}%</source>
      <translation>Target {pct}%</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/official_report.py" />
      <source>Mục tiêu: {pct}% {who} {stage} trước ngày {deadline} ({left}); hiện đạt {actual}</source>
      <translation>Target: {pct}% of {who} {stage} by {deadline} ({left}); now at {actual}</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/official_report.py" />
      <source>Mục tiêu: {pct}% {who} {stage} trước ngày {deadline}: chưa có người nào trong danh sách thuộc nhóm này.</source>
      <translation>Target: {pct}% of {who} {stage} by {deadline}: nobody on the list belongs to this group yet.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/dialogs.py" />
      <source>Mức hài lòng (1–5)</source>
      <translation>Satisfaction (1–5)</translation>
    </message>
    <message>
      <location filename="../../desktop/services/complaints/complaints.py" />
      <source>Mức hài lòng: chọn từ 1 đến 5.</source>
      <translation>Satisfaction: choose 1 to 5.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <location filename="../../desktop/gui/complaints/detail_view.py" />
      <location filename="../../desktop/gui/complaints/intake_form.py" />
      <source>Mức độ</source>
      <translation>Severity</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/importing.py" />
      <location filename="../../desktop/services/residents/residents.py" />
      <source>Mức độ sử dụng iHaNoi «{value}» không có.</source>
      <translation>There is no iHaNoi stage «{value}».</translation>
    </message>
    <message>
      <location filename="../../desktop/services/complaints/complaints.py" />
      <source>Mức độ: «{value}» không hợp lệ.</source>
      <translation>Severity: "{value}" is not valid.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/validation.py" />
      <location filename="../../desktop/core/vocab.py" />
      <location filename="../../desktop/services/residents/card.py" />
      <source>Nam</source>
      <translation>Male</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/campaigns_view.py" />
      <source>Ngoài giờ</source>
      <translation>Outside hours</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/main_window.py" />
      <location filename="../../desktop/gui/sync/page.py" />
      <source>Ngoại tuyến</source>
      <translation>Offline</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/page.py" />
      <location filename="../../desktop/services/reports/official_report.py" />
      <source>Nguyên nhân</source>
      <translation>Reason</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/page.py" />
      <location filename="../../desktop/services/reports/official_report.py" />
      <source>Nguyên nhân không thành công thường gặp</source>
      <translation>Most frequent reasons for failure</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/ward_figures_form.py" />
      <source>Nguồn số liệu</source>
      <translation>Source of the figures</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/log_views.py" />
      <location filename="../../desktop/gui/reports/page.py" />
      <location filename="../../desktop/services/reports/documents.py" />
      <source>Ngày</source>
      <translation>Date</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/export.py" />
      <location filename="../../desktop/services/residents/files.py" />
      <source>Ngày biết</source>
      <translation>Aware on</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <source>Ngày biết đến iHaNoi</source>
      <translation>Date aware of iHaNoi</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/export.py" />
      <location filename="../../desktop/services/residents/files.py" />
      <source>Ngày cài đặt</source>
      <translation>Installed on</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <source>Ngày cài đặt iHaNoi</source>
      <translation>Date iHaNoi installed</translation>
    </message>
    <message>
      <location filename="../../desktop/core/card_qr.py" />
      <source>Ngày cấp</source>
      <translation>Date of issue</translation>
    </message>
    <message>
      <location filename="../../desktop/core/card_qr.py" />
      <source>Ngày cấp trong mã QR không hợp lý.</source>
      <translation>The date of issue in the QR code is not plausible.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <source>Ngày hẹn quay lại</source>
      <translation>Date to come back</translation>
    </message>
    <message>
      <location filename="../../desktop/services/households/visits.py" />
      <source>Ngày hẹn quay lại phải sau ngày thăm ({day}).</source>
      <translation>The date to come back must be after the visit ({day}).</translation>
    </message>
    <message>
      <location filename="../../desktop/core/period.py" />
      <source>Ngày không hợp lệ: «{text}» (dùng dd/mm/yyyy)</source>
      <translation>Invalid date: «{text}» (use dd/mm/yyyy)</translation>
    </message>
    <message>
      <location filename="../../desktop/core/card_qr.py" />
      <location filename="../../desktop/core/record_labels.py" />
      <location filename="../../desktop/services/residents/card.py" />
      <source>Ngày sinh</source>
      <translation>Birth date</translation>
    </message>
    <message>
      <location filename="../../desktop/core/card_qr.py" />
      <source>Ngày sinh trong mã QR ở tương lai.</source>
      <translation>The birth date in the QR code is in the future.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/validation.py" />
      <source>Ngày sinh «{value}» không đọc được (dùng dd/mm/yyyy hoặc năm sinh).</source>
      <translation>Cannot read the birth date «{value}» (use dd/mm/yyyy or the birth year).</translation>
    </message>
    <message>
      <location filename="../../desktop/core/validation.py" />
      <location filename="../../desktop/services/residents/importing.py" />
      <source>Ngày sinh «{value}» không đọc được.</source>
      <translation>Cannot read the birth date «{value}».</translation>
    </message>
    <message>
      <location filename="../../desktop/core/validation.py" />
      <source>Ngày sinh «{value}» ở tương lai.</source>
      <translation>The birth date «{value}» is in the future.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/households/visits.py" />
      <source>Ngày thăm {day} chưa đến.</source>
      <translation>The visit date {day} has not come yet.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/export.py" />
      <location filename="../../desktop/services/residents/files.py" />
      <source>Ngày tạo tài khoản</source>
      <translation>Account created on</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <source>Ngày tạo tài khoản iHaNoi</source>
      <translation>Date iHaNoi account created</translation>
    </message>
    <message>
      <location filename="../../desktop/services/outreach/training.py" />
      <source>Ngày tập huấn</source>
      <translation>Training date</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/report.py" />
      <source>Ngày {day} nằm ngoài khoảng báo cáo được ({first} đến {last}).</source>
      <translation>The date {day} is outside the dates a report can cover ({first} to {last}).</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/stage_columns.py" />
      <source>Ngày {day} ở tương lai.</source>
      <translation>The date {day} is in the future.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/validation.py" />
      <source>Ngày «{value}» không có thật.</source>
      <translation>The date «{value}» does not exist.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/log_views.py" />
      <location filename="../../desktop/services/outreach/communications.py" />
      <source>Ngày đăng</source>
      <translation>Published on</translation>
    </message>
    <message>
      <location filename="../../desktop/services/outreach/communications.py" />
      <source>Ngày đăng {date} ở tương lai.</source>
      <translation>Publication date {date} is in the future.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <source>Ngày đến</source>
      <translation>Visit date</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/detail.py" />
      <location filename="../../desktop/gui/residents/form.py" />
      <source>Ngày/năm sinh</source>
      <translation>Birth date/year</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/preferences.py" />
      <source>Ngôn ngữ</source>
      <translation>Language</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/settings_page.py" />
      <source>Ngôn ngữ mới được dùng từ lần mở ứng dụng tiếp theo.</source>
      <translation>The new language is used from the next time the app opens.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/vocab.py" />
      <source>Người cao tuổi</source>
      <translation>Elderly people</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/audit_viewer.py" />
      <source>Người dùng</source>
      <translation>Operator</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/hook.py" />
      <location filename="../../desktop/gui/people/operators_dialog.py" />
      <source>Người dùng của máy</source>
      <translation>Operators of this computer</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/operators.py" />
      <source>Người dùng không tồn tại hoặc đã bị vô hiệu hóa.</source>
      <translation>The operator does not exist or has been deactivated.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/sign_in.py" />
      <source>Người dùng:</source>
      <translation>Operator:</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/dialogs.py" />
      <location filename="../../desktop/gui/complaints/intake_form.py" />
      <location filename="../../desktop/gui/residents/form.py" />
      <source>Người ghi nhận</source>
      <translation>Taken by</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/form.py" />
      <source>Người ghi nhận sự đồng ý</source>
      <translation>Who took the consent</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <source>Người ghi nhận đồng ý</source>
      <translation>Consent taken by</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <source>Người gặp</source>
      <translation>Met</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/door_to_door.py" />
      <source>Người gặp, ví dụ: chủ hộ, con gái</source>
      <translation>Who was met, e.g. the head, a daughter</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/door_to_door.py" />
      <source>Người gặp:</source>
      <translation>Met:</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/log_views.py" />
      <location filename="../../desktop/services/outreach/training.py" />
      <source>Người hướng dẫn</source>
      <translation>Trainer</translation>
    </message>
    <message>
      <location filename="../../desktop/core/vocab.py" />
      <source>Người lao động tại doanh nghiệp / khu công nghiệp</source>
      <translation>Workers at companies / industrial zones</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <location filename="../../desktop/gui/complaints/detail_view.py" />
      <location filename="../../desktop/gui/complaints/intake_form.py" />
      <source>Người phản ánh</source>
      <translation>Reporter</translation>
    </message>
    <message>
      <location filename="../../desktop/services/complaints/complaints.py" />
      <source>Người phản ánh: chỉ chọn một trong cư dân đã đăng ký, họ tên, hoặc ẩn danh.</source>
      <translation>Reporter: choose only one of registered resident, name, or anonymous.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/complaints/complaints.py" />
      <source>Người phản ánh: chọn một cư dân, nhập họ tên, hoặc chọn ẩn danh.</source>
      <translation>Reporter: choose a resident, type a name, or choose anonymous.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/complaints/complaints.py" />
      <source>Người phản ánh: không tìm thấy cư dân đã chọn.</source>
      <translation>Reporter: the chosen resident was not found.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/intake_form.py" />
      <source>Người phản ánh: tìm và chọn một cư dân (Enter), hoặc đổi sang «Nhập họ tên».</source>
      <translation>Reporter: search and choose a resident (Enter), or switch to "Type a name".</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/setup_wizard.py" />
      <source>Người quản trị thêm các tình nguyện viên, công an, tổ trưởng sau này. Mỗi thay đổi trên máy đều ghi tên người đang đăng nhập.</source>
      <translation>The admin adds the volunteers, police and team leads later. Every change on this computer records who is signed in.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/audit_viewer.py" />
      <source>Người thực hiện</source>
      <translation>By</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <source>Người tiếp nhận</source>
      <translation>Taken by</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/campaigns_view.py" />
      <source>Người trực</source>
      <translation>On duty</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/page.py" />
      <source>Người trực:</source>
      <translation>On duty:</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/booth.py" />
      <source>Người trực: {name}</source>
      <translation>On duty: {name}</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <source>Người đến</source>
      <translation>Visited by</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/audit_viewer.py" />
      <source>Người:</source>
      <translation>Who:</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/intake_form.py" />
      <source>Ngắn gọn, ít nhất {n} ký tự</source>
      <translation>Short, at least {n} characters</translation>
    </message>
    <message>
      <location filename="../../desktop/core/outreach_vocab.py" />
      <source>Nhà trường</source>
      <translation>School</translation>
    </message>
    <message>
      <location filename="../../desktop/core/complaint_lifecycle.py" />
      <source>Nháp</source>
      <translation>Draft</translation>
    </message>
    <message>
      <location filename="../../desktop/core/outreach_vocab.py" />
      <source>Nhóm Zalo tổ dân phố</source>
      <translation>Residential-group Zalo group</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/progress_view.py" />
      <location filename="../../desktop/services/outreach/targets.py" />
      <location filename="../../desktop/services/reports/documents.py" />
      <source>Nhóm đối tượng</source>
      <translation>Target group</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/dialogs.py" />
      <source>Nhận xét</source>
      <translation>Comment</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/import_dialog.py" />
      <source>Nhập</source>
      <translation>Import</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/import_dialog.py" />
      <source>Nhập danh sách cư dân</source>
      <translation>Import residents</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/page.py" />
      <source>Nhập danh sách từ tệp</source>
      <translation>Import a list from a file</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/conflicts_view.py" />
      <source>Nhập giá trị mới cho «{field}» (Enter để lưu)</source>
      <translation>Type the new value for «{field}» (Enter to save)</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/setup_wizard.py" />
      <source>Nhập hoặc dán danh sách tổ dân phố / thôn, mỗi dòng một tên. Có thể bổ sung sau.</source>
      <translation>Type or paste the residential groups / villages, one name per line. You can add more later.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/intake_form.py" />
      <source>Nhập họ tên</source>
      <translation>Type a name</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/backup_dialog.py" />
      <location filename="../../desktop/gui/people/sign_in.py" />
      <source>Nhập lại mật khẩu:</source>
      <translation>Repeat the password:</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/setup_wizard.py" />
      <source>Nhập lại:</source>
      <translation>Again:</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/setup.py" />
      <source>Nhập lại: </source>
      <translation>Again: </translation>
    </message>
    <message>
      <location filename="../../desktop/core/permissions.py" />
      <source>Nhập số liệu chính thức của phường</source>
      <translation>Enter the ward's official figures</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/page.py" />
      <source>Nhập từ Excel/CSV…</source>
      <translation>Import from Excel/CSV…</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/import_dialog.py" />
      <source>Nhập {n} cư dân</source>
      <translation>Import {n} residents</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/page.py" />
      <source>Nhập địa chỉ máy chủ đồng bộ (do quản trị cấp, ví dụ https://dongbo.hanoi.gov.vn) rồi bấm «Đồng bộ ngay».</source>
      <translation>Enter the sync server's address (given by your administrator, e.g. https://dongbo.hanoi.gov.vn), then press “Sync now”.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/audit_viewer.py" />
      <location filename="../../desktop/gui/people/hook.py" />
      <source>Nhật ký truy cập</source>
      <translation>Audit trail</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/privacy.py" />
      <source>Nhật ký truy cập bị sửa hoặc thiếu ở {n} mục:</source>
      <translation>The audit trail was changed or has gaps at {n} entries:</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/privacy.py" />
      <source>Nhật ký truy cập: chuỗi liền mạch ({n} mục).</source>
      <translation>Audit trail: chain intact ({n} entries).</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/audit_viewer.py" />
      <source>Nhật ký đã bị sửa hoặc thiếu ở {n} mục.</source>
      <translation>The audit trail was changed or has gaps at {n} entries.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/export_panel.py" />
      <source>Những khó khăn, vướng mắc trong kỳ…</source>
      <translation>Difficulties met in the period…</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/ward_figures_form.py" />
      <location filename="../../desktop/services/reports/indicators.py" />
      <source>Năm</source>
      <translation>Year</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/indicators.py" />
      <source>Năm phải từ {first} đến {last}.</source>
      <translation>The year must be from {first} to {last}.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <location filename="../../desktop/gui/outreach/door_to_door.py" />
      <location filename="../../desktop/gui/outreach/handoffs_view.py" />
      <source>Năm sinh</source>
      <translation>Birth year</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/importing.py" />
      <location filename="../../desktop/services/residents/residents.py" />
      <source>Năm sinh khác với năm của ngày sinh.</source>
      <translation>The birth year differs from the year of the birth date.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/validation.py" />
      <source>Năm sinh «{value}» không hợp lý.</source>
      <translation>The birth year «{value}» is not plausible.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/importing.py" />
      <source>Năm sinh «{value}» không đọc được.</source>
      <translation>Birth year «{value}» cannot be read.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <location filename="../../desktop/gui/residents/detail.py" />
      <location filename="../../desktop/gui/residents/form.py" />
      <source>Nơi làm việc / học tập</source>
      <translation>Workplace / school</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/export_panel.py" />
      <location filename="../../desktop/services/reports/pdf_report.py" />
      <location filename="../../desktop/services/reports/xlsx_report.py" />
      <source>Nơi nhận:</source>
      <translation>Recipients:</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <location filename="../../desktop/gui/complaints/intake_form.py" />
      <location filename="../../desktop/services/reports/sections.py" />
      <source>Nội dung</source>
      <translation>Item</translation>
    </message>
    <message>
      <location filename="../../desktop/services/complaints/complaints.py" />
      <source>Nội dung: cần ít nhất {n} ký tự để cơ quan hiểu rõ sự việc.</source>
      <translation>Description: at least {n} characters so the agency understands what happened.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/validation.py" />
      <location filename="../../desktop/core/vocab.py" />
      <location filename="../../desktop/services/residents/card.py" />
      <source>Nữ</source>
      <translation>Female</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/help/about.py" />
      <source>Phiên bản</source>
      <translation>Version</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <source>Phiên bản lời đồng ý</source>
      <translation>Consent wording version</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/audit.py" />
      <source>Phiếu chuyển công an</source>
      <translation>Police hand-off</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/handoffs.py" />
      <location filename="../../desktop/gui/outreach/handoffs_view.py" />
      <source>Phiếu của {name}: {state}.</source>
      <translation>Hand-off for {name}: {state}.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/outreach/handoffs.py" />
      <source>Phiếu này đã đóng («{state}»): mở lại trước khi đổi.</source>
      <translation>This hand-off is closed («{state}»): reopen it before changing it.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/outreach/handoffs.py" />
      <source>Phiếu này đã ở trạng thái «{state}».</source>
      <translation>This hand-off is already «{state}».</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/help/help_dialog.py" />
      <source>Phím</source>
      <translation>Keys</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/booth.py" />
      <source>Phím 1–5: đánh dấu bước (lưu ngay) · Enter: sang kết quả · Esc: quay lại tìm kiếm</source>
      <translation>Keys 1–5: tick a step (saved at once) · Enter: to the outcome · Esc: back to search</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/help/help_dialog.py" />
      <source>Phím tắt</source>
      <translation>Keyboard shortcuts</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/settings_page.py" />
      <source>Phím tắt: Ctrl+Cộng, Ctrl+Trừ, Ctrl+0 (ở bất kỳ trang nào).</source>
      <translation>Shortcuts: Ctrl+Plus, Ctrl+Minus, Ctrl+0 (on any page).</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/cross_ward_view.py" />
      <source>Phường khác</source>
      <translation>Other ward</translation>
    </message>
    <message>
      <location filename="../../desktop/services/sync/cross_ward.py" />
      <source>Phường kia đã đánh dấu chuyển đi</source>
      <translation>The other ward marked it as moved away</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/setup_wizard.py" />
      <source>Phường/xã: {ward}, {province}
Tổ CĐS: {team}
Số tổ dân phố / thôn: {n}
Quản trị: {admin}</source>
      <translation>Ward/commune: {ward}, {province}
Team: {team}
Residential groups / villages: {n}
Administrator: {admin}</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/operators.py" />
      <source>Phải còn ít nhất một người quản trị đang hoạt động.</source>
      <translation>At least one active admin must remain.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <location filename="../../desktop/gui/pages.py" />
      <location filename="../../desktop/gui/people/audit_viewer.py" />
      <source>Phản ánh</source>
      <translation>Complaints</translation>
    </message>
    <message>
      <location filename="../../desktop/core/complaint_reply.py" />
      <source>Phản ánh hiện trường cần ảnh chụp sau khi xử lý: thêm ảnh, hoặc ghi rõ vì sao không có ảnh (ít nhất {n} ký tự).</source>
      <translation>An on-site complaint needs a photo taken after handling: add one, or write why there is none (at least {n} characters).</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/intake_form.py" />
      <source>Phản ánh mới sẽ được ghi nhận là trùng với {code}. (Ctrl+D lần nữa để bỏ)</source>
      <translation>The new complaint will be recorded as a duplicate of {code}. (Ctrl+D again to undo)</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/page.py" />
      <source>Phản ánh theo trạng thái</source>
      <translation>Complaints by status</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/page.py" />
      <source>Phản ánh tiếp nhận đúng hạn: &lt;b&gt;{a}&lt;/b&gt;, xử lý đúng hạn: &lt;b&gt;{b}&lt;/b&gt;</source>
      <translation>Complaints accepted on time: &lt;b&gt;{a}&lt;/b&gt;, handled on time: &lt;b&gt;{b}&lt;/b&gt;</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/help/topics.py" />
      <source>Phản ánh, kiến nghị</source>
      <translation>Complaints and petitions</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/xlsx_rows.py" />
      <source>Phần {part} của tệp</source>
      <translation>The part {part} of the file</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/xlsx_rows.py" />
      <source>Phần {part} của tệp ({size})</source>
      <translation>The part {part} of the file ({size})</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/xlsx_rows.py" />
      <source>Phần {part} của tệp có khai báo DOCTYPE/ENTITY: tệp Excel thật không có, tệp bị từ chối.</source>
      <translation>The part {part} of the file declares a DOCTYPE/ENTITY, which real Excel files never do: the file is refused.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/xlsx_rows.py" />
      <source>Phần {part} của tệp có nội dung XML hỏng (dòng {line}, cột {column} của phần đó).</source>
      <translation>The part {part} of the file has broken XML (line {line}, column {column} of that part).</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/xlsx_rows.py" />
      <source>Phần {part} của tệp lồng nhau quá {n} cấp; tệp bị từ chối.</source>
      <translation>The part {part} of the file is nested more than {n} levels deep; the file is refused.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/xlsx_rows.py" />
      <source>Phần đầu trang tính (trước dữ liệu)</source>
      <translation>The head of the sheet (before its rows)</translation>
    </message>
    <message>
      <location filename="../../desktop/core/complaint_catalogue.py" />
      <source>Phức tạp</source>
      <translation>Complex</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/help/about.py" />
      <source>Python {python}, Qt {qt}, PySide6 {pyside}</source>
      <translation>Python {python}, Qt {qt}, PySide6 {pyside}</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/complaints.py" />
      <source>QUÁ HẠN</source>
      <translation>OVERDUE</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/detail_view.py" />
      <source>QUÁ HẠN {what}: hạn {due}</source>
      <translation>OVERDUE for {what}: due {due}</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/intake_form.py" />
      <source>Quyền riêng tư</source>
      <translation>Privacy</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/list_model.py" />
      <source>Quá hạn</source>
      <translation>Overdue</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/list_model.py" />
      <source>Quá hạn tiếp nhận</source>
      <translation>Acceptance overdue</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/list_model.py" />
      <source>Quá hạn xử lý</source>
      <translation>Handling overdue</translation>
    </message>
    <message>
      <location filename="../../desktop/core/formatting.py" />
      <source>Quá hạn {n} ngày</source>
      <translation>{n} days overdue</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/booth.py" />
      <source>Quét mã QR trên thẻ CCCD, hoặc gõ tên, 4 số cuối điện thoại, CCCD rồi Enter · F2: đăng ký cư dân mới · Ctrl+W: thoát chế độ điểm hỗ trợ</source>
      <translation>Scan the QR code on the ID card, or type a name, the last 4 digits of a phone or an ID number, then Enter · F2: register a new resident · Ctrl+W: leave booth mode</translation>
    </message>
    <message>
      <location filename="../../desktop/core/outreach_vocab.py" />
      <source>Quên mật khẩu VNeID</source>
      <translation>Forgot VNeID password</translation>
    </message>
    <message>
      <location filename="../../desktop/core/permissions.py" />
      <location filename="../../desktop/services/people/audit.py" />
      <source>Quản lý người dùng</source>
      <translation>Manage operators</translation>
    </message>
    <message>
      <location filename="../../desktop/core/permissions.py" />
      <source>Quản trị</source>
      <translation>Admin</translation>
    </message>
    <message>
      <location filename="../../desktop/core/complaint_lifecycle.py" />
      <source>Rút</source>
      <translation>Withdrawn</translation>
    </message>
    <message>
      <location filename="../../desktop/core/complaint_lifecycle.py" />
      <source>Rút phản ánh</source>
      <translation>Withdraw</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/export.py" />
      <location filename="../../desktop/services/residents/files.py" />
      <source>STT</source>
      <translation>No.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/audit.py" />
      <source>Sao lưu</source>
      <translation>Backup</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/backup_dialog.py" />
      <source>Sao lưu ngay</source>
      <translation>Back up now</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/backup_dialog.py" />
      <source>Sao lưu tự động hằng ngày</source>
      <translation>Daily automatic backup</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/backup_dialog.py" />
      <location filename="../../desktop/gui/people/hook.py" />
      <source>Sao lưu và khôi phục</source>
      <translation>Backup and restore</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/quarantine_view.py" />
      <source>Sẽ gửi lại ở lần đồng bộ tới.</source>
      <translation>It will be sent again with the next sync.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/quarantine_view.py" />
      <source>Sẽ lấy lại bản ghi này từ máy chủ ở lần đồng bộ tới.</source>
      <translation>This record will be fetched from the server again at the next sync.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/import_dialog.py" />
      <source>Sẽ tạo {n} hộ mới.</source>
      <translation>{n} new households will be made.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/settings_page.py" />
      <source>Số &amp;bản sao lưu giữ lại:</source>
      <translation>&amp;Backups to keep:</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <location filename="../../desktop/gui/residents/detail.py" />
      <location filename="../../desktop/gui/residents/form.py" />
      <source>Số CCCD</source>
      <translation>CCCD number</translation>
    </message>
    <message>
      <location filename="../../desktop/core/validation.py" />
      <source>Số CCCD ghi giới tính {cccd_sex}, khác với giới tính đã nhập.</source>
      <translation>The CCCD says the sex is {cccd_sex}, unlike the sex entered.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/validation.py" />
      <source>Số CCCD ghi năm sinh {year}, khác với năm sinh đã nhập ({entered}).</source>
      <translation>The CCCD says the birth year is {year}, unlike the one entered ({entered}).</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/residents.py" />
      <source>Số CCCD này đã có trong danh sách: {who}.</source>
      <translation>This CCCD is already registered: {who}.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/validation.py" />
      <source>Số CCCD phải gồm đúng 12 chữ số.</source>
      <translation>A CCCD number has exactly 12 digits.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/form.py" />
      <source>Số CCCD trên thẻ không đúng quy tắc. Nếu số đúng như in trên thẻ, bấm «Đúng như trên thẻ».</source>
      <translation>The ID number on the card breaks the numbering rules. If it is exactly as printed on the card, press «As on the card».</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/form.py" />
      <source>Số CCCD trên thẻ không đúng quy tắc: {reason} Hãy xem lại thẻ. Nếu số đúng như in trên thẻ, bấm «Đúng như trên thẻ».</source>
      <translation>The ID number on the card breaks the numbering rules: {reason} Check the card. If the number is exactly as printed on the card, press «As on the card».</translation>
    </message>
    <message>
      <location filename="../../desktop/sync/conflicts.py" />
      <source>Số CCCD {cccd} đã là của một cư dân khác.</source>
      <translation>CCCD {cccd} already belongs to another resident.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <location filename="../../desktop/services/residents/export.py" />
      <location filename="../../desktop/services/residents/files.py" />
      <source>Số CMND</source>
      <translation>CMND number</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/detail.py" />
      <location filename="../../desktop/gui/residents/form.py" />
      <location filename="../../desktop/services/residents/card.py" />
      <source>Số CMND cũ</source>
      <translation>Old CMND number</translation>
    </message>
    <message>
      <location filename="../../desktop/core/card_qr.py" />
      <source>Số CMND cũ trong mã QR không đúng dạng (9 chữ số).</source>
      <translation>The old CMND number in the QR code is malformed (9 digits).</translation>
    </message>
    <message>
      <location filename="../../desktop/core/validation.py" />
      <source>Số CMND phải gồm đúng 9 chữ số.</source>
      <translation>A CMND number has exactly 9 digits.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/export_panel.py" />
      <source>Số báo cáo:</source>
      <translation>Report number:</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/preferences.py" />
      <source>Số bản sao lưu giữ lại</source>
      <translation>Backups to keep</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/xlsx_rows.py" />
      <source>Số chuỗi dùng chung (sharedStrings.xml)</source>
      <translation>The number of shared strings (sharedStrings.xml)</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/indicators.py" />
      <source>Số cán bộ có tài khoản ({done}) lớn hơn số cán bộ, công chức của phường ({officials}): không tính tỷ lệ.</source>
      <translation>Officials with an account ({done}) outnumber the ward's officials ({officials}): no share computed.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/ward_figures_form.py" />
      <location filename="../../desktop/services/reports/indicators.py" />
      <source>Số cán bộ, công chức, viên chức</source>
      <translation>Officials, civil servants and public employees</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/documents.py" />
      <location filename="../../desktop/services/reports/official_report.py" />
      <source>Số cư dân</source>
      <translation>Residents</translation>
    </message>
    <message>
      <location filename="../../desktop/services/setup/demo_data.py" />
      <source>Số cư dân mẫu phải từ 0 đến {n}.</source>
      <translation>The number of demo residents must be from 0 to {n}.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <location filename="../../desktop/gui/reports/ward_figures_form.py" />
      <location filename="../../desktop/services/residents/files.py" />
      <source>Số hộ</source>
      <translation>Households</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/ward_figures_form.py" />
      <location filename="../../desktop/services/reports/indicators.py" />
      <source>Số hộ gia đình</source>
      <translation>Households</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/documents.py" />
      <source>Số hộ gia đình (số liệu chính thức)</source>
      <translation>Households (official figure)</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/documents.py" />
      <source>Số hộ đã phủ kín (mọi thành viên có tài khoản)</source>
      <translation>Households fully covered (every member has an account)</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/indicators.py" />
      <source>Số hộ đã phủ kín: chưa có số liệu (chưa có danh sách hộ, hoặc kỳ báo cáo đã qua).</source>
      <translation>Households fully covered: no figure yet (no household list, or the period is past).</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/documents.py" />
      <source>Số liệu</source>
      <translation>Figure</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/audit.py" />
      <source>Số liệu chính thức của phường</source>
      <translation>The ward's official figures</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/ward_figures_form.py" />
      <source>Số liệu chính thức của phường (mẫu số của các chỉ tiêu thành phố)</source>
      <translation>The ward's official figures (denominators of the city's indicators)</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/documents.py" />
      <source>Số liệu chính thức năm {year}{source}.</source>
      <translation>Official figures of {year}{source}.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/page.py" />
      <source>Số liệu của phường</source>
      <translation>Ward figures</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/complaints_report.py" />
      <source>Số liệu tính đến hết kỳ báo cáo: trạng thái, thời hạn và đánh giá của mỗi phản ánh như tại thời điểm đó.</source>
      <translation>Figures as at the end of the reporting period: each complaint's status, deadlines and ratings as they stood then.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/page.py" />
      <source>Số liệu từ {start} đến {end}.</source>
      <translation>Figures from {start} to {end}.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/sections.py" />
      <source>Số lượng</source>
      <translation>Count</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/page.py" />
      <location filename="../../desktop/services/reports/official_report.py" />
      <source>Số lượt</source>
      <translation>Sessions</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/documents.py" />
      <source>Số lớp</source>
      <translation>Classes</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/handoffs_view.py" />
      <source>Số ngày</source>
      <translation>Days</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/documents.py" />
      <source>Số người còn phải vận động</source>
      <translation>People still to reach</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/indicators.py" />
      <source>Số người có điện thoại thông minh ({owners}) không thể lớn hơn dân số từ 15 tuổi ({population}).</source>
      <translation>Smartphone owners ({owners}) cannot outnumber the population aged 15+ ({population}).</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/log_views.py" />
      <source>Số người dự</source>
      <translation>Attendance</translation>
    </message>
    <message>
      <location filename="../../desktop/services/outreach/training.py" />
      <source>Số người dự không được âm.</source>
      <translation>Attendance cannot be negative.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/outreach/training.py" />
      <source>Số người dự phải là số nguyên.</source>
      <translation>Attendance must be a whole number.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/documents.py" />
      <source>Số người được tập huấn</source>
      <translation>People trained</translation>
    </message>
    <message>
      <location filename="../../desktop/services/sync/labels.py" />
      <source>Số phiên bản của thay đổi không hợp lệ.</source>
      <translation>The change's version numbers are not valid.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/page.py" />
      <source>Số phản ánh</source>
      <translation>Complaints</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/indicators.py" />
      <source>Số tài khoản ({accounts}) lớn hơn dân số từ 15 tuổi ({population}): không tính tỷ lệ.</source>
      <translation>Accounts ({accounts}) outnumber the population aged 15+ ({population}): no share computed.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/indicators.py" />
      <source>Số tài khoản ({accounts}) lớn hơn số người có điện thoại thông minh ({owners}): không tính tỷ lệ.</source>
      <translation>Accounts ({accounts}) outnumber smartphone owners ({owners}): no share computed.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/xlsx_rows.py" />
      <source>Số tệp bên trong tệp nén ({n})</source>
      <translation>The number of files inside the zip ({n})</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/xlsx_rows.py" />
      <source>Số {what} trong styles.xml</source>
      <translation>The number of {what} in styles.xml</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/page.py" />
      <source>Số ý kiến</source>
      <translation>Responses</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <location filename="../../desktop/gui/complaints/intake_form.py" />
      <location filename="../../desktop/gui/outreach/page.py" />
      <source>Số điện thoại</source>
      <translation>Phone number</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <source>Số điện thoại người phản ánh</source>
      <translation>Reporter's phone</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/residents.py" />
      <source>Số điện thoại này đã có trong danh sách: {who}.</source>
      <translation>This phone number is already registered: {who}.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/outreach_vocab.py" />
      <source>Số điện thoại trên VNeID không đúng</source>
      <translation>Wrong phone number on VNeID</translation>
    </message>
    <message>
      <location filename="../../desktop/services/outreach/shift.py" />
      <source>Số điện thoại tình nguyện viên: {error}</source>
      <translation>Volunteer's phone: {error}</translation>
    </message>
    <message>
      <location filename="../../desktop/core/validation.py" />
      <source>Số điện thoại «{value}» không phải số di động Việt Nam hợp lệ.</source>
      <translation>The phone number «{value}» is not a valid Vietnamese mobile number.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/validation.py" />
      <source>Số điện thoại «{value}» không phải số di động Việt Nam.</source>
      <translation>The phone number «{value}» is not a Vietnamese mobile number.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/validation.py" />
      <source>Số điện thoại «{value}» không đúng dạng.</source>
      <translation>The phone number «{value}» is malformed.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/complaints/complaints.py" />
      <source>Số điện thoại: «{value}» không phải số di động Việt Nam hợp lệ.</source>
      <translation>Phone number: "{value}" is not a valid Vietnamese mobile number.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/official_report.py" />
      <source>Số: {number}/BC-TCĐS</source>
      <translation>No.: {number}/BC-TCĐS</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/audit.py" />
      <source>Sửa</source>
      <translation>Edit</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/detail.py" />
      <source>Sửa (F2)</source>
      <translation>Edit (F2)</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/door_to_door.py" />
      <source>Sửa hộ…</source>
      <translation>Edit household…</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/duplicates_view.py" />
      <source>Sửa số CCCD</source>
      <translation>Correct the CCCD</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/card_compare.py" />
      <source>Sửa theo thẻ (Enter)</source>
      <translation>Correct from the card (Enter)</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/form.py" />
      <source>Sửa thông tin cư dân</source>
      <translation>Edit resident</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/audit_viewer.py" />
      <source>Sự kiện</source>
      <translation>Event</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/audit_viewer.py" />
      <source>Sự kiện:</source>
      <translation>Event:</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/intake_form.py" />
      <source>Sự việc, từ khi nào, ảnh hưởng ra sao (ít nhất {n} ký tự)</source>
      <translation>What happened, since when, how it affects people (at least {n} characters)</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/documents.py" />
      <location filename="../../desktop/services/reports/official_report.py" />
      <location filename="../../desktop/services/reports/sections.py" />
      <source>TT</source>
      <translation>No.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/page.py" />
      <source>Thay đổi chờ gửi</source>
      <translation>Changes waiting</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/setup.py" />
      <source>Thay đổi chờ đồng bộ: {n}</source>
      <translation>Changes waiting to sync: {n}</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/settings_page.py" />
      <source>Theo hệ thống (biến LANG)</source>
      <translation>From the system (LANG variable)</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/documents.py" />
      <source>Theo lớp</source>
      <translation>By class</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/documents.py" />
      <location filename="../../desktop/services/reports/official_report.py" />
      <source>Theo nhóm đối tượng</source>
      <translation>By target group</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/sections.py" />
      <source>Theo trạng thái</source>
      <translation>By status</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/official_report.py" />
      <source>Theo tổ dân phố / thôn</source>
      <translation>By residential group / village</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/official_report.py" />
      <source>Theo đợt ra quân / điểm hỗ trợ</source>
      <translation>By campaign / booth</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/page.py" />
      <source>Thiết bị</source>
      <translation>Device</translation>
    </message>
    <message>
      <location filename="../../desktop/services/sync/service.py" />
      <source>Thiết bị chưa được đăng ký hoặc đã bị thu hồi: nhập mã đăng ký mới.</source>
      <translation>This device is not enrolled or was revoked: enter a new enrolment code.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/sync/cross_ward.py" />
      <location filename="../../desktop/services/sync/service.py" />
      <source>Thiết bị chưa được đăng ký với máy chủ: nhập mã đăng ký do quản trị cấp.</source>
      <translation>This device is not enrolled with the server: enter the enrolment code from the administrator.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/setup_wizard.py" />
      <source>Thiết lập lần đầu — Tổ CĐS Desktop</source>
      <translation>First-run setup — Tổ CĐS Desktop</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/setup.py" />
      <source>Thiếu mật khẩu người quản trị: đặt biến môi trường {name} hoặc đưa vào stdin.</source>
      <translation>The admin's password is missing: set the environment variable {name} or give it on stdin.</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/access.py" />
      <source>Thiếu mật khẩu: đặt biến môi trường {name} hoặc chạy lệnh trong cửa sổ dòng lệnh.</source>
      <translation>Passphrase missing: set the environment variable {name} or run the command in a terminal.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/outreach/campaigns.py" />
      <source>Thiếu thời gian bắt đầu hoặc kết thúc.</source>
      <translation>The start or end time is missing.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <source>Thiếu «{field}».</source>
      <translation>“{field}” is missing.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/main_window.py" />
      <source>Thoát</source>
      <translation>Quit</translation>
    </message>
    <message>
      <location filename="../../desktop/core/outreach_vocab.py" />
      <location filename="../../desktop/gui/outreach/campaigns_view.py" />
      <location filename="../../desktop/gui/reports/page.py" />
      <source>Thành công</source>
      <translation>Successful</translation>
    </message>
    <message>
      <location filename="../../desktop/core/outreach_vocab.py" />
      <location filename="../../desktop/gui/outreach/booth.py" />
      <source>Thành công một phần</source>
      <translation>Partly successful</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/booth.py" />
      <source>Thành công: đã có tài khoản iHaNoi</source>
      <translation>Successful: the iHaNoi account exists</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/help/about.py" />
      <source>Thành phần</source>
      <translation>Component</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/help/about.py" />
      <source>Thành phần đi kèm và giấy phép:</source>
      <translation>Bundled components and their licences:</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/door_to_door.py" />
      <location filename="../../desktop/gui/residents/household_dialog.py" />
      <source>Thành viên</source>
      <translation>Member</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/page.py" />
      <source>Tháng này</source>
      <translation>This month</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/page.py" />
      <source>Thêm</source>
      <translation>Add</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/log_views.py" />
      <source>Thêm lớp (Enter)</source>
      <translation>Add class (Enter)</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/operators_dialog.py" />
      <source>Thêm người dùng</source>
      <translation>Add operator</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/campaigns_view.py" />
      <source>Thêm đợt (Enter)</source>
      <translation>Add campaign (Enter)</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/detail_view.py" />
      <source>Thêm ảnh/video…</source>
      <translation>Add photos/videos…</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/intake_form.py" />
      <source>Thêm ảnh/video… (Ctrl+O)</source>
      <translation>Add photos/videos… (Ctrl+O)</translation>
    </message>
    <message>
      <location filename="../../desktop/core/vocab.py" />
      <source>Thôn</source>
      <translation>Village</translation>
    </message>
    <message>
      <location filename="../../desktop/core/complaint_catalogue.py" />
      <source>Thông thường</source>
      <translation>Normal</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/form.py" />
      <source>Thông tin chưa khớp nhau, hãy kiểm tra lại. Nếu đúng, bấm «Vẫn lưu».</source>
      <translation>The details disagree; please check them. If they are right, press «Save anyway».</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/settings_page.py" />
      <source>Thư mục &amp;dữ liệu:</source>
      <translation>&amp;Data folder:</translation>
    </message>
    <message>
      <location filename="../../desktop/services/setup/demo_data.py" />
      <source>Thư mục dữ liệu này đã có cư dân: dữ liệu mẫu chỉ tạo trên một phường mới thiết lập.</source>
      <translation>This data folder already has residents: demo data is only built on a freshly set-up ward.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/setup/ward_setup.py" />
      <source>Thư mục dữ liệu này đã thuộc {name} ({code}); không đổi được sang phường/xã khác.</source>
      <translation>This data folder already belongs to {name} ({code}); it cannot be moved to another ward.</translation>
    </message>
    <message>
      <location filename="../../desktop/store/errors.py" />
      <source>Thư mục dữ liệu {path} nằm trên ổ mạng ({kind}). Cơ sở dữ liệu không an toàn trên ổ mạng: khi mạng chập chờn hoặc hai máy cùng mở, dữ liệu có thể bị hỏng. Hãy chọn một thư mục trên ổ đĩa của chính máy này (ví dụ trong C:\Users) bằng --data-dir hoặc biến TOCDS_DATA_DIR; muốn giữ một bản trên ổ mạng thì hãy chép bản sao lưu (.tocdsbak) vào đó.</source>
      <translation>The data folder {path} is on a network drive ({kind}). The database is not safe on a network drive: when the network drops or two computers open it, the data can be damaged. Choose a folder on this computer's own disk (for example under C:\Users) with --data-dir or the TOCDS_DATA_DIR variable; to keep a copy on the network drive, copy a backup (.tocdsbak) there.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/restore.py" />
      <source>Thư mục dữ liệu {path} đang được mở bởi {holder}. Hãy đóng ứng dụng rồi khôi phục lại; không có gì bị thay đổi.</source>
      <translation>The data folder {path} is open in {holder}. Close the app, then restore again; nothing was changed.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/app_lock.py" />
      <source>Thư mục dữ liệu {path} đang được mở bởi {holder}. Mỗi thư mục dữ liệu chỉ mở được bằng một ứng dụng một lúc: hãy dùng cửa sổ đang mở (hoặc đóng nó) rồi mở lại.</source>
      <translation>The data folder {path} is open in {holder}. A data folder can be open in only one app at a time: use the window that is open (or close it), then open again.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/help/about.py" />
      <source>Thư mục dữ liệu: {path}</source>
      <translation>Data folder: {path}</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/restore.py" />
      <source>Thư mục {path} đã có dữ liệu. Hãy khôi phục vào một thư mục trống, hoặc chọn thay thế dữ liệu hiện có.</source>
      <translation>The folder {path} already holds data. Restore into an empty folder, or choose to replace the current data.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/official_report.py" />
      <source>Thường trực Đảng ủy, HĐND, UBND phường (để báo cáo);</source>
      <translation>Standing committees of the ward Party committee, People's Council and People's Committee (for information);</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/card_compare.py" />
      <source>Thẻ CCCD khác hồ sơ</source>
      <translation>The CCCD card differs from the record</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/residents.py" />
      <source>Thẻ CCCD này chưa có trong danh sách cư dân: hãy đăng ký mới.</source>
      <translation>This ID card is not in the resident list yet: register the resident.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/page.py" />
      <source>Thẻ này chưa có trong danh sách: đã mở đăng ký mới theo thẻ.</source>
      <translation>This card is not in the list yet: a new registration from the card is open.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/log_views.py" />
      <source>Thời gian</source>
      <translation>Time</translation>
    </message>
    <message>
      <location filename="../../desktop/services/outreach/campaigns.py" />
      <source>Thời gian kết thúc phải sau thời gian bắt đầu.</source>
      <translation>The end must be after the start.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/complaints_report.py" />
      <source>Thời gian xử lý bình quân tính trên mọi lần xử lý (từ khi ghi nhận, hoặc từ khi mở lại, đến khi xử lý xong), kể cả lần xử lý trước khi phản ánh bị mở lại: {n} lần xử lý, trong đó {reopened} phản ánh đã bị mở lại.</source>
      <translation>The average handling time counts every handling (from recording, or from reopening, to handled), including handlings before a complaint was reopened: {n} handlings; {reopened} complaints were reopened.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/audit_viewer.py" />
      <source>Thời điểm</source>
      <translation>Time</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <location filename="../../desktop/gui/complaints/intake_form.py" />
      <source>Thời điểm xảy ra</source>
      <translation>When it happened</translation>
    </message>
    <message>
      <location filename="../../desktop/services/complaints/complaints.py" />
      <source>Thời điểm xảy ra: không được ở tương lai.</source>
      <translation>When it happened: cannot be in the future.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <source>Thời điểm đồng ý</source>
      <translation>Consent given at</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <source>Thứ tự</source>
      <translation>Order</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/quarantine_view.py" />
      <source>Thử gửi lại (sau khi đã sửa)</source>
      <translation>Send again (after fixing)</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/official_report.py" />
      <source>Tin gần nhất đăng ngày {day}, cách {n} ngày.</source>
      <translation>Latest item published on {day}, {n} days ago.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <source>Tin truyền thông</source>
      <translation>Communication item</translation>
    </message>
    <message>
      <location filename="../../desktop/services/outreach/communications.py" />
      <source>Tin truyền thông gần nhất: {date} ({days} ngày trước).</source>
      <translation>Last published item: {date} ({days} days ago).</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/page.py" />
      <source>Tin truyền thông gần nhất: {day} ({n} ngày trước)</source>
      <translation>Latest news item: {day} ({n} days ago)</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <location filename="../../desktop/gui/complaints/intake_form.py" />
      <location filename="../../desktop/gui/complaints/list_model.py" />
      <source>Tiêu đề</source>
      <translation>Title</translation>
    </message>
    <message>
      <location filename="../../desktop/services/outreach/communications.py" />
      <source>Tiêu đề tin</source>
      <translation>Item title</translation>
    </message>
    <message>
      <location filename="../../desktop/services/complaints/complaints.py" />
      <source>Tiêu đề: cần ít nhất {n} ký tự.</source>
      <translation>Title: at least {n} characters.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/page.py" />
      <source>Tiến độ cài đặt</source>
      <translation>Adoption progress</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/page.py" />
      <source>Tiến độ theo nhóm đối tượng (%)</source>
      <translation>Progress by target group (%)</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/page.py" />
      <source>Tiến độ theo tổ dân phố / thôn (%)</source>
      <translation>Progress by residential group / village (%)</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/documents.py" />
      <source>Tiến độ triển khai ứng dụng Công dân Thủ đô số (iHaNoi)</source>
      <translation>Progress of deploying the Digital Capital Citizen app (iHaNoi)</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/page.py" />
      <source>Tiến độ và mục tiêu</source>
      <translation>Progress and targets</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/setup_wizard.py" />
      <source>Tiếp &gt;</source>
      <translation>Next &gt;</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/sections.py" />
      <source>Tiếp nhận đúng hạn {on_time}/{decided} ({pct}); xử lý đúng hạn {h_on_time}/{h_decided} ({h_pct}). Thời gian xử lý bình quân: {hours}.</source>
      <translation>Accepted on time {on_time}/{decided} ({pct}); handled on time {h_on_time}/{h_decided} ({h_pct}). Average handling time: {hours}.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/documents.py" />
      <source>Tiếp nhận, xử lý phản ánh, kiến nghị của cư dân</source>
      <translation>Receiving and handling residents' complaints</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/figures.py" />
      <location filename="../../desktop/services/reports/indicators.py" />
      <source>Toàn bộ cư dân</source>
      <translation>All residents</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/progress_view.py" />
      <source>Toàn phường: {n} cư dân · {a} đã biết · {i} đã cài · {acc} có tài khoản ({p})</source>
      <translation>Whole ward: {n} residents · {a} aware · {i} installed · {acc} with an account ({p})</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/intake_form.py" />
      <source>Toạ độ</source>
      <translation>Coordinates</translation>
    </message>
    <message>
      <location filename="../../desktop/services/complaints/complaints.py" />
      <source>Toạ độ: ({lat}, {lon}) nằm ngoài Việt Nam.</source>
      <translation>Coordinates: ({lat}, {lon}) are outside Vietnam.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/complaints/complaints.py" />
      <source>Toạ độ: cần cả vĩ độ và kinh độ.</source>
      <translation>Coordinates: both latitude and longitude are needed.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/outreach_vocab.py" />
      <source>Trang Facebook phường</source>
      <translation>Ward Facebook page</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/xlsx_rows.py" />
      <source>Trang tính bị cắt cụt: thiếu phần kết thúc dữ liệu (sau dòng {row}).</source>
      <translation>The sheet is cut short: the end of its rows is missing (after row {row}).</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/xlsx_rows.py" />
      <source>Trang tính có dòng đánh số «{r}» (sau dòng {previous}): số dòng phải tăng dần từ 1 đến 1.048.576.</source>
      <translation>The sheet has a row numbered «{r}» (after row {previous}): row numbers must rise from 1 to 1,048,576.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/xlsx_rows.py" />
      <source>Trang tính có nội dung XML hỏng ở dòng {row} (tệp có thể bị hỏng hoặc bị sửa).</source>
      <translation>The sheet has broken XML at row {row} (the file may be damaged or tampered with).</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/xlsx_rows.py" />
      <source>Trang tính không có phần tử worksheet.</source>
      <translation>The sheet has no worksheet element.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/main_window.py" />
      <source>Trang «{title}» chưa được xây dựng trong phiên bản này.</source>
      <translation>The «{title}» page is not built yet in this version.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/card_compare.py" />
      <source>Trong hồ sơ</source>
      <translation>In the record</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/documents.py" />
      <source>Trong kỳ chưa có lớp tập huấn.</source>
      <translation>No training class in the period.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/sections.py" />
      <source>Trong kỳ đã ghi nhận {n} phản ánh, kiến nghị; đến hết kỳ có {overdue} phản ánh quá hạn.</source>
      <translation>{n} complaints were recorded in the period; {overdue} were overdue at its end.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/official_report.py" />
      <source>Trong kỳ đã đăng {n} tin, bài.</source>
      <translation>{n} items were published in the period.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/official_report.py" />
      <source>Trong kỳ, tổ đã hỗ trợ {total} lượt; thành công {ok} lượt, thành công một phần {partial} lượt, không thành công {failed} lượt, đang hỗ trợ {ongoing} lượt. Tỷ lệ thành công: {rate}.</source>
      <translation>In the period the team held {total} help sessions: {ok} successful, {partial} partly successful, {failed} unsuccessful, {ongoing} still going. Success rate: {rate}.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/official_report.py" />
      <source>Trong kỳ: thêm {know} người biết đến, {installed} người cài đặt, {account} người tạo tài khoản.</source>
      <translation>In the period: {know} more people aware, {installed} installed, {account} created an account.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/page.py" />
      <source>Trong kỳ: {total} lượt hỗ trợ; thành công {ok}, một phần {partial}, không thành công {failed}, đang hỗ trợ {ongoing}. Tỷ lệ thành công (trên lượt đã kết thúc): {rate}.</source>
      <translation>In the period: {total} help sessions; {ok} successful, {partial} partly, {failed} unsuccessful, {ongoing} still going. Success rate (of finished sessions): {rate}.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/page.py" />
      <source>Trong kỳ: {total} phản ánh; quá hạn đến hết kỳ: {overdue}. Tiếp nhận đúng hạn {a_ok}/{a_all} ({a_pct}); xử lý đúng hạn {h_ok}/{h_all} ({h_pct}). Điểm hài lòng bình quân: {avg}.</source>
      <translation>In the period: {total} complaints; overdue at its end: {overdue}. Accepted on time {a_ok}/{a_all} ({a_pct}); handled on time {h_ok}/{h_all} ({h_pct}). Average satisfaction: {avg}.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/ward_figures_form.py" />
      <location filename="../../desktop/services/reports/documents.py" />
      <location filename="../../desktop/services/reports/indicators.py" />
      <source>Trong đó có điện thoại thông minh</source>
      <translation>Of whom smartphone owners</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/documents.py" />
      <source>Trong đó ngoài giờ hành chính, thứ Bảy, Chủ nhật</source>
      <translation>Of which outside office hours, Saturdays and Sundays</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/documents.py" />
      <source>Trong đó đã có tài khoản</source>
      <translation>Of whom with an account</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/page.py" />
      <source>Truyền thông</source>
      <translation>Communications</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/conflicts_view.py" />
      <source>Trên máy chủ</source>
      <translation>On the server</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/duplicates_view.py" />
      <source>Trên máy này</source>
      <translation>On this laptop</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/card_compare.py" />
      <source>Trên thẻ</source>
      <translation>On the card</translation>
    </message>
    <message>
      <location filename="../../desktop/core/complaint_lifecycle.py" />
      <source>Trùng</source>
      <translation>Duplicate</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/import_dialog.py" />
      <source>Trùng lặp</source>
      <translation>Duplicate</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/detail_view.py" />
      <location filename="../../desktop/gui/complaints/dialogs.py" />
      <source>Trùng với</source>
      <translation>Duplicate of</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/import_dialog.py" />
      <source>Trùng với dòng {row} ({kind}).</source>
      <translation>Repeats row {row} ({kind}).</translation>
    </message>
    <message>
      <location filename="../../desktop/services/complaints/complaints.py" />
      <source>Trùng với: không tìm thấy phản ánh đã chọn.</source>
      <translation>Duplicate of: the chosen complaint was not found.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/card_compare.py" />
      <location filename="../../desktop/gui/residents/import_dialog.py" />
      <location filename="../../desktop/gui/sync/conflicts_view.py" />
      <source>Trường</source>
      <translation>Field</translation>
    </message>
    <message>
      <location filename="../../desktop/core/outreach_vocab.py" />
      <source>Trường học</source>
      <translation>School</translation>
    </message>
    <message>
      <location filename="../../desktop/core/card_qr.py" />
      <source>Trường đầu của mã QR không phải số CCCD 12 chữ số.</source>
      <translation>The QR code's first field is not a 12-digit CCCD number.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <location filename="../../desktop/gui/complaints/list_model.py" />
      <location filename="../../desktop/gui/outreach/handoffs_view.py" />
      <source>Trạng thái</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../../desktop/core/complaint_lifecycle.py" />
      <source>Trạng thái không hợp lệ: «{status}».</source>
      <translation>Invalid status: "{status}".</translation>
    </message>
    <message>
      <location filename="../../desktop/services/outreach/handoffs.py" />
      <source>Trạng thái phiếu chuyển công an không hợp lệ: «{state}» (được: {known}).</source>
      <translation>Invalid hand-off state: «{state}» (allowed: {known}).</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/handoffs_view.py" />
      <source>Trả lại</source>
      <translation>Return</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/dialogs.py" />
      <source>Trả lời cư dân *</source>
      <translation>Reply to the resident *</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/help/__init__.py" />
      <source>Trợ &amp;giúp</source>
      <translation>&amp;Help</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/help/help_dialog.py" />
      <source>Trợ giúp — Tổ CĐS Desktop</source>
      <translation>Help — Tổ CĐS Desktop</translation>
    </message>
    <message>
      <location filename="../../desktop/core/complaint_catalogue.py" />
      <source>Trụ sở phường</source>
      <translation>Ward office</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/main_window.py" />
      <location filename="../../desktop/gui/sync/page.py" />
      <source>Trực tuyến</source>
      <translation>Online</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/page.py" />
      <source>Tuần này</source>
      <translation>This week</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/page.py" />
      <source>Tài khoản / dân số từ 15 tuổi: &lt;b&gt;{pct}&lt;/b&gt; ({n}/{d})</source>
      <translation>Accounts / population aged 15+: &lt;b&gt;{pct}&lt;/b&gt; ({n}/{d})</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/documents.py" />
      <source>Tài khoản mới trong kỳ</source>
      <translation>New accounts in the period</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/setup_wizard.py" />
      <source>Tài khoản quản trị đầu tiên</source>
      <translation>First admin account</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/door_to_door.py" />
      <location filename="../../desktop/gui/reports/export_panel.py" />
      <source>Tài liệu PDF (*.pdf)</source>
      <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <location filename="../../desktop/gui/outreach/campaigns_view.py" />
      <location filename="../../desktop/gui/reports/page.py" />
      <source>Tên</source>
      <translation>Name</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/operators.py" />
      <source>Tên người dùng dài quá 120 ký tự.</source>
      <translation>The operator's name is longer than 120 characters.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/file_dialogs.py" />
      <source>Tên tệp:</source>
      <translation>File name:</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/setup_wizard.py" />
      <source>Tên tổ CĐS *:</source>
      <translation>Team name *:</translation>
    </message>
    <message>
      <location filename="../../desktop/services/setup/ward_setup.py" />
      <source>Tên tổ CĐS dài quá {n} ký tự.</source>
      <translation>The team name is longer than {n} characters.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/campaigns_view.py" />
      <location filename="../../desktop/services/outreach/campaigns.py" />
      <source>Tên đợt / điểm hỗ trợ</source>
      <translation>Campaign / booth name</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/page.py" />
      <source>Tìm cư dân</source>
      <translation>Find a resident</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/search_box.py" />
      <source>Tìm cư dân: tên (không cần dấu), 4 số điện thoại trở lên, CCCD…</source>
      <translation>Find a resident: name (diacritics optional), 4+ phone digits, CCCD…</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/household_picker.py" />
      <source>Tìm hộ theo mã hoặc địa chỉ</source>
      <translation>Find a household by code or address</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/setup_wizard.py" />
      <source>Tìm phường/xã (cả tên phường cũ trước 2025)</source>
      <translation>Find a ward (pre-2025 ward names work too)</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/audit_viewer.py" />
      <source>Tìm trong chi tiết</source>
      <translation>Search the details</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/file_dialogs.py" />
      <source>Tìm trong:</source>
      <translation>Look in:</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/setup_wizard.py" />
      <source>Tìm:</source>
      <translation>Find:</translation>
    </message>
    <message>
      <location filename="../../desktop/core/permissions.py" />
      <location filename="../../desktop/core/record_labels.py" />
      <source>Tình nguyện viên</source>
      <translation>Volunteer</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/cross_ward_view.py" />
      <location filename="../../desktop/gui/sync/page.py" />
      <source>Tình trạng</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/setup_wizard.py" />
      <source>Tôi đã kiểm tra: máy này làm việc cho {ward} (không đổi được sau khi hoàn tất). Đánh dấu (phím cách) rồi bấm «Hoàn tất».</source>
      <translation>I have checked: this computer works for {ward} (this cannot be changed after finishing). Tick it (Space), then press «Finish».</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/privacy.py" />
      <source>Tôi đồng ý để Tổ Chuyển đổi số cộng đồng của phường/xã ghi lại họ tên, năm sinh, số CCCD và số điện thoại của tôi để hỗ trợ tôi cài đặt và sử dụng ứng dụng iHaNoi, theo dõi kết quả hỗ trợ và tiếp nhận phản ánh của tôi. Dữ liệu chỉ dùng cho mục đích này, không cung cấp cho bên thứ ba ngoài cơ quan nhà nước có thẩm quyền. Tôi có quyền xem, yêu cầu sửa hoặc xóa dữ liệu của mình và rút lại sự đồng ý bất cứ lúc nào (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15).</source>
      <translation>I agree that the ward's community digital transformation team records my name, year of birth, ID (CCCD) number and phone number to help me install and use the iHaNoi app, follow up on that help, and take my complaints. The data is used only for this and is not given to third parties other than competent state agencies. I may see my data, ask for it to be corrected or deleted, and withdraw this consent at any time (Personal Data Protection Law 91/2025/QH15).</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/privacy.py" />
      <source>Tôi đồng ý để Tổ Chuyển đổi số cộng đồng {ward} ghi lại họ tên, năm sinh, số CCCD và số điện thoại của tôi để hỗ trợ tôi cài đặt và sử dụng ứng dụng iHaNoi, theo dõi kết quả hỗ trợ và tiếp nhận phản ánh của tôi. Dữ liệu chỉ dùng cho mục đích này, không cung cấp cho bên thứ ba ngoài cơ quan nhà nước có thẩm quyền. Tôi có quyền xem, yêu cầu sửa hoặc xóa dữ liệu của mình và rút lại sự đồng ý bất cứ lúc nào (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15).</source>
      <translation>I agree that the community digital transformation team of {ward} records my name, year of birth, ID (CCCD) number and phone number to help me install and use the iHaNoi app, follow up on that help, and take my complaints. The data is used only for this and is not given to third parties other than competent state agencies. I may see my data, ask for it to be corrected or deleted, and withdraw this consent at any time (Personal Data Protection Law 91/2025/QH15).</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/page.py" />
      <source>Tùy chọn</source>
      <translation>Custom</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/preferences.py" />
      <source>Tương phản cao</source>
      <translation>High contrast</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/settings_page.py" />
      <source>Tương phản cao (chữ trắng trên nền đen)</source>
      <translation>High contrast (white text on black)</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/operators_dialog.py" />
      <source>Tạm khóa do nhập sai</source>
      <translation>Locked after wrong tries</translation>
    </message>
    <message>
      <location filename="../../desktop/services/complaints/complaints.py" />
      <source>Tạo</source>
      <translation>Created</translation>
    </message>
    <message>
      <location filename="../../desktop/core/permissions.py" />
      <location filename="../../desktop/gui/people/backup_dialog.py" />
      <source>Tạo bản sao lưu</source>
      <translation>Make a backup</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/audit.py" />
      <source>Tạo mới</source>
      <translation>Create</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/sign_in.py" />
      <source>Tạo tài khoản quản trị đầu tiên</source>
      <translation>Create the first admin account</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/sign_in.py" />
      <source>Tạo và đăng nhập</source>
      <translation>Create and sign in</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/follow_ups_view.py" />
      <source>Tất cả tổ dân phố</source>
      <translation>All residential groups</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/page.py" />
      <source>Tập huấn</source>
      <translation>Training</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/settings_page.py" />
      <source>Tệp chứng chỉ C&amp;A:</source>
      <translation>C&amp;A certificate file:</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/preferences.py" />
      <source>Tệp chứng chỉ CA</source>
      <translation>CA certificate file</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/triage_panel.py" />
      <source>Tệp hướng dẫn của phường có lỗi, đang dùng hướng dẫn chung: {problem}</source>
      <translation>The ward's guides file has an error; the shipped guides are used: {problem}</translation>
    </message>
    <message>
      <location filename="../../desktop/core/triage.py" />
      <source>Tệp hướng dẫn {path} không phải JSON hợp lệ: {error}</source>
      <translation>The guides file {path} is not valid JSON: {error}</translation>
    </message>
    <message>
      <location filename="../../desktop/core/triage.py" />
      <source>Tệp hướng dẫn {path}, lý do «{reason}», trường «police»: chỉ được true hoặc false.</source>
      <translation>Guides file {path}, reason «{reason}», field «police»: only true or false.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/triage.py" />
      <source>Tệp hướng dẫn {path}, lý do «{reason}», trường «{field}», bước {n}: bước trống hoặc không phải chữ.</source>
      <translation>Guides file {path}, reason «{reason}», field «{field}», step {n}: empty or not text.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/triage.py" />
      <source>Tệp hướng dẫn {path}, lý do «{reason}», trường «{field}», bước {n}: dài quá {max} ký tự.</source>
      <translation>Guides file {path}, reason «{reason}», field «{field}», step {n}: longer than {max} characters.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/triage.py" />
      <source>Tệp hướng dẫn {path}, lý do «{reason}», trường «{field}»: cần một danh sách các bước, ít nhất một bước.</source>
      <translation>Guides file {path}, reason «{reason}», field «{field}»: needs a list of steps, at least one.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/triage.py" />
      <source>Tệp hướng dẫn {path}, lý do «{reason}», trường «{field}»: cần một dòng chữ, tối đa {max} ký tự.</source>
      <translation>Guides file {path}, reason «{reason}», field «{field}»: needs one line of text, at most {max} characters.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/triage.py" />
      <source>Tệp hướng dẫn {path}, lý do «{reason}», trường «{field}»: tối đa {n} bước.</source>
      <translation>Guides file {path}, reason «{reason}», field «{field}»: at most {n} steps.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/triage.py" />
      <source>Tệp hướng dẫn {path}, lý do «{reason}»: cần một mục có «steps».</source>
      <translation>Guides file {path}, reason «{reason}»: needs an entry with «steps».</translation>
    </message>
    <message>
      <location filename="../../desktop/core/triage.py" />
      <source>Tệp hướng dẫn {path}, lý do «{reason}»: lý do cần công an phải ghi «needed» (việc công an cần làm).</source>
      <translation>Guides file {path}, reason «{reason}»: a police reason must give «needed» (what the police must do).</translation>
    </message>
    <message>
      <location filename="../../desktop/core/triage.py" />
      <source>Tệp hướng dẫn {path}, lý do «{reason}»: trường không dùng được «{field}» (chỉ có: {known}).</source>
      <translation>Guides file {path}, reason «{reason}»: unknown field «{field}» (only: {known}).</translation>
    </message>
    <message>
      <location filename="../../desktop/core/triage.py" />
      <source>Tệp hướng dẫn {path}: chưa có các bước cho lý do «{reason}».</source>
      <translation>Guides file {path}: no steps for the reason «{reason}».</translation>
    </message>
    <message>
      <location filename="../../desktop/core/triage.py" />
      <source>Tệp hướng dẫn {path}: lý do «{reason}» không có trong danh sách lý do chưa thành công ({known}).</source>
      <translation>Guides file {path}: the reason «{reason}» is not one of the failure reasons ({known}).</translation>
    </message>
    <message>
      <location filename="../../desktop/core/triage.py" />
      <source>Tệp hướng dẫn {path}: thiếu mục «reasons» (mỗi lý do một mục).</source>
      <translation>Guides file {path}: «reasons» is missing (one entry per reason).</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/backup.py" />
      <source>Tệp sao lưu bị cắt cụt (thiếu phần cuối).</source>
      <translation>The backup file is truncated (its end is missing).</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/backup.py" />
      <source>Tệp sao lưu có dữ liệu thừa sau phần cuối; tệp đã bị sửa.</source>
      <translation>The backup file has extra data after its end; it was altered.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/restore.py" />
      <source>Tệp sao lưu thiếu cơ sở dữ liệu.</source>
      <translation>The backup file holds no database.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/backup.py" />
      <source>Tệp sao lưu thiếu phần mô tả (manifest).</source>
      <translation>The backup file has no manifest.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/backup.py" />
      <source>Tệp sao lưu đã bị sửa hoặc hỏng (đoạn {n}).</source>
      <translation>The backup file was altered or is damaged (block {n}).</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/backup_dialog.py" />
      <location filename="../../desktop/gui/people/restore_dialog.py" />
      <source>Tệp sao lưu:</source>
      <translation>Backup file:</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/setup.py" />
      <source>Tệp {file} không phải văn bản UTF-8 (mỗi dòng một tổ dân phố / thôn).</source>
      <translation>The file {file} is not UTF-8 text (one residential group / village per line).</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/setup.py" />
      <source>Tệp {file} lớn hơn {n} kB: không phải danh sách tổ dân phố / thôn.</source>
      <translation>The file {file} is larger than {n} kB: not a list of residential groups / villages.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/files.py" />
      <source>Tệp {file}, dòng {row}: dòng dài hơn {n} ký tự, vượt quá giới hạn; tệp bị từ chối.</source>
      <translation>File {file}, line {row}: the line is longer than {n} characters, over the limit; the file is refused.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/files.py" />
      <source>Tệp {file}, dòng {row}: không đọc được dòng CSV ({detail}).</source>
      <translation>File {file}, line {row}: the CSV line cannot be read ({detail}).</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/files.py" />
      <source>Tệp {file}, dòng {row}: một dòng dữ liệu dài hơn {n} ký tự (có thể thiếu dấu ngoặc kép đóng); tệp bị từ chối.</source>
      <translation>File {file}, line {row}: a record is longer than {n} characters (a closing quote may be missing); the file is refused.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/files.py" />
      <source>Tệp {file}, dòng {row}: một ô dài hơn {n} ký tự, vượt quá giới hạn của một ô{hint}; tệp bị từ chối.</source>
      <translation>File {file}, line {row}: a cell is longer than {n} characters, over the limit for one cell{hint}; the file is refused.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/importing.py" />
      <source>Tệp {file}: không thấy cột họ và tên (dòng tiêu đề {row}). Hãy chỉ rõ cột bằng --map.</source>
      <translation>File {file}: no full-name column found (header row {row}). Name the column with --map.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/backup.py" />
      <source>Tệp {name} không phải bản sao lưu của Tổ CĐS Desktop.</source>
      <translation>{name} is not a Tổ CĐS Desktop backup.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/complaints/attachments.py" />
      <source>Tệp {name} không phải ảnh đọc được.</source>
      <translation>File {name} is not a readable image.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/complaints/attachments.py" />
      <source>Tệp {name} nặng {size}, vượt giới hạn {limit} cho {media}.</source>
      <translation>File {name} is {size}, over the {limit} limit for a {media}.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/complaints/attachments.py" />
      <source>Tệp {name}: chỉ nhận ảnh (JPEG, PNG) hoặc video (MP4, MOV, 3GP, WEBM).</source>
      <translation>File {name}: only photos (JPEG, PNG) or videos (MP4, MOV, 3GP, WEBM) are accepted.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/complaints/attachments.py" />
      <source>Tệp {name}: chỉ nhận ảnh JPEG hoặc PNG.</source>
      <translation>File {name}: only JPEG or PNG photos are accepted.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/backup.py" />
      <source>Tệp {name}: phần đầu của bản sao lưu có thông số nằm ngoài giới hạn (scrypt n ≤ {n}, r ≤ {r}, p ≤ {p}); tệp đã bị sửa hoặc không phải bản sao lưu của Tổ CĐS Desktop.</source>
      <translation>File {name}: the backup header has parameters outside the limits (scrypt n ≤ {n}, r ≤ {r}, p ≤ {p}); the file was tampered with or is not a Tổ CĐS Desktop backup.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/card_photo.py" />
      <source>Tệp «{name}» không phải ảnh đọc được (dùng ảnh JPG hoặc PNG).</source>
      <translation>The file «{name}» is not a readable picture (use a JPG or PNG photo).</translation>
    </message>
    <message>
      <location filename="../../desktop/services/output_file.py" />
      <source>Tệp đang mở trong chương trình khác — hãy đóng tệp rồi thử lại ({path}).</source>
      <translation>The file is open in another program — close it and try again ({path}).</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/card_photo.py" />
      <source>Tệp ảnh «{name}» bị hỏng hoặc không đọc hết được.</source>
      <translation>The photo file «{name}» is damaged or could not be read whole.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/card_photo.py" />
      <source>Tệp ảnh «{name}» lớn quá {limit} MB.</source>
      <translation>The photo file «{name}» is larger than {limit} MB.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/setup_wizard.py" />
      <source>Tỉnh/thành phố:</source>
      <translation>Province/city:</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/official_report.py" />
      <source>Tổ Chuyển đổi số cộng đồng</source>
      <translation>Community digital transformation team</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/help/about.py" />
      <source>Tổ CĐS Desktop — phiên bản {version}</source>
      <translation>Tổ CĐS Desktop — version {version}</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/main_window.py" />
      <source>Tổ CĐS Desktop — {ward}</source>
      <translation>Tổ CĐS Desktop — {ward}</translation>
    </message>
    <message>
      <location filename="../../desktop/cli.py" />
      <source>Tổ CĐS Desktop: dòng lệnh</source>
      <translation>Tổ CĐS Desktop: command line</translation>
    </message>
    <message>
      <location filename="../../desktop/core/outreach_vocab.py" />
      <source>Tổ CĐS cộng đồng</source>
      <translation>Community digital transformation team</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/setup_wizard.py" />
      <source>Tổ CĐS và các tổ dân phố</source>
      <translation>Team and residential groups</translation>
    </message>
    <message>
      <location filename="../../desktop/core/vocab.py" />
      <location filename="../../desktop/gui/complaints/intake_form.py" />
      <location filename="../../desktop/gui/complaints/list_model.py" />
      <source>Tổ dân phố</source>
      <translation>Residential group</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <location filename="../../desktop/gui/outreach/progress_view.py" />
      <location filename="../../desktop/gui/residents/detail.py" />
      <source>Tổ dân phố / thôn</source>
      <translation>Residential group</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/importing.py" />
      <source>Tổ dân phố / thôn «{value}» không có trong danh sách của phường.</source>
      <translation>The residential group «{value}» is not in the ward's list.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/households/coverage.py" />
      <location filename="../../desktop/services/households/households.py" />
      <location filename="../../desktop/services/residents/residents.py" />
      <source>Tổ dân phố / thôn đã chọn không còn trong danh sách.</source>
      <translation>The chosen residential group is no longer in the list.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/door_to_door.py" />
      <location filename="../../desktop/gui/setup_wizard.py" />
      <source>Tổ dân phố / thôn:</source>
      <translation>Residential groups / villages:</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/setup_wizard.py" />
      <source>Tổ dân phố số 1
Tổ dân phố số 2
Thôn Đông</source>
      <translation>Tổ dân phố số 1
Tổ dân phố số 2
Thôn Đông</translation>
    </message>
    <message>
      <location filename="../../desktop/services/complaints/complaints.py" />
      <source>Tổ dân phố: không tìm thấy tổ đã chọn.</source>
      <translation>Residential group: the chosen group was not found.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/permissions.py" />
      <location filename="../../desktop/gui/reports/export_panel.py" />
      <location filename="../../desktop/services/reports/official_report.py" />
      <source>Tổ trưởng</source>
      <translation>Team lead</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/documents.py" />
      <location filename="../../desktop/services/reports/official_report.py" />
      <location filename="../../desktop/services/reports/xlsx_report.py" />
      <source>Tổng cộng</source>
      <translation>Total</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/document.py" />
      <source>Tổng hợp</source>
      <translation>Summary</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/official_report.py" />
      <source>Tổng số cư dân trong danh sách của tổ: {n}. Đến hết kỳ báo cáo: {know} người đã biết đến iHaNoi ({know_pct}); {installed} người đã cài đặt ứng dụng ({installed_pct}); {account} người đã tạo tài khoản ({account_pct}).</source>
      <translation>Residents on the team's list: {n}. By the end of the period: {know} know about iHaNoi ({know_pct}); {installed} have installed the app ({installed_pct}); {account} have created an account ({account_pct}).</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/documents.py" />
      <source>Tổng số tài khoản iHaNoi đến hết kỳ</source>
      <translation>iHaNoi accounts by the end of the period</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/xlsx_rows.py" />
      <source>Tổng độ dài các chuỗi dùng chung (sharedStrings.xml)</source>
      <translation>The total length of the shared strings (sharedStrings.xml)</translation>
    </message>
    <message>
      <location filename="../../desktop/core/complaint_lifecycle.py" />
      <location filename="../../desktop/core/vocab.py" />
      <source>Từ chối</source>
      <translation>Rejected</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/duplicates_view.py" />
      <source>Từ máy khác</source>
      <translation>From the other laptop</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/handoffs_view.py" />
      <location filename="../../desktop/gui/reports/page.py" />
      <source>Từ ngày</source>
      <translation>From</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/page.py" />
      <source>Từ đầu năm</source>
      <translation>Year to date</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/audit_viewer.py" />
      <source>Từ:</source>
      <translation>From:</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/settings_page.py" />
      <source>Tự &amp;khóa sau:</source>
      <translation>&amp;Lock after:</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/preferences.py" />
      <source>Tự khóa sau (phút)</source>
      <translation>Lock after (minutes)</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/progress_view.py" />
      <location filename="../../desktop/gui/reports/page.py" />
      <location filename="../../desktop/services/reports/documents.py" />
      <source>Tỷ lệ</source>
      <translation>Rate</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/documents.py" />
      <source>Tỷ lệ cán bộ, công chức có tài khoản</source>
      <translation>Share of officials with an account</translation>
    </message>
    <message>
      <location filename="../../desktop/services/outreach/targets.py" />
      <source>Tỷ lệ mục tiêu phải từ 1 đến 100%.</source>
      <translation>The target percentage must be between 1 and 100%.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/documents.py" />
      <source>Tỷ lệ trên dân số từ 15 tuổi</source>
      <translation>Share of the population aged 15+</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/documents.py" />
      <source>Tỷ lệ trên số người có điện thoại thông minh</source>
      <translation>Share of smartphone owners</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/official_report.py" />
      <source>UBND {ward}</source>
      <translation>People's Committee of {ward}</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/audit_viewer.py" />
      <location filename="../../desktop/gui/people/operators_dialog.py" />
      <source>Vai trò</source>
      <translation>Role</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/operators.py" />
      <source>Vai trò không hợp lệ: {role}</source>
      <translation>Invalid role: {role}</translation>
    </message>
    <message>
      <location filename="../../desktop/core/permissions.py" />
      <source>Vai trò «{role}» không được phép: {what}. Hãy nhờ tổ trưởng hoặc quản trị.</source>
      <translation>The role “{role}” may not do this: {what}. Ask the team lead or the admin.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/operators_dialog.py" />
      <source>Vai trò:</source>
      <translation>Role:</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/help/help_dialog.py" />
      <source>Việc</source>
      <translation>Action</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/door_to_door.py" />
      <source>Việc cần công an: Tab rồi Space để đánh dấu; không đánh dấu gì là «{reason}».</source>
      <translation>What the police must do: Tab, then Space to tick; nothing ticked means «{reason}».</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/import_dialog.py" />
      <source>Ví dụ</source>
      <translation>Example</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/form.py" />
      <source>Ví dụ: 0912 345 678</source>
      <translation>e.g. 0912 345 678</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/ward_figures_form.py" />
      <source>Ví dụ: Công an phường, số liệu dân cư tháng 01</source>
      <translation>E.g. ward police, population data of January</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/setup_wizard.py" />
      <source>Ví dụ: Nguyễn Thị Hoa</source>
      <translation>For example: Nguyễn Thị Hoa</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/form.py" />
      <source>Ví dụ: Nguyễn Văn An</source>
      <translation>e.g. Nguyễn Văn An</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/setup_wizard.py" />
      <source>Ví dụ: Tổ CĐS cộng đồng phường Cầu Giấy</source>
      <translation>For example: Tổ CĐS cộng đồng phường Cầu Giấy</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/campaigns_view.py" />
      <source>Ví dụ: Điểm hỗ trợ siêu thị WinMart</source>
      <translation>For example: WinMart supermarket booth</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/operators_dialog.py" />
      <source>Vô hiệu hóa</source>
      <translation>Deactivate</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/xlsx_rows.py" />
      <source>Vùng dữ liệu của trang tính ({ref}) vượt quá giới hạn của Excel (cột XFD, dòng 1.048.576).</source>
      <translation>The sheet's range ({ref}) goes past Excel's limits (column XFD, row 1,048,576).</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/official_report.py" />
      <source>Văn phòng UBND Thành phố (để báo cáo);</source>
      <translation>Office of the City People's Committee (for information);</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <location filename="../../desktop/gui/complaints/intake_form.py" />
      <source>Vĩ độ</source>
      <translation>Latitude</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/quarantine_view.py" />
      <source>Vẫn chưa lưu được: {reason}</source>
      <translation>Still not stored: {reason}</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/form.py" />
      <source>Vẫn lưu</source>
      <translation>Save anyway</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/card_compare.py" />
      <source>Vẫn sửa theo thẻ (Enter)</source>
      <translation>Correct from the card anyway (Enter)</translation>
    </message>
    <message>
      <location filename="../../desktop/core/vocab.py" />
      <source>Vắng nhà</source>
      <translation>Not at home</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/booth.py" />
      <source>Vừa quét một thẻ khi đang ghi lượt hỗ trợ: không dùng. Lưu lượt này (Enter) rồi quét thẻ người tiếp theo.</source>
      <translation>A card was scanned while this session is being recorded: it was not used. Save this session (Enter), then scan the next person's card.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/card_compare.py" />
      <source>Vừa quét một thẻ khác. Xong thẻ này trước (Enter: sửa theo thẻ · Esc: giữ nguyên hồ sơ), rồi quét lại thẻ kia.</source>
      <translation>Another card was scanned. Finish this card first (Enter: correct from the card · Esc: keep the record), then scan the other card again.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/permissions.py" />
      <source>Xem nhật ký truy cập</source>
      <translation>View the audit trail</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/audit.py" />
      <source>Xem số đầy đủ</source>
      <translation>Revealed a number</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/page.py" />
      <source>Xem và quyết định…</source>
      <translation>Review and decide…</translation>
    </message>
    <message>
      <location filename="../../desktop/core/permissions.py" />
      <source>Xem và xử lý phiếu chuyển công an</source>
      <translation>See and close police hand-offs</translation>
    </message>
    <message>
      <location filename="../../desktop/core/permissions.py" />
      <source>Xem đầy đủ số CCCD, số điện thoại</source>
      <translation>See full ID and phone numbers</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/page.py" />
      <source>Xung đột</source>
      <translation>Conflicts</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/conflicts_view.py" />
      <source>Xung đột chờ giải quyết: {n}</source>
      <translation>Conflicts to resolve: {n}</translation>
    </message>
    <message>
      <location filename="../../desktop/sync/conflicts.py" />
      <source>Xung đột này không còn chờ giải quyết.</source>
      <translation>This conflict is no longer waiting to be resolved.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/export_panel.py" />
      <source>Xuất Excel (.xlsx)…</source>
      <translation>Export Excel (.xlsx)…</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/export_panel.py" />
      <source>Xuất PDF…</source>
      <translation>Export PDF…</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/page.py" />
      <source>Xuất báo cáo</source>
      <translation>Export report</translation>
    </message>
    <message>
      <location filename="../../desktop/core/permissions.py" />
      <source>Xuất danh sách</source>
      <translation>Export lists</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/page.py" />
      <source>Xuất danh sách cư dân</source>
      <translation>Export residents</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/page.py" />
      <source>Xuất danh sách đang lọc</source>
      <translation>Export the filtered list</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/page.py" />
      <source>Xuất danh sách đang lọc…</source>
      <translation>Export the filtered list…</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/audit.py" />
      <source>Xuất dữ liệu</source>
      <translation>Export</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/search_box.py" />
      <source>Xuống (↓) để chọn, Enter để mở</source>
      <translation>Down (↓) to choose, Enter to open</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/setup_wizard.py" />
      <source>Xác nhận</source>
      <translation>Confirm</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/audit.py" />
      <source>Xóa</source>
      <translation>Delete</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/household_dialog.py" />
      <source>Xóa hộ</source>
      <translation>Delete household</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/household_dialog.py" />
      <source>Xóa hộ (giữ các thành viên)…</source>
      <translation>Delete the household (keep its members)…</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/household_dialog.py" />
      <source>Xóa hộ {code}? Các thành viên vẫn còn trong danh sách cư dân, chỉ không còn thuộc hộ nào.</source>
      <translation>Delete household {code}? Its members stay in the residents list, in no household.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/detail_view.py" />
      <source>Xảy ra lúc</source>
      <translation>Happened at</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/audit.py" />
      <source>Xử lý cư dân trùng số CCCD</source>
      <translation>Decide on residents with the same CCCD</translation>
    </message>
    <message>
      <location filename="../../desktop/core/permissions.py" />
      <source>Xử lý yêu cầu của chủ thể dữ liệu</source>
      <translation>Handle data-subject requests</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/audit.py" />
      <source>Yêu cầu của chủ thể dữ liệu</source>
      <translation>Data-subject request</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/official_report.py" />
      <source>a) Khó khăn, vướng mắc: {text}</source>
      <translation>a) Difficulties: {text}</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/official_report.py" />
      <source>b) Đề xuất, kiến nghị: {text}</source>
      <translation>b) Proposals: {text}</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/access.py" />
      <source>biến môi trường chứa mã PIN/mật khẩu của người dùng (mặc định TOCDS_OPERATOR_SECRET)</source>
      <translation>environment variable holding the operator's PIN/password (default TOCDS_OPERATOR_SECRET)</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/privacy.py" />
      <source>biến môi trường chứa mã PIN/mật khẩu của người mới (mặc định TOCDS_NEW_SECRET)</source>
      <translation>environment variable holding the new operator's PIN/password (default TOCDS_NEW_SECRET)</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/setup.py" />
      <source>biến môi trường chứa mật khẩu / mã PIN của người quản trị (mặc định TOCDS_ADMIN_SECRET; nếu không có thì đọc một dòng từ stdin)</source>
      <translation>environment variable holding the admin's password / PIN (default TOCDS_ADMIN_SECRET; otherwise one line is read from stdin)</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/privacy.py" />
      <source>biến môi trường chứa mật khẩu sao lưu (mặc định TOCDS_BACKUP_PASSPHRASE)</source>
      <translation>environment variable holding the backup passphrase (default TOCDS_BACKUP_PASSPHRASE)</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/detail.py" />
      <source>biết {day}</source>
      <translation>aware {day}</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/official_report.py" />
      <source>biết đến iHaNoi</source>
      <translation>know about iHaNoi</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/report.py" />
      <source>báo cáo (progress, complaints, daily, weekly)</source>
      <translation>reports (progress, complaints, daily, weekly)</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/cross_ward.py" />
      <source>bỏ đánh dấu đã chuyển đi</source>
      <translation>remove the moved-away mark</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/handoffs.py" />
      <source>chuyển công an</source>
      <translation>police hand-off</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/page.py" />
      <source>chưa có</source>
      <translation>none yet</translation>
    </message>
    <message>
      <location filename="../../desktop/services/sync/labels.py" />
      <source>chưa có bản ghi mà «{field}» trỏ tới (tự thử lại ở mỗi lần đồng bộ).</source>
      <translation>the record “{field}” points at is not here yet (tried again at every sync).</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/page.py" />
      <source>chưa kiểm tra</source>
      <translation>not checked yet</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/page.py" />
      <source>chưa đăng ký: nhập mã đăng ký</source>
      <translation>not enrolled: enter an enrolment code</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/residents.py" />
      <source>chấp nhận dòng có CCCD không khớp giới tính / năm sinh</source>
      <translation>accept rows whose CCCD disagrees with sex / birth year</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/preferences.py" />
      <source>chỉ chọn Tiếng Việt hoặc English.</source>
      <translation>choose Tiếng Việt or English only.</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/handoffs.py" />
      <source>chỉ các phiếu đang chờ công an</source>
      <translation>only hand-offs waiting for the police</translation>
    </message>
    <message>
      <location filename="../../desktop/core/working_calendar.py" />
      <source>chỉ hỗ trợ ngày lễ của Việt Nam ("VN"), không phải «{code}»</source>
      <translation>only Vietnamese public holidays ("VN") are supported, not «{code}»</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/residents.py" />
      <source>chỉ kiểm tra, không lưu</source>
      <translation>check only, store nothing</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/privacy.py" />
      <source>chỉ loại sự kiện này (ví dụ export, reveal)</source>
      <translation>only this kind of event (e.g. export, reveal)</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/complaints.py" />
      <source>chỉ phản ánh quá hạn</source>
      <translation>overdue complaints only</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/complaints.py" />
      <source>chỉ trạng thái này (mã, ví dụ dang_xu_ly)</source>
      <translation>only this status (code, e.g. dang_xu_ly)</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/detail.py" />
      <source>cài {day}</source>
      <translation>installed {day}</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/official_report.py" />
      <source>cài đặt ứng dụng</source>
      <translation>install the app</translation>
    </message>
    <message>
      <location filename="../../desktop/services/complaints/duplicates.py" />
      <source>cách {m} m</source>
      <translation>{m} m away</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/page.py" />
      <source>cán bộ, công chức: &lt;b&gt;{pct}&lt;/b&gt;</source>
      <translation>officials: &lt;b&gt;{pct}&lt;/b&gt;</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/page.py" />
      <source>còn phải vận động: &lt;b&gt;{n}&lt;/b&gt;</source>
      <translation>still to reach: &lt;b&gt;{n}&lt;/b&gt;</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/official_report.py" />
      <source>còn {n} ngày</source>
      <translation>{n} days left</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/document.py" />
      <source>có</source>
      <translation>yes</translation>
    </message>
    <message>
      <location filename="../../desktop/services/complaints/duplicates.py" />
      <source>cùng tổ dân phố</source>
      <translation>same residential group</translation>
    </message>
    <message>
      <location filename="../../desktop/services/complaints/duplicates.py" />
      <source>cùng địa chỉ</source>
      <translation>same address</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/official_report.py" />
      <source>cư dân</source>
      <translation>residents</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/cross_ward.py" />
      <source>cư dân có số CCCD đã được phường khác đăng ký</source>
      <translation>residents whose CCCD another ward registered too</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/outreach.py" />
      <source>cư dân cần hỗ trợ lại</source>
      <translation>residents needing a follow-up</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/duplicates_view.py" />
      <source>cư dân trên máy này</source>
      <translation>the resident on this laptop</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/duplicates_view.py" />
      <source>cư dân từ máy khác</source>
      <translation>the resident from the other laptop</translation>
    </message>
    <message>
      <location filename="../../desktop/store/integrity.py" />
      <source>cấu trúc cơ sở dữ liệu (integrity_check)</source>
      <translation>database structure (integrity_check)</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/households.py" />
      <source>danh sách hộ cần đến tận nhà của một tổ dân phố / thôn (pdf hoặc json)</source>
      <translation>the households of a residential group to visit door to door (pdf or json)</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/door_to_door.py" />
      <source>danh-sach-di-tung-nha-{group}.pdf</source>
      <translation>door-to-door-list-{group}.pdf</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/form.py" />
      <source>dd/mm/yyyy hoặc năm sinh</source>
      <translation>dd/mm/yyyy or birth year</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/xlsx_rows.py" />
      <source>dài hơn {n} ký tự, vượt quá giới hạn của một ô</source>
      <translation>longer than {n} characters, over the limit for one cell</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/indicators.py" />
      <source>dân số từ 15 tuổi trở lên</source>
      <translation>population aged 15 and over</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/xlsx_rows.py" />
      <source>dòng có hơn {n} ô</source>
      <translation>the row has more than {n} cells</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/residents.py" />
      <source>dấu phân cách của tệp .csv: comma «,» (mặc định) hoặc semicolon «;» (Excel với thiết lập vùng Việt Nam mở đúng cột khi bấm đúp)</source>
      <translation>separator of a .csv file: comma «,» (default) or semicolon «;» (Excel with Vietnamese regional settings then opens it in columns on a double-click)</translation>
    </message>
    <message>
      <location filename="../../desktop/store/integrity.py" />
      <source>dừng lại: {error}</source>
      <translation>stopped: {error}</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/xlsx_rows.py" />
      <source>dữ liệu nén bên trong tệp bị hỏng; hãy lấy lại tệp gốc.</source>
      <translation>the compressed data inside the file is damaged; get the original file again.</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/handoffs.py" />
      <source>ghi chú (bắt buộc khi trả lại hoặc mở lại)</source>
      <translation>note (required when returning or reopening)</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/xlsx_rows.py" />
      <source>giá trị đúng/sai «{value}» không hợp lệ</source>
      <translation>the true/false value «{value}» is not valid</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/residents.py" />
      <source>gán cột cho trường (COL: tiêu đề, số thứ tự hoặc chữ cột)</source>
      <translation>map a column to a field (COL: header, column number or letter)</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/residents.py" />
      <source>gộp những người cùng địa chỉ trong cùng tổ dân phố / thôn thành một hộ</source>
      <translation>group people with the same address in the same residential group into one household</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/handoffs.py" />
      <source>hướng dẫn xử lý theo lý do chưa thành công</source>
      <translation>guided fixes per failure reason</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/outreach.py" />
      <source>hạt giống ngẫu nhiên: cùng hạt giống cho cùng dữ liệu</source>
      <translation>random seed: the same seed gives the same data</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/privacy.py" />
      <source>họ tên người dùng mới</source>
      <translation>the new operator's name</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/setup.py" />
      <source>họ tên người quản trị đầu tiên</source>
      <translation>full name of the first admin</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/import_dialog.py" />
      <source>họ tên và năm sinh</source>
      <translation>name and birth year</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <location filename="../../desktop/gui/residents/detail.py" />
      <location filename="../../desktop/gui/residents/form.py" />
      <source>iHaNoi</source>
      <translation>iHaNoi</translation>
    </message>
    <message>
      <location filename="../../desktop/core/outreach_vocab.py" />
      <source>iHaNoi (Truyền thông, cảnh báo)</source>
      <translation>iHaNoi (News and warnings)</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/handoffs.py" />
      <source>in hướng dẫn đang dùng và lỗi trong tệp triage.local.json</source>
      <translation>print the guides in use and the errors in triage.local.json</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/outreach.py" />
      <source>in số điện thoại đầy đủ để người trực gọi lại (cần quyền xem số đầy đủ; ghi nhật ký từng số)</source>
      <translation>print full phone numbers for the person on duty to call back (needs the permission to see full numbers; each number is logged)</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/privacy.py" />
      <source>khôi phục từ bản sao lưu vào một thư mục dữ liệu</source>
      <translation>restore a backup into a data folder</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/document.py" />
      <source>không</source>
      <translation>no</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/detail_view.py" />
      <source>không chuyển danh tính cho cơ quan</source>
      <translation>identity not passed to the agency</translation>
    </message>
    <message>
      <location filename="../../desktop/cli.py" />
      <source>không có quyền truy cập</source>
      <translation>access denied</translation>
    </message>
    <message>
      <location filename="../../desktop/cli.py" />
      <source>không có tệp hoặc thư mục này</source>
      <translation>no such file or folder</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/help/licences.py" />
      <source>không ghi trong gói</source>
      <translation>not stated in the package</translation>
    </message>
    <message>
      <location filename="../../desktop/cli.py" />
      <source>không hiểu các tham số: {0}</source>
      <translation>arguments not understood: {0}</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/audit.py" />
      <source>không nối với mục trước</source>
      <translation>does not link to the previous entry</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/xlsx_rows.py" />
      <source>không phải tệp Excel .xlsx hợp lệ hoặc tệp nén bị hỏng ({detail}).</source>
      <translation>not a valid Excel .xlsx file, or its zip is damaged ({detail}).</translation>
    </message>
    <message>
      <location filename="../../desktop/services/outreach/handoffs.py" />
      <source>không rõ</source>
      <translation>unknown</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/preferences.py" />
      <source>không tìm thấy tệp {path}.</source>
      <translation>file {path} not found.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/xlsx_rows.py" />
      <source>không đọc được tệp ({detail}).</source>
      <translation>the file cannot be read ({detail}).</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/preferences.py" />
      <source>không đọc được tệp {path}: {reason}</source>
      <translation>cannot read file {path}: {reason}</translation>
    </message>
    <message>
      <location filename="../../desktop/store/errors.py" />
      <source>không đủ bộ nhớ</source>
      <translation>not enough memory</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/intake_form.py" />
      <source>kinh độ, ví dụ 105.8048</source>
      <translation>longitude, e.g. 105.8048</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/privacy.py" />
      <source>kiểm tra toàn vẹn cơ sở dữ liệu và chuỗi nhật ký</source>
      <translation>check the database and the audit chain</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/xlsx_rows.py" />
      <source>kiểu ô «{type}» không hợp lệ</source>
      <translation>the cell type «{type}» is not valid</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/cross_ward.py" />
      <source>liệt kê (theo lần đồng bộ gần nhất)</source>
      <translation>list (as of the last sync)</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/privacy.py" />
      <source>liệt kê người dùng</source>
      <translation>list operators</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/handoffs.py" />
      <source>liệt kê phiếu chuyển công an</source>
      <translation>list police hand-offs</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/complaints.py" />
      <source>liệt kê phản ánh (mới nhất trước)</source>
      <translation>list complaints (newest first)</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/indicators.py" />
      <source>liệt kê số liệu các năm</source>
      <translation>list the figures of every year</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/outreach.py" />
      <source>liệt kê việc cần theo dõi chưa xong</source>
      <translation>list open follow-ups</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/outreach.py" />
      <source>liệt kê đợt ra quân</source>
      <translation>list campaigns</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/report.py" />
      <source>loại báo cáo</source>
      <translation>report kind</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/setup.py" />
      <source>loại mã đăng nhập của người quản trị (mặc định: mật khẩu)</source>
      <translation>kind of the admin's sign-in secret (default: password)</translation>
    </message>
    <message>
      <location filename="../../desktop/core/complaint_catalogue.py" />
      <source>loại «{kind}», lĩnh vực thứ {n}</source>
      <translation>kind "{kind}", category no. {n}</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/residents.py" />
      <source>lưu các dòng hợp lệ, bỏ qua dòng lỗi</source>
      <translation>store the valid rows, skip the bad ones</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/households.py" />
      <source>lập danh sách cho ngày (dd/mm/yyyy; mặc định hôm nay)</source>
      <translation>make the list for this day (dd/mm/yyyy; default today)</translation>
    </message>
    <message>
      <location filename="../../desktop/cli.py" />
      <source>lỗi đọc/ghi của ổ đĩa</source>
      <translation>a disk read/write error</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/sync.py" />
      <source>máy chủ proxy, ví dụ http://proxy.phuong.vn:8080 (được lưu lại; mặc định: proxy của hệ thống; "" để bỏ proxy đã lưu)</source>
      <translation>proxy server, for example http://proxy.phuong.vn:8080 (saved; default: the system's proxy; "" to drop the saved proxy)</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/handoffs.py" />
      <source>mã phiếu (từ handoffs list --json)</source>
      <translation>hand-off id (from handoffs list --json)</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/setup.py" />
      <source>mã phường/xã theo danh mục hành chính (ví dụ 00166)</source>
      <translation>ward code from the official list (for example 00166)</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/sync.py" />
      <source>mã đăng ký thiết bị do quản trị máy chủ cấp</source>
      <translation>device enrolment code from the server administrator</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/xlsx_rows.py" />
      <source>mã định dạng «{value}» không hợp lệ</source>
      <translation>the style id «{value}» is not valid</translation>
    </message>
    <message>
      <location filename="../../desktop/cli.py" />
      <source>một phần của đường dẫn không phải là thư mục</source>
      <translation>part of the path is not a folder</translation>
    </message>
    <message>
      <location filename="../../desktop/store/errors.py" />
      <location filename="../../desktop/store/integrity.py" />
      <source>mở cơ sở dữ liệu bằng khóa của nó</source>
      <translation>opening the database with its key</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/progress_view.py" />
      <source>mục tiêu {goal}: {pace}</source>
      <translation>target {goal}: {pace}</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/audit.py" />
      <source>mục đã bị xóa khỏi nhật ký</source>
      <translation>entry removed from the trail</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/outreach.py" />
      <source>ngoài giờ</source>
      <translation>outside office hours</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/indicators.py" />
      <source>nguồn số liệu</source>
      <translation>source of the figures</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/xlsx_rows.py" />
      <source>ngày «{value}» không hợp lệ</source>
      <translation>the date «{value}» is not valid</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/privacy.py" />
      <source>người dùng của máy: liệt kê, thêm</source>
      <translation>operators of this computer: list, add</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/follow_ups_view.py" />
      <source>người trực</source>
      <translation>the person on duty</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/residents.py" />
      <location filename="../../desktop/gui/residents/import_dialog.py" />
      <source>nhập danh sách cư dân</source>
      <translation>importing the list of residents</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/residents.py" />
      <source>nhập danh sách cư dân từ .xlsx hoặc .csv</source>
      <translation>import a list of residents from .xlsx or .csv</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/residents.py" />
      <source>nhập dữ liệu từ tệp</source>
      <translation>import data from a file</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/indicators.py" />
      <source>nhập hoặc sửa số liệu một năm</source>
      <translation>enter or correct a year's figures</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/backup.py" />
      <source>nhật ký truy cập: không đọc được ({error})</source>
      <translation>audit trail: cannot be read ({error})</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/audit.py" />
      <source>nội dung đã bị sửa</source>
      <translation>content was altered</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/detail.py" />
      <source>phiên bản {version}, cập nhật {when} bởi {who}</source>
      <translation>version {version}, updated {when} by {who}</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/handoffs.py" />
      <source>phiếu chuyển công an (việc chỉ công an phường giải quyết được)</source>
      <translation>police hand-offs (what only the ward police can resolve)</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/xlsx_rows.py" />
      <source>phông chữ</source>
      <translation>fonts</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/privacy.py" />
      <source>phường/xã</source>
      <translation>the ward/commune</translation>
    </message>
    <message>
      <location filename="../../desktop/cli.py" />
      <source>phải là số nguyên từ {low} đến {high}</source>
      <translation>must be a whole number from {low} to {high}</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/preferences.py" />
      <source>phải từ {lo} đến {hi} phút (0 = không tự khóa).</source>
      <translation>must be from {lo} to {hi} minutes (0 = never lock).</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/preferences.py" />
      <source>phải từ {lo} đến {hi}.</source>
      <translation>must be from {lo} to {hi}.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/preferences.py" />
      <source>phải từ {lo}% đến {hi}%.</source>
      <translation>must be from {lo}% to {hi}%.</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/complaints.py" />
      <source>phản ánh, kiến nghị của cư dân</source>
      <translation>residents' complaints and petitions</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/page.py" />
      <source>quá 3 ngày chưa đăng tin</source>
      <translation>more than 3 days without a news item</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/privacy.py" />
      <source>sao lưu tự động hằng ngày vào thư mục backups (giữ N bản mới nhất)</source>
      <translation>daily automatic backup into the backups folder (keeps the newest N)</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/xlsx_rows.py" />
      <source>sau dòng {row}</source>
      <translation>after row {row}</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/duplicates_view.py" />
      <source>số CCCD đúng (12 chữ số; để trống nếu chưa biết)</source>
      <translation>the right CCCD (12 digits; leave empty if unknown)</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/setup.py" />
      <source>số bản ghi theo loại và số thay đổi chờ đồng bộ</source>
      <translation>record counts per kind and changes waiting to sync</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/indicators.py" />
      <source>số cán bộ, công chức, viên chức</source>
      <translation>officials, civil servants and public employees</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/outreach.py" />
      <source>số cư dân mẫu (mặc định 500, tối đa 1.000.000)</source>
      <translation>number of demo residents (default 500, at most 1,000,000)</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/indicators.py" />
      <source>số hộ gia đình</source>
      <translation>households</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/residents.py" />
      <source>số kết quả tối đa (1 đến {n})</source>
      <translation>most results (1 to {n})</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/indicators.py" />
      <source>số liệu chính thức của phường theo năm (dân số từ 15 tuổi, số hộ, cán bộ)</source>
      <translation>the ward's official figures per year (population aged 15+, households, officials)</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/import_dialog.py" />
      <source>số điện thoại</source>
      <translation>phone number</translation>
    </message>
    <message>
      <location filename="../../desktop/cli.py" />
      <source>tham số {0}: cần một giá trị</source>
      <translation>argument {0}: needs a value</translation>
    </message>
    <message>
      <location filename="../../desktop/cli.py" />
      <source>tham số {0}: giá trị {2} không hợp lệ</source>
      <translation>argument {0}: the value {2} is not valid</translation>
    </message>
    <message>
      <location filename="../../desktop/cli.py" />
      <source>tham số {0}: không có lựa chọn {1} (chọn một trong: {2})</source>
      <translation>argument {0}: there is no choice {1} (choose one of: {2})</translation>
    </message>
    <message>
      <location filename="../../desktop/cli.py" />
      <source>tham số {0}: {1}</source>
      <translation>argument {0}: {1}</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/privacy.py" />
      <source>thay thế dữ liệu hiện có (dữ liệu cũ được giữ lại trong backups)</source>
      <translation>replace the current data (the old data is kept in backups)</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/setup.py" />
      <source>thiết lập phường/xã cho thư mục dữ liệu</source>
      <translation>set the ward of the data folder</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/audit.py" />
      <source>thiếu mục trước (số thứ tự {expected})</source>
      <translation>previous entry missing (number {expected})</translation>
    </message>
    <message>
      <location filename="../../desktop/cli.py" />
      <source>thiếu tham số bắt buộc: {0}</source>
      <translation>required arguments missing: {0}</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/privacy.py" />
      <source>thêm người dùng (người đầu tiên là quản trị)</source>
      <translation>add an operator (the first one is the admin)</translation>
    </message>
    <message>
      <location filename="../../desktop/cli.py" />
      <source>thư mục dữ liệu (mặc định: TOCDS_DATA_DIR hoặc thư mục dữ liệu của người dùng)</source>
      <translation>data folder (default: TOCDS_DATA_DIR or the user's data folder)</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/privacy.py" />
      <source>thư mục dữ liệu đích (nên là thư mục trống)</source>
      <translation>target data folder (best an empty one)</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/detail_view.py" />
      <source>tiếp nhận</source>
      <translation>acceptance</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/indicators.py" />
      <source>trong đó có điện thoại thông minh</source>
      <translation>of whom smartphone owners</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/page.py" />
      <source>trên số người có điện thoại thông minh: &lt;b&gt;{pct}&lt;/b&gt;</source>
      <translation>of smartphone owners: &lt;b&gt;{pct}&lt;/b&gt;</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/progress_view.py" />
      <source>trước ngày</source>
      <translation>by</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/xlsx_rows.py" />
      <source>trỏ tới chuỗi dùng chung số «{index}» nhưng tệp chỉ có {n} chuỗi</source>
      <translation>points at shared string number «{index}» but the file has only {n} strings</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/detail.py" />
      <source>tài khoản {day}</source>
      <translation>account {day}</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/access.py" />
      <source>tên người dùng đăng nhập để thực hiện lệnh (bắt buộc khi thư mục dữ liệu đã có người dùng)</source>
      <translation>name of the operator signing in to run the command (required once the data folder has operators)</translation>
    </message>
    <message>
      <location filename="../../desktop/cli.py" />
      <source>tên tệp quá dài</source>
      <translation>the file name is too long</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/setup.py" />
      <source>tên tổ CĐS</source>
      <translation>team name</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/households.py" />
      <location filename="../../desktop/commands/outreach.py" />
      <source>tên tổ dân phố / thôn</source>
      <translation>residential group / village name</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/households.py" />
      <source>tên tổ dân phố / thôn phải có từ 1 đến {n} ký tự</source>
      <translation>a residential group's name must have 1 to {n} characters</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/residents.py" />
      <source>tìm cư dân theo tên, số điện thoại hoặc CCCD</source>
      <translation>find residents by name, phone or CCCD</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/complaints.py" />
      <source>tìm theo mã phản ánh (cả mã hay một phần, ví dụ PA-7KX-4MT hoặc 7kx4mt)</source>
      <translation>find by complaint code (all or part of it, e.g. PA-7KX-4MT or 7kx4mt)</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/privacy.py" />
      <source>tạo bản sao lưu mã hóa</source>
      <translation>make an encrypted backup</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/outreach.py" />
      <source>tạo một phường mẫu (cư dân, đợt ra quân, lượt hỗ trợ...) để trình diễn</source>
      <translation>build a demo ward (residents, campaigns, help sessions...) for demonstrations</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/official_report.py" />
      <source>tạo tài khoản</source>
      <translation>create an account</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/xlsx_rows.py" />
      <source>tệp cần nhiều bộ nhớ hơn máy có; tệp bị từ chối.</source>
      <translation>the file needs more memory than this computer has; the file is refused.</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/households.py" />
      <source>tệp kết quả (bắt buộc với pdf; không có: json ra màn hình)</source>
      <translation>output file (required with pdf; none: json on the screen)</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/report.py" />
      <source>tệp kết quả (bắt buộc với xlsx và pdf)</source>
      <translation>output file (required for xlsx and pdf)</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/xls_rows.py" />
      <source>tệp lớn hơn {n} MB</source>
      <translation>the file is larger than {n} MB</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/privacy.py" />
      <source>tệp sao lưu</source>
      <translation>backup file</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/privacy.py" />
      <source>tệp sao lưu cần tạo</source>
      <translation>backup file to create</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/xlsx_rows.py" />
      <source>tệp thiếu một phần bắt buộc của bảng tính ({detail}).</source>
      <translation>the file lacks a required part of a workbook ({detail}).</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/setup.py" />
      <source>tệp văn bản, mỗi dòng một tổ dân phố / thôn</source>
      <translation>text file, one residential group / village per line</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/preferences.py" />
      <source>tệp {path} không phải chứng chỉ PEM (thiếu dòng BEGIN CERTIFICATE).</source>
      <translation>file {path} is not a PEM certificate (no BEGIN CERTIFICATE line).</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/detail_view.py" />
      <source>tới {agency}</source>
      <translation>to {agency}</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/report.py" />
      <source>từ ngày (dd/mm/yyyy hoặc yyyy-mm-dd)</source>
      <translation>from date (dd/mm/yyyy or yyyy-mm-dd)</translation>
    </message>
    <message>
      <location filename="../../desktop/services/complaints/attachments.py" />
      <source>video</source>
      <translation>video</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/export_panel.py" />
      <source>ví dụ 12 (để trống nếu chưa có số)</source>
      <translation>e.g. 12 (leave empty if not numbered yet)</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/page.py" />
      <source>ví dụ ABCD-EFGH-JKLM (chỉ cần lần đầu)</source>
      <translation>e.g. ABCD-EFGH-JKLM (first time only)</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/intake_form.py" />
      <source>vĩ độ, ví dụ 21.0285</source>
      <translation>latitude, e.g. 21.0285</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/xlsx_rows.py" />
      <source>vượt quá cột XFD</source>
      <translation>past column XFD</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/xlsx_rows.py" />
      <source>vượt quá cột XFD, cột cuối cùng của Excel</source>
      <translation>past column XFD, Excel's last column</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/privacy.py" />
      <source>xem nhật ký truy cập</source>
      <translation>view the audit trail</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/handoffs.py" />
      <source>xong: công an đã giải quyết; tra_lai: trả lại (cần --note); mo: mở lại (cần --note)</source>
      <translation>xong: resolved by the police; tra_lai: returned (needs --note); mo: reopened (needs --note)</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/residents.py" />
      <source>xuất danh sách cư dân ra .xlsx hoặc .csv</source>
      <translation>export the residents to .xlsx or .csv</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/residents.py" />
      <source>xuất dữ liệu ra tệp</source>
      <translation>export data to a file</translation>
    </message>
    <message>
      <location filename="../../desktop/store/integrity.py" />
      <source>xác thực mã hóa từng trang (cipher_integrity_check)</source>
      <translation>encryption check of every page (cipher_integrity_check)</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/detail_view.py" />
      <source>xử lý</source>
      <translation>handling</translation>
    </message>
    <message>
      <location filename="../../desktop/store/integrity.py" />
      <source>{check}: {findings}</source>
      <translation>{check}: {findings}</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/preferences.py" />
      <source>{field}: {problem}</source>
      <translation>{field}: {problem}</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/intake_form.py" />
      <source>{field}: «{value}» không phải số.</source>
      <translation>{field}: "{value}" is not a number.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/households/coverage.py" />
      <source>{households} hộ, {members} người cần gặp. Hộ vắng nhà lần trước được đưa lại vào danh sách.</source>
      <translation>{households} households, {members} people to see. Households not at home last time are back on the list.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/stage_columns.py" />
      <source>{label} {day} nhưng mức độ sử dụng iHaNoi là «{stage}».</source>
      <translation>{label} {day}, but the iHaNoi stage is «{stage}».</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/duplicates_view.py" />
      <source>{mine} (máy này) và {theirs} (máy khác) · {key}: {value}</source>
      <translation>{mine} (this laptop) and {theirs} (other laptop) · {key}: {value}</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/door_to_door.py" />
      <source>{names}: phiếu chuyển công an đang chờ, không tạo thêm.</source>
      <translation>{names}: a police hand-off is already waiting; no second one made.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/detail_view.py" />
      <source>{name} · {size} KB · chụp lúc {when}</source>
      <translation>{name} · {size} KB · taken at {when}</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/setup_wizard.py" />
      <source>{new} — gồm {old} cũ</source>
      <translation>{new} — includes former {old}</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/page.py" />
      <source>{n} bản ghi bị từ chối đang được giữ lại (xem danh sách bên dưới).</source>
      <translation>{n} refused records are held back (see the list below).</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/quarantine_view.py" />
      <source>{n} bản ghi bị từ chối đang được giữ lại. Bản ghi gửi đi: sửa bản ghi (ví dụ ở trang Cư dân), rồi bấm «Thử gửi lại». Bản ghi nhận về được tự thử lại ở mỗi lần đồng bộ.</source>
      <translation>{n} refused records are held back. Records sent from here: fix the record (for example on the Residents page), then press «Send again». Records received are tried again at every sync.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/quarantine_view.py" />
      <source>{n} bản ghi bị từ chối đang được giữ lại. Sửa bản ghi (ví dụ ở trang Cư dân), rồi bấm «Thử gửi lại».</source>
      <translation>{n} refused records are held back. Fix the record (for example on the Residents page), then press «Send again».</translation>
    </message>
    <message>
      <location filename="../../desktop/services/sync/labels.py" />
      <source>{n} bản ghi máy chủ đã có từ lần gửi trước.</source>
      <translation>{n} records the server already had from an earlier send.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/sync/labels.py" />
      <source>{n} bản ghi nhận về được để riêng (trùng số CCCD, hoặc chưa có bản ghi liên quan) chờ xử lý.</source>
      <translation>{n} received records set aside (same CCCD number, or a related record not here yet) waiting to be dealt with.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/xlsx_rows.py" />
      <source>{n} chuỗi</source>
      <translation>{n} strings</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/page.py" />
      <source>{n} cư dân</source>
      <translation>{n} residents</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/duplicates_view.py" />
      <source>{n} cư dân từ máy khác có số CCCD trùng với cư dân trên máy này. Hãy xem hai bản ghi: cùng một người thì gộp lại, hai người khác nhau thì sửa số CCCD bị nhập sai.</source>
      <translation>{n} residents from another laptop have the CCCD of a resident on this laptop. Look at the two records: the same person, merge them; two different people, correct the wrongly typed CCCD.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/page.py" />
      <source>{n} cư dân từ máy khác có số CCCD trùng với cư dân trên máy này: cần một người xem và quyết định (cùng một người, hay hai người khác nhau).</source>
      <translation>{n} residents from another laptop have the CCCD of a resident on this laptop: someone needs to review and decide (the same person, or two different people).</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/import_dialog.py" />
      <source>{n} cảnh báo: giá trị đã được sửa hoặc bỏ qua khi nhập (xem bảng).</source>
      <translation>{n} warnings: values changed or left out by the import (see the table).</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/import_dialog.py" />
      <source>{n} dòng dữ liệu, dòng tiêu đề số {row}. Kiểm tra cột nào là trường nào.</source>
      <translation>{n} data rows, header on row {row}. Check which column is which field.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/sections.py" />
      <source>{n} giờ làm việc</source>
      <translation>{n} working hours</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/door_to_door.py" />
      <source>{n} hộ cần đến, {m} người chưa có tài khoản · {covered}/{total} hộ đã xong · {later} hộ hẹn ngày khác · {without} người chưa ghép hộ</source>
      <translation>{n} households to visit, {m} people without an account · {covered}/{total} households done · {later} households booked for another day · {without} people in no household</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/xlsx_rows.py" />
      <source>{n} ký tự</source>
      <translation>{n} characters</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/xlsx_rows.py" />
      <source>{n} ký tự của một ô</source>
      <translation>{n} characters of one cell</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/audit_viewer.py" />
      <source>{n} mục</source>
      <translation>{n} entries</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/handoffs.py" />
      <source>{n} ngày</source>
      <translation>{n} days</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/handoffs_view.py" />
      <source>{n} phiếu, {w} đang chờ công an</source>
      <translation>{n} hand-offs, {w} waiting for the police</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/complaints.py" />
      <source>{n} phản ánh</source>
      <translation>{n} complaints</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/intake_form.py" />
      <source>{n} phản ánh đang mở có thể trùng. Chọn một rồi Ctrl+D để liên kết.</source>
      <translation>{n} open complaints may be duplicates. Choose one, then Ctrl+D to link.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/page.py" />
      <source>{n} phản ánh, {k} quá hạn</source>
      <translation>{n} complaints, {k} overdue</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/figures_activity.py" />
      <source>{n} sao</source>
      <translation>{n} stars</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/page.py" />
      <source>{n} thay đổi</source>
      <translation>{n} changes</translation>
    </message>
    <message>
      <location filename="../../desktop/services/sync/labels.py" />
      <source>{n} thay đổi bị máy chủ từ chối: được giữ lại trong «Bản ghi bị từ chối».</source>
      <translation>{n} changes refused by the server: kept under “Refused records”.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/sync/labels.py" />
      <source>{n} thay đổi là lần sửa tiếp theo của một bản ghi nên đi cùng bản ghi đó.</source>
      <translation>{n} changes were later edits of a record and went with it.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/setup_wizard.py" />
      <source>{n} tổ dân phố / thôn</source>
      <translation>{n} residential groups / villages</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/follow_ups_view.py" />
      <source>{n} việc cần theo dõi, {o} quá hạn</source>
      <translation>{n} follow-ups, {o} overdue</translation>
    </message>
    <message>
      <location filename="../../desktop/services/sync/labels.py" />
      <source>{n} xung đột chờ một người chọn giữ bản nào.</source>
      <translation>{n} conflicts wait for a person to choose which version to keep.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/sections.py" />
      <source>{n}/5</source>
      <translation>{n}/5</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/setup_wizard.py" />
      <source>{old} ({district}, trước 2025) nay thuộc: {new}</source>
      <translation>{old} ({district}, before 2025) is now part of: {new}</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/official_report.py" />
      <source>{place}, ngày {d:02d} tháng {m:02d} năm {y}</source>
      <translation>{place}, {d:02d}/{m:02d}/{y}</translation>
    </message>
    <message>
      <location filename="../../desktop/folder_lock.py" />
      <source>{program} của người dùng {user} trên máy {host} (tiến trình {pid}, từ {since})</source>
      <translation>{program} of the user {user} on the computer {host} (process {pid}, since {since})</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/progress_view.py" />
      <source>{p}/ngày</source>
      <translation>{p}/day</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/import_dialog.py" />
      <source>{total} dòng: {valid} hợp lệ, {bad} dòng lỗi, {dup} dòng trùng (sẽ không nhập).</source>
      <translation>{total} rows: {valid} valid, {bad} with errors, {dup} duplicates (will not be imported).</translation>
    </message>
    <message>
      <location filename="../../desktop/cli.py" />
      <source>{value} {limits}</source>
      <translation>{value} {limits}</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/secret_strength.py" />
      <source>{what} có dạng ngày tháng năm (như ngày sinh 150890 hoặc 15081990), người quen dễ đoán. Hãy chọn dãy số khác.</source>
      <translation>{what} looks like a date (such as a birth date 150890 or 15081990), easy for acquaintances to guess. Choose other digits.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/secret_strength.py" />
      <source>{what} là dãy số liên tiếp (như 123456, 654321), rất dễ đoán.</source>
      <translation>{what} is a run of consecutive digits (such as 123456, 654321), very easy to guess.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/secret_strength.py" />
      <source>{what} lặp lại một chữ số hoặc một nhóm chữ số (như 000000, 121212, 123123), rất dễ đoán.</source>
      <translation>{what} repeats one digit or a group of digits (such as 000000, 121212, 123123), very easy to guess.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/card_qr.py" />
      <source>{what} trong mã QR không phải ngày có thật.</source>
      <translation>{what} in the QR code is not a real date.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/card_qr.py" />
      <source>{what} trong mã QR không đúng dạng ngày (ddmmyyyy).</source>
      <translation>{what} in the QR code is not a date (ddmmyyyy).</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/xlsx_rows.py" />
      <source>{what} vượt quá giới hạn {limit}; tệp bị từ chối.</source>
      <translation>{what} is over the limit of {limit}; the file is refused.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/detail_view.py" />
      <source>{when}, {who}, kênh {channel}</source>
      <translation>{when}, {who}, channel {channel}</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/dialogs.py" />
      <source>«Không»: phản ánh sẽ được mở lại để xử lý tiếp.</source>
      <translation>"No": the complaint will be reopened for further handling.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/households/visits.py" />
      <source>«Người gặp» dài quá 300 ký tự.</source>
      <translation>«Met» is longer than 300 characters.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <source>«{field}» có giá trị không có trong danh mục.</source>
      <translation>“{field}” has a value that is not in the list.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <source>«{field}» có giá trị sai kiểu.</source>
      <translation>“{field}” has a value of the wrong type.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <source>«{field}» dài quá {limit} ký tự: hãy rút gọn (máy chủ không nhận bản ghi dài hơn).</source>
      <translation>“{field}” is longer than {limit} characters: please shorten it (the server does not accept longer records).</translation>
    </message>
    <message>
      <location filename="../../desktop/services/outreach/common.py" />
      <source>«{field}» dài quá {n} ký tự.</source>
      <translation>«{field}» is longer than {n} characters.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <source>«{field}» không phải là ngày/giờ hợp lệ.</source>
      <translation>“{field}” is not a valid date/time.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <source>«{field}» nằm ngoài khoảng cho phép.</source>
      <translation>“{field}” is outside the allowed range.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/indicators.py" />
      <source>«{field}» phải là số nguyên, không phải «{value}».</source>
      <translation>«{field}» must be a whole number, not «{value}».</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/indicators.py" />
      <source>«{field}» phải lớn hơn 0.</source>
      <translation>«{field}» must be greater than 0.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/indicators.py" />
      <source>«{field}» phải từ 0 đến {max}.</source>
      <translation>«{field}» must be from 0 to {max}.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <source>«{field}» thiếu múi giờ.</source>
      <translation>“{field}” lacks its time zone.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/files.py" />
      <source>«{file}» là một thư mục, không phải tệp danh sách.</source>
      <translation>«{file}» is a folder, not a list file.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/card_photo.py" />
      <source>«{name}» là một thư mục, không phải tệp ảnh.</source>
      <translation>«{name}» is a folder, not a photo file.</translation>
    </message>
    <message>
      <location filename="../../desktop/cli.py" />
      <source>«{path}» là một thư mục, không phải tệp.</source>
      <translation>«{path}» is a folder, not a file.</translation>
    </message>
    <message>
      <location filename="../../desktop/cli.py" />
      <source>«{path}» là một thư mục; hãy đưa tên tệp cần ghi.</source>
      <translation>«{path}» is a folder; give the name of the file to write.</translation>
    </message>
    <message>
      <location filename="../../desktop/cli.py" />
      <source>«{path}» là một tệp, không phải thư mục dữ liệu.</source>
      <translation>«{path}» is a file, not a data folder.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/preferences.py" />
      <source>«{url}» không phải địa chỉ hợp lệ; ví dụ https://dongbo.hanoi.gov.vn</source>
      <translation>“{url}” is not a valid address; for example https://dongbo.hanoi.gov.vn</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/preferences.py" />
      <source>«{url}» không phải địa chỉ proxy hợp lệ; ví dụ http://proxy.phuong.vn:8080 (để trống: dùng proxy của hệ thống).</source>
      <translation>«{url}» is not a valid proxy address; for example http://proxy.phuong.vn:8080 (leave empty: use the system's proxy).</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/xlsx_rows.py" />
      <source>«{value}» không phải là một số</source>
      <translation>«{value}» is not a number</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/stage_columns.py" />
      <source>«{value}» không phải ngày (dùng dd/mm/yyyy).</source>
      <translation>«{value}» is not a date (use dd/mm/yyyy).</translation>
    </message>
    <message>
      <location filename="../../desktop/cli.py" />
      <source>«{value}» {limits}</source>
      <translation>«{value}» {limits}</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/door_to_door.py" />
      <source>Ô «Kết quả» chỉ nhận các số 1 đến 5 (gặp «{ch}»).</source>
      <translation>The «Outcomes» box takes only the digits 1 to 5 (found «{ch}»).</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/dialogs.py" />
      <source>Ý kiến cư dân sau xử lý</source>
      <translation>Resident's feedback after handling</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <source>Ý kiến sau xử lý</source>
      <translation>Feedback after handling</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/xlsx_rows.py" />
      <source>ô nằm ở dòng khác với dòng chứa nó</source>
      <translation>the cell names another row than the one it is in</translation>
    </message>
    <message>
      <location filename="../../desktop/core/outreach_vocab.py" />
      <source>Đang chờ công an</source>
      <translation>Waiting for the police</translation>
    </message>
    <message>
      <location filename="../../desktop/services/sync/service.py" />
      <source>Đang có một lần đồng bộ khác trên thư mục dữ liệu này: {holder}. Lần đồng bộ này được bỏ qua; hãy chờ lần kia xong.</source>
      <translation>Another sync of this data folder is running: {holder}. This sync is skipped; wait for the other one to finish.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/restore.py" />
      <source>Đang có một lần đồng bộ trên thư mục dữ liệu này: {holder}. Hãy chờ đồng bộ xong rồi khôi phục lại; không có gì bị thay đổi.</source>
      <translation>A sync of this data folder is running: {holder}. Wait for it to finish, then restore again; nothing was changed.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/import_dialog.py" />
      <source>Đang dừng…</source>
      <translation>Stopping…</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/importing.py" />
      <source>Đang ghi vào đĩa…</source>
      <translation>Writing to disk…</translation>
    </message>
    <message>
      <location filename="../../desktop/services/sync/labels.py" />
      <source>Đang gửi: {done}/{total} thay đổi</source>
      <translation>Sending: {done}/{total} changes</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/operators_dialog.py" />
      <source>Đang hoạt động</source>
      <translation>Active</translation>
    </message>
    <message>
      <location filename="../../desktop/core/outreach_vocab.py" />
      <source>Đang hỗ trợ</source>
      <translation>In progress</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/backup_dialog.py" />
      <location filename="../../desktop/gui/people/restore_dialog.py" />
      <source>Đang khôi phục…</source>
      <translation>Restoring…</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/importing.py" />
      <source>Đang kiểm tra dòng {n}</source>
      <translation>Checking row {n}</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/detail.py" />
      <source>Đang kiểm tra quyền xem…</source>
      <translation>Checking permission to view…</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/import_dialog.py" />
      <source>Đang kiểm tra…</source>
      <translation>Checking…</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/importing.py" />
      <source>Đang lưu {done}/{total}</source>
      <translation>Saving {done}/{total}</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/intake_form.py" />
      <location filename="../../desktop/gui/residents/form.py" />
      <source>Đang lưu…</source>
      <translation>Saving…</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/export_panel.py" />
      <source>Đang lập báo cáo…</source>
      <translation>Preparing the report…</translation>
    </message>
    <message>
      <location filename="../../desktop/services/sync/labels.py" />
      <source>Đang nhận: {done}/{total} bản ghi</source>
      <translation>Receiving: {done}/{total} records</translation>
    </message>
    <message>
      <location filename="../../desktop/services/sync/labels.py" />
      <source>Đang nhận: {n} bản ghi</source>
      <translation>Receiving: {n} records</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/import_dialog.py" />
      <source>Đang nhập…</source>
      <translation>Importing…</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/backup_dialog.py" />
      <source>Đang sao lưu…</source>
      <translation>Backing up…</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/page.py" />
      <source>Đang trực: {name}</source>
      <translation>On duty: {name}</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/page.py" />
      <source>Đang tính số liệu…</source>
      <translation>Computing the figures…</translation>
    </message>
    <message>
      <location filename="../../desktop/services/setup/demo_data.py" />
      <source>Đang tạo cư dân mẫu</source>
      <translation>Creating demo residents</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/triage_panel.py" />
      <source>Đang tải hướng dẫn…</source>
      <translation>Loading the guide…</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/page.py" />
      <source>Đang xuất…</source>
      <translation>Exporting…</translation>
    </message>
    <message>
      <location filename="../../desktop/core/complaint_lifecycle.py" />
      <source>Đang xử lý</source>
      <translation>Being handled</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/search_box.py" />
      <source>Đang đọc ảnh «{name}»…</source>
      <translation>Reading the photo «{name}»…</translation>
    </message>
    <message>
      <location filename="../../desktop/services/sync/service.py" />
      <source>Đang đồng bộ, vui lòng chờ.</source>
      <translation>A sync is running, please wait.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/page.py" />
      <source>Đang đồng bộ…</source>
      <translation>Syncing…</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/page.py" />
      <source>Đi từng nhà</source>
      <translation>Door to door</translation>
    </message>
    <message>
      <location filename="../../desktop/core/complaint_catalogue.py" />
      <source>Điểm hỗ trợ</source>
      <translation>Support booth</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/help/topics.py" />
      <source>Điểm hỗ trợ (chế độ quầy)</source>
      <translation>Support booths (booth mode)</translation>
    </message>
    <message>
      <location filename="../../desktop/core/outreach_vocab.py" />
      <source>Điểm hỗ trợ tại siêu thị / trung tâm thương mại</source>
      <translation>Booth at a supermarket / shopping centre</translation>
    </message>
    <message>
      <location filename="../../desktop/core/complaint_catalogue.py" />
      <location filename="../../desktop/gui/complaints/intake_form.py" />
      <location filename="../../desktop/gui/outreach/follow_ups_view.py" />
      <source>Điện thoại</source>
      <translation>Phone</translation>
    </message>
    <message>
      <location filename="../../desktop/core/outreach_vocab.py" />
      <source>Điện thoại cũ hoặc không hỗ trợ</source>
      <translation>Phone too old or unsupported</translation>
    </message>
    <message>
      <location filename="../../desktop/core/outreach_vocab.py" />
      <source>Đoàn thanh niên</source>
      <translation>Youth Union</translation>
    </message>
    <message>
      <location filename="../../desktop/core/complaint_lifecycle.py" />
      <source>Đánh dấu trùng</source>
      <translation>Mark as duplicate</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/follow_ups_view.py" />
      <source>Đánh dấu đã xong (Ctrl+D)</source>
      <translation>Mark done (Ctrl+D)</translation>
    </message>
    <message>
      <location filename="../../desktop/services/households/coverage.py" />
      <source>Đánh dấu ✓ người đã gặp và ghi số kết quả: {legend}. Khi nhập vào máy: gõ mã hộ, rồi số kết quả của từng người.</source>
      <translation>Tick ✓ the people met and write the outcome's number: {legend}. To enter it: type the household code, then each person's outcome number.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/page.py" />
      <source>Đánh giá</source>
      <translation>Rating</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/card_compare.py" />
      <source>Đây là thẻ đang so sánh. Enter: sửa theo thẻ · Esc: giữ nguyên hồ sơ.</source>
      <translation>This is the card being compared. Enter: correct from the card · Esc: keep the record.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/vocab.py" />
      <location filename="../../desktop/gui/outreach/progress_view.py" />
      <location filename="../../desktop/gui/reports/page.py" />
      <source>Đã biết</source>
      <translation>Aware</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/page.py" />
      <source>Đã biết: &lt;b&gt;{pct}&lt;/b&gt;</source>
      <translation>Aware: &lt;b&gt;{pct}&lt;/b&gt;</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/cross_ward.py" />
      <source>Đã báo máy chủ.</source>
      <translation>The server has been told.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/cross_ward_view.py" />
      <source>Đã báo máy chủ: cư dân đã chuyển đi.</source>
      <translation>The server has been told: the resident moved away.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/backup_dialog.py" />
      <source>Đã bật: mỗi ngày một bản trong thư mục backups của dữ liệu.</source>
      <translation>On: one backup a day in the data folder's backups folder.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/importing.py" />
      <source>Đã bỏ ký tự điều khiển (mã {codes}) khỏi giá trị.</source>
      <translation>Control characters (codes {codes}) were removed from the value.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/complaint_lifecycle.py" />
      <source>Đã chuyển</source>
      <translation>Forwarded</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/household_dialog.py" />
      <source>Đã chuyển người này ra khỏi hộ.</source>
      <translation>This person was moved out of the household.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/booth.py" />
      <location filename="../../desktop/services/outreach/help_sessions.py" />
      <source>Đã chọn «Lý do khác»: hãy ghi rõ lý do.</source>
      <translation>«Other reason» is chosen: write the reason.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/intake_form.py" />
      <source>Đã chọn: {name}</source>
      <translation>Chosen: {name}</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/progress_view.py" />
      <source>Đã cài</source>
      <translation>Installed</translation>
    </message>
    <message>
      <location filename="../../desktop/core/vocab.py" />
      <location filename="../../desktop/gui/reports/page.py" />
      <location filename="../../desktop/services/reports/documents.py" />
      <source>Đã cài đặt</source>
      <translation>Installed</translation>
    </message>
    <message>
      <location filename="../../desktop/core/outreach_vocab.py" />
      <source>Đã cài đặt ứng dụng</source>
      <translation>App installed</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/page.py" />
      <source>Đã cài đặt: &lt;b&gt;{pct}&lt;/b&gt;</source>
      <translation>Installed: &lt;b&gt;{pct}&lt;/b&gt;</translation>
    </message>
    <message>
      <location filename="../../desktop/store/errors.py" />
      <source>Đã có cơ sở dữ liệu tại {path} nhưng không tìm thấy khóa giải mã của nó trong kho khóa của máy này. Nếu dữ liệu được chép từ máy khác hoặc mật khẩu Windows vừa bị đặt lại, hãy bấm «Khôi phục từ bản sao lưu» và nhập mật khẩu của bản sao lưu (hoặc chạy tocds-cli restore TỆP_SAO_LƯU --replace, tệp tocds-cli.exe nằm trong thư mục cài đặt); nếu không, hãy liên hệ tổ trưởng hoặc quản trị.</source>
      <translation>There is a database at {path} but its decryption key is not in this computer's keyring. If the data was copied from another computer or the Windows password was just reset, press «Restore from a backup» and type the backup's passphrase (or run tocds-cli restore BACKUP_FILE --replace; tocds-cli.exe is in the installation folder); otherwise contact the team lead or the administrator.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/residents.py" />
      <source>Đã có người cùng họ tên và năm sinh: {who}.</source>
      <translation>Someone with the same name and birth year is registered: {who}.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/operators.py" />
      <source>Đã có người dùng tên «{name}».</source>
      <translation>There is already an operator named “{name}”.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/operators.py" />
      <source>Đã có người dùng; hãy đăng nhập bằng tài khoản quản trị để thêm người.</source>
      <translation>Operators already exist; sign in as an admin to add people.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/import_dialog.py" />
      <source>Đã có trong danh sách ({kind}).</source>
      <translation>Already registered ({kind}).</translation>
    </message>
    <message>
      <location filename="../../desktop/core/vocab.py" />
      <source>Đã có tài khoản từ trước</source>
      <translation>Already had an account</translation>
    </message>
    <message>
      <location filename="../../desktop/core/outreach_vocab.py" />
      <source>Đã dùng lần đầu (bật thông báo, gửi thử phản ánh)</source>
      <translation>First use (notifications on, test report sent)</translation>
    </message>
    <message>
      <location filename="../../desktop/cli.py" />
      <source>Đã dừng theo yêu cầu.</source>
      <translation>Stopped as requested.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/import_dialog.py" />
      <source>Đã dừng: không có cư dân nào được nhập.</source>
      <translation>Stopped: no resident was imported.</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/report.py" />
      <location filename="../../desktop/gui/reports/export_panel.py" />
      <source>Đã ghi báo cáo vào {path}</source>
      <translation>Report written to {path}</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/door_to_door.py" />
      <source>Đã ghi danh sách vào {path}</source>
      <translation>List written to {path}</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/households.py" />
      <source>Đã ghi danh sách {households} hộ ({members} người cần gặp) vào {path}</source>
      <translation>Wrote the list of {households} households ({members} people to see) to {path}</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/door_to_door.py" />
      <source>Đã ghi lần đến hộ {code} ({n} người).</source>
      <translation>Visit to household {code} recorded ({n} people).</translation>
    </message>
    <message>
      <location filename="../../desktop/core/complaint_lifecycle.py" />
      <source>Đã ghi nhận</source>
      <translation>Recorded</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/log_views.py" />
      <source>Đã ghi tin «{title}».</source>
      <translation>Item «{title}» recorded.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/handoffs_view.py" />
      <source>Đã giải quyết (Ctrl+D)</source>
      <translation>Resolved (Ctrl+D)</translation>
    </message>
    <message>
      <location filename="../../desktop/services/complaints/complaints.py" />
      <source>Đã giải quyết chưa: chọn có, một phần, không hoặc không biết.</source>
      <translation>Resolved: choose yes, partly, no or don't know.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/conflicts_view.py" />
      <source>Đã giải quyết; thay đổi sẽ được gửi ở lần đồng bộ tới.</source>
      <translation>Resolved; the change goes out with the next sync.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/outreach_vocab.py" />
      <source>Đã giới thiệu iHaNoi</source>
      <translation>Told about iHaNoi</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/follow_ups_view.py" />
      <source>Đã gọi</source>
      <translation>Called</translation>
    </message>
    <message>
      <location filename="../../desktop/services/sync/labels.py" />
      <source>Đã gửi {records} bản ghi lên máy chủ ({changes} thay đổi).</source>
      <translation>Sent {records} records to the server ({changes} changes).</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/detail.py" />
      <source>Đã hiện số đầy đủ; lần xem này đã được ghi vào nhật ký truy cập.</source>
      <translation>Full numbers shown; this view has been recorded in the access log.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/vocab.py" />
      <source>Đã hỗ trợ xong</source>
      <translation>Helped now</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/privacy.py" />
      <source>Đã khôi phục bản sao lưu lập lúc {at} vào {path}.</source>
      <translation>Restored the backup made at {at} into {path}.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/backup_dialog.py" />
      <source>Đã khôi phục bản sao lưu lập lúc {at}.</source>
      <translation>Restored the backup made at {at}.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/outreach_vocab.py" />
      <source>Đã liên kết VNeID</source>
      <translation>Linked with VNeID</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/dialogs.py" />
      <source>Đã làm gì, ở đâu, kết quả ra sao (ít nhất 2 câu)</source>
      <translation>What was done, where, with what result (at least 2 sentences)</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/quarantine_view.py" />
      <source>Đã lưu bản ghi này trên máy.</source>
      <translation>This record is now stored on this laptop.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/page.py" />
      <source>Đã lưu cài đặt đồng bộ.</source>
      <translation>Sync settings saved.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/settings_page.py" />
      <source>Đã lưu cài đặt.</source>
      <translation>Settings saved.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/booth.py" />
      <source>Đã lưu lượt hỗ trợ của {name}. Mời người tiếp theo.</source>
      <translation>Help session of {name} saved. Next person, please.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/backup_dialog.py" />
      <source>Đã lưu mật khẩu sao lưu tự động. Hãy ghi nhớ nó: cần để khôi phục trên máy khác.</source>
      <translation>Automatic backup passphrase saved. Remember it: it is needed to restore on another computer.</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/privacy.py" />
      <source>Đã lưu mật khẩu sao lưu vào kho khóa. Hãy ghi nhớ nó: cần để khôi phục trên máy khác.</source>
      <translation>Backup passphrase saved in the keyring. Remember it: it is needed to restore on another computer.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/progress_view.py" />
      <source>Đã lưu mục tiêu.</source>
      <translation>Target saved.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/duplicates_view.py" />
      <source>Đã lưu quyết định; thay đổi sẽ được gửi ở lần đồng bộ tới.</source>
      <translation>Decision saved; the changes will be sent at the next sync.</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/indicators.py" />
      <location filename="../../desktop/gui/reports/ward_figures_form.py" />
      <source>Đã lưu số liệu năm {year}.</source>
      <translation>Figures for {year} saved.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/operators_dialog.py" />
      <source>Đã lưu thay đổi.</source>
      <translation>Changes saved.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/form.py" />
      <source>Đã lưu: {name}</source>
      <translation>Saved: {name}</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/sections.py" />
      <source>Đã lấy ý kiến {n} lượt; điểm hài lòng bình quân: {avg}.</source>
      <translation>{n} opinions collected; average satisfaction: {avg}.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/sync/labels.py" />
      <source>Đã nhận {n} bản ghi từ máy chủ.</source>
      <translation>Received {n} records from the server.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/operators.py" />
      <source>Đã nhập sai quá {n} lần. Thử lại sau {m} phút.</source>
      <translation>More than {n} wrong tries. Try again in {m} minutes.</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/residents.py" />
      <location filename="../../desktop/gui/residents/import_dialog.py" />
      <source>Đã nhập {n} cư dân.</source>
      <translation>Imported {n} residents.</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/setup.py" />
      <source>Đã thiết lập {ward}, {province}. Thư mục dữ liệu: {path}</source>
      <translation>Set up {ward}, {province}. Data folder: {path}</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/log_views.py" />
      <source>Đã thêm lớp tập huấn tại {place}.</source>
      <translation>Training class at {place} added.</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/privacy.py" />
      <source>Đã thêm người dùng {name} ({role}).</source>
      <translation>Added operator {name} ({role}).</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/operators_dialog.py" />
      <source>Đã thêm người dùng.</source>
      <translation>Operator added.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/page.py" />
      <source>Đã thêm {name}.</source>
      <translation>{name} added.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/campaigns_view.py" />
      <source>Đã thêm «{name}»{extra}.</source>
      <translation>«{name}» added{extra}.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/complaint_lifecycle.py" />
      <source>Đã tiếp nhận</source>
      <translation>Accepted</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/page.py" />
      <source>Đã tạo TK</source>
      <translation>Account</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/backup_dialog.py" />
      <source>Đã tạo bản sao lưu {path} ({size} KB).</source>
      <translation>Backup made: {path} ({size} KB).</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/privacy.py" />
      <source>Đã tạo bản sao lưu {path} ({size} byte).</source>
      <translation>Backup made: {path} ({size} bytes).</translation>
    </message>
    <message>
      <location filename="../../desktop/services/setup/demo_data.py" />
      <source>Đã tạo cư dân mẫu</source>
      <translation>Demo residents created</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/outreach.py" />
      <source>Đã tạo dữ liệu mẫu: {residents} cư dân, {campaigns} đợt ra quân, {sessions} lượt hỗ trợ ({seconds} giây).</source>
      <translation>Demo data built: {residents} residents, {campaigns} campaigns, {sessions} help sessions ({seconds} s).</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/booth.py" />
      <source>Đã tạo phiếu chuyển công an ({reasons}).</source>
      <translation>Police hand-off made ({reasons}).</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/door_to_door.py" />
      <source>Đã tạo phiếu chuyển công an cho {names}.</source>
      <translation>Police hand-off made for {names}.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/outreach_vocab.py" />
      <location filename="../../desktop/core/vocab.py" />
      <location filename="../../desktop/gui/reports/page.py" />
      <source>Đã tạo tài khoản</source>
      <translation>Account created</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/setup.py" />
      <source>Đã tạo tài khoản quản trị {name}.</source>
      <translation>Admin account {name} created.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/page.py" />
      <source>Đã tạo tài khoản: &lt;b&gt;{pct}&lt;/b&gt;</source>
      <translation>Account created: &lt;b&gt;{pct}&lt;/b&gt;</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/import_dialog.py" />
      <source>Đã tạo {n} hộ mới.</source>
      <translation>{n} new households made.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/operators_dialog.py" />
      <source>Đã vô hiệu hóa</source>
      <translation>Deactivated</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/operators_dialog.py" />
      <source>Đã vô hiệu hóa người dùng.</source>
      <translation>Operator deactivated.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/page.py" />
      <source>Đã xuất {n} cư dân ra {file}</source>
      <translation>Exported {n} residents to {file}</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/residents.py" />
      <source>Đã xuất {n} cư dân ra {file}.</source>
      <translation>Exported {n} residents to {file}.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/form.py" />
      <source>Đã xác nhận số CCCD đúng như trên thẻ.</source>
      <translation>The ID number is confirmed as printed on the card.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/household_dialog.py" />
      <source>Đã xóa hộ; {n} người vẫn còn trong danh sách cư dân.</source>
      <translation>Household deleted; {n} people stay in the residents list.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/crash.py" />
      <source>Đã xảy ra lỗi không mong muốn. Dữ liệu đã lưu không bị mất; bạn có thể tiếp tục làm việc.</source>
      <translation>An unexpected error occurred. Saved data is not lost; you can keep working.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/complaint_lifecycle.py" />
      <source>Đã xử lý</source>
      <translation>Handled</translation>
    </message>
    <message>
      <location filename="../../desktop/core/complaint_lifecycle.py" />
      <source>Đã xử lý xong</source>
      <translation>Mark handled</translation>
    </message>
    <message>
      <location filename="../../desktop/services/outreach/communications.py" />
      <source>Đã {days} ngày chưa đăng tin truyền thông (tin gần nhất {date}). Chỉ thị yêu cầu ít nhất 3 ngày một tin.</source>
      <translation>{days} days without a published item (last one {date}). The directive requires at least one every 3 days.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/form.py" />
      <source>Đã điền theo thẻ. Còn: tổ, điện thoại, đồng ý.</source>
      <translation>Filled from the card. Left: group, phone, consent.</translation>
    </message>
    <message>
      <location filename="../../desktop/services/sync/cross_ward.py" />
      <source>Đã đánh dấu chuyển đi (phường này)</source>
      <translation>Marked as moved away (this ward)</translation>
    </message>
    <message>
      <location filename="../../desktop/core/complaint_lifecycle.py" />
      <source>Đã đánh giá</source>
      <translation>Rated</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/dialogs.py" />
      <source>Đã được giải quyết?</source>
      <translation>Was it resolved?</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/progress_view.py" />
      <source>Đã đạt</source>
      <translation>Reached</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/search_box.py" />
      <source>Đã đọc thẻ CCCD, đang tra cứu…</source>
      <translation>ID card read, looking it up…</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/household_dialog.py" />
      <source>Đã đổi chủ hộ.</source>
      <translation>The head of household was changed.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/app.py" />
      <location filename="../../desktop/gui/crash.py" />
      <location filename="../../desktop/gui/help/about.py" />
      <source>Đóng</source>
      <translation>Close</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/form.py" />
      <source>Đúng như trên thẻ</source>
      <translation>As on the card</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/form.py" />
      <location filename="../../desktop/gui/residents/page.py" />
      <source>Đăng ký cư dân mới</source>
      <translation>Register a new resident</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/page.py" />
      <source>Đăng ký mới (Ctrl+N)</source>
      <translation>New registration (Ctrl+N)</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/booth.py" />
      <source>Đăng ký mới (F2)</source>
      <translation>Register new (F2)</translation>
    </message>
    <message>
      <location filename="../../desktop/core/permissions.py" />
      <source>Đăng ký, sửa thông tin cư dân</source>
      <translation>Register and edit residents</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/sign_in.py" />
      <location filename="../../desktop/services/people/audit.py" />
      <source>Đăng nhập</source>
      <translation>Sign in</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/operators_dialog.py" />
      <source>Đăng nhập bằng</source>
      <translation>Signs in with</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/operators_dialog.py" />
      <source>Đăng nhập bằng:</source>
      <translation>Signs in with:</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/audit.py" />
      <source>Đăng nhập sai</source>
      <translation>Failed sign-in</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/audit.py" />
      <source>Đăng xuất</source>
      <translation>Sign out</translation>
    </message>
    <message>
      <location filename="../../desktop/services/complaints/attachments.py" />
      <source>Đường dẫn tệp đính kèm nằm ngoài thư mục dữ liệu: {path}</source>
      <translation>Attachment path is outside the data folder: {path}</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/household_dialog.py" />
      <source>Đặt làm chủ hộ</source>
      <translation>Make head of household</translation>
    </message>
    <message>
      <location filename="../../desktop/services/households/coverage.py" />
      <source>Đến ngày hẹn quay lại</source>
      <translation>Due to come back</translation>
    </message>
    <message>
      <location filename="../../desktop/core/complaint_catalogue.py" />
      <source>Đến tận nhà</source>
      <translation>Door to door</translation>
    </message>
    <message>
      <location filename="../../desktop/core/outreach_vocab.py" />
      <source>Đến từng nhà trong tổ dân phố</source>
      <translation>Door to door in a residential group</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/audit_viewer.py" />
      <source>Đến:</source>
      <translation>To:</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/export_panel.py" />
      <source>Đề xuất, kiến nghị với cấp trên…</source>
      <translation>Proposals to the upper level…</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/export_panel.py" />
      <source>Đề xuất, kiến nghị:</source>
      <translation>Proposals:</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/settings_page.py" />
      <source>Để trống nếu máy chủ dùng chứng chỉ thông thường</source>
      <translation>Leave empty if the server uses an ordinary certificate</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/settings_page.py" />
      <source>Để trống để dùng proxy của Windows</source>
      <translation>Leave empty to use Windows' proxy</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <location filename="../../desktop/gui/complaints/intake_form.py" />
      <location filename="../../desktop/gui/residents/detail.py" />
      <source>Địa chỉ</source>
      <translation>Address</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/settings_page.py" />
      <source>Địa chỉ &amp;máy chủ:</source>
      <translation>Server &amp;address:</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/page.py" />
      <source>Địa chỉ máy chủ</source>
      <translation>Server address</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/page.py" />
      <location filename="../../desktop/services/sync/service.py" />
      <source>Địa chỉ máy chủ không hợp lệ: {url}. Dùng https:// (http chỉ dùng cho chính máy này).</source>
      <translation>Invalid server address: {url}. Use https:// (http only for this computer).</translation>
    </message>
    <message>
      <location filename="../../desktop/services/people/preferences.py" />
      <source>Địa chỉ máy chủ đồng bộ</source>
      <translation>Sync server address</translation>
    </message>
    <message>
      <location filename="../../desktop/services/households/coverage.py" />
      <source>Địa chỉ: {address}</source>
      <translation>Address: {address}</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <location filename="../../desktop/gui/complaints/detail_view.py" />
      <location filename="../../desktop/gui/complaints/intake_form.py" />
      <source>Địa điểm</source>
      <translation>Place</translation>
    </message>
    <message>
      <location filename="../../desktop/services/complaints/complaints.py" />
      <source>Địa điểm: nhập địa chỉ, chọn tổ dân phố hoặc ghi toạ độ.</source>
      <translation>Place: type an address, choose a residential group or give coordinates.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/search_box.py" />
      <source>Đọc mã QR trên thẻ CCCD từ một ảnh chụp (ảnh không được lưu lại)</source>
      <translation>Read the QR code of an ID card from a photo (the photo is not kept)</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <location filename="../../desktop/gui/outreach/log_views.py" />
      <location filename="../../desktop/gui/people/audit_viewer.py" />
      <source>Đối tượng</source>
      <translation>Target group</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/importing.py" />
      <location filename="../../desktop/services/residents/residents.py" />
      <source>Đối tượng «{value}» không có trong danh mục.</source>
      <translation>The target group «{value}» is not in the list.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/help/topics.py" />
      <location filename="../../desktop/gui/pages.py" />
      <location filename="../../desktop/gui/settings_page.py" />
      <source>Đồng bộ</source>
      <translation>Sync</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/page.py" />
      <source>Đồng bộ ngay</source>
      <translation>Sync now</translation>
    </message>
    <message>
      <location filename="../../desktop/services/sync/service.py" />
      <source>Đồng bộ thất bại: {detail}</source>
      <translation>Sync failed: {detail}</translation>
    </message>
    <message>
      <location filename="../../desktop/core/permissions.py" />
      <source>Đồng bộ với máy chủ</source>
      <translation>Sync with the server</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/detail.py" />
      <location filename="../../desktop/gui/residents/form.py" />
      <location filename="../../desktop/services/residents/export.py" />
      <source>Đồng ý</source>
      <translation>Consent</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/intake_form.py" />
      <source>Đồng ý liên hệ lại</source>
      <translation>Consent to be contacted</translation>
    </message>
    <message>
      <location filename="../../desktop/services/complaints/complaints.py" />
      <source>Đồng ý liên hệ lại: cần số điện thoại hoặc chọn cư dân đã đăng ký.</source>
      <translation>Consent to be contacted: a phone number or a registered resident is needed.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <source>Đồng ý xử lý dữ liệu</source>
      <translation>Consent to data processing</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/consent.py" />
      <source>Đồng ý xử lý dữ liệu cá nhân</source>
      <translation>Consent to personal data processing</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/stage_columns.py" />
      <source>Đồng ý «{value}» không rõ (Có hoặc Không).</source>
      <translation>Consent «{value}» is unclear (Yes or No).</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <location filename="../../desktop/gui/complaints/intake_form.py" />
      <source>Đồng ý được liên hệ lại</source>
      <translation>Consents to be contacted</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/hook.py" />
      <location filename="../../desktop/gui/people/sign_in.py" />
      <source>Đổi người dùng</source>
      <translation>Switch operator</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <location filename="../../desktop/gui/outreach/page.py" />
      <source>Đợt ra quân</source>
      <translation>Campaigns</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/page.py" />
      <location filename="../../desktop/services/reports/official_report.py" />
      <source>Đợt ra quân / điểm hỗ trợ</source>
      <translation>Campaign / booth</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/documents.py" />
      <source>Đợt ra quân, điểm hỗ trợ</source>
      <translation>Campaigns and booths</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/page.py" />
      <source>Đợt:</source>
      <translation>Campaign:</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/page.py" />
      <source>đang chờ máy chủ xác nhận mã đăng ký: bấm «Đồng bộ ngay» để hoàn tất</source>
      <translation>waiting for the server to confirm the enrolment code: press “Sync now” to finish</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/booth.py" />
      <source>đang lưu…</source>
      <translation>saving…</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/cross_ward.py" />
      <source>đánh dấu cư dân của phường này đã chuyển đi</source>
      <translation>mark this ward's resident as moved away</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/handoffs.py" />
      <source>đánh dấu phiếu đã xong hoặc trả lại</source>
      <translation>mark a hand-off done or returned</translation>
    </message>
    <message>
      <location filename="../../desktop/cli.py" />
      <source>đây là một thư mục, không phải tệp</source>
      <translation>this is a folder, not a file</translation>
    </message>
    <message>
      <location filename="../../desktop/cli.py" />
      <source>đã có một tệp cùng tên</source>
      <translation>a file of that name exists</translation>
    </message>
    <message>
      <location filename="../../desktop/services/reports/official_report.py" />
      <source>đã quá hạn {n} ngày</source>
      <translation>{n} days past the deadline</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/privacy.py" />
      <source>đã vô hiệu hóa</source>
      <translation>deactivated</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/page.py" />
      <source>đã đăng ký</source>
      <translation>enrolled</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/privacy.py" />
      <source>đặt mật khẩu cho sao lưu tự động (giữ trong kho khóa)</source>
      <translation>set the automatic backup passphrase (kept in the keyring)</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/reports/page.py" />
      <source>đến ngày</source>
      <translation>to</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/report.py" />
      <source>đến ngày (dd/mm/yyyy hoặc yyyy-mm-dd)</source>
      <translation>to date (dd/mm/yyyy or yyyy-mm-dd)</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/people/operators_dialog.py" />
      <source>để trống nếu không đổi</source>
      <translation>leave empty to keep</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/sync/page.py" />
      <source>để trống nếu máy chủ dùng chứng chỉ thông thường</source>
      <translation>leave empty if the server uses a regular certificate</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/sync.py" />
      <source>địa chỉ máy chủ (mặc định: địa chỉ đã lưu)</source>
      <translation>server address (default: the saved one)</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/xlsx_rows.py" />
      <source>địa chỉ ô không hợp lệ</source>
      <translation>the cell reference is not valid</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/xlsx_rows.py" />
      <source>định dạng số</source>
      <translation>number formats</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/xlsx_rows.py" />
      <source>định dạng ô</source>
      <translation>cell formats</translation>
    </message>
    <message>
      <location filename="../../desktop/store/errors.py" />
      <source>đọc dữ liệu</source>
      <translation>reading data</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/sync.py" />
      <source>đồng bộ với máy chủ trung tâm</source>
      <translation>sync with the central server</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/detail_view.py" />
      <source>đồng ý liên hệ lại</source>
      <translation>consents to be contacted</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/outreach.py" />
      <source>đợt ra quân và điểm hỗ trợ</source>
      <translation>campaigns and booths</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/search_box.py" />
      <source>Ảnh (*.jpg *.jpeg *.png *.bmp *.webp);;Mọi tệp (*)</source>
      <translation>Images (*.jpg *.jpeg *.png *.bmp *.webp);;All files (*)</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/detail_view.py" />
      <location filename="../../desktop/gui/complaints/intake_form.py" />
      <source>Ảnh và video ({patterns})</source>
      <translation>Photos and videos ({patterns})</translation>
    </message>
    <message>
      <location filename="../../desktop/services/residents/card_photo.py" />
      <source>Ảnh «{name}» có quá nhiều điểm ảnh (tối đa {limit} triệu).</source>
      <translation>The photo «{name}» has too many pixels (at most {limit} million).</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/detail_view.py" />
      <location filename="../../desktop/gui/complaints/intake_form.py" />
      <source>Ảnh, video</source>
      <translation>Photos, videos</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <source>Ảnh/video của phản ánh</source>
      <translation>Complaint photo/video</translation>
    </message>
    <message>
      <location filename="../../desktop/services/complaints/attachments.py" />
      <source>ảnh</source>
      <translation>photo</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <location filename="../../desktop/gui/complaints/intake_form.py" />
      <location filename="../../desktop/services/complaints/complaints.py" />
      <source>Ẩn danh</source>
      <translation>Anonymous</translation>
    </message>
    <message>
      <location filename="../../desktop/services/complaints/complaints.py" />
      <source>Ẩn danh: không ghi số điện thoại và không thể đồng ý liên hệ lại.</source>
      <translation>Anonymous: no phone number and no consent to be contacted.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/record_labels.py" />
      <location filename="../../desktop/gui/complaints/intake_form.py" />
      <source>Ẩn tên khi công khai</source>
      <translation>Hide my name publicly</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/complaints/detail_view.py" />
      <source>ẩn tên khi công khai</source>
      <translation>name hidden publicly</translation>
    </message>
    <message>
      <location filename="../../desktop/store/errors.py" />
      <source>Ổ đĩa chứa {path} đã đầy (còn trống {free}). Cần giải phóng thêm khoảng {needed} rồi chạy lại. Không có thay đổi nào được lưu; dữ liệu cũ vẫn nguyên vẹn.</source>
      <translation>The disk holding {path} is full ({free} free). Free about {needed} more, then run again. Nothing was changed; the existing data is intact.</translation>
    </message>
    <message>
      <location filename="../../desktop/cli.py" />
      <source>ổ đĩa chỉ cho phép đọc</source>
      <translation>the disk is read-only</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/help/help_dialog.py" />
      <source>Ở đâu</source>
      <translation>Where</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/help/about.py" />
      <source>Ứng dụng của Tổ Chuyển đổi số cộng đồng: đưa cư dân lên iHaNoi.</source>
      <translation>The app of community digital transformation teams: getting residents onto iHaNoi.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/setup_wizard.py" />
      <source>Ứng dụng này làm việc cho một phường/xã. Gõ tên không dấu cũng được, ví dụ «cau giay».</source>
      <translation>The app works for one ward or commune. You can type the name without diacritics, e.g. «cau giay».</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/import_dialog.py" />
      <source>— bỏ qua —</source>
      <translation>— skip —</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/form.py" />
      <source>— chưa chọn —</source>
      <translation>— not chosen —</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/form.py" />
      <source>— chưa rõ —</source>
      <translation>— unknown —</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/household_picker.py" />
      <source>— không thuộc hộ nào —</source>
      <translation>— in no household —</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/residents.py" />
      <source>… và {n} cảnh báo nữa (xem đủ bằng --json).</source>
      <translation>… and {n} more warnings (all of them with --json).</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/residents/import_dialog.py" />
      <source>← Sửa cột</source>
      <translation>← Edit columns</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/booth.py" />
      <source>✓ đã lưu</source>
      <translation>✓ saved</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/outreach/triage_panel.py" />
      <source>➜ Chỉ công an phường giải quyết được. Khi lưu sẽ tạo phiếu chuyển công an: {needed}.</source>
      <translation>➜ Only the ward police can resolve this. Saving makes a police hand-off: {needed}.</translation>
    </message>
  </context>
</TS>
