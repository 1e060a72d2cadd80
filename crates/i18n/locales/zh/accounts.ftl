# 在门户中管理的账户：邀请、注册链接、秘书处的账户页面、忘记密码、首个密码。

nav-accounts = 账户
nav-invitations = 邀请

accounts-title = 账户
accounts-intro = 门户中的所有账户。打开某个账户即可停用、重新启用或重置其第二重身份验证。
accounts-col-name = 姓名
accounts-col-email = 电子邮件
accounts-col-kind = 账户类型
accounts-col-status = 状态
accounts-col-created = 创建时间
accounts-status-active = 有效
accounts-status-enrolment-due = 待设置第二重身份验证
accounts-status-password-due = 待选择密码
accounts-status-disabled = 已停用
accounts-reason = 理由（将发送给账户持有人并记入日志）
accounts-reason-missing = 请简要说明理由：理由将发送给账户持有人并记入日志。
accounts-reason-too-long = 理由过长：请控制在 1000 个字符以内。
accounts-disable-heading = 停用此账户
accounts-disable-intro = 该账户将无法登录；其会话立即结束，其 API 令牌立即失效。
accounts-disable-button = 停用
accounts-enable-heading = 重新启用此账户
accounts-enable-intro = 该账户可再次使用密码和第二重身份验证登录。原有的 API 令牌仍保持撤销状态。
accounts-enable-button = 重新启用
accounts-reset-heading = 重置第二重身份验证
accounts-reset-intro = 适用于手机或验证器应用丢失的情况：应用和恢复码将失效，会话结束，账户在下次登录时重新设置第二重身份验证。
accounts-reset-button = 重置第二重身份验证
accounts-not-yourself = 您不能在此停用自己的账户或重置自己的第二重身份验证：请联系秘书处的其他成员。
accounts-already-so = 无需操作：该账户已处于此状态。

invitations-title = 邀请
invitations-intro = 尚未接受的邀请。每个链接只能使用一次，并在到期前有效。
invitations-new = 邀请他人
invitations-empty = 没有待处理的邀请。
invitations-col-sent = 发送时间
invitations-col-expires = 链接有效期至
invitations-revoke = 撤销
accounts-invitation-closed = 此邀请已被接受、已撤销或已过期。

invite-title = 邀请他人使用门户
invite-intro = 被邀请人将收到一封电子邮件，其中的链接用于选择密码并设置第二重身份验证。链接只能使用一次，有效期七天。
invite-participant-hint = （适用于提名机构或联络点）
invite-language = 邮件语言
invite-submit = 发送邀请
accounts-invite-email-invalid = 请输入电子邮件地址，例如 name@example.org。
accounts-invite-name-missing = 请输入此人的姓名（不超过 200 个字符）。
accounts-invite-kind-invalid = 请从列表中选择账户类型。
accounts-invite-participant-missing = 请选择此账户所代表的国家或组织。
accounts-invite-account-exists = 已有账户使用此电子邮件地址。
accounts-invite-pending-exists = 已有发往此地址的邀请在等待中。如需发送新邀请，请先撤销原邀请。

enrol-password-title = 欢迎使用 pocdir
enrol-password-intro = 您已受邀加入联络点名录。请选择密码以创建账户。
enrol-password-submit = 使用此密码
enrol-password-next = 接下来，您将使用验证器应用设置第二重身份验证。

link-title = 此链接无法使用
link-unknown = 无法识别此链接。请确认已从邮件中完整复制。
link-used = 此链接已被使用。每个链接只能使用一次。
link-revoked = 此邀请已被撤回。请向邀请您的人索取新邀请。
link-expired = 此链接已过期。请重新申请。
link-go-sign-in = 前往登录

forgot-link = 忘记密码？
forgot-title = 忘记密码
forgot-intro = 请输入您账户的电子邮件地址。如有对应账户，我们将向其发送选择新密码的链接。您还需要验证器应用或一个恢复码。
forgot-submit = 发送链接
forgot-sent = 如有账户使用此地址，选择新密码的链接正在发送中。该链接只能使用一次，有效期一小时。

reset-title = 选择新密码
reset-intro = 为以下账户设置新密码：
reset-recovery-instead = 或者，不输入验证码，而使用一个恢复码
reset-no-second-factor = 您的账户尚未设置第二重身份验证：将在下次登录时设置。
reset-submit = 保存新密码

first-password-title = 请选择您自己的密码
first-password-intro = 您的密码是由他人设置的。继续之前请选择您自己的密码：在此之前其他页面均无法打开。
first-password-submit = 使用此密码
first-password-same-as-before = 请选择一个与所给密码不同的密码。

poc-access-title = 门户访问权限
poc-access-linked = 此联络点登录所用账户：
poc-access-invited = 有一份邀请等待接受，有效期至所示日期：
poc-access-none = 此联络点在门户中尚无账户。
poc-access-invite-heading = 发送邀请
poc-access-invite-intro = 向该条目的一个已核实地址发送邀请。接受后，新账户将与此条目关联。
poc-access-link-heading = 关联到现有账户
poc-access-account = 该国家和该职能的账户
poc-access-link-submit = 关联
accounts-link-choose = 请从列表中选择该国家和该职能的账户。
accounts-poc-invite-choose = 请选择该条目的一个已核实电子邮件地址。
accounts-poc-not-active = 只有经过核实且有效的联络点才能获得门户访问权限。

done-invitation-sent = 邀请已发送。
done-invitation-revoked = 邀请已撤销：其链接已失效。
done-account-disabled = 账户已停用，并已将理由告知账户持有人。
done-account-enabled = 账户已重新启用，并已将理由告知账户持有人。
done-second-factor-reset = 第二重身份验证已重置；账户将在下次登录时重新设置。
done-password-chosen = 您的密码已更改。
done-password-reset = 您的密码已更改。请使用新密码登录。
done-poc-linked = 联络点已与账户关联。

accounts-mail-signature = pocdir，联络点名录
accounts-mail-invitation-subject = 您收到加入联络点名录的邀请
accounts-mail-invitation-body =
    您好：

    { $inviter } 邀请您以{ $state ->
        [none] “{ $kind }”
       *[other] { $state }的“{ $kind }”
    }身份加入联络点名录。

    请打开以下链接选择密码并设置第二重身份验证（验证器应用）：
    { $link }

    该链接只能使用一次，有效期至 { $expires }。如果您并未期待此邀请，请忽略本邮件。
accounts-mail-reset-subject = 为联络点名录选择新密码
accounts-mail-reset-body =
    您好：

    有人申请为账户 { $email } 选择新密码。如果是您本人，请打开以下链接：
    { $link }

    您还需要验证器应用或一个恢复码。该链接只能使用一次，有效期至 { $expires }。

    如果不是您本人，请忽略本邮件：您的密码未被更改。
accounts-mail-disabled-subject = 您在联络点名录中的账户已被停用
accounts-mail-disabled-body =
    您好：

    秘书处已停用您的账户。您已无法登录，您的 API 令牌也已失效。

    理由：{ $reason }

    如您认为有误，请回复秘书处。
accounts-mail-enabled-subject = 您在联络点名录中的账户已重新启用
accounts-mail-enabled-body =
    您好：

    秘书处已重新启用您的账户。您可以使用密码和第二重身份验证登录：{ $link }

    理由：{ $reason }
accounts-mail-mfa-reset-subject = 您在联络点名录中的第二重身份验证已被重置
accounts-mail-mfa-reset-body =
    您好：

    秘书处已重置您的第二重身份验证：您的验证器应用和恢复码均已失效。下次登录时，您将重新设置第二重身份验证：{ $link }

    理由：{ $reason }

    如果这不是您申请的，请立即告知秘书处。
