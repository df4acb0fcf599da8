<#
.SYNOPSIS
  Build the Windows one-folder program, prove it works, and zip it.

.DESCRIPTION
  Run from anywhere (PowerShell 5.1 or 7, 64-bit Python 3.9+ on PATH as "python", or -Python):

      powershell -ExecutionPolicy Bypass -File packaging\build.ps1

  1. .venv (created if missing) with  pip install -e .[build]
  2. pyinstaller packaging\gongkai.spec  ->  dist\GongkaiShenhe\GongkaiShenhe.exe
  3. GongkaiShenhe.exe --self-test, offscreen. The exe is windowed (no console), so it is
     started with Start-Process and judged by its exit code; its log is build\selftest.log.
     Then GongkaiShenhe-cli.exe extract on a sample (the console twin for the command line),
     and --self-test --startup-only on the real desktop (qwindows.dll).
  4. Measures: folder size; start-to-window time (--self-test --startup-only, N runs).
  5. dist\GongkaiShenhe-<version>-windows-x64.zip

  This file is ASCII on purpose (Windows PowerShell 5.1 reads BOM-less files as ANSI); the
  Chinese strings it checks are built from code points.
#>
param(
    [string]$Python = "python",
    [switch]$NoArchive,
    [switch]$SkipBuild,
    [int]$Runs = 5
)
$ErrorActionPreference = "Stop"
$Root = Split-Path -Parent $PSScriptRoot
Set-Location $Root

$Name = "GongkaiShenhe"
$Dist = Join-Path $Root "dist\$Name"
$Exe = Join-Path $Dist "$Name.exe"
$BuildDir = Join-Path $Root "build"
$Version = (Select-String -Path (Join-Path $Root "pyproject.toml") -Pattern '^version\s*=\s*"([^"]+)"' |
            Select-Object -First 1).Matches[0].Groups[1].Value
$Passed = -join [char[]](0x81EA, 0x68C0, 0x901A, 0x8FC7)   # "self-test passed" in Chinese
New-Item -ItemType Directory -Force -Path $BuildDir | Out-Null

function Step($text) { Write-Host ""; Write-Host "== $text" }

function Invoke-Checked {
    param([string]$File, [string[]]$Arguments)
    & $File @Arguments
    if ($LASTEXITCODE -ne 0) { throw "failed ($LASTEXITCODE): $File $($Arguments -join ' ')" }
}

# Start the windowed exe, wait (with a time limit: a crash dialog must not hang CI), return
# the exit code.
function Start-Exe {
    param([string[]]$Arguments, [string]$Log, [string]$Platform = "offscreen", [int]$TimeoutSeconds = 600)
    $env:GONGKAI_SELFTEST_LOG = $Log
    $env:QT_QPA_PLATFORM = $Platform
    $process = Start-Process -FilePath $Exe -ArgumentList $Arguments -PassThru
    $null = $process.Handle   # keep the handle, or ExitCode may be empty after exit
    if (-not $process.WaitForExit($TimeoutSeconds * 1000)) {
        $process.Kill()
        throw "$Name.exe $($Arguments -join ' ') did not finish in $TimeoutSeconds s"
    }
    return $process.ExitCode
}

# --- 1. Python -------------------------------------------------------------------------------
$Py = Join-Path $Root ".venv\Scripts\python.exe"
if (-not $SkipBuild) {
    Step "Python environment"
    if (-not (Test-Path $Py)) { Invoke-Checked $Python @("-m", "venv", (Join-Path $Root ".venv")) }
    Invoke-Checked $Py @("-m", "pip", "install", "--quiet", "--upgrade", "pip")
    Invoke-Checked $Py @("-m", "pip", "install", "--quiet", "-e", ".[build]")
    Invoke-Checked $Py @("-c", "import sys, PyInstaller, PySide6; print('Python', sys.version.split()[0], '| PyInstaller', PyInstaller.__version__, '| PySide6', PySide6.__version__)")

    # --- 2. PyInstaller ----------------------------------------------------------------------
    Step "PyInstaller"
    $watch = [Diagnostics.Stopwatch]::StartNew()
    Invoke-Checked $Py @("-m", "PyInstaller", "packaging\gongkai.spec", "--noconfirm", "--clean",
                         "--distpath", (Join-Path $Root "dist"), "--workpath", (Join-Path $BuildDir "pyinstaller"))
    Write-Host ("built {0} in {1:N0} s" -f $Dist, $watch.Elapsed.TotalSeconds)
}
if (-not (Test-Path $Exe)) { throw "no program at $Exe" }
foreach ($f in @("_internal\PySide6\translations\qtbase_zh_CN.qm",
                 "_internal\resources\2021-official-template.docx",
                 "_internal\resources\icons\app.png")) {
    if (-not (Test-Path (Join-Path $Dist $f))) {
        # PySide6 on Windows keeps translations in PySide6\translations, on Linux in PySide6\Qt\translations
        $alt = $f -replace '\\PySide6\\translations\\', '\PySide6\Qt\translations\'
        if (-not (Test-Path (Join-Path $Dist $alt))) { throw "missing from the build: $f" }
    }
}
if (-not (Get-ChildItem (Join-Path $Dist "_internal\resources\samples"))) { throw "missing from the build: resources\samples" }

# --- 3. self-test ----------------------------------------------------------------------------
Step "Self-test of the frozen program"
$Log = Join-Path $BuildDir "selftest.log"
$code = Start-Exe -Arguments @("--self-test") -Log $Log
if (Test-Path $Log) { Get-Content $Log -Encoding UTF8 | Write-Host }
if ($code -ne 0) { throw "self-test FAILED (exit code $code, log: $Log)" }
if (-not (Select-String -Path $Log -Pattern $Passed -Encoding UTF8 -Quiet)) { throw "self-test log lacks the pass line: $Log" }

# The console twin for the command line (extract / export) shares _internal.
Step "Command line: $Name-cli.exe extract"
$Cli = Join-Path $Dist "$Name-cli.exe"
if (-not (Test-Path $Cli)) { throw "missing from the build: $Name-cli.exe" }
$sample = Get-ChildItem (Join-Path $Dist "_internal\resources\samples") -File | Select-Object -First 1
$json = & $Cli extract $sample.FullName
if ($LASTEXITCODE -ne 0 -or -not ($json -match '"section3"')) { throw "$Name-cli.exe extract failed ($LASTEXITCODE)" }
Write-Host ("extract {0}: {1} characters of JSON" -f $sample.Name, ($json | Out-String).Length)

# The native platform plugin (qwindows.dll) too: the window really opens, then the exe exits.
Step "Start on the Windows desktop (QT_QPA_PLATFORM=windows)"
$NativeLog = Join-Path $BuildDir "selftest-windows.log"
$code = Start-Exe -Arguments @("--self-test", "--startup-only") -Log $NativeLog -Platform "windows"
if (Test-Path $NativeLog) { Get-Content $NativeLog -Encoding UTF8 | Write-Host }
if ($code -ne 0) { throw "start on the desktop FAILED (exit code $code, log: $NativeLog)" }

# --- 4. measures -----------------------------------------------------------------------------
Step "Measures"
$files = Get-ChildItem -Path $Dist -Recurse -File
$bytes = ($files | Measure-Object -Property Length -Sum).Sum
Write-Host ("folder: {0}  {1:N1} MB  ({2} files)" -f $Dist, ($bytes / 1MB), $files.Count)

$StartupLog = Join-Path $BuildDir "startup.log"
$null = Start-Exe -Arguments @("--self-test", "--startup-only") -Log $StartupLog   # warm-up run
$walls = @()
$shown = @()
for ($i = 0; $i -lt $Runs; $i++) {
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $code = Start-Exe -Arguments @("--self-test", "--startup-only") -Log $StartupLog
    $walls += $watch.Elapsed.TotalSeconds
    if ($code -ne 0) { throw "startup run failed (log: $StartupLog)" }
    $line = Get-Content $StartupLog -Encoding UTF8 | Select-String -Pattern '([0-9]+\.[0-9]+) \u79D2' | Select-Object -First 1
    if ($line) { $shown += [double]$line.Matches[0].Groups[1].Value }
}
$wallSorted = $walls | Sort-Object
$shownSorted = $shown | Sort-Object
$wallMedian = $wallSorted[[int][math]::Floor(($wallSorted.Count - 1) / 2)]
$shownMedian = if ($shownSorted.Count) { $shownSorted[[int][math]::Floor(($shownSorted.Count - 1) / 2)] } else { "n/a" }
Write-Host ("start to window shown (program's own clock): best {0} s, median {1} s over {2} runs" -f ($shownSorted | Select-Object -First 1), $shownMedian, $Runs)
Write-Host ("whole run incl. exit (wall clock):           best {0:N2} s, median {1:N2} s" -f $wallSorted[0], $wallMedian)
@(
    "version=$Version",
    "size_bytes=$bytes",
    "files=$($files.Count)",
    "startup_shown_best=$($shownSorted | Select-Object -First 1)",
    "startup_shown_median=$shownMedian",
    ("startup_wall_best={0:N2}" -f $wallSorted[0]),
    ("startup_wall_median={0:N2}" -f $wallMedian)
) | Set-Content -Path (Join-Path $BuildDir "packaging-metrics.txt") -Encoding ASCII

# --- 5. archive ------------------------------------------------------------------------------
if (-not $NoArchive) {
    Step "Archive"
    $zip = Join-Path $Root "dist\$Name-$Version-windows-x64.zip"
    if (Test-Path $zip) { Remove-Item $zip }
    Compress-Archive -Path $Dist -DestinationPath $zip -CompressionLevel Optimal
    Write-Host ("{0}  {1:N1} MB" -f $zip, ((Get-Item $zip).Length / 1MB))
}
Step "OK"
