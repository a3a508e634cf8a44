/**
 * Generated hostile files for the format readers: text that starts like an image, zip directories
 * that lie. The number is synthetic (docs/design/cpr-number.md §7).
 */
import { zipSync, strToU8 } from "fflate";
import { buildZip } from "./zip-builder";

export const NUMBER = "150375-6125";
const latin1 = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0) & 255);

/** A CSV or text file whose first bytes are an image format's magic ("BM", "GIF89a", ...). */
export function imageLookingText(prefix: string): Uint8Array {
  return latin1(`${prefix};CPR;Navn\r\n1;${NUMBER};Jens Hansen\r\n`);
}
export const IMAGE_LOOKING_PREFIXES = ["BMI", "BM", "GIF89a", "GIF87a", "MM", "RIFF1234WEBP", "\u0089PNG"];

/** A zip whose end record says it holds 1 entry while its central directory holds 3. */
export function zipCountLies(): Uint8Array {
  const z = buildZip([
    { name: "a.txt", data: strToU8("intet"), method: 0, size: 5 },
    { name: "b.txt", data: strToU8("heller intet"), method: 0, size: 12 },
    { name: "c.txt", data: strToU8(`CPR ${NUMBER}`), method: 0, size: 4 + NUMBER.length },
  ]);
  const b = z.slice();
  for (let i = b.length - 22; i >= 0; i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 5 && b[i + 3] === 6) {
      b[i + 8] = 1;
      b[i + 9] = 0;
      b[i + 10] = 1;
      b[i + 11] = 0;
      break;
    }
  }
  return b;
}

/** The end record's offset of the central directory, in a copy that can be changed. */
function withEndRecord(z: Uint8Array, edit: (b: Uint8Array, eocd: number) => void): Uint8Array {
  const b = z.slice();
  for (let i = b.length - 22; i >= 0; i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 5 && b[i + 3] === 6) {
      edit(b, i);
      break;
    }
  }
  return b;
}

/**
 * The fuzzer's shape (case 1907053072): the directory's offset points `by` bytes early and the
 * total count says 0, though the directory holds three records. unzip finds them before the end
 * record and reads all three; a reader that trusts the offset sees an empty archive. `sizeLie`
 * adds to the directory's size, so it is not found before the end record either.
 */
export function zipDirectoryShifted(by = 19, sizeLie = 0): Uint8Array {
  return withEndRecord(zipCountLies(), (b, eocd) => {
    b[eocd + 12] = (b[eocd + 12]! + sizeLie) & 255;
    const offset = b[eocd + 16]! | (b[eocd + 17]! << 8) | (b[eocd + 18]! << 16) | (b[eocd + 19]! << 24);
    const moved = offset - by;
    b[eocd + 16] = moved & 255;
    b[eocd + 17] = (moved >>> 8) & 255;
    b[eocd + 18] = (moved >>> 16) & 255;
    b[eocd + 19] = (moved >>> 24) & 255;
    b[eocd + 10] = 0;
    b[eocd + 11] = 0;
  });
}

const DOC = (text: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`;

/** A .docx with word/document.xml twice: a clean decoy first, the number in the second (Word reads the second). */
export function docxDuplicateDocument(): Uint8Array {
  const types = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
  return buildZip([
    { name: "[Content_Types].xml", data: strToU8(types), method: 0, size: types.length },
    { name: "word/document.xml", data: strToU8(DOC("Intet her")), method: 0, size: DOC("Intet her").length },
    { name: "word/document.xml", data: strToU8(DOC(`CPR ${NUMBER}`)), method: 0, size: DOC(`CPR ${NUMBER}`).length },
  ]);
}

/** A normal zip, for the mutators to start from. */
export function plainZip(): Uint8Array {
  return zipSync({ "a.txt": strToU8("intet"), "b/c.txt": strToU8(`CPR ${NUMBER}`), "d.csv": imageLookingText("BMI") });
}
