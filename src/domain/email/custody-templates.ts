import type { Locale } from '../accounts/roles.js';
import type { Rendered, Vars } from './templates.js';

export type CustodyTemplateName = 'duty_due_soon' | 'duty_overdue';

const DUTY_EN: Record<string, string> = {
  annual_inventory: 'annual inventory',
  research_report: 'research report',
  final_accounting: 'return or consumption record of every subsample',
};
const DUTY_ZH: Record<string, string> = {
  annual_inventory: '年度样品清点',
  research_report: '研究报告',
  final_accounting: '每份子样品的归还或消耗记录',
};

// Reminders of a borrower's duties under a sample loan, in English and Chinese.
export const CUSTODY_TEMPLATES: Record<CustodyTemplateName, Record<Locale, (v: Vars) => Rendered>> = {
  duty_due_soon: {
    en: (v) => ({
      subject: `Orbitshare: ${DUTY_EN[v.dutyKind ?? ''] ?? v.dutyKind} for loan ${v.loanReference} due ${v.deadline}`,
      body: `Dear ${v.name || 'colleague'},\n\nThe ${DUTY_EN[v.dutyKind ?? ''] ?? v.dutyKind} for the sample loan ${v.loanReference} is due on ${v.deadline}.\n\nFile it here:\n\n${v.link}\n`,
    }),
    zh: (v) => ({
      subject: `Orbitshare：借用 ${v.loanReference} 的${DUTY_ZH[v.dutyKind ?? ''] ?? v.dutyKind}将于 ${v.deadline} 到期`,
      body: `${v.name || '老师'}，您好：\n\n样品借用 ${v.loanReference} 的${DUTY_ZH[v.dutyKind ?? ''] ?? v.dutyKind}将于 ${v.deadline} 到期。\n\n请在此提交：\n\n${v.link}\n`,
    }),
  },
  duty_overdue: {
    en: (v) => ({
      subject: `Orbitshare: overdue ${DUTY_EN[v.dutyKind ?? ''] ?? v.dutyKind} for loan ${v.loanReference}`,
      body: `Dear ${v.name || 'colleague'},\n\nThe ${DUTY_EN[v.dutyKind ?? ''] ?? v.dutyKind} for the sample loan ${v.loanReference} was due on ${v.deadline} and is overdue. Until it is filed, your institution cannot receive new sample allocations.\n\nFile it here:\n\n${v.link}\n`,
    }),
    zh: (v) => ({
      subject: `Orbitshare：借用 ${v.loanReference} 的${DUTY_ZH[v.dutyKind ?? ''] ?? v.dutyKind}已逾期`,
      body: `${v.name || '老师'}，您好：\n\n样品借用 ${v.loanReference} 的${DUTY_ZH[v.dutyKind ?? ''] ?? v.dutyKind}应于 ${v.deadline} 提交，现已逾期。提交之前，贵机构不能获得新的样品分配。\n\n请在此提交：\n\n${v.link}\n`,
    }),
  },
};
