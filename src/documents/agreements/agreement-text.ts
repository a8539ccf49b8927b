import type { Obligation } from '../../domain/agreements/terms.js';
import type { AgreementKind, AgreementLanguage } from '../../domain/agreements/vocabulary.js';

/** The fixed wording of agreements and certificates, in each language an agreement may carry. */
export interface AgreementWording {
  kind: Record<AgreementKind, string>;
  reference: string;
  version: string;
  program: string;
  call: string;
  partner: string;
  purpose: string;
  duration: string;
  months: (n: number) => string;
  parties: string;
  samples: string;
  sampleType: string;
  massMg: string;
  payloads: string;
  payloadColumns: readonly [string, string, string, string, string];
  obligations: string;
  obligation: Record<Obligation, string>;
  conditions: string;
  amendment: (version: number) => string;
  entry: string;
  signatures: string;
  roles: Record<'agency' | 'partner' | 'co_partner', string>;
  certificateTitle: string;
  certificateBody: (partner: string, reference: string) => string;
  inForceSince: string;
  validUntil: string;
  documentHash: string;
  signedBy: string;
}

export const WORDING: Record<AgreementLanguage, AgreementWording> = {
  en: {
    kind: {
      sample_loan: 'Lunar Sample Loan Agreement',
      payload_cooperation: 'Payload Cooperation Agreement',
      station_experiment: 'Space Station Experiment Agreement',
    },
    reference: 'Reference',
    version: 'Version',
    program: 'Program',
    call: 'Call',
    partner: 'Partner institution',
    purpose: 'Purpose',
    duration: 'Duration',
    months: (n) => `${n} months from entry into force`,
    parties: 'Parties',
    samples: 'Samples allocated',
    sampleType: 'Sample type',
    massMg: 'Mass (mg)',
    payloads: 'Payload and resources',
    payloadColumns: ['Payload', 'Host module', 'Mass (g)', 'Average power (mW)', 'Data (MB/day)'],
    obligations: 'Obligations of the partner',
    obligation: {
      annual_inventory: 'Submit an inventory of every subsample held (mass, state, location) every year.',
      research_reports: 'Report on the research carried out, at least once a year and at the end of the loan.',
      acknowledge_publications:
        'Acknowledge the samples or the mission in every publication and report each publication (DOI) with the samples used.',
      return_or_consumption_record:
        'Return every subsample when the loan ends, or account for it by mass in a return or consumption record.',
      no_transfer: 'Neither transfer nor lend the samples to a third party without written consent.',
      interface_control: 'Agree and keep to the interface control document.',
      flight_model_delivery: 'Deliver the flight model, tested and documented, by the agreed date.',
      data_sharing: 'Share the scientific data under the program’s data policy.',
      station_safety: 'Meet the station’s safety and integration requirements.',
    },
    conditions: 'Conditions of the selection',
    amendment: (v) => `This version ${v} amends and supersedes the previous version once in force.`,
    entry: 'This agreement enters into force when every party has signed it.',
    signatures: 'Signatures',
    roles: { agency: 'For the agency', partner: 'For the partner', co_partner: 'For the co-partner' },
    certificateTitle: 'Sample Certificate',
    certificateBody: (partner, reference) =>
      `This certifies that ${partner} holds lunar samples on loan under agreement ${reference}, in force, for the research stated in it.`,
    inForceSince: 'In force since',
    validUntil: 'Valid until',
    documentHash: 'SHA-256 of the signed agreement',
    signedBy: 'Signed by',
  },
  zh: {
    kind: {
      sample_loan: '月球样品借用协议',
      payload_cooperation: '载荷合作协议',
      station_experiment: '空间站实验合作协议',
    },
    reference: '编号',
    version: '版本',
    program: '项目',
    call: '征集',
    partner: '合作机构',
    purpose: '用途',
    duration: '期限',
    months: (n) => `自生效之日起 ${n} 个月`,
    parties: '协议各方',
    samples: '分配的样品',
    sampleType: '样品类型',
    massMg: '质量（毫克）',
    payloads: '载荷与资源',
    payloadColumns: ['载荷', '搭载舱段', '质量（克）', '平均功率（毫瓦）', '数据量（MB/天）'],
    obligations: '合作方的义务',
    obligation: {
      annual_inventory: '每年提交所持每份子样品的清点报告（质量、状态、存放地点）。',
      research_reports: '至少每年一次并在借用结束时报告研究进展。',
      acknowledge_publications: '在每篇论文中致谢样品或任务，并报告每篇论文（DOI）及所用样品。',
      return_or_consumption_record: '借用结束时归还每份子样品，或以归还或消耗记录按质量逐一说明。',
      no_transfer: '未经书面同意，不得将样品转让或转借给第三方。',
      interface_control: '商定并遵守接口控制文件。',
      flight_model_delivery: '按约定日期交付经测试并附文档的正样产品。',
      data_sharing: '按照项目的数据政策共享科学数据。',
      station_safety: '满足空间站的安全与集成要求。',
    },
    conditions: '入选条件',
    amendment: (v) => `本第 ${v} 版生效后，修订并取代前一版本。`,
    entry: '本协议自各方签署之日起生效。',
    signatures: '签署',
    roles: { agency: '代表航天机构', partner: '代表合作方', co_partner: '代表共同合作方' },
    certificateTitle: '样品证书',
    certificateBody: (partner, reference) => `兹证明 ${partner} 依据已生效的协议 ${reference} 借用月球样品，用于该协议所述研究。`,
    inForceSince: '生效日期',
    validUntil: '有效期至',
    documentHash: '已签署协议的 SHA-256',
    signedBy: '签署人',
  },
};
