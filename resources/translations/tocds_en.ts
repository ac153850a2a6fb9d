<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="vi_VN">
  <context>
    <name>tocds</name>
    <message>
      <location filename="../../desktop/gui/setup_wizard.py" />
      <source>(chưa đặt tên)</source>
      <translation>(no name yet)</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/setup_wizard.py" />
      <source>&lt; Quay lại</source>
      <translation>&lt; Back</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/pages.py" />
      <source>Báo cáo</source>
      <translation>Reports</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/crash.py" />
      <source>Chi tiết đã được ghi vào nhật ký: {path}</source>
      <translation>Details were written to the log: {path}</translation>
    </message>
    <message>
      <location filename="../../desktop/core/vocab.py" />
      <source>Chưa biết</source>
      <translation>Not aware</translation>
    </message>
    <message>
      <location filename="../../desktop/store/errors.py" />
      <source>Chưa thiết lập phường/xã cho thư mục dữ liệu này. Hãy chạy: tocds-cli init --ward-code MÃ_PHƯỜNG</source>
      <translation>No ward has been set up for this data folder. Run: tocds-cli init --ward-code WARD_CODE</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/setup_wizard.py" />
      <source>Chọn phường/xã</source>
      <translation>Choose the ward or commune</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/main_window.py" />
      <source>Chờ đồng bộ: {n}</source>
      <translation>Waiting to sync: {n}</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/pages.py" />
      <source>Cài đặt</source>
      <translation>Settings</translation>
    </message>
    <message>
      <location filename="../../desktop/core/vocab.py" />
      <source>Cán bộ, công chức, viên chức</source>
      <translation>Officials, civil servants, public employees</translation>
    </message>
    <message>
      <location filename="../../desktop/store/errors.py" />
      <source>Cơ sở dữ liệu tại {path} được tạo bởi phiên bản mới hơn của ứng dụng (lược đồ {revision}). Hãy cập nhật ứng dụng lên phiên bản mới nhất rồi mở lại; dữ liệu không bị thay đổi.</source>
      <translation>The database at {path} was written by a newer version of the app (schema {revision}). Update the app (cập nhật ứng dụng) to the latest version and open it again; the data was not changed.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/pages.py" />
      <source>Cư dân</source>
      <translation>Residents</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/setup_wizard.py" />
      <source>Hoàn tất</source>
      <translation>Finish</translation>
    </message>
    <message>
      <location filename="../../desktop/core/vocab.py" />
      <source>Học sinh, sinh viên</source>
      <translation>Pupils and students</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/pages.py" />
      <source>Hỗ trợ cài đặt</source>
      <translation>Installation help</translation>
    </message>
    <message>
      <location filename="../../desktop/core/vocab.py" />
      <source>Hộ kinh doanh</source>
      <translation>Household businesses</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/setup_wizard.py" />
      <source>Hủy</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../../desktop/store/errors.py" />
      <source>Không có kho khóa bảo mật (keyring) của hệ điều hành để giữ khóa mã hóa cơ sở dữ liệu. Trên Windows và macOS kho này có sẵn; trên Linux hãy cài và mở gnome-keyring hoặc KWallet (ví dụ: sudo apt install gnome-keyring), hoặc chỉ định một kho bằng biến môi trường PYTHON_KEYRING_BACKEND. Ứng dụng không bao giờ ghi khóa ra đĩa dưới dạng văn bản thường.</source>
      <translation>No operating-system keyring is available to hold the database encryption key. Windows and macOS have one built in; on Linux install and start gnome-keyring or KWallet (for example: sudo apt install gnome-keyring), or name a keyring with the PYTHON_KEYRING_BACKEND environment variable. The app never writes the key to disk in plain text.</translation>
    </message>
    <message>
      <location filename="../../desktop/store/errors.py" />
      <source>Không mở được cơ sở dữ liệu tại {path}: khóa giải mã không đúng hoặc tệp đã hỏng. Không xóa tệp này. Hãy khôi phục từ bản sao lưu gần nhất (tocds-cli restore) hoặc liên hệ tổ trưởng hoặc quản trị.</source>
      <translation>Cannot open the database at {path}: the decryption key is wrong or the file is damaged. Do not delete this file. Restore the latest backup (tocds-cli restore) or contact the team lead or the administrator.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/app.py" />
      <source>Không mở được dữ liệu</source>
      <translation>Cannot open the data</translation>
    </message>
    <message>
      <location filename="../../desktop/cli.py" />
      <source>Lỗi cú pháp lệnh: {message}</source>
      <translation>Command usage error: {message}</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/crash.py" />
      <source>Lỗi không mong muốn</source>
      <translation>Unexpected error</translation>
    </message>
    <message>
      <location filename="../../desktop/services/ward_setup.py" />
      <source>Mã phường/xã không có trong danh mục hành chính: {code}</source>
      <translation>Ward code is not in the official list of administrative units: {code}</translation>
    </message>
    <message>
      <location filename="../../desktop/core/vocab.py" />
      <source>Nam</source>
      <translation>Male</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/main_window.py" />
      <source>Ngoại tuyến</source>
      <translation>Offline</translation>
    </message>
    <message>
      <location filename="../../desktop/core/vocab.py" />
      <source>Người cao tuổi</source>
      <translation>Elderly people</translation>
    </message>
    <message>
      <location filename="../../desktop/core/vocab.py" />
      <source>Người dân khác</source>
      <translation>Other residents</translation>
    </message>
    <message>
      <location filename="../../desktop/core/vocab.py" />
      <source>Người lao động tại doanh nghiệp / khu công nghiệp</source>
      <translation>Workers at companies / industrial zones</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/setup_wizard.py" />
      <source>Nhập hoặc dán danh sách tổ dân phố / thôn, mỗi dòng một tên. Có thể bổ sung sau.</source>
      <translation>Type or paste the residential groups / villages, one name per line. You can add more later.</translation>
    </message>
    <message>
      <location filename="../../desktop/core/vocab.py" />
      <source>Nữ</source>
      <translation>Female</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/setup_wizard.py" />
      <source>Phường/xã: {ward}, {province}
Tổ CĐS: {team}
Số tổ dân phố / thôn: {n}

Bấm «Hoàn tất» để bắt đầu.</source>
      <translation>Ward: {ward}, {province}
Team: {team}
Residential groups / villages: {n}

Press «Finish» to start.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/pages.py" />
      <source>Phản ánh</source>
      <translation>Complaints</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/setup.py" />
      <source>Thay đổi chờ đồng bộ: {n}</source>
      <translation>Changes waiting to sync: {n}</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/setup_wizard.py" />
      <source>Thiết lập lần đầu — Tổ CĐS Desktop</source>
      <translation>First-run setup — Tổ CĐS Desktop</translation>
    </message>
    <message>
      <location filename="../../desktop/core/vocab.py" />
      <source>Thôn</source>
      <translation>Village</translation>
    </message>
    <message>
      <location filename="../../desktop/services/ward_setup.py" />
      <source>Thư mục dữ liệu này đã thuộc {name} ({code}); không đổi được sang phường/xã khác.</source>
      <translation>This data folder already belongs to {name} ({code}); it cannot be moved to another ward.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/setup_wizard.py" />
      <source>Tiếp &gt;</source>
      <translation>Next &gt;</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/main_window.py" />
      <source>Trang «{title}» chưa được xây dựng trong phiên bản này.</source>
      <translation>The «{title}» page is not built yet in this version.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/main_window.py" />
      <source>Trực tuyến</source>
      <translation>Online</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/setup_wizard.py" />
      <source>Tên tổ CĐS:</source>
      <translation>Team name:</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/setup_wizard.py" />
      <source>Tìm phường/xã (cả tên phường cũ trước 2025)</source>
      <translation>Find a ward (pre-2025 ward names work too)</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/setup_wizard.py" />
      <source>Tìm:</source>
      <translation>Find:</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/setup_wizard.py" />
      <source>Tỉnh/thành phố:</source>
      <translation>Province/city:</translation>
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
      <location filename="../../desktop/gui/setup_wizard.py" />
      <source>Tổ CĐS và các tổ dân phố</source>
      <translation>Team and residential groups</translation>
    </message>
    <message>
      <location filename="../../desktop/core/vocab.py" />
      <source>Tổ dân phố</source>
      <translation>Residential group</translation>
    </message>
    <message>
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
      <location filename="../../desktop/gui/setup_wizard.py" />
      <source>Ví dụ: Tổ CĐS cộng đồng phường Cầu Giấy</source>
      <translation>For example: Tổ CĐS cộng đồng phường Cầu Giấy</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/setup_wizard.py" />
      <source>Xác nhận</source>
      <translation>Confirm</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/setup.py" />
      <source>mã phường/xã theo danh mục hành chính (ví dụ 00166)</source>
      <translation>ward code from the official list (for example 00166)</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/setup.py" />
      <source>số bản ghi theo loại và số thay đổi chờ đồng bộ</source>
      <translation>record counts per kind and changes waiting to sync</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/setup.py" />
      <source>thiết lập phường/xã cho thư mục dữ liệu</source>
      <translation>set the ward of the data folder</translation>
    </message>
    <message>
      <location filename="../../desktop/cli.py" />
      <source>thư mục dữ liệu (mặc định: TOCDS_DATA_DIR hoặc thư mục dữ liệu của người dùng)</source>
      <translation>data folder (default: TOCDS_DATA_DIR or the user's data folder)</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/setup.py" />
      <source>tên tổ CĐS</source>
      <translation>team name</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/setup.py" />
      <source>tệp văn bản, mỗi dòng một tổ dân phố / thôn</source>
      <translation>text file, one residential group / village per line</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/setup_wizard.py" />
      <source>{new} — gồm {old} cũ</source>
      <translation>{new} — includes former {old}</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/setup_wizard.py" />
      <source>{n} tổ dân phố / thôn</source>
      <translation>{n} residential groups / villages</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/setup_wizard.py" />
      <source>{old} ({district}, trước 2025) nay thuộc: {new}</source>
      <translation>{old} ({district}, before 2025) is now part of: {new}</translation>
    </message>
    <message>
      <location filename="../../desktop/core/vocab.py" />
      <source>Đã biết</source>
      <translation>Aware</translation>
    </message>
    <message>
      <location filename="../../desktop/core/vocab.py" />
      <source>Đã cài đặt</source>
      <translation>Installed</translation>
    </message>
    <message>
      <location filename="../../desktop/store/errors.py" />
      <source>Đã có cơ sở dữ liệu tại {path} nhưng không tìm thấy khóa giải mã của nó trong kho khóa của máy này. Nếu dữ liệu được chép từ máy khác, hãy dùng chức năng khôi phục từ bản sao lưu (tocds-cli restore) với mật khẩu của bản sao lưu; nếu không, hãy liên hệ tổ trưởng hoặc quản trị.</source>
      <translation>There is a database at {path} but its decryption key is not in this computer's keyring. If the data was copied from another computer, use restore from backup (tocds-cli restore) with the backup's passphrase; otherwise contact the team lead or the administrator.</translation>
    </message>
    <message>
      <location filename="../../desktop/cli.py" />
      <source>Đã dừng theo yêu cầu.</source>
      <translation>Stopped as requested.</translation>
    </message>
    <message>
      <location filename="../../desktop/commands/setup.py" />
      <source>Đã thiết lập {ward}, {province}. Thư mục dữ liệu: {path}</source>
      <translation>Set up {ward}, {province}. Data folder: {path}</translation>
    </message>
    <message>
      <location filename="../../desktop/core/vocab.py" />
      <source>Đã tạo tài khoản</source>
      <translation>Account created</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/crash.py" />
      <source>Đã xảy ra lỗi không mong muốn. Dữ liệu đã lưu không bị mất; bạn có thể tiếp tục làm việc.</source>
      <translation>An unexpected error occurred. Saved data is not lost; you can keep working.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/app.py" />
      <location filename="../../desktop/gui/crash.py" />
      <source>Đóng</source>
      <translation>Close</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/pages.py" />
      <source>Đồng bộ</source>
      <translation>Sync</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/setup_wizard.py" />
      <source>Ứng dụng này làm việc cho một phường/xã. Gõ tên không dấu cũng được, ví dụ «cau giay».</source>
      <translation>The app works for one ward or commune. You can type the name without diacritics, e.g. «cau giay».</translation>
    </message>
  </context>
</TS>
