<#
.SYNOPSIS
  Postvagt's mail-flow rules in Exchange Online: the backstop for mail that never passed the add-in's
  check, the count of mails sent after a warning, encryption for the secure route, and the removal of
  the X-Postvagt marker from mail that leaves the organisation. Read docs/audit.md first.

.DESCRIPTION
  Run in Exchange Online PowerShell (Connect-ExchangeOnline) as an Exchange administrator.
  Every rule is named "Postvagt <n> ...", carries a comment, and is created or updated in place
  (running the script twice changes nothing). Priorities (0 = first) from -FirstPriority on:

    +0  Postvagt 1 backstop: no marker          counts (and, by choice, disclaims or holds for approval)
    +1  Postvagt 2 sent after warning           counts only; no incident report (it would copy content)
    +2  Postvagt 3a secure route (marker)       encrypts mail marked route=subject-tag
    +3  Postvagt 3b secure route (subject tag)  encrypts mail with the tag from a client without marker
    +4  Postvagt 9a remove marker               removes X-Postvagt from mail leaving the organisation
    +5  Postvagt 9b remove helper header        removes X-Postvagt-Counted likewise

  The counting rules (1, 2) read the marker, so they come before the removal rules (9a, 9b); Exchange
  applies rules in priority order to every message. -Mode applies to rules 1 and 2 only: the
  encryption rules are the secure route itself and the removal rules change nothing about delivery,
  so those always run in Enforce.

  Dry-run order (see docs/audit.md, section 2):
    1. .\postvagt-rules.ps1 -OwnDomains randers.dk -WhatIf          # shows what would be created
    2. .\postvagt-rules.ps1 -OwnDomains randers.dk -Mode Audit       # 1-2 weeks: hits in message trace
    3. .\postvagt-report.ps1                                         # weekly counts, no content
    4. .\postvagt-rules.ps1 -OwnDomains randers.dk -Mode Enforce -Backstop Disclaimer   # if wanted

  Switch off:  .\postvagt-rules.ps1 -Disable    (all Postvagt rules, kept for later)
               Disable-TransportRule -Identity "Postvagt 1 backstop: no marker"   (one rule)
               .\postvagt-rules.ps1 -Remove     (deletes them)

  NOT RUN against a tenant by the Postvagt project: written from Microsoft's cmdlet reference and
  checked by a test only for the header names and patterns (they come from postvagt-constants.ps1,
  generated from the add-in's code). docs/audit.md says what was and was not tried.
#>
[CmdletBinding(SupportsShouldProcess = $true)]
param(
  # The organisation's own mail domains (the backstop's senders).
  [string[]] $OwnDomains = @(),
  # What the backstop does with mail from an own domain to external recipients without a marker.
  [ValidateSet('Count', 'Disclaimer', 'Approval')] [string] $Backstop = 'Count',
  # For -Backstop Approval: who approves (a mailbox or group).
  [string[]] $Approvers = @(),
  # Text for -Backstop Disclaimer (goes to the recipient as well: keep it neutral).
  [string] $DisclaimerText = 'Denne mail er sendt uden om kommunens automatiske kontrol for personnumre.',
  # Rules 1 and 2: Audit (log only) first, Enforce when the counts look right.
  [ValidateSet('Audit', 'Enforce')] [string] $Mode = 'Audit',
  # The policy's secureRoute subject tag, as a regular expression (docs/policy.md).
  [string] $SubjectTagPattern = '\[sikker\]',
  # Encrypt with Microsoft Purview Message Encryption ($true) or with this RMS template name instead.
  [string] $RightsTemplate = '',
  # Where the Postvagt rules start among the organisation's rules.
  [int] $FirstPriority = 0,
  [switch] $Disable,
  [switch] $Remove
)
$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'postvagt-constants.ps1')

$names = @{
  Backstop     = 'Postvagt 1 backstop: no marker'
  WarnSent     = 'Postvagt 2 sent after warning'
  RouteMarker  = 'Postvagt 3a secure route (marker)'
  RouteSubject = 'Postvagt 3b secure route (subject tag)'
  RemoveMarker = 'Postvagt 9a remove marker'
  RemoveHelper = 'Postvagt 9b remove helper header'
}

if ($Disable -or $Remove) {
  foreach ($name in $names.Values) {
    if (-not (Get-TransportRule -Identity $name -ErrorAction SilentlyContinue)) { continue }
    if ($Remove) {
      if ($PSCmdlet.ShouldProcess($name, 'Remove-TransportRule')) { Remove-TransportRule -Identity $name -Confirm:$false }
    } elseif ($PSCmdlet.ShouldProcess($name, 'Disable-TransportRule')) {
      Disable-TransportRule -Identity $name -Confirm:$false
    }
  }
  return
}

if ($OwnDomains.Count -eq 0) { throw 'Give -OwnDomains (the organisation''s own mail domains).' }
if ($Backstop -eq 'Approval' -and $Approvers.Count -eq 0) { throw '-Backstop Approval needs -Approvers.' }

# Creates the rule or brings an existing one in line; enables it (a rerun after -Disable switches it on).
function Set-PostvagtRule([string] $Name, [hashtable] $Settings) {
  if (Get-TransportRule -Identity $Name -ErrorAction SilentlyContinue) {
    if ($PSCmdlet.ShouldProcess($Name, 'Set-TransportRule')) {
      Set-TransportRule -Identity $Name @Settings
      Enable-TransportRule -Identity $Name
    }
  } elseif ($PSCmdlet.ShouldProcess($Name, 'New-TransportRule')) {
    New-TransportRule -Name $Name @Settings | Out-Null
  }
}

$encrypt = if ($RightsTemplate -ne '') { @{ ApplyRightsProtectionTemplate = $RightsTemplate } } else { @{ ApplyOME = $true } }

# 1. Backstop. Mail from an own domain to an external recipient WITHOUT a marker of this version did
#    not pass Postvagt's check (mobile, Simple MAPI, offline start, systems, an old client). The
#    exception is the marker: the rule matches everything else. Always counted (audit severity and a
#    helper header Exchange sets and rule 9b removes); the admin may add a disclaimer or approval.
$backstop = @{
  Priority                           = $FirstPriority
  Mode                               = $Mode
  Comments                           = 'Postvagt: mail to external recipients that did not pass the add-in''s check (no X-Postvagt marker). Counted in the mail-flow rule report. Switch off: Disable-TransportRule -Identity "Postvagt 1 backstop: no marker". See docs/audit.md.'
  SenderDomainIs                     = $OwnDomains
  SentToScope                        = 'NotInOrganization'
  ExceptIfHeaderMatchesMessageHeader = $PostvagtHeader
  ExceptIfHeaderMatchesPatterns      = $PostvagtPatternAny
  SetAuditSeverity                   = 'Low'
  SetHeaderName                      = $PostvagtCountedHeader
  SetHeaderValue                     = 'unmarked'
}
if ($Backstop -eq 'Disclaimer') {
  $backstop.ApplyHtmlDisclaimerText = $DisclaimerText
  $backstop.ApplyHtmlDisclaimerLocation = 'Append'
  $backstop.ApplyHtmlDisclaimerFallbackAction = 'Wrap'
}
if ($Backstop -eq 'Approval') { $backstop.ModerateMessageByUser = $Approvers }
Set-PostvagtRule $names.Backstop $backstop

# 2. Overrides. A mail the user sent after a warning. Counts only: audit severity and a helper header.
#    Deliberately NO -GenerateIncidentReport: its report can include the original message, which
#    would copy the very content the warning was about into another mailbox.
Set-PostvagtRule $names.WarnSent @{
  Priority                    = $FirstPriority + 1
  Mode                        = $Mode
  Comments                    = 'Postvagt: counts mails sent after a Postvagt warning (verdict=warn-sent). Counts only, no incident report. Switch off: Disable-TransportRule -Identity "Postvagt 2 sent after warning". See docs/audit.md.'
  HeaderMatchesMessageHeader  = $PostvagtHeader
  HeaderMatchesPatterns       = $PostvagtPatternWarnSent
  SetAuditSeverity            = 'Medium'
  SetHeaderName               = $PostvagtCountedHeader
  SetHeaderValue              = 'warn-sent'
}

# 3a. The secure route: a mail the add-in marked route=subject-tag is encrypted, so the route and its
#     marker are one thing. Always Enforce: in Audit the mail would leave unencrypted.
Set-PostvagtRule $names.RouteMarker (@{
  Priority                   = $FirstPriority + 2
  Mode                       = 'Enforce'
  Comments                   = 'Postvagt: encrypts mail on the secure route (X-Postvagt route=subject-tag) with Microsoft Purview Message Encryption. Switch off only together with the policy''s secureRoute. See docs/audit.md.'
  SentToScope                = 'NotInOrganization'
  HeaderMatchesMessageHeader = $PostvagtHeader
  HeaderMatchesPatterns      = $PostvagtPatternRouteSubjectTag
} + $encrypt)

# 3b. The same route for a client without a marker (the user typed the tag on a phone).
Set-PostvagtRule $names.RouteSubject (@{
  Priority              = $FirstPriority + 3
  Mode                  = 'Enforce'
  Comments              = 'Postvagt: encrypts mail whose subject carries the secure-route tag, also from clients without Postvagt. See docs/audit.md.'
  SentToScope           = 'NotInOrganization'
  SubjectMatchesPatterns = $SubjectTagPattern
} + $encrypt)

# 9a/9b. The marker stays inside: after the counting rules, remove it (and the helper header) from mail
#        leaving the organisation. Recipients never see it. Always Enforce.
Set-PostvagtRule $names.RemoveMarker @{
  Priority     = $FirstPriority + 4
  Mode         = 'Enforce'
  Comments     = 'Postvagt: removes the X-Postvagt marker from mail to external recipients, after the counting rules. See docs/audit.md.'
  SentToScope  = 'NotInOrganization'
  RemoveHeader = $PostvagtHeader
}
Set-PostvagtRule $names.RemoveHelper @{
  Priority     = $FirstPriority + 5
  Mode         = 'Enforce'
  Comments     = 'Postvagt: removes the X-Postvagt-Counted helper header from mail to external recipients. See docs/audit.md.'
  SentToScope  = 'NotInOrganization'
  RemoveHeader = $PostvagtCountedHeader
}

Get-TransportRule | Where-Object { $_.Name -like 'Postvagt *' } | Sort-Object Priority | Format-Table Priority, Name, State, Mode
