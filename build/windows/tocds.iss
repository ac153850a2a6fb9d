; Inno Setup script: turns the PyInstaller bundle into a Windows installer.
;   1. On Windows: ./dev bundle (or: pyinstaller --noconfirm --workpath build\work --distpath dist installer.spec)
;   2. iscc /DAppVersion=0.1.0 build\windows\tocds.iss
; Output: dist\tocds-setup-<version>.exe (per-user install, no administrator rights needed).
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Tổ CĐS Desktop"
#define BundleDir "..\..\dist\tocds-" + AppVersion

[Setup]
AppId={{6C1F1B7E-3D0B-4C57-9E57-7C2B1F0A2D11}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Tổ Chuyển đổi số cộng đồng
DefaultDirName={autopf}\TocdsDesktop
DefaultGroupName={#AppName}
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\..\dist
OutputBaseFilename=tocds-setup-{#AppVersion}
SetupIconFile=..\..\resources\icons\tocds.ico
UninstallDisplayIcon={app}\tocds.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible

[Languages]
Name: "vi"; MessagesFile: "compiler:Languages\Vietnamese.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\tocds.exe"; IconFilename: "{app}\tocds.exe"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\tocds.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\tocds.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; The data folder (%LOCALAPPDATA%\tocds-desktop: encrypted database, backups, logs) is NOT
; removed by the uninstaller: residents' records must survive a reinstall. The database key
; stays in Windows Credential Manager under "tocds-desktop".
