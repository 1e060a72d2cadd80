## Messages for re-validation reminders and overdue notices.

revalidation-mail-reminder-subject = 请于 { $due } 前重新确认：{ $poc }，{ $state }
revalidation-mail-reminder-body =
    您好：

    { $state }的联络点 { $poc }（{ $role }）的信息上次确认于 { $confirmed }。这些信息须于 { $due } 前重新确认，以便其他国家可以信赖。

    如信息仍然准确，请在重新确认页面予以确认。如信息已有变化，请提出更新；如该人员已不再担任此职，请将其撤回。

    重新确认页面：{ $link }
    联络点：{ $poc_link }
revalidation-mail-overdue-subject = 自 { $due } 起逾期未重新确认：{ $poc }，{ $state }
revalidation-mail-overdue-body =
    您好：

    { $state }的联络点 { $poc }（{ $role }）的信息应于 { $due } 重新确认，但自 { $confirmed } 以来一直未予确认。在确认之前，这些信息在名录中标记为逾期。

    请该国的提名机构确认、更新或撤回这些信息。秘书处也会收到本通知。

    重新确认页面：{ $link }
    联络点：{ $poc_link }
revalidation-mail-signature = pocdir 联络点名录。本邮件系自动发送，请勿回复。

nav-outbox = 发件箱
outbox-title = 邮件发件箱
outbox-intro = 重新确认提醒和逾期通知在此等待邮件中继服务器接收。发送失败的邮件会稍后重试，每次等待时间更长；多次尝试后仍失败的邮件将被放弃，并在此显示其最后一次错误。
outbox-count-queued = 有 { $count } 封邮件等待发送。
outbox-count-sent = 已发送 { $count } 封邮件。
outbox-count-failed = 已放弃 { $count } 封邮件。
outbox-empty = 尚无邮件排队。
outbox-col-status = 状态
outbox-col-recipient = 收件人
outbox-col-subject = 主题
outbox-col-attempts = 失败次数
outbox-col-created = 排队时间
outbox-col-when = 发送时间或下次尝试
outbox-status-queued = 等待中
outbox-status-sent = 已发送
outbox-status-failed = 已放弃
