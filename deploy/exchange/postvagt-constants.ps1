# GENERATED from src/core/audit/marker.ts by scripts/gen-exchange-constants.ts. Do not edit:
# change the add-in's constants and run `npx tsx scripts/gen-exchange-constants.ts`.
# Dot-sourced by the other scripts in this folder, so rules and add-in use the same names.

# The one header the add-in writes on every mail it lets go (docs/audit.md).
$PostvagtHeader = 'X-Postvagt'
$PostvagtMarkerVersion = 1
# Regular expressions on the header's value.
$PostvagtPatternAny = '^v=1;'
$PostvagtPatternWarnSent = 'verdict=warn-sent'
$PostvagtPatternRouteSubjectTag = 'route=subject-tag'
# Values the add-in writes, for reference.
$PostvagtVerdicts = @('allow', 'warn-sent', 'route')
$PostvagtRoutes = @('subject-tag', 'label', 'recipients')
# A helper header only Exchange sets (counting rules), removed with the marker on the way out.
$PostvagtCountedHeader = 'X-Postvagt-Counted'
