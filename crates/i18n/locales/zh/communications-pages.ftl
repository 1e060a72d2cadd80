# 通信页面：收件箱、撰写、会话、转发；导航、主页和帮助。
#（共用词语见 communications.ftl。）

nav-communications = 通信
comm-page-unread-count = { $count } 条未读通信

comm-page-inbox-title = 通信
comm-page-metadata-only = 您可以看到谁在何时向谁发送了什么、使用何种标签及其状态，但看不到内容：名录的运营方无法查看内容。
comm-page-compose = 撰写通信
comm-page-folders = 文件夹
comm-page-any = 任意
comm-page-filter-unread = 仅未读
comm-page-filter-unacknowledged = 仅未确认
comm-page-filter-apply = 显示
comm-page-none = 此处没有通信。
comm-page-col-label = 标签
comm-page-col-from = 发件方
comm-page-col-sent = 发送时间
comm-page-col-status = 状态
comm-page-col-recipient = 收件人
comm-page-unread = 未读
comm-page-number = 第 { $id } 号通信
comm-page-older = 更早的通信
comm-page-acknowledged-of = { $total } 人中已有 { $count } 人确认

comm-page-field-kind = 类型
comm-page-field-urgency = 紧急程度
comm-page-field-tlp = TLP 标签
comm-page-field-to = 收件人
comm-page-field-text = 自由文本
comm-page-field-text-language = 自由文本的语言
comm-page-field-attachments = 附件

comm-page-compose-title = 撰写通信
comm-page-reply-title = 回复
comm-page-compose-intro = 请填写您所知道的信息；结构化字段以每位读者的语言显示，自由文本按您所写的原样显示。
comm-page-not-sent = 未发送任何内容。请更正以下字段后重新发送。
comm-page-urgency-hint = 紧急：应在 2 小时内确认；优先：24 小时内；常规：72 小时内。
comm-page-address-states = 按角色发给整个国家
comm-page-states = 参与国
comm-page-states-hint = （按住 Ctrl 或 ⌘ 可选择多个）
comm-page-roles = 这些国家的哪些联络点：
comm-page-address-named = 发给指定的联络点
comm-page-named-hint = 各参与国的联络点，按国家列出。TLP:RED 必须发给指定的联络点。
comm-page-local-time = 日期和时间
comm-page-time-zone = 时区
comm-page-text-language-hint = 例如：中文 (zh)
comm-page-attachments-hint = PDF、PNG、JPEG 或纯文本；最多 5 个文件，每个不超过 5 MB，总计不超过 10 MB。
comm-page-send = 发送
comm-page-send-reply = 发送回复
comm-page-reply-recipients = 回复将发给您所回复通信的发件人和每位收件人。
comm-page-back-to-thread = 返回该通信

comm-page-forward-title = 转发
comm-page-forward-intro = 以保持或收紧原标签的标签，将内容和文件转发给该标签允许的收件人。
comm-page-forward-send = 转发
comm-page-forward-refused = 未转发：标签不允许。此次拒绝已记入日志。

comm-page-thread-title = 通信
comm-page-back-to-inbox = 返回通信列表
comm-page-amber-reminder = TLP:AMBER：在 pocdir 之外，仅可与贵国所服务的对象在确有必要知悉时分享。
comm-page-ack-by = 应确认的截止时间
comm-page-forwarded-from = 转发自
comm-page-my-status = 您的状态
comm-page-text-as-written = 自由文本，按原文显示（{ $language }）：
comm-page-escalated = 没有技术联络点按时确认；已提醒以下国家的外交联络点：
comm-page-recipients = { $count } 位收件人
comm-page-acknowledge = 确认收到
comm-page-reply = 回复
comm-page-forward = 转发
comm-page-zoned-time = { $time }（{ $zone }）
comm-page-size-kb = { $size } KB
comm-page-size-mb = { $size } MB

comm-page-home-metadata = 谁向谁发送了什么及其状态（不含内容）
comm-page-home-unread = 条未读通信

done-communication-sent = 通信已发送给每位收件人。
done-communication-replied = 您的回复已发送。
done-communication-forwarded = 通信已转发。
done-communication-acknowledged = 已确认收到：发件人可以看到。

help-task-communications = 阅读通信
help-task-communications-text = 菜单中的“通信”显示您尚未打开的数量。收件箱列出您收到的通信，最新的在前；“已发送”列出您发送的；“本国的通信”列出发给贵国或由贵国发出的所有通信。可按类型、紧急程度、标签、未读或未确认筛选。
help-task-communications-send = 发送通信
help-task-communications-send-text = 选择类型、紧急程度和 TLP 标签，然后选择收件人：整个参与国（其外交、技术或全部联络点），或指定的联络点。TLP:RED 信息只能发给指定的联络点。表单没有归因字段：名录不是确定归因的工具。
help-task-communications-read = 阅读和确认
help-task-communications-read-text = 每条消息首先显示其 TLP 标签及其允许的范围。知悉后请尽快确认：如果贵国没有技术联络点在截止时间前确认，将提醒贵国的外交联络点。
help-task-communications-reply = 回复
help-task-communications-reply-text = 回复将在同一会话中发给您所回复消息的发件人和每位收件人。
help-task-communications-forward = 转发
help-task-communications-forward-text = 转发可以保持或收紧标签，但不能放宽，并且只能发给标签允许的对象。TLP:RED 信息绝不转发。被拒绝的转发会记入日志。
help-task-communications-metadata = 联络点之间的通信
help-task-communications-metadata-text = 所有通信的列表显示谁在何时向谁发送了何种类型的通信、使用何种标签、每位收件人的状态以及任何升级提醒。除非您是收件人，运营方无法查看内容。
