# 联络点之间的通信：模板用语、TLP、状态、错误和邮件。
#（页面用语见 communications-pages.ftl。）

comm-kind-incident_notification = 信通技术事件通报
comm-kind-information_request = 信息请求
comm-kind-assistance_request = 援助请求
comm-kind-response = 答复
comm-kind-general = 一般通信

comm-urgency-routine = 常规
comm-urgency-priority = 优先
comm-urgency-urgent = 紧急

comm-sector-energy = 能源
comm-sector-health = 卫生
comm-sector-water = 供水
comm-sector-transport = 交通运输
comm-sector-finance = 金融
comm-sector-telecommunications = 电信
comm-sector-government = 政府
comm-sector-other = 其他

comm-status-delivered = 已送达
comm-status-read = 已读
comm-status-acknowledged = 已确认收到
comm-status-answered = 已答复

comm-roles-diplomatic = 外交联络点
comm-roles-technical = 技术联络点
comm-roles-both = 外交和技术联络点

comm-folder-inbox = 收件箱
comm-folder-sent = 已发送
comm-folder-state = 本国的通信
comm-folder-all = 全部通信

tlp-meaning-clear = 披露不受限制。
tlp-meaning-green = 仅限参与名录的国家的联络点。不得公开。
tlp-meaning-amber = 仅限相关国家的联络点。在 pocdir 之外，只能按需知原则与贵国所服务的对象分享。
tlp-meaning-amber-strict = 仅限相关国家的联络点，且只能在其本组织内部。
tlp-meaning-red = 仅限指名的收件人。不得转发、导出或分享。

tlp-refused-not-a-reader = 您不能查看此通信的内容。
tlp-refused-red-forward = TLP:RED 信息从不转发。
tlp-refused-red-export = TLP:RED 信息从不导出。
tlp-refused-red-named = TLP:RED 需要指名的收件人：请选择具体人员，而不是整个国家。
tlp-refused-loosens = 转发时可以保留或收紧 TLP 标签，但不能放宽。
tlp-refused-own-state = 此标签只允许与本国联络点分享。
tlp-refused-community = 此标签只允许与参与名录的国家的联络点分享。
tlp-refused-taxii = 只有 TLP:CLEAR 和 TLP:GREEN 信息通过 TAXII 分享。

comm-error-kind = 请选择通信类型。
comm-error-urgency = 请选择紧急程度。
comm-error-tlp-missing = 请选择 TLP 标签：每项通信都必须有。
comm-error-tlp-unknown = 这不是 TLP 2.0 标签（CLEAR、GREEN、AMBER、AMBER+STRICT 或 RED）。
comm-error-required = 此项必填。
comm-error-too-long = 内容过长。
comm-error-control-characters = 含有无法显示的字符。
comm-error-language = 请用语言标记注明文本语言，例如 en、fr 或 ar。
comm-error-zone = 请选择时区，例如 Europe/Paris。
comm-error-time = 请填写该时区中存在的日期和时间。
comm-error-detected-before-started = 事件不可能在开始之前被发现。
comm-error-sector = 请从列表中选择部门。
comm-error-attachments-too-many = 最多可附加 5 个文件。
comm-error-attachments-too-large = 文件合计超过 10 MB。
comm-error-attachment-too-large = 有文件超过 5 MB。
comm-error-attachment-empty = 有文件为空。
comm-error-attachment-name = 有文件的名称无法使用。
comm-error-attachment-type = 有文件不属于可接受的类型（PDF、PNG、JPEG 或纯文本）。
comm-error-attachment-mismatch = 有文件的内容与其文件扩展名不符。
comm-error-already-acknowledged = 您已确认收到此通信。
comm-error-not-a-recipient = 只有收件人才能确认收到通信。
comm-error-may-not-send = 只有参与名录的国家的联络点才能发送通信。
comm-error-nobody = 请至少选择一个收件人。
comm-error-unknown-recipient = 有收件人不是可以接收通信的联络点。
comm-error-not-participating = 所选国家未参与名录。
comm-error-no-poc = 所选国家尚无该角色的可接收通信的联络点。

comm-field-subject = 主题
comm-field-started = 开始时间
comm-field-detected = 发现时间
comm-field-sectors = 受影响部门
comm-field-impact = 观察到的影响
comm-field-requested-action = 请求采取的行动
comm-field-respond-by = 请求答复期限
comm-field-attribution-why = 本表格没有归因字段：名录是国家之间的沟通渠道，而不是确定归因的工具。

comm-mail-text-in = 原文（语言：{ $language }）：
comm-mail-subject-clear = [{ $tlp }] { $urgency }：来自{ $state }的{ $kind }：{ $subject }
comm-mail-subject-sealed = [{ $tlp }] { $urgency }：来自{ $state }的{ $kind }（第 { $id } 号）
comm-mail-intro = { $state }通过 pocdir 向您发送了一项通信：{ $kind }，{ $urgency }，标签 { $tlp }。请在 { $deadline } 之前确认收到。
comm-mail-open = 在 pocdir 中阅读、确认收到并答复：{ $link }
comm-mail-link-only = 其标签不允许通过电子邮件发送内容。在 pocdir 中阅读、确认收到并答复：{ $link }
comm-mail-signature = pocdir，联络点名录。此邮件为自动发送；请在 pocdir 中答复，不要回复此邮件。
comm-mail-escalation-subject = [{ $tlp }] 未确认收到：来自{ $state }的{ $kind }（第 { $id } 号）
comm-mail-escalation-body = { $state }向贵国联络点发送了一项通信（{ $kind }，{ $urgency }，标签 { $tlp }）。在 { $deadline } 之前，贵国没有任何技术联络点确认收到。请确保有人处理：{ $link }
