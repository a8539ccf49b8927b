// The texts of a decision letter in English and Chinese: the server's own catalogue (the web UI's
// catalogues are the browser's). `{name}` placeholders are filled by `fill`.

export type LetterLocale = 'en' | 'zh';
export type LetterOutcome = 'selected' | 'conditional' | 'rejected';

export interface LetterTexts {
  title: string;
  fields: {
    applicant: string;
    institutions: string;
    application: string;
    call: string;
    program: string;
    decided: string;
    reference: string;
  };
  outcome: Record<LetterOutcome, string>;
  decisionHeading: string;
  conditionsHeading: string;
  reasonsHeading: string;
  allocationHeading: string;
  allocationColumns: [string, string];
  resourcesHeading: string;
  panelHeading: string;
  panelRank: string;
  panelScore: string;
  panelConsensus: string;
  panelReasons: string;
  panelNoResult: string;
  panelNote: string;
  consensus: Record<'select' | 'conditional' | 'reject', string>;
  nextSteps: Record<LetterOutcome, string>;
  closing: string;
  signatory: string;
  footer: string;
}

export const LETTER_TEXTS: Record<LetterLocale, LetterTexts> = {
  en: {
    title: 'Decision on your application',
    fields: {
      applicant: 'Applicant',
      institutions: 'Institutions',
      application: 'Application',
      call: 'Call',
      program: 'Program',
      decided: 'Decided on',
      reference: 'Reference',
    },
    outcome: {
      selected: 'We are pleased to inform you that your application has been selected.',
      conditional:
        'Your application has been conditionally selected: the selection becomes final once the conditions below are met.',
      rejected: 'We regret to inform you that your application has not been selected.',
    },
    decisionHeading: 'Decision: {outcome}',
    conditionsHeading: 'Conditions',
    reasonsHeading: 'Reasons for the decision',
    allocationHeading: 'Samples allocated',
    allocationColumns: ['Sample type', 'Mass (mg)'],
    resourcesHeading: 'Resources granted',
    panelHeading: 'The panel’s evaluation',
    panelRank: 'Rank {rank} of {count} by calibrated weighted score',
    panelScore: 'Calibrated score {score} (interval {low}–{high}), raw mean {raw}',
    panelConsensus: 'Panel recommendation: {consensus}',
    panelReasons: 'The panel’s reasons: {reasons}',
    panelNoResult: 'The call was decided on merits entered by the program office, without a review panel.',
    panelNote: 'This is the panel’s collective evaluation; individual reviews are not disclosed.',
    consensus: { select: 'select', conditional: 'select on conditions', reject: 'reject' },
    nextSteps: {
      selected: 'The program office will contact you about the agreement, to be signed within 10 working days.',
      conditional:
        'The program office will contact you about the conditions and the agreement, to be signed within 10 working days once they are met.',
      rejected: 'We thank you for your proposal and encourage you to apply to future calls.',
    },
    closing: 'For the selection committee',
    signatory: 'Selection official',
    footer: 'Orbitshare · decision letter {reference}',
  },
  zh: {
    title: '关于您申请的评选决定',
    fields: {
      applicant: '申请人',
      institutions: '机构',
      application: '申请',
      call: '征集',
      program: '项目计划',
      decided: '决定日期',
      reference: '编号',
    },
    outcome: {
      selected: '我们高兴地通知您：您的申请已入选。',
      conditional: '您的申请已有条件入选：满足以下条件后，入选即成为正式决定。',
      rejected: '我们遗憾地通知您：您的申请未能入选。',
    },
    decisionHeading: '决定：{outcome}',
    conditionsHeading: '条件',
    reasonsHeading: '决定理由',
    allocationHeading: '分配的样品',
    allocationColumns: ['样品类型', '质量（毫克）'],
    resourcesHeading: '批准的资源',
    panelHeading: '评审组的评价',
    panelRank: '按校准加权得分排名第 {rank} 位（共 {count} 份）',
    panelScore: '校准得分 {score}（区间 {low}–{high}），原始平均分 {raw}',
    panelConsensus: '评审组建议：{consensus}',
    panelReasons: '评审组理由：{reasons}',
    panelNoResult: '本次征集未设评审组，依据项目办公室录入的评分作出决定。',
    panelNote: '以上为评审组的集体评价，不公开单个评审意见。',
    consensus: { select: '入选', conditional: '有条件入选', reject: '不入选' },
    nextSteps: {
      selected: '项目办公室将就协议事宜与您联系，协议须在 10 个工作日内签署。',
      conditional: '项目办公室将就条件和协议事宜与您联系；条件满足后，协议须在 10 个工作日内签署。',
      rejected: '感谢您的申请，欢迎您参加今后的征集。',
    },
    closing: '评选委员会',
    signatory: '评选负责人',
    footer: 'Orbitshare · 决定函 {reference}',
  },
};

export const OUTCOME_NAMES: Record<LetterLocale, Record<LetterOutcome, string>> = {
  en: { selected: 'selected', conditional: 'conditionally selected', rejected: 'not selected' },
  zh: { selected: '入选', conditional: '有条件入选', rejected: '未入选' },
};

export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
