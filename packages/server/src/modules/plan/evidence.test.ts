import fs from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/app.js';
import { testDatabases } from '../../test/databases.js';
import { detectEvidenceKind } from './evidence.filetype.js';
import { attachment } from './evidence.http.js';
import { safeFilename } from './evidence.service.js';

/** Posts one file as multipart/form-data, as a browser's file input would. */
async function upload(
  t: TestApp,
  client: TestClient,
  url: string,
  file: { name: string; bytes: Buffer; type: string },
): Promise<LightMyRequestResponse> {
  if (!client.cookies.has('ilteo_csrf')) await client.get('/api/v1/auth/session');
  const boundary = `----ilteo${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
    ),
    file.bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: 'POST',
    url,
    payload,
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      'x-csrf-token': client.cookies.get('ilteo_csrf') ?? '',
    },
  });
}

/** A real one-page PDF. */
function makePdf(): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A6' });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.text('Hiring confirmation, November 2019');
  doc.end();
  return done;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A real 2×2 RGB PNG; `shade` changes one pixel, so different calls can make different files. */
function makePng(shade = 0): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0);
  ihdr.writeUInt32BE(2, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const rows = Buffer.from([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, shade]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A stored (uncompressed) ZIP archive of the given entries. */
function makeZip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text);
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

describe('what an evidence file is, judged by its content', () => {
  it('recognises PDF, PNG, JPEG, XLSX, DOCX, HWPX and HWP, and nothing else', async () => {
    expect(detectEvidenceKind(await makePdf())).toBe('pdf');
    expect(detectEvidenceKind(makePng())).toBe('png');
    expect(detectEvidenceKind(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]))).toBe('jpeg');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('실적').getCell('A1').value = 12;
    expect(detectEvidenceKind(Buffer.from(await workbook.xlsx.writeBuffer()))).toBe('xlsx');
    expect(
      detectEvidenceKind(
        makeZip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' }),
      ),
    ).toBe('docx');
    expect(
      detectEvidenceKind(makeZip({ mimetype: 'application/hwp+zip', 'Contents/section0.xml': '<hs:sec/>' })),
    ).toBe('hwpx');
    const hwp = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(hwp);
    Buffer.from('HWP Document File').copy(hwp, 1536);
    expect(detectEvidenceKind(hwp)).toBe('hwp');

    // An old Word file is OLE too, but not HWP; a ZIP of a program is not an office file.
    const doc = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(doc);
    expect(detectEvidenceKind(doc)).toBeNull();
    expect(detectEvidenceKind(makeZip({ 'setup.exe': 'MZ' }))).toBeNull();
    expect(detectEvidenceKind(Buffer.from('MZ\x90\x00\x03\x00\x00\x00'))).toBeNull();
    expect(detectEvidenceKind(Buffer.from('just some text that says %PDF- later'))).toBeNull();
    expect(detectEvidenceKind(Buffer.alloc(0))).toBeNull();
  });

  it('keeps a file’s name without paths or control characters, ending in its real extension', () => {
    expect(safeFilename('11월 채용확인서.pdf', 'pdf')).toBe('11월 채용확인서.pdf');
    expect(safeFilename('C:\\Users\\kim\\사진.JPEG', 'jpeg')).toBe('사진.JPEG');
    expect(safeFilename('../../etc/passwd', 'png')).toBe('passwd.png');
    expect(safeFilename('scan.pdf', 'png')).toBe('scan.pdf.png');
    expect(safeFilename('a\u0000b"c<d>.pdf', 'pdf')).toBe('abcd.pdf');
    expect(safeFilename('', 'hwp')).toBe('evidence.hwp');
    expect(safeFilename('.hidden', 'pdf')).toBe('evidence.pdf');
  });

  it('names a download in ASCII and, for Korean names, in RFC 5987 form', () => {
    expect(attachment('채용 확인(11월).pdf')).toBe(
      `attachment; filename="__ __(11_).pdf"; filename*=UTF-8''%EC%B1%84%EC%9A%A9%20%ED%99%95%EC%9D%B8%2811%EC%9B%94%29.pdf`,
    );
    expect(attachment('a"b.pdf', 'report.pdf')).toBe(
      `attachment; filename="report.pdf"; filename*=UTF-8''a%22b.pdf`,
    );
  });
});

interface Month {
  month: number;
  current: {
    id: number;
    status: string;
    evidence: { id: number; filename: string; contentType: string; size: number }[];
  } | null;
}

describe.each(testDatabases())('evidence files on $name', (database) => {
  let t: TestApp;
  let reporter: TestClient;
  let planner: TestClient;
  /** Programs of the reporter's unit (일자리경제과) and of another unit. */
  let ownDraft: number;
  let ownSubmitted: number;
  let otherUnit: number;
  let pdf: Buffer;

  const programId = async (name: string) => {
    const planId = (await planner.get('/api/v1/plans')).json()[0].id;
    const plan = (await planner.get(`/api/v1/plans/${planId}`)).json();
    return plan.strategies
      .flatMap((s: { programs: { id: number; name: string }[] }) => s.programs)
      .find((p: { name: string }) => p.name === name).id as number;
  };
  const monthOf = async (client: TestClient, program: number, month: number): Promise<Month> =>
    (await client.get(`/api/v1/programs/${program}/results`)).json().months[month - 1];
  const evidenceCount = async () =>
    Number(
      (
        await t.db.kysely
          .selectFrom('result_evidence')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const uploads = () => path.join(t.app.config.DATA_DIR, 'uploads');

  beforeAll(async () => {
    t = await createTestApp(database);
    reporter = await t.signedIn('reporter');
    planner = await t.signedIn('planner');
    ownDraft = await programId('해외시장 판로 개척'); // November is a draft in the demo
    ownSubmitted = await programId('소규모 채용행사'); // November is under review
    otherUnit = await programId('부평산단 활성화'); // 산단지원과, not the reporter's
    pdf = await makePdf();
  });
  afterAll(() => t.close());

  it('a reporter attaches a PDF to their draft month, and it downloads back byte for byte', async () => {
    const res = await upload(t, reporter, `/api/v1/programs/${ownDraft}/results/11/evidence`, {
      name: '11월 채용확인서.pdf',
      bytes: pdf,
      type: 'application/pdf',
    });
    expect(res.statusCode).toBe(201);
    const evidence = res.json();
    expect(evidence).toMatchObject({
      filename: '11월 채용확인서.pdf',
      contentType: 'application/pdf',
      size: pdf.length,
    });

    const month = await monthOf(reporter, ownDraft, 11);
    expect(month.current!.evidence.map((e) => e.id)).toEqual([evidence.id]);

    const download = await reporter.get(`/api/v1/evidence/${evidence.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(decodeURIComponent(String(download.headers['content-disposition']).split("UTF-8''")[1]!)).toBe(
      '11월 채용확인서.pdf',
    );
    expect(Buffer.compare(download.rawPayload, pdf)).toBe(0);

    // Stored once, by its SHA-256, under DATA_DIR/uploads.
    const row = await t.db.kysely
      .selectFrom('result_evidence')
      .selectAll()
      .where('id', '=', evidence.id)
      .executeTakeFirstOrThrow();
    expect(row.storage_key).toBe(`${row.sha256.slice(0, 2)}/${row.sha256}`);
    expect(Buffer.compare(fs.readFileSync(path.join(uploads(), row.storage_key)), pdf)).toBe(0);
    const audited = await t.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'after_json'])
      .where('entity_type', '=', 'result_evidence')
      .where('entity_id', '=', String(evidence.id))
      .execute();
    expect(audited.map((a) => a.action)).toEqual(['evidence.upload', 'evidence.download']);
    expect(audited[0]!.after_json).not.toContain('채용확인서');
  });

  it('a PNG is accepted as an image, whatever the browser claims it is', async () => {
    const png = makePng();
    const res = await upload(t, reporter, `/api/v1/programs/${ownDraft}/results/11/evidence`, {
      name: '현장사진',
      bytes: png,
      type: 'application/octet-stream',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      filename: '현장사진.png',
      contentType: 'image/png',
      size: png.length,
    });
    const back = await planner.get(`/api/v1/evidence/${res.json().id}`);
    expect(back.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(back.rawPayload, png)).toBe(0);
  });

  it('a program or text file dressed up as a PDF is refused by its content, and nothing is kept', async () => {
    const before = await evidenceCount();
    const files = fs.existsSync(uploads()) ? fs.readdirSync(uploads(), { recursive: true }).length : 0;
    for (const bytes of [
      Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00this program cannot be run in DOS mode'),
      Buffer.from('안녕하세요, 증빙입니다.'),
    ]) {
      const res = await upload(t, reporter, `/api/v1/programs/${ownDraft}/results/11/evidence`, {
        name: 'evidence.pdf',
        bytes,
        type: 'application/pdf',
      });
      expect(res.statusCode).toBe(400);
      const problem = res.json();
      expect(problem.code).toBe('VALIDATION');
      expect(problem.errors).toEqual([
        expect.objectContaining({ field: 'file', code: 'file_type_not_allowed' }),
      ]);
      expect(problem.errors[0].message.ko).toContain('PDF');
    }
    expect(await evidenceCount()).toBe(before);
    expect(fs.existsSync(uploads()) ? fs.readdirSync(uploads(), { recursive: true }).length : 0).toBe(files);
  });

  it('a file over 10 MB is refused with the limit named', async () => {
    const before = await evidenceCount();
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x20);
    pdf.copy(big);
    const res = await upload(t, reporter, `/api/v1/programs/${ownDraft}/results/11/evidence`, {
      name: 'big.pdf',
      bytes: big,
      type: 'application/pdf',
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('PAYLOAD_TOO_LARGE');
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'file', code: 'file_too_large' })]);
    expect(res.json().errors[0].message.en).toContain('10 MB');
    expect(await evidenceCount()).toBe(before);
  });

  it('another unit’s reporter finds neither the program nor its evidence', async () => {
    const res = await upload(t, reporter, `/api/v1/programs/${otherUnit}/results/11/evidence`, {
      name: 'x.pdf',
      bytes: pdf,
      type: 'application/pdf',
    });
    expect(res.statusCode).toBe(404);

    // A planner reopens October of that program as a correction, and attaches a file to it.
    const saved = await planner.request('PUT', `/api/v1/programs/${otherUnit}/results/10`, {
      body: { jobs: 60, correctionReason: '증빙 첨부를 위한 정정 (테스트)' },
    });
    expect(saved.statusCode).toBe(200);
    const attached = await upload(t, planner, `/api/v1/programs/${otherUnit}/results/10/evidence`, {
      name: 'x.pdf',
      bytes: pdf,
      type: 'application/pdf',
    });
    expect(attached.statusCode).toBe(201);
    const id = attached.json().id;
    expect((await reporter.get(`/api/v1/evidence/${id}`)).statusCode).toBe(404);
    expect((await reporter.request('DELETE', `/api/v1/evidence/${id}`)).statusCode).toBe(404);
    expect((await planner.get(`/api/v1/evidence/${id}`)).statusCode).toBe(200);
    const council = await t.signedIn('council');
    expect((await council.get(`/api/v1/evidence/${id}`)).statusCode).toBe(200);
    expect((await council.request('DELETE', `/api/v1/evidence/${id}`)).statusCode).toBe(403);
  });

  it('evidence cannot be added to a month under review, an approved month, or a month with no result', async () => {
    for (const [program, month, code] of [
      [ownSubmitted, 11, 'EVIDENCE_LOCKED'],
      [ownDraft, 10, 'EVIDENCE_LOCKED'],
      [ownDraft, 12, 'RESULT_MISSING'],
    ] as const) {
      const res = await upload(t, reporter, `/api/v1/programs/${program}/results/${month}/evidence`, {
        name: 'x.pdf',
        bytes: pdf,
        type: 'application/pdf',
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe(code);
    }
    const json = await reporter.post(`/api/v1/programs/${ownDraft}/results/11/evidence`, { file: 'x' });
    expect(json.statusCode).toBe(415);
  });

  it('evidence is removed while the month is a draft, and stays once it is approved', async () => {
    const first = await upload(t, reporter, `/api/v1/programs/${ownDraft}/results/11/evidence`, {
      name: '삭제할 파일.pdf',
      bytes: Buffer.concat([pdf, Buffer.from('\n% a different file\n')]),
      type: 'application/pdf',
    });
    const id = first.json().id;
    const row = await t.db.kysely
      .selectFrom('result_evidence')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const removed = await reporter.request('DELETE', `/api/v1/evidence/${id}`);
    expect(removed.statusCode).toBe(200);
    expect((await reporter.get(`/api/v1/evidence/${id}`)).statusCode).toBe(404);
    expect(fs.existsSync(path.join(uploads(), row.storage_key))).toBe(false);

    const month = await monthOf(reporter, ownDraft, 11);
    const remaining = month.current!.evidence;
    expect(remaining.length).toBeGreaterThan(0);

    expect((await reporter.post(`/api/v1/programs/${ownDraft}/results/11/submit`)).statusCode).toBe(200);
    expect((await planner.post(`/api/v1/programs/${ownDraft}/results/11/approve`)).statusCode).toBe(200);
    const locked = await reporter.request('DELETE', `/api/v1/evidence/${remaining[0]!.id}`);
    expect(locked.statusCode).toBe(409);
    expect(locked.json().code).toBe('EVIDENCE_LOCKED');
    expect((await reporter.get(`/api/v1/evidence/${remaining[0]!.id}`)).statusCode).toBe(200);
  });

  it('a file attached twice is stored once and stays until its last record is removed', async () => {
    const png = makePng(7);
    const a = await upload(t, planner, `/api/v1/programs/${otherUnit}/results/10/evidence`, {
      name: 'a.png',
      bytes: png,
      type: 'image/png',
    });
    const b = await upload(t, planner, `/api/v1/programs/${otherUnit}/results/10/evidence`, {
      name: 'b.png',
      bytes: png,
      type: 'image/png',
    });
    const key = (
      await t.db.kysely
        .selectFrom('result_evidence')
        .select('storage_key')
        .where('id', '=', a.json().id)
        .executeTakeFirstOrThrow()
    ).storage_key;
    expect((await planner.request('DELETE', `/api/v1/evidence/${a.json().id}`)).statusCode).toBe(200);
    expect(fs.existsSync(path.join(uploads(), key))).toBe(true);
    expect((await planner.request('DELETE', `/api/v1/evidence/${b.json().id}`)).statusCode).toBe(200);
    expect(fs.existsSync(path.join(uploads(), key))).toBe(false);
  });
});
