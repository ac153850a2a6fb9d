; Inno Setup script: the Windows installer of Tổ CĐS Desktop, made from the PyInstaller bundle.
; Needs stock Inno Setup 6.3 or later (x64compatible; ISPP's GetStringFileInfo) and nothing else:
; the Vietnamese messages ship beside this file (Vietnamese.isl).
;   1. On Windows, at the repository root:
;        pyinstaller --noconfirm --workpath build\work --distpath dist installer.spec
;   2. iscc build\windows\tocds.iss
; The version is read from tocds.exe's version resource, which installer.spec sets from
; desktop/__init__.py. Output: dist\tocds-setup-<version>.exe (per user, no administrator rights).
; tests/e2e/test_bundle_installer.py checks every bundle path named here against a fresh build.
; Saved as UTF-8 with a byte-order mark (Inno Setup reads a file without one as ANSI).

#define AppName "Tổ CĐS Desktop"
#define BundleDir "..\..\dist\tocds"
#define AppExe "tocds.exe"
#define CliExe "tocds-cli.exe"
#define SyncTaskName "TocdsDesktop\DongBoHangNgay"
#define AppVersion GetStringFileInfo(AddBackslash(SourcePath) + BundleDir + "\" + AppExe, "ProductVersion")
#if AppVersion == ""
  #error tocds.exe has no version resource: build the bundle with installer.spec first (step 1)
#endif

[Setup]
AppId={{6C1F1B7E-3D0B-4C57-9E57-7C2B1F0A2D11}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Tổ Chuyển đổi số cộng đồng
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\TocdsDesktop
DefaultGroupName={#AppName}
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
; Windows 10 1809 (build 17763) or later, 64-bit: older Windows is refused with WindowsVersionNotSupported.
MinVersion=10.0.17763
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Held by tocds and tocds-cli while they run (desktop/app_mutex.py): no files replaced under them.
AppMutex=TocdsDesktopRunning,Global\TocdsDesktopRunning
CloseApplications=yes
RestartApplications=no
OutputDir=..\..\dist
OutputBaseFilename=tocds-setup-{#AppVersion}
SetupIconFile=..\..\resources\icons\tocds.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "vi"; MessagesFile: "compiler:Default.isl,Vietnamese.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
vi.SyncGroup=Đồng bộ:
en.SyncGroup=Sync:
vi.DailySync=Tự động đồng bộ mỗi ngày lúc 17:30 (Task Scheduler chạy «tocds-cli sync» khi bạn đang đăng nhập Windows; máy phải đã đăng ký với máy chủ)
en.DailySync=Sync automatically every day at 17:30 (Task Scheduler runs "tocds-cli sync" while you are signed in to Windows; the laptop must be enrolled with the server)
vi.CreatingSyncTask=Đang tạo lịch đồng bộ hằng ngày...
en.CreatingSyncTask=Creating the daily sync task...
vi.RemoveDataQuestion=Xóa luôn thư mục dữ liệu?%n%n%1%n%nThư mục này chứa cơ sở dữ liệu cư dân (đã mã hóa), tệp đính kèm, các bản sao lưu và nhật ký. Nếu xóa thì không lấy lại được. Chọn Không để giữ lại (nên chọn, nếu sẽ cài lại hoặc chưa chép bản sao lưu sang nơi khác).
en.RemoveDataQuestion=Also delete the data folder?%n%n%1%n%nIt holds the (encrypted) residents' database, attachments, backups and logs. Once deleted they cannot be recovered. Choose No to keep it (recommended if you will reinstall or have not copied a backup elsewhere).

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "dailysync"; Description: "{cm:DailySync}"; GroupDescription: "{cm:SyncGroup}"; Flags: unchecked

[InstallDelete]
; An update replaces the whole runtime folder: no module of an older version stays behind.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\{#AppExe}"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#BundleDir}\{#CliExe}"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#BundleDir}\_internal\*"; DestDir: "{app}\_internal"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; IconFilename: "{app}\{#AppExe}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
; The daily sync runs as this Windows user, only while signed in (/IT): it can then read the
; device token from Credential Manager, and needs no stored Windows password.
Filename: "{sys}\schtasks.exe"; Parameters: "/Create /F /TN ""{#SyncTaskName}"" /SC DAILY /ST 17:30 /IT /TR ""\""{app}\{#CliExe}\"" sync"""; Flags: runhidden; Tasks: dailysync; StatusMsg: "{cm:CreatingSyncTask}"
Filename: "{sys}\schtasks.exe"; Parameters: "/Delete /F /TN ""{#SyncTaskName}"""; Flags: runhidden; Tasks: not dailysync
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallRun]
Filename: "{sys}\schtasks.exe"; Parameters: "/Delete /F /TN ""{#SyncTaskName}"""; Flags: runhidden; RunOnceId: "DeleteSyncTask"

[Code]
// The data folder (%LOCALAPPDATA%\tocds-desktop: the encrypted database, attachments, backups,
// logs, settings) survives an uninstall unless the user says otherwise: residents' records must
// outlive a reinstall. The database key stays in Windows Credential Manager either way.
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if CurUninstallStep <> usPostUninstall then
    exit;
  DataDir := ExpandConstant('{localappdata}\tocds-desktop');
  if UninstallSilent or not DirExists(DataDir) then
    exit;
  if MsgBox(FmtMessage(CustomMessage('RemoveDataQuestion'), [DataDir]), mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES then
    DelTree(DataDir, True, True, True);
end;
