<#
.SYNOPSIS
  Weekly counts of Postvagt's mail-flow rules from Exchange Online's mail-flow rule report: how many
  mails left without a marker, and how many were sent after a warning. Counts only, no content.

.DESCRIPTION
  Run in Exchange Online PowerShell (Connect-ExchangeOnline). Get-MailTrafficPolicyReport keeps 90
  days. For the per-rule and per-client breakdown, export the mails and run `npx postvagt audit`
  (docs/audit.md, section 3).

  NOT RUN against a tenant by the Postvagt project (see docs/audit.md).
#>
param(
  [datetime] $StartDate = (Get-Date).AddDays(-84),
  [datetime] $EndDate = (Get-Date)
)
$ErrorActionPreference = 'Stop'
$rules = @('Postvagt 1 backstop: no marker', 'Postvagt 2 sent after warning')

Get-MailTrafficPolicyReport -StartDate $StartDate -EndDate $EndDate -Direction Outbound -TransportRule $rules -SummarizeBy TransportRule |
  Group-Object { $d = Get-Date $_.Date; "{0}-W{1:00}" -f [System.Globalization.ISOWeek]::GetYear($d), [System.Globalization.ISOWeek]::GetWeekOfYear($d) }, TransportRule |
  ForEach-Object { [pscustomobject]@{ Week = $_.Values[0]; Rule = $_.Values[1]; Messages = ($_.Group | Measure-Object MessageCount -Sum).Sum } } |
  Sort-Object Week, Rule | Format-Table -AutoSize
