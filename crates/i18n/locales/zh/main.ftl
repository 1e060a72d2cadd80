# Chinese (Simplified) — pocdir interface messages

app-name = pocdir — 联络点名录
footer-text = 用于国家间建立信任措施的联络点名录。参与属自愿性质；各国在此分享的信息予以保密。

nav-skip = 跳至正文
nav-languages = 语言
nav-account = 您的账户
nav-sign-in = 登录
nav-sign-out = 退出登录

home-title = 联络点名录
home-lead = 各国指定外交联络点和技术联络点，以便在信通技术事件威胁国际和平与安全时能够迅速、安全地相互联系。
home-point-voluntary = 参与是自愿和渐进的：一国可以先指定一个联络点。
home-point-reciprocity = 只有参与国的联络点才能查阅本名录；公众只能看到哪些国家参与，看不到任何个人信息。
home-point-no-attribution = 本名录是沟通渠道，而不是用于事件归因的工具。

login-title = 登录
login-email = 电子邮件地址
login-password = 密码
login-submit = 继续
login-help = 输入密码后，系统将要求您输入身份验证器应用生成的验证码。
login-wrong = 电子邮件地址或密码错误。
login-locked = { $minutes ->
   *[other] 失败尝试次数过多。登录已暂停，请在 { $minutes } 分钟后重试。
}
login-disabled = 此账户已停用。请与秘书处联系。
login-session-ended = 您的会话已结束。请重新登录。

mfa-title = 第二重身份验证
mfa-code = 身份验证器应用中的六位数验证码
mfa-submit = 验证
mfa-use-recovery = 设备丢失？请使用恢复码
mfa-recovery-code = 恢复码
mfa-wrong = 该验证码无效。请检查设备上的时间，并输入当前验证码。
mfa-replayed = 该验证码已被使用。请等待下一个验证码后重试。
mfa-wrong-recovery = 该恢复码无效或已被使用。

enrol-title = 设置第二重身份验证
enrol-intro = 每个账户除密码外，还受一次性验证码保护。请使用身份验证器应用（例如 FreeOTP、Aegis 或 Google Authenticator）完成一次设置即可。
enrol-step-scan = 请用身份验证器应用扫描此二维码：
enrol-qr-label = 包含身份验证器密钥的二维码
enrol-step-type = 或在应用中输入此密钥：
enrol-step-confirm = 请输入应用当前显示的验证码以进行确认：
enrol-submit = 确认并继续

recovery-title = 您的恢复码
recovery-intro = 请将这些恢复码妥善保存在与设备分开的安全位置。如果您丢失了身份验证器，每个恢复码可用于登录一次。恢复码仅在此时显示。
recovery-continue = 继续

account-title = 您的账户
account-email = 电子邮件地址
account-kind = 账户类型
account-participant = 代表
account-password-heading = 更改密码
account-password-current = 当前密码
account-password-new = 新密码（至少 12 个字符）
account-password-confirm = 再次输入新密码
account-password-submit = 更改密码
account-password-changed = 您的密码已更改。您的其他会话均已结束。
account-password-current-wrong = 当前密码错误。
account-password-mismatch = 两次输入的新密码不一致。
account-password-too-short = 新密码必须至少包含 12 个字符。
account-password-too-long = 新密码最多只能包含 256 个字符。
account-recovery-heading = 恢复码
account-recovery-left = { $count ->
   *[other] 您还有 { $count } 个未使用的恢复码。
}
account-recovery-submit = 生成新的恢复码（旧恢复码将失效）
account-sessions-heading = 已登录的会话
account-session-started = 开始时间
account-session-seen = 最近活动
account-session-browser = 浏览器
account-session-address = 地址
account-session-end = 结束
account-session-end-this = 结束（本浏览器）
account-session-revoked = 该会话已结束。
account-tokens-heading = API 令牌
account-tokens-intro = 令牌允许脚本代表您使用 API。令牌仅在创建时显示一次。
account-token-name = 名称
account-token-scope = 权限范围
account-token-scope-read = 只读
account-token-scope-write = 读写
account-token-days = 有效期（天）
account-token-expires = 到期时间
account-token-last-used = 最近使用时间
account-token-create = 创建令牌
account-token-revoke = 撤销
account-token-inactive = 已撤销或已过期
account-token-revoked = 该令牌已撤销。
account-token-name-invalid = 请为令牌指定一个长度为 1 至 100 个字符的名称。
account-token-days-invalid = 有效期必须为 1 至 { $max } 之间的整数天数。
account-token-scope-invalid = 权限范围必须为“read”或“write”。
token-created-title = 新的 API 令牌
token-created-intro = 请立即复制此令牌：它将不会再次显示。发送时，请使用“Authorization: Bearer”，后接该令牌。

kind-secretariat = 秘书处
kind-nominator = 指定机构
kind-diplomatic_poc = 外交联络点
kind-technical_poc = 技术联络点
kind-reporter = 私营报告方
kind-auditor = 审计员

error-status = 状态
error-home = 返回首页
error-title-bad-request = 无法理解该请求
error-title-unauthorized = 请登录
error-title-forbidden = 不允许此操作
error-title-not-found = 未找到页面
error-title-method-not-allowed = 此处不允许此操作
error-title-conflict = 冲突
error-title-too-many = 尝试次数过多
error-title-internal = 出现错误
error-not-found = 此地址没有任何内容。
error-method-not-allowed = 此地址不接受此类请求。
error-unauthorized = 您需要登录（或发送有效的 API 令牌）才能执行此操作。
error-forbidden = 您的账户无权执行此操作。
error-csrf = 表单已过期或并非来自本网站。请返回上一页，重新加载页面后重试。
error-bad-request = 请求无效。
error-duplicate = 已存在：该值已被使用。
error-not-allowed-now = 现在无法执行：记录的当前状态不允许此操作。请重新加载页面查看变化。
error-bad-form = 表单不完整或无效。
error-malformed-json = 请求正文不是符合预期结构的有效 JSON。
error-unsupported-media-type = 此地址不接受该类型的请求正文。
error-payload-too-large = 请求正文过大。
error-internal = 发生内部错误，已记录在案。请稍后重试。
error-unavailable = 服务器繁忙，未能保存此更改；没有保存任何内容。请稍后重试。
error-bad-query = 此地址的查询参数缺失或无效。
error-bad-path = 此地址无效：其中某一部分不符合预期（例如应为数字）。

log-error-size-beyond = 树大小 { $size } 超出日志范围：日志仅有 { $log_size } 个条目。
log-error-index-out-of-range = 条目 { $index } 不在大小为 { $size } 的树中：索引从 0 开始，且必须小于树大小。
log-error-first-after-second = 第一个大小（{ $first }）不得大于第二个大小（{ $second }）。
log-error-empty-first = 一致性证明的起始树必须至少包含一个条目。
log-error-range-reversed = 范围的结束位置不得早于其起始位置。
log-error-range-too-long = 每次最多只能请求 { $max } 个条目。

nav-audit = 审计日志
nav-own-state-log = 本国日志
audit-title = 审计日志
audit-own-title = 涉及以下国家的操作日志：
audit-intro = { $count ->
   *[other] 本日志共有 { $count } 个条目。所有更改以及对联系方式的每一次查阅均按顺序记录在此，任何改写都会被察觉。
}
audit-filter-actor = 操作者（账户编号）
audit-filter-action = 操作
audit-filter-participant = 国家（alpha-3）
audit-filter-from = 开始日期
audit-filter-to = 结束日期
audit-filter-submit = 筛选
audit-empty = 没有匹配的条目。
audit-col-time = 时间（UTC）
audit-col-actor = 操作者
audit-col-action = 操作
audit-col-object = 对象
audit-col-participant = 相关国家
audit-col-content-hash = 内容哈希值
audit-older = 更早的条目
audit-verify-hint = 任何人均可核查本日志：可从 /api/v1/log 获取已签名的树头和证明，或运行“pocdir log monitor”。运营方运行“pocdir log verify”。
audit-proof-jump = 自行核验这些条目，无需信任运营方。
audit-proof-heading = 自行核验，无需信任运营方
audit-proof-intro = 贵国可以用自己的计算机、仅凭日志的公钥核验本页的条目。命令“pocdir state-proof”核验：
audit-proof-check-included = 与贵国有关的每一条目都在已签名的日志中，且自上次核验以来没有条目被更改或删除；
audit-proof-check-history = 自上次核验所见的树头以来，日志只有追加；
audit-proof-check-details = 贵国联络点的详细信息（目录当前提供的以及贵国自存记录中的）正是贵国在日志中提出的信息；
audit-proof-check-readers = 谁在何时查阅了贵国联络点的详细信息。
audit-proof-head = { $count ->
   *[other] 已签名的日志目前包含 { $count } 个条目；其根哈希开头为
}
audit-proof-key = 签名密钥
audit-proof-run = 请在贵国的计算机上定期运行以下命令：每次运行还会核验日志自上次运行以来只有追加（全部核验通过时退出码为 0；否则退出码为 1，并指出第一处不一致）：
audit-proof-token = 该命令需要贵国某一账户的 API 令牌，通过 POCDIR_TOKEN 提供。
audit-proof-token-link = 创建 API 令牌
audit-error-actor = 操作者必须为账户编号。
audit-error-date = 日期必须采用 YYYY-MM-DD 格式。

nav-participants = 参与方
participants-title = 参与国和参与组织
participants-count = { $count ->
   *[other] 本名录共有 { $count } 个参与方。
}
participants-eligible = { $count ->
   *[other] 共有 { $count } 个国家和组织可以加入。
}
participants-none = 目前尚无国家参与。
participants-col-name = 名称
participants-col-code = 代码
participants-col-region = 区域
participants-join-heading = 如何加入
participants-join-text = 参与属自愿性质，可从小处着手：一国只需由其指定机构（通常为其常驻代表团）提出一个外交联络点或技术联络点，即可加入。秘书处核实该首个联络点后，该国即成为参与国，并可查阅其他参与国的名录。
participants-public-heading = 哪些信息公开，哪些不公开
participants-public-yes = 公开信息：哪些国家和组织参与，以及各自拥有多少外交联络点和技术联络点。
participants-public-no = 不公开信息：联络点的姓名、电子邮件地址、电话号码及其他一切详细信息，以及通过本名录交换的所有内容。只有参与国的联络点才能相互查看（对等原则）。
participants-public-reads = 每当有人查阅某国联络点的联系方式，该次查阅都会记录在防篡改的审计日志中，该国可以看到这一记录。
participant-error-code = 参与方代码由 2 至 10 个大写字母或数字组成（如为国家，则使用其 ISO 3166-1 alpha-3 代码，例如 PAK）。
participant-error-names = 请以联合国全部六种正式语文（阿拉伯文、中文、英文、法文、俄文、西班牙文）提供名称，每种语文不超过 200 个字符。
participant-error-code-taken = 该代码已被另一参与方使用。

poc-duties-diplomatic = 在有关信通技术事件的双边和多边沟通中代表本国，并促进国家间对话。
poc-duties-technical = 对通过本名录交换的信息进行技术评估，并分享和接收有关网络威胁的数据。
error-invalid-fields = 部分字段无效；每个无效字段均已标明错误所在。
poc-error-role = 角色必须为“diplomatic”或“technical”。
poc-error-required = 此字段为必填项。
poc-error-too-long = 此字段内容过长。
poc-error-semicolon = 安全渠道不能包含“;”，它在导出文件中用于分隔渠道：请每行填写一个渠道。
poc-error-control-characters = 此字段包含无法显示的字符。
poc-error-email-required = 请至少提供一个电子邮件地址。
poc-error-too-many = 此列表中的条目过多。
poc-error-email = 这不是电子邮件地址。
poc-error-phone = 请以国际 E.164 格式填写电话号码，例如 +44 20 7946 0000。
poc-error-phone-use = 号码用途必须为“office”、“mobile”或“24x7”。
poc-error-language-required = 请至少提供一种工作语文。
poc-error-language = 这不是语言标记（BCP 47，例如“en”、“fr-CA”、“zh-Hans”）。
poc-error-time-zone = 这不是 IANA 数据库中的时区（例如“Asia/Karachi”、“Europe/Paris”）。
poc-error-hours = 请以星期和时间的形式填写工作时间，例如“Mon-Fri 09:00-17:00”或“Sun-Thu 08:00-16:00”，或填写“24/7”。
poc-error-reason-required = 拒绝时必须说明理由，指定机构将会看到该理由。
poc-error-stale = 自您查阅以来，此联络点已发生更改（当前为第 { $version } 版）。请重新加载并再次作出决定。
poc-error-nothing-pending = 此联络点没有任何待决事项。
poc-error-not-your-state = 您的账户无权针对该国执行此操作。此次尝试已记录在案。
poc-error-role-fixed = 联络点的角色不可更改；请撤回该联络点并指定一个新的联络点。
poc-error-not-allowed-now = 此联络点在当前状态下无法更改（可能已被撤回或拒绝，或其撤回正在等待决定）。

participant-status = 状态
participant-status-not_participating = 未参与
participant-status-participating = 参与
participant-status-suspended = 已暂停
participant-status-withdrawn = 已退出
participant-pocs-heading = 联络点
participant-pocs-none = 尚无经核实的联络点。
participant-pocs-hidden = 联络点信息仅向参与国的联络点、该国本国的指定机构以及秘书处显示。
poc-pending = 等待秘书处核实。
poc-field-title = 职衔
poc-field-organisation = 所属机构
poc-field-emails = 电子邮件
poc-field-phones = 电话
poc-field-languages = 工作语文
poc-field-time-zone = 时区
poc-field-hours = 工作时间
poc-within-hours = 当前处于工作时间内
poc-outside-hours = 当前处于工作时间外
audit-proof-help = 自行证明您国家的条目
audit-proof-help-text = 审计日志页面（在菜单中）末尾有一条命令，供您的国家在自己的计算机上运行：“pocdir state-proof”会获取日志中与您国家有关的每个条目，对照已签名的日志逐一核查，并核查自上次运行以来日志只被追加，将您的条目与您自己关于所提名人员的记录进行比较，并列出谁在何时读取了您联络点的详细信息。它只需要一个 API 令牌（您的账户页面）和日志的公钥；它不信任服务器或其运营者。
