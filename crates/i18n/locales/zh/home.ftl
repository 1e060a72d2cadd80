# 各类账户的主页，以及带地图的公共页面。

home-help = 本角色的帮助
home-help-all = 帮助，以及国家如何加入
home-tasks-heading = 您可以做的事
home-col-when = 时间
home-col-who = 执行者
home-col-what = 对象
home-col-action = 操作
home-col-status = 状态

home-secretariat-title = 秘书处
home-secretariat-lead = 待您处理的事项：待核实的提名、已过重新确认日期的条目、未发出的邮件，以及被拒绝的请求。
home-queue-count = 项提名或变更待核实
home-overdue-count = 个条目已过重新确认日期
home-mail-queued = 封邮件待发送
home-mail-failed = { $count } 封邮件已放弃发送
home-overdue-heading = 逾期最久的条目
home-refusals-heading = 最近被拒绝的请求
home-refusals-none = 最近没有请求被拒绝。
home-refusals-all = 日志中所有被拒绝的请求

home-nominator-title = 提名机构
home-nominator-lead = 贵国的联络点、其重新确认日期，以及等待秘书处处理的提名。
home-pending-count = 项请求等待秘书处处理
home-state-pocs-heading = 贵国的联络点

home-poc-lead = 查找您需要的联络点，并检查您自己的条目是否为最新。
home-own-entry-heading = 您在名录中的条目
home-own-entry-none = 贵国没有任何有效条目包含您的电子邮件地址。如果您应当有条目，请联系贵国的提名机构。
home-own-entry-who-confirms = 贵国的提名机构负责确认或更正此条目；如有变化，请告知该机构。

home-auditor-title = 审计员
home-auditor-lead = 记录所发生一切的防篡改日志，及其最新的签名状态。
home-log-head-heading = 日志最新的签名树头
home-log-size = 条目数
home-log-signed-at = 签名时间
home-log-root = 根哈希
home-log-verify = 任何人无需任何密钥即可验证日志只曾被追加：
home-recent-heading = 最近活动
home-recent-all = 完整日志（可筛选）

home-reporter-title = 私营部门报告者
home-reporter-lead = 作为经审核的报告者，您将向您所选国家的技术联络点通报威胁和漏洞。
home-reporter-can-heading = 您现在可以做的事
home-reporter-can-public = 查看哪些国家参与：
home-reporter-can-account = 管理您的密码、第二因素和 API 令牌：
home-reporter-cannot-heading = 您看不到的内容
home-reporter-cannot = 报告者永远看不到名录：既看不到任何联络点的姓名，也看不到其联系方式。您的通报会送达他们，而不会透露他们的身份。

public-map-title = 突出显示参与国的世界地图
public-map-key = 参与国
public-map-source = 地图数据：Natural Earth（公有领域），经由 world-atlas。
public-by-region = 按区域列出的参与国
public-organisations = 组织
public-all-participants = 以表格列出全部参与方
public-join-more = 进一步了解国家如何加入，以及各角色的帮助
