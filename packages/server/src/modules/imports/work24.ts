import {
  type CareerRequirement,
  type EducationLevel,
  type EmployerSize,
  type EmploymentType,
  isValidBusinessNumber,
  type KsicSection,
  type WageType,
} from '@ilteo/shared';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * 고용24 OPEN-API responses (채용정보 목록 210L01 and 상세 210D01, see
 * reference-data/work24/API_NOTES.md) read into postings with our vocabulary. Pure: text in,
 * data out. The detail's `empchargeInfo` (the employer's contact person: personal data) is never
 * read — it is dropped here, before anything else sees the document.
 */

/** One 고용24 posting, normalised. Null means 고용24 did not say. */
export interface Work24Posting {
  /** 구인인증번호, e.g. K140022610010052. */
  wantedAuthNo: string;
  company: string;
  /** Ten digits with a valid check digit; null when absent, masked or invalid. */
  businessNumber: string | null;
  /** The business number as 고용24 gave it, when it was not usable (for the report). */
  invalidBusinessNumber: string | null;
  representative: string | null;
  industryName: string | null;
  industry: KsicSection | null;
  size: EmployerSize | null;
  companyAddress: string | null;
  homepage: string | null;
  title: string | null;
  description: string;
  /** 고용24 직종: the 6-digit code and, from a detail, its name. */
  jobsCd: string | null;
  jobsName: string | null;
  education: EducationLevel | null;
  career: CareerRequirement | null;
  minCareerMonths: number | null;
  /** Null when 고용24 gives no amount (e.g. 회사내규에 따름). */
  wage: { type: WageType; amount: number } | null;
  weeklyHours: number | null;
  employmentType: EmploymentType | null;
  openings: number | null;
  address: string | null;
  /** 근무지역 as text, e.g. `대구 서구` (from the text, or the 5-digit 시군구 code). */
  regionName: string | null;
  regionCode: string | null;
  opensOn: string | null;
  /** 채용시까지 (until filled) with no date: null. */
  closesOn: string | null;
  externalUrl: string | null;
}

export type Work24Document =
  | { type: 'list'; total: number; postings: Work24Posting[] }
  | { type: 'detail'; posting: Work24Posting }
  | { type: 'error'; code: string | null; message: string }
  | { type: 'unreadable'; reason: 'not_xml' | 'unknown_document' };

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // Codes and numbers stay text: business numbers and 직종 codes keep their leading zeros.
  parseTagValue: false,
  trimValues: true,
  // A list with one posting is still a list.
  isArray: (_name, jpath) => jpath === 'wantedRoot.wanted',
});

/** Reads a 고용24 response body: a list, a detail, an error body, or something else. */
export function parseWork24(text: string): Work24Document {
  const body = text.replace(/^\uFEFF/, '').trim();
  // 고용24 never sends a DTD; refusing one keeps entity expansion out of reach.
  if (!body.startsWith('<') || /<!DOCTYPE|<!ENTITY/i.test(body) || XMLValidator.validate(body) !== true) {
    return { type: 'unreadable', reason: 'not_xml' };
  }
  const doc = parser.parse(body) as Node;
  const go24 = doc.GO24 as Node | undefined;
  if (go24 && typeof go24 === 'object')
    return { type: 'error', code: null, message: text1(go24.error) ?? '' };
  const root = doc.wantedRoot as Node | string | undefined;
  if (root !== undefined) {
    const node = (typeof root === 'object' ? root : {}) as Node;
    if (node.message !== undefined || node.messageCd !== undefined) {
      return { type: 'error', code: text1(node.messageCd), message: text1(node.message) ?? '' };
    }
    const wanted = (Array.isArray(node.wanted) ? node.wanted : []) as Node[];
    return {
      type: 'list',
      total: Number(text1(node.total) ?? wanted.length) || wanted.length,
      postings: wanted.map(listPosting).filter((p): p is Work24Posting => p !== null),
    };
  }
  const detail = doc.wantedDtl as Node | undefined;
  if (detail && typeof detail === 'object') {
    const posting = detailPosting(detail);
    if (posting) return { type: 'detail', posting };
  }
  return { type: 'unreadable', reason: 'unknown_document' };
}

/** A tag's text, trimmed; null when absent or empty. */
function text1(value: unknown): string | null {
  if (value === undefined || value === null || typeof value === 'object') return null;
  const s = String(value).replace(/\s+/g, ' ').trim();
  return s === '' ? null : s;
}

function listPosting(w: Node): Work24Posting | null {
  const wantedAuthNo = text1(w.wantedAuthNo);
  if (!wantedAuthNo) return null;
  const busino = text1(w.busino);
  const wage =
    wageFrom(salaryType(text1(w.salTpCd) ?? text1(w.salTpNm)), w.minSal, w.maxSal, text1(w.sal)) ?? null;
  const address = [text1(w.basicAddr), text1(w.detailAddr)].filter(Boolean).join(' ') || null;
  const industryName = text1(w.indTpNm);
  const holiday = text1(w.holidayTpNm);
  return {
    wantedAuthNo,
    company: text1(w.company) ?? '',
    businessNumber: busino && isValidBusinessNumber(busino) ? busino.replace(/\D/g, '') : null,
    invalidBusinessNumber: busino && !isValidBusinessNumber(busino) ? busino : null,
    representative: null,
    industryName,
    industry: ksicSectionOf(industryName),
    size: null,
    companyAddress: address,
    homepage: null,
    title: text1(w.title),
    description: [
      industryName && `업종: ${industryName}`,
      holiday && `근무형태: ${holiday}`,
      text1(w.sal) && `급여: ${text1(w.salTpNm) ?? ''} ${text1(w.sal)}`.replace(/\s+/g, ' '),
    ]
      .filter(Boolean)
      .join('\n'),
    jobsCd: occupationCode(text1(w.jobsCd)),
    jobsName: null,
    education: educationOf(text1(w.minEdubg)),
    career: careerOf(text1(w.career)),
    minCareerMonths: null,
    wage,
    weeklyHours: null,
    employmentType: employmentTypeOf(text1(w.empTpCd)),
    openings: null,
    address,
    regionName: text1(w.region),
    regionCode: null,
    opensOn: work24Date(text1(w.regDt)),
    closesOn: closingDate(text1(w.closeDt)),
    externalUrl: text1(w.wantedInfoUrl),
  };
}

function detailPosting(d: Node): Work24Posting | null {
  const wantedAuthNo = text1(d.wantedAuthNo);
  if (!wantedAuthNo) return null;
  // Only corpInfo and wantedInfo are read: empchargeInfo is personal data and never stored.
  const corp = (typeof d.corpInfo === 'object' && d.corpInfo ? d.corpInfo : {}) as Node;
  const info = (typeof d.wantedInfo === 'object' && d.wantedInfo ? d.wantedInfo : {}) as Node;
  const jobsNm = text1(info.jobsNm);
  const named = jobsNm ? /^(.*?)\s*\((\d{6})\)\s*$/.exec(jobsNm) : null;
  const salText = text1(info.salTpNm);
  const career = text1(info.enterTpNm);
  const sections: [string, unknown][] = [
    ['', info.jobCont],
    ['관련직종', info.relJobsNm],
    ['전공', info.major],
    ['자격면허', info.certificate],
    ['외국어', info.forLang],
    ['우대조건', info.pfCond],
    ['기타 우대', info.etcPfCond],
    ['근무시간', info.workdayWorkhrCont],
    ['급여', salText],
    ['복리후생', info.etcWelfare],
    ['전형방법', info.selMthd],
    ['접수방법', info.rcptMthd],
    ['제출서류', info.submitDoc],
  ];
  const description = sections
    .map(([label, value]) => {
      const v = text1(value);
      return v ? (label ? `${label}: ${v}` : v) : null;
    })
    .filter(Boolean)
    .join('\n');
  const corpAddr = text1(corp.corpAddr);
  const regionCode = text1(info.regionCd);
  const industryName = text1(corp.indTpCdNm);
  return {
    wantedAuthNo,
    company: text1(corp.corpNm) ?? '',
    businessNumber: null,
    invalidBusinessNumber: null,
    representative: text1(corp.reperNm),
    industryName,
    industry: ksicSectionOf(industryName),
    size: sizeOf(text1(corp.totPsncnt)),
    // The postcode 고용24 puts in front of the address is not part of it.
    companyAddress: corpAddr ? corpAddr.replace(/^\d{5}\s+/, '') : null,
    homepage: homepageOf(text1(corp.homePg)),
    title: text1(info.wantedTitle),
    description,
    jobsCd: occupationCode(text1(info.jobsCd)) ?? named?.[2] ?? null,
    jobsName: named?.[1]?.trim() || (jobsNm && !named ? jobsNm : null),
    education:
      educationCode(text1(info.minEdubgIcd)) ?? educationOf(text1(info.eduNm)?.split('-')[0]?.trim() ?? null),
    career: careerOf(text1(info.enterTpCd)) ?? careerOf(career),
    minCareerMonths: careerMonths(career),
    wage: wageFrom(salaryType(text1(info.salTpCd) ?? salText), undefined, undefined, salText),
    weeklyHours: weeklyHoursOf(text1(info.workdayWorkhrCont)),
    employmentType: employmentTypeOf(text1(info.empTpCd)) ?? employmentTypeOf(text1(info.empTpNm)),
    openings: openingsOf(text1(info.collectPsncnt)),
    address: text1(info.workRegion),
    regionName: null,
    regionCode: regionCode && /^\d{5}$/.test(regionCode) ? regionCode : null,
    opensOn: null,
    closesOn: closingDate(text1(info.receiptCloseDt)),
    externalUrl: text1(info.dtlRecrContUrl),
  };
}

/** `26-10-01` (or 2026-10-01, 20261001) → `2026-10-01`; null when it is not a date. */
export function work24Date(value: string | null): string | null {
  if (!value) return null;
  const m = /(\d{4}|\d{2})[-./]?(\d{2})[-./]?(\d{2})/.exec(value);
  if (!m) return null;
  const year = m[1]!.length === 2 ? 2000 + Number(m[1]) : Number(m[1]);
  const date = `${year}-${m[2]}-${m[3]}`;
  const parsed = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date ? null : date;
}

/**
 * `closeDt`: `26-10-31`; `채용시까지  26-11-30` (until filled, at the latest that day) → that day;
 * `채용시까지` alone → null (open until filled).
 */
export function closingDate(value: string | null): string | null {
  return work24Date(value);
}

/** 연봉/월급/시급/일급 (or the codes Y/M/H/D) → our wage type. */
export function salaryType(value: string | null): WageType | null {
  if (!value) return null;
  const v = value.trim();
  if (v === 'Y' || v.startsWith('연봉')) return 'annual';
  if (v === 'M' || v.startsWith('월급')) return 'monthly';
  if (v === 'H' || v.startsWith('시급')) return 'hourly';
  if (v === 'D' || v.startsWith('일급')) return 'daily';
  return null;
}

/** Won from free text: `4100만원` → 41,000,000; `연봉41,000,000원 이상` → 41,000,000; null when none. */
export function wonFromText(text: string | null): number | null {
  if (!text) return null;
  const m = /(\d[\d,]*(?:\.\d+)?)\s*(억|만)?\s*원?/.exec(text.replace(/\s+/g, ' '));
  if (!m) return null;
  const n = Number(m[1]!.replaceAll(',', ''));
  if (!Number.isFinite(n) || n <= 0) return null;
  const amount = m[2] === '억' ? n * 100_000_000 : m[2] === '만' ? n * 10_000 : n;
  return Math.round(amount);
}

/**
 * A wage from 고용24's fields: `minSal` (or, when it is 0 = none, `maxSal`), else the free text
 * (`sal` or the detail's `salTpNm`). Null when there is no type or no amount.
 */
export function wageFrom(
  type: WageType | null,
  minSal: unknown,
  maxSal: unknown,
  freeText: string | null,
): { type: WageType; amount: number } | null {
  if (!type) return null;
  const min = Number(text1(minSal) ?? 0) || 0;
  const max = Number(text1(maxSal) ?? 0) || 0;
  const amount = min > 0 ? min : max > 0 ? max : wonFromText(freeText);
  return amount && amount > 0 && amount <= 2_000_000_000 ? { type, amount: Math.round(amount) } : null;
}

const EDUCATION_NAMES: [RegExp, EducationLevel][] = [
  [/무관/, 'any'],
  [/초졸/, 'elementary'],
  [/중졸/, 'middle'],
  [/고졸/, 'high'],
  [/대졸\s*\(?\s*2\s*~\s*3/, 'college'],
  [/대졸\s*\(?\s*4/, 'university'],
  [/대졸/, 'university'],
  [/석사/, 'master'],
  [/박사/, 'doctorate'],
];
const EDUCATION_CODES: Record<string, EducationLevel> = {
  '00': 'any',
  '01': 'elementary',
  '02': 'middle',
  '03': 'high',
  '04': 'college',
  '05': 'university',
  '06': 'master',
  '07': 'doctorate',
};

/** 고용24's education names (`대졸(4년)`, `학력무관`…) → EDUCATION_LEVELS. */
export function educationOf(name: string | null): EducationLevel | null {
  if (!name) return null;
  return EDUCATION_NAMES.find(([re]) => re.test(name))?.[1] ?? null;
}

/** 고용24's education codes 00–07. */
export function educationCode(code: string | null): EducationLevel | null {
  return code ? (EDUCATION_CODES[code.padStart(2, '0')] ?? null) : null;
}

/** 신입/경력/관계없음 (or N/E/Z) → CAREER_REQUIREMENTS; both 신입 and 경력 → any. */
export function careerOf(value: string | null): CareerRequirement | null {
  if (!value) return null;
  if (value === 'N') return 'new';
  if (value === 'E') return 'experienced';
  if (value === 'Z' || /관계없음|무관/.test(value)) return 'any';
  const isNew = value.includes('신입');
  const experienced = value.includes('경력');
  if (isNew && experienced) return 'any';
  if (isNew) return 'new';
  if (experienced) return 'experienced';
  return null;
}

/** `경력 (최소3년) 필수` → 36; `최소 6개월` → 6. */
export function careerMonths(value: string | null): number | null {
  if (!value) return null;
  const years = /최소\s*(\d+)\s*년/.exec(value);
  const months = /최소\s*(\d+)\s*개월/.exec(value);
  const total = (years ? Number(years[1]) * 12 : 0) + (months ? Number(months[1]) : 0);
  return total > 0 ? Math.min(total, 600) : null;
}

/** empTpCd 10/11/20/21/4/Y (or the detail's names) → EMPLOYMENT_TYPES. */
export function employmentTypeOf(value: string | null): EmploymentType | null {
  if (!value) return null;
  const codes: Record<string, EmploymentType> = {
    '10': 'permanent',
    '11': 'permanent_part_time',
    '20': 'fixed_term',
    '21': 'fixed_term_part_time',
    '4': 'dispatch',
    '04': 'dispatch',
    Y: 'substitute',
  };
  if (codes[value]) return codes[value]!;
  const partTime = /시간\s*\(?선택\)?\s*제|시간제/.test(value);
  if (/파견/.test(value)) return 'dispatch';
  if (/대체/.test(value)) return 'substitute';
  if (/일용/.test(value)) return 'daily';
  if (/정함이\s*없는/.test(value)) return partTime ? 'permanent_part_time' : 'permanent';
  if (/정함이\s*있는/.test(value)) return partTime ? 'fixed_term_part_time' : 'fixed_term';
  return null;
}

/** A 6-digit 고용24 직종 code, or null. */
function occupationCode(value: string | null): string | null {
  return value && /^\d{6}$/.test(value) ? value : null;
}

/** `25 명` → small (5–49). */
export function sizeOf(headcount: string | null): EmployerSize | null {
  const n = headcount ? Number(/(\d[\d,]*)/.exec(headcount)?.[1]?.replaceAll(',', '')) : Number.NaN;
  if (!Number.isFinite(n)) return null;
  if (n < 5) return 'micro';
  if (n < 50) return 'small';
  if (n < 300) return 'medium';
  return 'large';
}

function openingsOf(value: string | null): number | null {
  const n = value ? Number(/(\d+)/.exec(value)?.[1]) : Number.NaN;
  return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : null;
}

/** `주 소정근로시간: 40시간` in 근무시간 text → 40. */
function weeklyHoursOf(value: string | null): number | null {
  const m = value ? /주\s*(?:소정\s*)?근로\s*시간\s*[:：]?\s*(\d+(?:\.\d+)?)\s*시간/.exec(value) : null;
  const n = m ? Number(m[1]) : Number.NaN;
  return n >= 1 && n <= 68 ? n : null;
}

function homepageOf(value: string | null): string | null {
  if (!value) return null;
  const url = /^https?:\/\//i.test(value) ? value : `http://${value}`;
  try {
    return new URL(url).hostname.includes('.') && url.length <= 300 ? url : null;
  } catch {
    return null;
  }
}

/**
 * A KSIC 대분류 from 고용24's industry name (`폐수 처리업` → E), by the words of the section
 * names; null when no word matches (the profile then has no industry until staff set it).
 */
const KSIC_WORDS: [RegExp, KsicSection][] = [
  [/폐수|폐기물|하수|분뇨|수도|원료\s*재생|환경\s*정화/, 'E'],
  [/전기|가스|증기|발전/, 'D'],
  [/제조|가공업|생산/, 'C'],
  [/건설|공사업|건축|토목|인테리어/, 'F'],
  [/도매|소매|판매|상품\s*중개|슈퍼|편의점|마트/, 'G'],
  [/운송|운수|택배|물류|창고|화물|배송/, 'H'],
  [/음식|식당|숙박|호텔|주점|카페|커피|제과/, 'I'],
  [/소프트웨어|정보\s*서비스|통신|출판|방송|영상|프로그래밍|컴퓨터|데이터/, 'J'],
  [/금융|보험|은행|증권|신용/, 'K'],
  [/부동산/, 'L'],
  [/연구|엔지니어링|설계|광고|법무|회계|세무|경영\s*컨설팅|디자인|전문\s*서비스|기술\s*서비스/, 'M'],
  [/사업\s*지원|경비|청소|인력|파견|시설\s*관리|임대|여행/, 'N'],
  [/공공\s*행정|국방|사회\s*보장\s*행정/, 'O'],
  [/교육|학원|학교|어린이집/, 'P'],
  [/병원|의원|보건|의료|요양|복지|돌봄|간호/, 'Q'],
  [/예술|스포츠|여가|오락|공연|체육/, 'R'],
  [/협회|단체|수리업|미용|세탁|개인\s*서비스/, 'S'],
  [/농업|임업|어업|축산|양식/, 'A'],
  [/광업|채굴|채석/, 'B'],
];

/** The KSIC section an industry name reads as, or null. */
export function ksicSectionOf(name: string | null): KsicSection | null {
  if (!name) return null;
  return KSIC_WORDS.find(([re]) => re.test(name))?.[1] ?? null;
}

/**
 * The error message of a 고용24 error body in both languages, with what to do about it.
 * 006 is not a failure of the request, but there is nothing to import either.
 */
export function work24ErrorMessage(code: string | null, message: string): { ko: string; en: string } {
  const quoted = message ? `「${message}」` : '';
  switch (code) {
    case '006':
      return {
        ko: `고용24에 조건에 맞는 채용정보가 없습니다${quoted}. 가져온 공고는 0건입니다.`,
        en: `No postings matched the 고용24 query (${message || '정보가 존재하지 않습니다'}): 0 rows imported.`,
      };
    case '002':
      return {
        ko: `고용24 인증키가 유효하지 않습니다${quoted}. 고용24(work24.go.kr)에서 발급한 기업회원 인증키로, 새 주소(www.work24.go.kr)에 요청했는지 확인해 주세요.`,
        en: `고용24 rejected the authentication key (${message}). Use a 고용24 company-member key with the current address www.work24.go.kr (old 워크넷 keys and addresses no longer work).`,
      };
    case '018':
      return {
        ko: `고용24 상세 조회 요청이 올바르지 않습니다${quoted}. 상세 조회에는 infoSvc=VALIDATION 이 필요합니다.`,
        en: `고용24 refused the detail request (${message}): a detail call needs infoSvc=VALIDATION.`,
      };
  }
  if (/authKey/i.test(message)) {
    return {
      ko: `고용24 요청에 인증키가 없습니다${quoted}. authKey 를 넣어 다시 받아 주세요.`,
      en: `The 고용24 request had no authentication key (${message}). Fetch it again with authKey.`,
    };
  }
  if (/개인회원/.test(message)) {
    return {
      ko: `개인회원 인증키로는 고용24 OPEN-API를 쓸 수 없습니다${quoted}. 기업회원으로 인증키를 발급받아 주세요.`,
      en: `A personal-member key cannot use the 고용24 OPEN-API (${message}). Apply for a key as a company member (기업회원).`,
    };
  }
  if (/서비스가 존재하지/.test(message)) {
    return {
      ko: `이 인증키로 신청·승인된 고용24 OPEN-API 서비스가 아닙니다${quoted}. 고용24에서 채용정보 API 이용 신청을 확인해 주세요.`,
      en: `This 고용24 OPEN-API service has not been applied for or approved for the key (${message}). Check the key's services on 고용24.`,
    };
  }
  return {
    ko: `고용24가 오류를 돌려주었습니다${code ? `(${code})` : ''}${quoted}.`,
    en: `고용24 returned an error${code ? ` (${code})` : ''}: ${message || 'no message'}.`,
  };
}
