import type { CoreMessages, Vars } from '../template-types.js';

// 简体中文邮件（纯文本）。链接带有一次性令牌，其余内容均不保密。

const greet = (v: Vars) => (v.name ? `${v.name}，您好：` : '您好：');

export const ZH: CoreMessages = {
  verify_email: (v) => ({
    subject: '请确认您的 Orbitshare 电子邮箱',
    body: `您好：\n\n请点击以下链接确认电子邮箱，以激活您的 Orbitshare 账户：\n\n${v.link}\n\n该链接只能使用一次，${v.hours} 小时内有效。如果您没有注册，请忽略此邮件。\n`,
  }),
  reset_password: (v) => ({
    subject: '重置您的 Orbitshare 密码',
    body: `${greet(v)}\n\n有人申请重置您的 Orbitshare 账户密码。如需设置新密码，请打开：\n\n${v.link}\n\n该链接只能使用一次，${v.hours} 小时内有效。如果不是您本人操作，请忽略此邮件，您的密码不会改变。\n`,
  }),
  invitation: (v) => ({
    subject: '邀请您加入 Orbitshare',
    body: `${v.name}，您好：\n\n您已受邀加入 Orbitshare。请打开以下链接设置密码并激活账户：\n\n${v.link}\n\n该链接只能使用一次，${v.hours} 小时内有效。\n`,
  }),
  signup_exists: (v) => ({
    subject: 'Orbitshare 注册提醒',
    body: `${greet(v)}\n\n有人尝试使用此电子邮箱注册 Orbitshare，但该邮箱已有账户。如果您忘记了密码，可在此重置：\n\n${v.link}\n`,
  }),
  reset_no_account: () => ({
    subject: 'Orbitshare 密码重置请求',
    body: `您好：\n\n有人申请重置使用此电子邮箱的 Orbitshare 账户密码，但没有有效账户使用此邮箱。如果是您本人，您可能使用了其他邮箱注册。如果不是您本人操作，请忽略此邮件。\n`,
  }),
  password_changed: (v) => ({
    subject: '您的 Orbitshare 密码已更改',
    body: `${greet(v)}\n\n您的 Orbitshare 账户密码已通过重置链接更改。所有会话均已退出，您的 API 令牌已全部撤销（共 ${v.tokensRevoked ?? 0} 个），请在账户页面重新创建。如果不是您本人操作，请立即再次重置密码：\n\n${v.link}\n`,
  }),
  submission_receipt: (v) => ({
    subject: `Orbitshare：已收到您对“${v.callTitle}”的申请`,
    body: `${v.name}，您好：\n\n我们已于 ${v.at} 收到您对征集“${v.callTitle}”的申请（第 ${v.version} 版）。\n\n截止时间前您仍可修改并重新提交，每次提交都会保存为新版本。查看申请：\n\n${v.link}\n`,
  }),
};
