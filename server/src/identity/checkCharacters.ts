/**
 * Check characters and masking for the identifiers of real-name registration (R19):
 * the resident ID number (居民身份证号码, GB 11643-1999) and the unified social credit code
 * (统一社会信用代码, GB 32100-2015, whose positions 9–17 are an organization code per GB 11714).
 * Pure functions, no I/O.
 */

// ---------------------------------------------------------------------------------------------
// Resident ID number (GB 11643-1999)
// ---------------------------------------------------------------------------------------------

/** ISO 7064 MOD 11-2 weights: 2^(17-i) mod 11 for positions 0..16. */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** Check character indexed by (Σ digit·weight) mod 11. */
const ID_CHECK_CHARS = "10X98765432";

/** The check character (0-9 or "X") for the first 17 digits of an ID number. */
export function idNumberCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) {
    throw new RangeError("idNumberCheckChar expects exactly 17 digits");
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK_CHARS[sum % 11]!;
}

/** Asia/Shanghai calendar date of an instant as YYYYMMDD (China has no daylight saving time). */
function shanghaiYmd(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10).replaceAll("-", "");
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this month; UTC avoids local-time surprises.
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= lastDay;
}

/**
 * Validates an 18-character resident ID number: 6-digit region, real birth date (year ≥ 1900, not
 * after `today`), 3-digit sequence, MOD 11-2 check character ("X" or "x" for 10).
 * `today` is a Date (taken as an Asia/Shanghai date) or "YYYY-MM-DD"; callers should pass the
 * platform clock, the default is the system time.
 */
export function isValidIdNumber(s: string, today: Date | string = new Date()): boolean {
  if (typeof s !== "string" || !/^\d{17}[\dXx]$/.test(s)) return false;
  // Region codes never start with 0 (GB/T 2260 provinces are 11–82; permanent residence cards use 9).
  if (s[0] === "0") return false;

  const birth = s.slice(6, 14);
  const year = Number(birth.slice(0, 4));
  const month = Number(birth.slice(4, 6));
  const day = Number(birth.slice(6, 8));
  if (year < 1900 || !isRealDate(year, month, day)) return false;
  const todayYmd = typeof today === "string" ? today.replaceAll("-", "") : shanghaiYmd(today);
  if (birth > todayYmd) return false;

  return idNumberCheckChar(s.slice(0, 17)) === s[17]!.toUpperCase();
}

// ---------------------------------------------------------------------------------------------
// Organization code (GB 11714-1997) and unified social credit code (GB 32100-2015)
// ---------------------------------------------------------------------------------------------

/** The 31 characters of GB 32100: digits and capitals without I, O, Z, S, V. */
export const CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/**
 * Registration authority (position 1) → allowed institution types (position 2), from GB 32100-2015
 * Appendix A and the authorities assigned since (司法行政, 文化, 旅游, 宗教, 工会, 军队, 农业).
 */
export const CREDIT_CODE_TYPES: Readonly<Record<string, string>> = {
  "1": "1239", // 机构编制: 机关, 事业单位, 中央编办直管群众团体, 其他
  "2": "19", // 外交: 外国常驻新闻机构, 其他
  "3": "123459", // 司法行政: 律师事务所, 公证处, 基层法律服务所, 司法鉴定机构, 仲裁委员会, 其他
  "4": "19", // 文化: 外国在华文化中心, 其他
  "5": "1239", // 民政: 社会团体, 民办非企业单位, 基金会, 其他
  "6": "129", // 旅游: 外国/港澳台旅游部门常驻代表机构, 其他
  "7": "129", // 宗教: 宗教活动场所, 宗教院校, 其他
  "8": "19", // 工会: 基层工会, 其他
  "9": "123", // 工商: 企业, 个体工商户, 农民专业合作社
  A: "19", // 中央军委改革和编制办公室: 军队事业单位, 其他
  N: "1239", // 农业: 组级, 村级, 乡镇级集体经济组织, 其他
  Y: "1", // 其他
};

const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/** GB 11714 value of a body character: digits 0–9, letters A–Z as 10–35. */
function orgCodeValue(ch: string): number {
  return Number.parseInt(ch, 36);
}

/** The GB 11714 check character (0-9 or "X") of an 8-character organization code body. */
export function orgCodeCheckChar(first8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(first8)) {
    throw new RangeError("orgCodeCheckChar expects 8 characters 0-9A-Z");
  }
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += orgCodeValue(first8[i]!) * ORG_CODE_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? "X" : c === 11 ? "0" : String(c);
}

/** GB 32100 weights 3^i mod 31 for positions 0..16. */
const CREDIT_WEIGHTS: readonly number[] = Array.from({ length: 17 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k++) w = (w * 3) % 31;
  return w;
});

/** The final GB 32100 check character for the first 17 characters of a credit code. */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError("creditCodeCheckChar expects 17 characters");
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CODE_ALPHABET.indexOf(first17[i]!);
    if (v < 0) throw new RangeError(`creditCodeCheckChar: "${first17[i]}" is not in the alphabet`);
    sum += v * CREDIT_WEIGHTS[i]!;
  }
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31]!;
}

const CREDIT_CODE_SHAPE = new RegExp(`^[${CREDIT_CODE_ALPHABET}]{18}$`);

/**
 * Validates an 18-character unified social credit code: known registration authority and type,
 * 6-digit region code, organization code with its own GB 11714 check character, and the final
 * GB 32100 check character. Upper case only, as the standard prints it.
 */
export function isValidCreditCode(s: string): boolean {
  if (typeof s !== "string" || !CREDIT_CODE_SHAPE.test(s)) return false;
  const types = CREDIT_CODE_TYPES[s[0]!];
  if (types === undefined || !types.includes(s[1]!)) return false;
  if (!/^\d{6}$/.test(s.slice(2, 8))) return false;
  const orgCheck = s[16]!;
  if (!/[0-9X]/.test(orgCheck) || orgCodeCheckChar(s.slice(8, 16)) !== orgCheck) return false;
  return creditCodeCheckChar(s.slice(0, 17)) === s[17];
}

// ---------------------------------------------------------------------------------------------
// Masking (personal data in public answers, logs and exports)
// ---------------------------------------------------------------------------------------------

/** Keeps `head` and `tail` characters; anything too short to keep both is masked entirely. */
function maskMiddle(s: string, head: number, tail: number): string {
  const chars = Array.from(s.trim());
  if (chars.length <= head + tail) return "*".repeat(chars.length);
  return (
    chars.slice(0, head).join("") +
    "*".repeat(chars.length - head - tail) +
    chars.slice(chars.length - tail).join("")
  );
}

/** "500112199001011234" → "500112********1234". */
export function maskIdNumber(s: string): string {
  return maskMiddle(s, 6, 4);
}

/** "13812345678" → "138****5678". */
export function maskPhone(s: string): string {
  return maskMiddle(s, 3, 4);
}

/** "91500112MA5U7XXX1Y" → "91500112********1Y". */
export function maskCreditCode(s: string): string {
  return maskMiddle(s, 8, 2);
}

/** A certificate holder's code: an ID number (a person) or a credit code (an organization), masked as either. */
export function maskHolderCode(code: string): string {
  return code.length === 18 && /^\d{17}[\dX]$/.test(code) ? maskIdNumber(code) : maskCreditCode(code);
}

/** Two-character surnames kept whole so that "欧阳娜娜" masks to "欧阳**", not "欧***". */
const COMPOUND_SURNAMES = new Set([
  "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒",
  "夏侯", "令狐", "端木", "独孤", "南宫", "西门", "轩辕", "呼延", "澹台", "公冶", "宗政", "濮阳",
  "淳于", "单于", "太叔", "申屠", "闻人", "万俟", "赫连", "钟离", "百里", "东郭", "拓跋", "司空",
]);

/** Keeps the surname: "张三" → "张*", "欧阳娜娜" → "欧阳**"; a single character stays as it is. */
export function maskName(s: string): string {
  const chars = Array.from(s.trim());
  if (chars.length <= 1) return chars.join("");
  const surnameLength = chars.length >= 3 && COMPOUND_SURNAMES.has(chars[0]! + chars[1]!) ? 2 : 1;
  return chars.slice(0, surnameLength).join("") + "*".repeat(chars.length - surnameLength);
}
