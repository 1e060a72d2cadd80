# 报告方：公开申请表、秘书处的审核页面、发给申请人的邮件以及报告方的主页。
reporters-apply-teaser = 发现威胁或漏洞的企业、研究团队或 CSIRT 可以向各国的技术联络点发出通知。
reporters-apply-link = 申请成为报告方
reporters-apply-title = 申请成为报告方
reporters-apply-intro = 名录之外的企业、研究团队和 CSIRT 可以成为经审核的报告方：获批后，可就威胁和漏洞通知参与国的技术联络点。报告方永远看不到名录。
reporters-apply-what-next = 秘书处会审核每份申请，并以您选择的语言通过电子邮件答复。
reporters-apply-submit = 提交申请
reporters-field-organisation = 机构
reporters-field-country = 国家
reporters-field-website = 网站
reporters-website-hint = 以 https:// 开头的地址
reporters-field-contact-name = 联系人
reporters-field-contact-email = 联系电子邮件
reporters-field-language = 答复语言
reporters-field-openpgp-key = OpenPGP 公钥
reporters-openpgp-hint = 可选；ASCII 封装格式
reporters-field-why = 希望通知各国的原因
reporters-why-hint = 您的工作内容，以及您会报告什么
reporters-thanks-title = 已收到申请
reporters-thanks-body = 谢谢。秘书处将审核申请，并通过电子邮件答复联系人。
reporters-thanks-back = 返回首页
reporters-error-required = 此项为必填。
reporters-error-too-long = 内容过长。
reporters-error-control-characters = 含有无法显示的字符。
reporters-error-country = 请从列表中选择国家。
reporters-error-website = 请填写有域名的 https:// 地址，不要包含用户名或密码。
reporters-error-email = 这不是电子邮件地址。
reporters-error-language = 请选择联合国六种语言之一。
reporters-error-not-now = 以报告方当前的状态，无法作出此决定。
reporters-error-reason-missing = 请填写理由：理由将发送给申请人。
reporters-error-reason-too-long = 理由超过 1000 个字符。
reporters-error-address-taken = 联系人的地址已有账户或尚未使用的邀请。
reporters-error-decision = 未知的决定。
reporters-status-pending = 待审核
reporters-status-approved = 已批准
reporters-status-rejected = 已拒绝
reporters-status-suspended = 已暂停
reporters-decision-approve = 批准
reporters-decision-reject = 拒绝
reporters-decision-suspend = 暂停
reporters-decision-reinstate = 恢复
reporters-list-title = 报告方
reporters-list-intro = 企业、研究团队和 CSIRT 的申请，待审核的排在前面。批准申请即邀请其联系人设置报告方账户。
reporters-list-pending = { $count ->
   *[other] { $count } 份申请待审核。
}
reporters-list-none = 尚无申请。
reporters-col-status = 状态
reporters-col-applied = 申请时间
reporters-col-reason = 理由
reporters-col-fingerprint = OpenPGP 指纹
reporters-col-when = 时间
reporters-col-decision = 决定
reporters-reason = 理由
reporters-history = 决定记录
reporters-home-suspended = 您的机构已被暂停：您仍可登录，但在秘书处恢复之前，您发送的任何内容都不会送达各国。
done-reporter-approved = 已批准：已通过电子邮件邀请联系人设置报告方账户。
done-reporter-rejected = 已拒绝：已告知申请人理由。
done-reporter-suspended = 已暂停：已告知报告方理由。
done-reporter-reinstated = 已恢复：已通知报告方。
reporters-mail-approve-subject = 您向各国报告的申请已获批准
reporters-mail-approve-body = 秘书处已批准 { $organisation } 通知参与国技术联络点的申请。

    请在 { $expires } 之前通过此链接设置您的报告方账户（密码和第二重验证）：
    { $link }
reporters-mail-reject-subject = 关于您向各国报告的申请
reporters-mail-reject-body = 秘书处未批准 { $organisation } 的申请。

    理由：{ $reason }
reporters-mail-suspend-subject = 您的报告方账户已被暂停
reporters-mail-suspend-body = 秘书处已暂停 { $organisation } 的报告方资格：在恢复之前，其发送的任何内容都不会送达各国。

    理由：{ $reason }
reporters-mail-reinstate-subject = 您的报告方账户已恢复
reporters-mail-reinstate-body = 秘书处已恢复 { $organisation } 的报告方资格。登录：{ $link }
values-log-reporter-apply = { $actor } 申请成为报告方：{ $object }。
values-log-reporter-approve = { $actor } 批准了{ $object }。
values-log-reporter-reject = { $actor } 拒绝了{ $object }。
values-log-reporter-suspend = { $actor } 暂停了{ $object }。
values-log-reporter-reinstate = { $actor } 恢复了{ $object }。
reporters-object = 报告方 #{ $id }
reporters-help-vet = 审核报告方
reporters-help-vet-text = 从主页打开“报告方”：待审核的申请排在前面。如有疑问，请通过其他渠道核实机构、其网站及 OpenPGP 密钥。批准即邀请其联系人设置报告方账户；拒绝时须填写理由，理由将发送给申请人。已批准的报告方如有滥用行为，可填写理由予以暂停：其仍可登录，但在您恢复之前，其发送的任何内容都不会发出。
reporters-help-apply = 申请成为报告方
reporters-help-apply-text = 使用公开页面和登录页面上的“申请成为报告方”表格，无需账户。请填写 https 网站和您会查看的电子邮件地址；秘书处将以您选择的语言答复。如获批准，邮件中会有设置密码和第二重验证的链接。
reporters-help-status = 您的状态
reporters-help-status-text = 您的主页显示您的机构及其状态。被暂停的报告方仍可登录并会看到理由，但在秘书处恢复之前，其发送的任何内容都不会送达各国。
reporters-col-language = 邮件语言
reporters-col-why = 希望通知各国的原因
