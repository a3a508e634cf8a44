import { compileDomainLists, findLookalikes } from "../src/core/detectors/lookalike-domain";
const SY = ["ran","ders","aar","hus","borg","vej","le","sil","ke","sk","at","fre","de","ri","kom","mu","ne","nord","syd","holm","baek","by","lund","soe","ting","vig","strup","loese","roed","hav"];
let s = 7; const rnd = () => { s = (s * 16807) % 2147483647; return s / 2147483647; };
const name = () => { let n = ""; const k = 2 + Math.floor(rnd()*3); for (let i=0;i<k;i++) n += SY[Math.floor(rnd()*SY.length)]; return n; };
const known = [...new Set(Array.from({length: 1100}, () => name()+".dk"))];
const lists = compileDomainLists({ own: ["randers.dk"], trusted: ["borger.dk"], known });
const strangers = Array.from({length: 2000}, (_, i) => ({ address: `p${i}@${name()}x.dk`, field: "to" as const }));
const looks = Array.from({length: 2000}, (_, i) => { const k = known[i % known.length]!; const j = 2; return { address: `p${i}@${k.slice(0,j)}${k.slice(j+1)}`, field: "to" as const }; });
for (let round = 0; round < 3; round++) for (const [n, rs] of [["strangers", strangers], ["lookalikes", looks]] as const) {
  const t0 = performance.now(); for (let r = 0; r < 5; r++) findLookalikes(rs, lists); console.log(n, ((performance.now()-t0)*1000/10000).toFixed(1)); }
