import fs from 'node:fs';
import { referenceDataPath } from '../../reference-data.js';

/**
 * The Bupyeong 2019 demo organisation. Department and partner-agency names are illustrative
 * (labelled as demo in the UI); the 22 dongs come from the KOSTAT boundaries in reference-data/geo.
 */
export const BUPYEONG = { code: '28237', name: '인천광역시 부평구', nameEn: 'Bupyeong-gu, Incheon' } as const;

export const BUPYEONG_DEPARTMENTS = [
  { code: 'dept-jobs', name: '일자리경제과', nameEn: 'Jobs and Economy Division' },
  { code: 'dept-planning', name: '기획예산과', nameEn: 'Planning and Budget Division' },
  { code: 'dept-industry', name: '산업단지지원과', nameEn: 'Industrial Complex Support Division' },
  { code: 'dept-regeneration', name: '도시재생과', nameEn: 'Urban Regeneration Division' },
  { code: 'dept-social-economy', name: '사회적경제과', nameEn: 'Social Economy Division' },
  { code: 'dept-welfare', name: '복지정책과', nameEn: 'Welfare Policy Division' },
  { code: 'dept-women', name: '여성가족과', nameEn: 'Women and Family Division' },
  { code: 'dept-elderly', name: '노인장애인과', nameEn: 'Senior and Disability Division' },
  { code: 'dept-youth', name: '청년정책과', nameEn: 'Youth Policy Division' },
  { code: 'dept-markets', name: '전통시장과', nameEn: 'Traditional Markets Division' },
] as const;

export const BUPYEONG_AGENCIES = [
  { code: 'agency-self-sufficiency', name: '부평지역자활센터', nameEn: 'Bupyeong Self-Sufficiency Centre' },
  { code: 'agency-senior-club', name: '부평시니어클럽', nameEn: 'Bupyeong Senior Club' },
  {
    code: 'agency-women-reemployment',
    name: '부평여성새로일하기센터',
    nameEn: 'Bupyeong Women Re-employment Centre',
  },
  {
    code: 'agency-social-economy',
    name: '부평구사회적경제지원센터',
    nameEn: 'Bupyeong Social Economy Support Centre',
  },
  {
    code: 'agency-employment-centre',
    name: '인천북부고용복지플러스센터',
    nameEn: 'Incheon North Employment Centre',
  },
] as const;

export const BUPYEONG_JOB_CENTRE = {
  code: 'job-centre',
  name: '부평구 일자리센터',
  nameEn: 'Bupyeong Job Centre',
} as const;

interface DongFeature {
  properties: { name: string; name_eng: string; code: string };
}

/** The 22 행정동 of Bupyeong, from the KOSTAT GeoJSON copied into reference-data/geo. */
export function bupyeongDongs(): { code: string; name: string; nameEn: string }[] {
  const geo = JSON.parse(fs.readFileSync(referenceDataPath('geo/bupyeong_dong.geojson'), 'utf8')) as {
    features: DongFeature[];
  };
  return geo.features.map((f) => ({
    code: f.properties.code,
    name: f.properties.name,
    nameEn: f.properties.name_eng,
  }));
}
