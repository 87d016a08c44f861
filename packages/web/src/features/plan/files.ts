import { type Bilingual, ERRORS, FIELD_MESSAGES, type FieldError, fillMessage } from '@ilteo/shared';
import { ApiError, readCsrfCookie } from '../../api/client';

/** The largest evidence file and plan workbook the server accepts: 10 MB. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** File types the server accepts as evidence (it checks the content; the name is a first hint). */
export const EVIDENCE_EXTENSIONS = ['pdf', 'png', 'jpg', 'jpeg', 'xlsx', 'docx', 'hwp', 'hwpx'] as const;

/** What the file input offers to pick. */
export const EVIDENCE_ACCEPT = EVIDENCE_EXTENSIONS.map((e) => `.${e}`).join(',');

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/**
 * Checks a chosen file before uploading it, with the server's own messages: not empty, not over
 * 10 MB, and (by its name) of a type the server accepts. The server still judges the content.
 */
export function checkUpload(
  file: { name: string; size: number },
  kind: 'evidence' | 'workbook',
): Bilingual | null {
  if (file.size === 0) return FIELD_MESSAGES.file_required;
  if (file.size > MAX_UPLOAD_BYTES) return fillMessage(FIELD_MESSAGES.file_too_large, { max: '10 MB' });
  const ext = extensionOf(file.name);
  if (kind === 'workbook') return ext === 'xlsx' ? null : FIELD_MESSAGES.not_xlsx;
  return (EVIDENCE_EXTENSIONS as readonly string[]).includes(ext)
    ? null
    : FIELD_MESSAGES.file_type_not_allowed;
}

/** One line of a workbook's error report: where (`사업목록!F7`) and what. */
export interface CellError {
  where: string;
  message: Bilingual;
}

/** True for a field path that names a place in a workbook (`사업목록!F7`, a range, a sheet). */
function isWorkbookPlace(field: string): boolean {
  return field.includes('!') || !/^[a-z][A-Za-z.\d]*$/.test(field);
}

/**
 * The per-cell errors of a refused import, in the order the server gave them. Errors on the
 * form's own fields (`year`, `file`) are left to those fields.
 */
export function cellErrors(fieldErrors: readonly FieldError[]): CellError[] {
  return fieldErrors
    .filter((fe) => isWorkbookPlace(fe.field))
    .map((fe) => ({ where: fe.field, message: fe.message }));
}

/**
 * Sends a `multipart/form-data` request (the API's only non-JSON bodies) with the CSRF header,
 * and turns a failure into the same ApiError as every other call.
 */
export async function upload<T>(path: string, form: FormData): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = readCsrfCookie();
  if (token) headers['x-csrf-token'] = token;
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method: 'POST',
      headers,
      body: form,
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError({
      code: 'NETWORK',
      status: 0,
      message: {
        ko: '서버에 연결할 수 없습니다. 네트워크 연결을 확인한 뒤 다시 시도해 주세요.',
        en: 'Could not reach the server. Check your connection and try again.',
      },
    });
  }
  if (!response.ok) {
    let problem: {
      code?: string;
      message?: Bilingual;
      errors?: FieldError[];
      requestId?: string;
    } | null = null;
    try {
      problem = await response.json();
    } catch {
      problem = null;
    }
    const known = problem?.code !== undefined && problem.code in ERRORS;
    const code = known
      ? (problem?.code as keyof typeof ERRORS)
      : response.status === 413
        ? 'PAYLOAD_TOO_LARGE'
        : response.status >= 500
          ? 'INTERNAL'
          : 'BAD_REQUEST';
    throw new ApiError({
      code,
      status: response.status,
      message: problem?.message ?? { ko: ERRORS[code].ko, en: ERRORS[code].en },
      fieldErrors: problem?.errors ?? [],
      requestId: problem?.requestId,
    });
  }
  return (await response.json()) as T;
}
