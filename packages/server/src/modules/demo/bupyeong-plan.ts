import type { JobType, TargetGroup } from '@ilteo/shared';

/**
 * Bupyeong's 2019 detailed jobs plan (2019년 일자리대책 세부계획) as the demo: the vision, the five
 * core strategies and the programs named after the initiatives in the source article. The totals
 * (10,562 jobs; 9,717 the year before, so +8.7 %) are the article's; how they split over programs,
 * the budgets and the monthly results are generated and labelled as illustrative in the UI.
 */
export const BUPYEONG_2019 = {
  year: 2019,
  title: '2019년 부평구 일자리대책 세부계획',
  vision: '부평비전 2020, 역동적이고 창조적인 일자리 창출',
  masterPlan: '민선7기 일자리대책 종합계획 (2018–2022)',
  targetTotal: 10_562,
  previousYearTarget: 9_717,
  employmentRateTarget: 61.5,
  employedIncreaseTarget: 3_200,
} as const;

export interface DemoProgram {
  name: string;
  unit: string;
  jobType: JobType;
  groups: TargetGroup[];
  target: number;
  groupTargets?: Partial<Record<TargetGroup, number>>;
  /** Share of the year's target falling in each month, when not even (sums to 1). */
  season?: number[];
  /** The program's generated pace: 1 is exactly on its phasing. */
  pace: number;
  /** Budget in millions of won: national, city, district. */
  budget: [number, number, number];
  description: string;
}

const SPRING_AUTUMN = [0.04, 0.06, 0.12, 0.14, 0.1, 0.06, 0.04, 0.04, 0.12, 0.14, 0.1, 0.04];
const SENIOR_SEASON = [0.05, 0.2, 0.2, 0.1, 0.06, 0.06, 0.06, 0.06, 0.06, 0.05, 0.05, 0.05];

export const BUPYEONG_2019_STRATEGIES: { name: string; description: string; programs: DemoProgram[] }[] = [
  {
    name: '부평 제조업 르네상스 일자리 확대',
    description: '부평산단 구조고도화, 한국GM 고용 안정화, 중소기업·전통시장 지원',
    programs: [
      {
        name: '부평산단 활성화',
        unit: 'dept-industry',
        jobType: 'subsidy',
        groups: ['all'],
        target: 700,
        pace: 0.98,
        budget: [1200, 600, 400],
        description: '부평국가산업단지 구조고도화와 입주기업 고용 지원',
      },
      {
        name: '한국GM 고용 안정화',
        unit: 'dept-jobs',
        jobType: 'subsidy',
        groups: ['all'],
        target: 450,
        pace: 0.84,
        budget: [800, 400, 300],
        description: '한국GM 아태본부 개소와 협력업체 고용 유지 지원',
      },
      {
        name: '부평테크시티·ICT비즈니스센터 입주기업 지원',
        unit: 'dept-industry',
        jobType: 'startup',
        groups: ['youth', 'all'],
        target: 380,
        pace: 1.12,
        budget: [500, 500, 300],
        description: '부평테크시티와 부평ICT비즈니스센터 입주기업의 채용 연계',
      },
      {
        name: '해외시장 판로 개척',
        unit: 'dept-jobs',
        jobType: 'other',
        groups: ['all'],
        target: 210,
        pace: 0.95,
        budget: [0, 150, 200],
        description: '중소기업 해외 전시회 참가와 수출 상담 지원',
      },
      {
        name: '강소기업 육성 (기술·기금 지원)',
        unit: 'dept-jobs',
        jobType: 'subsidy',
        groups: ['all'],
        target: 340,
        pace: 1.03,
        budget: [300, 300, 500],
        description: '기술 개발과 중소기업육성기금 융자로 강소기업 육성',
      },
      {
        name: '전통시장 인프라 조성·지원',
        unit: 'dept-markets',
        jobType: 'other',
        groups: ['all'],
        target: 260,
        pace: 0.78,
        budget: [900, 300, 300],
        description: '전통시장 시설 현대화와 상인 역량 강화',
      },
    ],
  },
  {
    name: '도시재생 및 창업 지원',
    description: "'지속가능부평 11번가 도시재생' 푸드플랫폼, 굴포먹거리타운, 창업 보육",
    programs: [
      {
        name: '11번가 도시재생 푸드플랫폼',
        unit: 'dept-regeneration',
        jobType: 'startup',
        groups: ['youth'],
        target: 150,
        pace: 0.9,
        budget: [1500, 500, 500],
        description: '지속가능부평 11번가 도시재생 사업의 푸드플랫폼 구축',
      },
      {
        name: '굴포먹거리타운 활성화',
        unit: 'dept-regeneration',
        jobType: 'startup',
        groups: ['all'],
        target: 120,
        pace: 0.72,
        budget: [0, 200, 300],
        description: '굴포먹거리타운 상권 활성화와 음식점 창업 지원',
      },
      {
        name: '창업 보육·지원',
        unit: 'dept-jobs',
        jobType: 'startup',
        groups: ['youth', 'new_middle_aged'],
        target: 260,
        groupTargets: { youth: 160, new_middle_aged: 100 },
        pace: 1.06,
        budget: [200, 200, 400],
        description: '창업보육센터 입주와 창업 교육·컨설팅',
      },
      {
        name: '음식브랜드 산업 육성',
        unit: 'dept-regeneration',
        jobType: 'startup',
        groups: ['all'],
        target: 90,
        pace: 1.0,
        budget: [0, 100, 150],
        description: '지역 음식 브랜드 개발과 판로 지원',
      },
    ],
  },
  {
    name: '일자리 질 개선 및 돌봄 산업 일자리 확대',
    description: '돌봄 산업 일자리 확대, 사회적경제기업 육성, 일자리 질 개선',
    programs: [
      {
        name: '돌봄 산업 일자리 확대',
        unit: 'dept-welfare',
        jobType: 'direct',
        groups: ['new_middle_aged', 'career_break_women'],
        target: 520,
        groupTargets: { new_middle_aged: 200, career_break_women: 320 },
        pace: 1.01,
        budget: [1800, 700, 600],
        description: '노인·아동 돌봄 서비스 인력 양성과 채용',
      },
      {
        name: '사회적경제기업 육성',
        unit: 'agency-social-economy',
        jobType: 'startup',
        groups: ['vulnerable', 'all'],
        target: 280,
        pace: 0.93,
        budget: [400, 300, 300],
        description: '소셜비즈니스 플랫폼, 창업공간, 컨설팅, 판로개척, 사회적경제교육',
      },
    ],
  },
  {
    name: '인력양성 미스매치 해소로 고용서비스 강화',
    description: '계층별 인력양성과 구인·구직 미스매치 해소를 위한 고용서비스',
    programs: [
      {
        name: '청년 취·창업 지원',
        unit: 'dept-youth',
        jobType: 'employment_service',
        groups: ['youth'],
        target: 480,
        pace: 1.08,
        budget: [300, 300, 400],
        description: '청년 취업 준비 지원과 창업 동아리 지원',
      },
      {
        name: '청년인턴',
        unit: 'dept-youth',
        jobType: 'direct',
        groups: ['youth'],
        target: 180,
        pace: 0.97,
        budget: [0, 400, 500],
        description: '지역 중소기업 청년인턴 채용 지원',
      },
      {
        name: '신중년 경력형 지역서비스',
        unit: 'dept-jobs',
        jobType: 'direct',
        groups: ['new_middle_aged'],
        target: 150,
        pace: 1.0,
        budget: [300, 100, 100],
        description: '신중년의 경력을 살린 지역서비스 일자리',
      },
      {
        name: '경력단절여성 맞춤형 인력양성',
        unit: 'agency-women-reemployment',
        jobType: 'training',
        groups: ['career_break_women'],
        target: 420,
        pace: 0.88,
        budget: [600, 200, 200],
        description: '직업훈련과 인턴십으로 경력단절여성 재취업 지원',
      },
      {
        name: '계층별·맞춤형 취업박람회',
        unit: 'dept-jobs',
        jobType: 'employment_service',
        groups: ['all'],
        target: 650,
        season: SPRING_AUTUMN,
        pace: 1.04,
        budget: [0, 100, 250],
        description: '청년·신중년·여성·장애인 대상 계층별 취업박람회',
      },
      {
        name: '소규모 채용행사',
        unit: 'dept-jobs',
        jobType: 'employment_service',
        groups: ['all'],
        target: 380,
        pace: 0.99,
        budget: [0, 0, 120],
        description: '기업별 현장 면접과 소규모 채용행사',
      },
      {
        name: '동 행정복지센터 취업지원 상담실',
        unit: 'dept-jobs',
        jobType: 'employment_service',
        groups: ['all'],
        target: 620,
        pace: 1.02,
        budget: [0, 100, 300],
        description: '22개 동 행정복지센터 취업지원 상담실 운영',
      },
      {
        name: '찾아가는 취업정보센터',
        unit: 'dept-jobs',
        jobType: 'employment_service',
        groups: ['all'],
        target: 240,
        pace: 0.81,
        budget: [0, 0, 80],
        description: '이동식 취업정보센터의 현장 상담과 알선',
      },
      {
        name: '찾아가는 일자리 희망버스',
        unit: 'dept-jobs',
        jobType: 'employment_service',
        groups: ['all'],
        target: 160,
        pace: 1.1,
        budget: [0, 0, 90],
        description: '구직자와 함께 산단 기업을 찾아가는 일자리 버스',
      },
    ],
  },
  {
    name: '지역수요 맞춤형 공공일자리 및 취약계층 일자리 제공',
    description: '신중년·노인·장애인·취업취약계층·자활참여자 일자리',
    programs: [
      {
        name: '신중년 사회공헌활동',
        unit: 'dept-elderly',
        jobType: 'direct',
        groups: ['new_middle_aged'],
        target: 120,
        pace: 0.96,
        budget: [200, 50, 50],
        description: '신중년의 전문성을 살린 사회공헌활동 지원',
      },
      {
        name: '노인 일자리',
        unit: 'agency-senior-club',
        jobType: 'direct',
        groups: ['elderly'],
        target: 2_380,
        season: SENIOR_SEASON,
        pace: 1.0,
        budget: [5200, 2600, 2600],
        description: '공익활동·시장형·사회서비스형 노인 일자리',
      },
      {
        name: '장애인 일자리',
        unit: 'dept-elderly',
        jobType: 'direct',
        groups: ['disabled'],
        target: 230,
        pace: 0.94,
        budget: [900, 300, 300],
        description: '일반형·복지형 장애인 일자리',
      },
      {
        name: '취업취약계층 공공일자리',
        unit: 'dept-welfare',
        jobType: 'direct',
        groups: ['vulnerable'],
        target: 452,
        pace: 1.0,
        budget: [600, 300, 600],
        description: '지역공동체 일자리와 공공근로',
      },
      {
        name: '자활사업 (자활센터 재구축)',
        unit: 'agency-self-sufficiency',
        jobType: 'direct',
        groups: ['self_sufficiency'],
        target: 340,
        pace: 0.91,
        budget: [1400, 300, 300],
        description: '자활근로사업단 운영과 분산된 자활사업단을 모은 자활센터 재구축',
      },
    ],
  },
];

/** Programs whose November 2019 report is late, and how (the demo's "some departments late"). */
export const LATE_IN_NOVEMBER: Record<string, 'missing' | 'draft' | 'submitted'> = {
  '굴포먹거리타운 활성화': 'missing',
  '11번가 도시재생 푸드플랫폼': 'missing',
  '전통시장 인프라 조성·지원': 'missing',
  '찾아가는 취업정보센터': 'missing',
  '해외시장 판로 개척': 'draft',
  '소규모 채용행사': 'submitted',
  '경력단절여성 맞춤형 인력양성': 'submitted',
};

/** The demo is seen as of the end of 2019 with results reported through November. */
export const DEMO_LAST_REPORTED_MONTH = 11;
