<#
.SYNOPSIS
  The CPR backstop in Microsoft Purview DLP, paired with Postvagt's marker. Read docs/audit.md first.

.DESCRIPTION
  Mail-flow rules can no longer match sensitive information types; Purview DLP can. This policy looks
  for Microsoft's built-in type "Denmark Personal Identification Number" in mail to external
  recipients that did NOT pass Postvagt's check (no X-Postvagt marker): the same gap as rule 1 of
  postvagt-rules.ps1, now for content. Mail Postvagt checked is left to Postvagt, whose rule is finer
  (it does not need the modulus-11 check digit, which Microsoft's type does).

  Run in Security & Compliance PowerShell (Connect-IPPSSession). Needs a licence with DLP for Exchange.
  Header conditions work only in DLP policies scoped to Exchange alone, as this one is.

  Dry-run order: -Mode TestWithoutNotifications (default) → review matches in Purview (Activity
  explorer / DLP alerts) → -Mode Enable.
  Switch off:    Set-DlpCompliancePolicy -Identity "Postvagt backstop: CPR without marker" -Mode Disable
  Remove:        Remove-DlpCompliancePolicy -Identity "Postvagt backstop: CPR without marker"

  NOT RUN against a tenant by the Postvagt project (see docs/audit.md).
#>
[CmdletBinding(SupportsShouldProcess = $true)]
param(
  [ValidateSet('TestWithoutNotifications', 'TestWithNotifications', 'Enable')] [string] $Mode = 'TestWithoutNotifications',
  # Also check mail Postvagt already checked (a second opinion on every mail; more notifications).
  [switch] $IncludeMarked,
  # Block (the sender gets a notification) or only report to the policy tip / alerts.
  [switch] $Block
)
$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'postvagt-constants.ps1')

$policyName = 'Postvagt backstop: CPR without marker'
$ruleName = 'CPR to external recipient, not checked by Postvagt'

if (-not (Get-DlpCompliancePolicy -Identity $policyName -ErrorAction SilentlyContinue)) {
  if ($PSCmdlet.ShouldProcess($policyName, 'New-DlpCompliancePolicy')) {
    New-DlpCompliancePolicy -Name $policyName -ExchangeLocation All -Mode $Mode `
      -Comment 'Postvagt: CPR numbers in mail that did not pass the add-in (no X-Postvagt marker). See docs/audit.md.' | Out-Null
  }
} elseif ($PSCmdlet.ShouldProcess($policyName, 'Set-DlpCompliancePolicy')) {
  Set-DlpCompliancePolicy -Identity $policyName -Mode $Mode
}

$rule = @{
  ContentContainsSensitiveInformation = @{ Name = 'Denmark Personal Identification Number'; minCount = '1' }
  AccessScope                         = 'NotInOrganization'
  # No incident report with the original content; the DLP alert and activity explorer give counts.
  Comment                             = 'Postvagt: see docs/audit.md.'
}
if (-not $IncludeMarked) { $rule.ExceptIfHeaderMatchesPatterns = @{ $PostvagtHeader = $PostvagtPatternAny } }
if ($Block) {
  $rule.BlockAccess = $true
  $rule.NotifyUser = 'Owner'
}

if (Get-DlpComplianceRule -Identity $ruleName -ErrorAction SilentlyContinue) {
  if ($PSCmdlet.ShouldProcess($ruleName, 'Set-DlpComplianceRule')) { Set-DlpComplianceRule -Identity $ruleName @rule }
} elseif ($PSCmdlet.ShouldProcess($ruleName, 'New-DlpComplianceRule')) {
  New-DlpComplianceRule -Name $ruleName -Policy $policyName @rule | Out-Null
}
