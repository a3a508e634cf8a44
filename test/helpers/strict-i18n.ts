// Every jest project runs with strict strings: a missing key or placeholder throws, so a test that
// renders one fails instead of showing "[[key]]" to nobody.
import { setStrictKeys } from "../../src/i18n/t";

setStrictKeys(true);
