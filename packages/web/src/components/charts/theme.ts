/**
 * KRDS colours for charts. ECharts draws into SVG with colours it must parse, so the design
 * tokens' values are written out here (krds_tokens.css, light theme).
 */
export const CHART_COLORS = {
  primary: '#256ef4',
  primaryDark: '#083891',
  primaryLight: '#86aff9',
  secondary: '#346fb2',
  target: '#b1b8be',
  targetLine: '#6d7882',
  text: '#1e2124',
  subtle: '#464c53',
  grid: '#cdd1d5',
  success: '#228738',
  danger: '#de3412',
  information: '#0b78cb',
  warning: '#9e6a00',
  point: '#d63d4a',
} as const;

/** One colour per strategy (or other top-level group) in the treemap. */
export const GROUP_PALETTE = ['#256ef4', '#228738', '#9e6a00', '#0b78cb', '#d63d4a', '#346fb2', '#6d7882'];

/** The page's font, so chart labels look like the text around them (and Hangul renders). */
export const CHART_FONT =
  '"Pretendard GOV", system-ui, -apple-system, "Apple SD Gothic Neo", "Noto Sans KR", "Malgun Gothic", sans-serif';
