# Adds or removes Tandem's value under the per-user Run key (the programs Windows starts at sign-in).
# Constant: what it writes comes in environment variables, never in this text.
#   TANDEM_RUN_OP       set | remove
#   TANDEM_RUN_NAME     the value's name (dev.tandem.Tandem-agent, or with a profile's hash)
#   TANDEM_RUN_COMMAND  the command line to run (set only), stored as REG_SZ
$ErrorActionPreference = 'Stop'
$key = 'HKCU:\Software\Microsoft\Windows\CurrentVersion\Run'
$name = $env:TANDEM_RUN_NAME
if ([string]::IsNullOrEmpty($name)) { exit 2 }
if ($env:TANDEM_RUN_OP -eq 'set') {
    if (-not (Test-Path -LiteralPath $key)) { $null = New-Item -Path $key -Force }
    $null = New-ItemProperty -LiteralPath $key -Name $name -Value $env:TANDEM_RUN_COMMAND -PropertyType String -Force
    exit 0
}
if ($env:TANDEM_RUN_OP -eq 'remove') {
    $item = Get-Item -LiteralPath $key -ErrorAction SilentlyContinue
    if ($null -ne $item -and $null -ne $item.GetValue($name)) {
        Remove-ItemProperty -LiteralPath $key -Name $name
    }
    exit 0
}
exit 2
