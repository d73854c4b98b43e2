# Shows or takes down one of Tandem's reminders as a Windows toast notification.
# Constant: what it shows comes in environment variables, never in this text, and reaches the toast's XML as
# text nodes of its document (CreateTextNode), never as markup.
#   TANDEM_TOAST_OP     show | remove
#   TANDEM_TOAST_TAG    the toast's tag (digits): a toast with the same tag replaces it; remove takes it down
#   TANDEM_TOAST_TITLE  the first line (show only)
#   TANDEM_TOAST_BODY   the second line (show only)
$ErrorActionPreference = 'Stop'
# Windows PowerShell's own application id: a toast needs an app registered with the Start menu, and this one is.
$app = '{1AC14E77-02E7-4E5D-B744-2EB1AE5198B7}\WindowsPowerShell\v1.0\powershell.exe'
$group = 'tandem'
$null = [Windows.UI.Notifications.ToastNotificationManager, Windows.UI.Notifications, ContentType = WindowsRuntime]
$null = [Windows.Data.Xml.Dom.XmlDocument, Windows.Data.Xml.Dom.XmlDocument, ContentType = WindowsRuntime]
$tag = $env:TANDEM_TOAST_TAG
if ($tag -notmatch '^[0-9]{1,19}$') { exit 2 }
if ($env:TANDEM_TOAST_OP -eq 'remove') {
    [Windows.UI.Notifications.ToastNotificationManager]::History.Remove($tag, $group, $app)
    exit 0
}
if ($env:TANDEM_TOAST_OP -ne 'show') { exit 2 }
$xml = [Windows.Data.Xml.Dom.XmlDocument]::new()
$xml.LoadXml('<toast><visual><binding template="ToastGeneric"><text/><text/></binding></visual></toast>')
$texts = $xml.GetElementsByTagName('text')
$null = $texts.Item(0).AppendChild($xml.CreateTextNode([string]$env:TANDEM_TOAST_TITLE))
$null = $texts.Item(1).AppendChild($xml.CreateTextNode([string]$env:TANDEM_TOAST_BODY))
$toast = [Windows.UI.Notifications.ToastNotification]::new($xml)
$toast.Tag = $tag
$toast.Group = $group
[Windows.UI.Notifications.ToastNotificationManager]::CreateToastNotifier($app).Show($toast)
exit 0
